/**
 * Progress of an eval run on stderr: a redrawn bar on a terminal, plain lines otherwise (CI logs,
 * pipes, tests), so the output never fills a log with carriage returns.
 */

/** Where progress goes and whether it is a terminal. */
export interface ProgressSink {
  write: (text: string) => void;
  isTTY: boolean;
}

/** Reports each finished case. */
export interface Progress {
  tick(label: string, outcome: string): void;
  done(): void;
}

const WIDTH = 24;

/** A progress reporter for `total` cases. */
export function createProgress(sink: ProgressSink, total: number): Progress {
  let count = 0;
  return {
    tick(label, outcome) {
      count += 1;
      if (!sink.isTTY) {
        sink.write(`evals: [${count}/${total}] ${label} ${outcome}\n`);
        return;
      }
      const filled = total === 0 ? WIDTH : Math.round((count / total) * WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
      sink.write(`\r\x1b[2K${bar} ${count}/${total} ${label.slice(0, 50)}`);
    },
    done() {
      if (sink.isTTY && total > 0) sink.write('\n');
    },
  };
}
