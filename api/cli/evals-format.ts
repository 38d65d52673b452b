/** The terminal summary of an eval invocation: one block per suite with its figures. */
import type { Figure, SuiteResult } from '../evals/result.ts';

const LABEL = { passed: 'PASS', failed: 'FAIL', error: 'ERROR', skipped: 'SKIP' } as const;

function figureLine(f: Figure): string {
  const t = f.threshold ? ` (needs ${f.threshold.op} ${f.threshold.value})` : '';
  const mark = f.passed === false ? '  ✗' : '';
  return `    ${f.name} = ${f.value ?? 'n/a'}${t}${mark}`;
}

/** One block per suite: status, case counts, run id and figures. */
export function formatSummary(results: readonly SuiteResult[]): string {
  const blocks = results.map((r) => {
    const passed = r.cases.filter((c) => c.outcome === 'pass').length;
    const head =
      r.status === 'skipped'
        ? `${LABEL[r.status]} ${r.suite}: ${r.reason ?? 'skipped'}`
        : `${LABEL[r.status]} ${r.suite} [${r.mode}] ${passed}/${r.cases.length} cases passed · run ${r.runId}`;
    return [head, ...r.figures.map(figureLine)].join('\n');
  });
  const failed = results.filter((r) => r.status === 'failed' || r.status === 'error').length;
  return `${blocks.join('\n')}\n${failed === 0 ? 'All suites met their thresholds.' : `${failed} suite(s) failed a threshold.`}\n`;
}
