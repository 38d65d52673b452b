/**
 * Runs the offline grader over the repo's labelled sets and prints the agreement table (and,
 * optionally, each disagreement with the label's rationale). No package script: call it with
 *   npx tsx -e "import('./api/evals/golden-agreement-report.ts').then(m => m.main({ half: 'odd' }))"
 */
import { join } from 'node:path';
import { loadRubricPack } from '../content/load.ts';
import { repoRoot } from '../content/repo-root.ts';
import { gradeOffline } from '../grading/offline/grader.ts';
import { gradeLabelledSet, type LabelledSetAgreement } from './golden-agreement.ts';
import { CORE_CRITERIA, loadLabelledSet, type LabelledCase } from './golden.ts';

/** Which files of a set to use: odd- or even-numbered (`001`, `003`… vs `002`…) or all. */
export type Half = 'all' | 'odd' | 'even';

/** Options for main. */
export interface ReportOptions {
  /** Which half of each set to grade (default all). */
  half?: Half;
  /** Print each disagreement, not just the table (default false). */
  details?: boolean;
  /** Label sets to run, relative to the repo root (default golden and injection). */
  sets?: string[];
}

/** The cases of a set whose file number falls in the given half. */
export function selectHalf(cases: readonly LabelledCase[], half: Half): LabelledCase[] {
  if (half === 'all') return [...cases];
  return cases.filter(
    (c) => Number.parseInt(c.file.slice(0, 3), 10) % 2 === (half === 'odd' ? 1 : 0),
  );
}

/** The agreement table as text lines: one row per core criterion, then not_yet→met. */
export function formatAgreement(name: string, result: LabelledSetAgreement): string[] {
  const rows = CORE_CRITERIA.map((c) => {
    const a = result.criteria[c];
    const m = a.confusion;
    // Round first so a tiny negative κ prints as 0.00, not -0.00.
    const kappa =
      a.kappa === null ? '  n/a' : (Math.round(a.kappa * 100) / 100 + 0).toFixed(2).padStart(5);
    const pct = a.percentAgreement === null ? 'n/a' : `${a.percentAgreement.toFixed(0)}%`;
    return `  ${c.padEnd(19)} n=${a.n} κ=${kappa} agree=${pct.padStart(4)}  met→met ${m.bothMet}  met→not_yet ${m.aMetBNotYet}  not_yet→met ${m.aNotYetBMet}  not_yet→not_yet ${m.bothNotYet}`;
  });
  return [`${name}:`, ...rows, `  not_yet→met total: ${result.notYetToMet}`];
}

/** Grades the sets offline and prints the agreement; returns the results for scripting. */
export async function main(options: ReportOptions = {}): Promise<LabelledSetAgreement[]> {
  const rubric = await loadRubricPack(repoRoot, 'core-webchat');
  const results: LabelledSetAgreement[] = [];
  for (const set of options.sets ?? ['evals/golden', 'evals/injection']) {
    const cases = selectHalf(await loadLabelledSet(join(repoRoot, set)), options.half ?? 'all');
    const started = performance.now();
    const result = gradeLabelledSet(cases, rubric, gradeOffline);
    const perCase = (performance.now() - started) / Math.max(cases.length, 1);
    const lines = formatAgreement(
      `${set} (${options.half ?? 'all'}, ${cases.length} cases)`,
      result,
    );
    lines.push(`  offline grading: ${perCase.toFixed(2)} ms per transcript`);
    if (options.details)
      for (const d of result.disagreements)
        lines.push(
          `  - ${d.file} ${d.criterion}: expected ${d.expected}, got ${d.actual}`,
          `      label: ${d.rationale}`,
          `      grader: ${d.feedback}`,
          ...d.evidence.map((e) => `      [${e.turn}] ${e.quote}`),
        );
    process.stdout.write(`${lines.join('\n')}\n`);
    results.push(result);
  }
  return results;
}
