/**
 * Samples the server's memory from /proc/<pid>/status (Linux): resident set now (VmRSS) and the
 * kernel's own high-water mark (VmHWM). Elsewhere the figures are null.
 */
import { readFile } from 'node:fs/promises';

/** Resident memory in MB, now and at its peak; nulls when /proc is not readable. */
export async function readRss(
  pid: number,
): Promise<{ rssMb: number | null; peakMb: number | null }> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => {
      const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
      return m ? Math.round(Number(m[1]) / 102.4) / 10 : null;
    };
    return { rssMb: kb('VmRSS'), peakMb: kb('VmHWM') };
  } catch {
    return { rssMb: null, peakMb: null };
  }
}

/** Samples RSS every `everyMs` until stopped; returns the highest sample seen. */
export function sampleRss(pid: number, everyMs = 250) {
  let max = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const { rssMb } = await readRss(pid);
      if (rssMb !== null) max = Math.max(max, rssMb);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return max;
    },
  };
}
