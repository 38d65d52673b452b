/** Labels and number formats for eval runs, so tables and charts say the same thing. */
import type { RunView } from './evals-api.ts';

type Figure = RunView['figures'][number];

const STATUS: Record<string, string> = {
  queued: 'Queued',
  running: 'Running',
  passed: 'Passed',
  failed: 'Failed',
  error: 'Error',
};

/** "Passed" for `passed`. */
export function statusLabel(status: string): string {
  return STATUS[status] ?? status;
}

/** A figure's value: up to three decimals, or a dash for none. */
export function formatValue(value: number | null): string {
  return value === null ? '–' : String(Math.round(value * 1000) / 1000);
}

/** A signed change (+0.05, −0.4), or n/a. */
export function formatDelta(delta: number | null): string {
  if (delta === null) return 'n/a';
  if (delta === 0) return '0';
  return delta > 0 ? `+${formatValue(delta)}` : `−${formatValue(-delta)}`;
}

/** A figure's name for people: `kappa.empathy` → "κ empathy", `case_pass_rate` → "case pass rate". */
export function figureLabel(name: string): string {
  const [head, ...rest] = name.split('.');
  const tail = rest.join('.').replace(/_/g, ' ');
  if (head === 'kappa') return `κ ${tail}`;
  if (head === 'accuracy') return `accuracy ${tail}`;
  if (head === 'assertion') return `assertion ${tail}`;
  return name.replace(/_/g, ' ');
}

/** The threshold in words ("needs ≥ 0.6"), or empty. */
export function thresholdLabel(f: Figure): string {
  if (!f.threshold) return '';
  return `needs ${f.threshold.op === '>=' ? '≥' : '≤'} ${f.threshold.value}`;
}

/** The figures the runs table shows: κ per criterion, pass rates, and any failed threshold. */
export function keyFigures(figures: Figure[]): Figure[] {
  return figures.filter(
    (f) => f.name.startsWith('kappa.') || f.name.endsWith('_rate') || f.passed === false,
  );
}

/** A date and time in the reader's locale. */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** "12/13 cases passed", or the live progress of a running run. */
export function casesLabel(run: RunView): string {
  if (run.caseCounts) {
    const { pass, fail, error } = run.caseCounts;
    return `${pass}/${pass + fail + error} cases passed${error > 0 ? ` (${error} errors)` : ''}`;
  }
  if (run.progress?.total != null) return `${run.progress.done} of ${run.progress.total} cases`;
  return '';
}
