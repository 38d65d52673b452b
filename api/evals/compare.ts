/** `--compare RUN_ID`: per-case outcome changes and figure deltas from a stored run to a new one. */
import type { SuiteResult } from './result.ts';
import type { StoredRun } from './store.ts';

/** What changed between two runs of one suite. */
export interface RunComparison {
  from: string;
  to: string;
  suite: string;
  caseChanges: { id: string; before: string; after: string }[];
  figureDeltas: {
    name: string;
    before: number | null;
    after: number | null;
    delta: number | null;
  }[];
}

/** What `compareRuns` reads of the newer run: a fresh result, or another stored run. */
export type ComparableRun = Pick<SuiteResult, 'runId' | 'suite' | 'figures'> & {
  cases: { id: string; outcome: string }[];
};

/** Compares a stored run with a newer run (a new result, or a stored one) of the same suite. */
export function compareRuns(before: StoredRun, after: ComparableRun): RunComparison {
  const old = new Map(before.cases.map((c) => [c.id, c.outcome]));
  const now = new Map(after.cases.map((c) => [c.id, c.outcome]));
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort();
  const caseChanges = ids
    .map((id) => ({ id, before: old.get(id) ?? 'absent', after: now.get(id) ?? 'absent' }))
    .filter((c) => c.before !== c.after);
  const oldFigures = new Map(before.figures.map((f) => [f.name, f.value]));
  const names = [
    ...new Set([...before.figures.map((f) => f.name), ...after.figures.map((f) => f.name)]),
  ];
  const figureDeltas = names.map((name) => {
    const b = oldFigures.get(name) ?? null;
    const a = after.figures.find((f) => f.name === name)?.value ?? null;
    const delta = a === null || b === null ? null : Math.round((a - b) * 10_000) / 10_000;
    return { name, before: b, after: a, delta };
  });
  return { from: before.runId, to: after.runId, suite: after.suite, caseChanges, figureDeltas };
}

const show = (v: number | null) => (v === null ? '–' : String(v));

/** The comparison as text for the terminal. */
export function formatComparison(c: RunComparison): string {
  const lines = [`Compare ${c.suite}: ${c.from} → ${c.to}`];
  if (c.caseChanges.length === 0) lines.push('  cases: no changes');
  for (const ch of c.caseChanges) lines.push(`  case ${ch.id}: ${ch.before} → ${ch.after}`);
  for (const f of c.figureDeltas) {
    const sign = f.delta !== null && f.delta > 0 ? '+' : '';
    lines.push(
      `  ${f.name}: ${show(f.before)} → ${show(f.after)} (${f.delta === null ? 'n/a' : `${sign}${f.delta}`})`,
    );
  }
  return `${lines.join('\n')}\n`;
}
