import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../api/content/repo-root.ts';
import { buildEvalContext } from '../../api/evals/build-context.ts';
import { runSuites } from '../../api/evals/runner.ts';
import { loadSuites } from '../../api/evals/suite-load.ts';

describe('the real persona-fidelity suite, offline', () => {
  it('has at least 8 cases over several personas and passes every one', async () => {
    const suites = await loadSuites(join(repoRoot, 'evals/suites'), ['persona-fidelity'], repoRoot);
    const ctx = await buildEvalContext({ root: repoRoot, live: null });
    let n = 0;
    const [result] = await runSuites(suites, ctx, {
      concurrency: 4,
      progress: () => ({ tick: () => {}, done: () => {} }),
      now: () => 0,
      newRunId: () => `run-${++n}`,
    });
    expect(result?.cases.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(result?.versions.personas ?? {}).length).toBeGreaterThanOrEqual(5);
    const failures = (result?.cases ?? [])
      .filter((c) => c.outcome !== 'pass')
      .map((c) => `${c.id}: ${c.summary}`);
    expect({ status: result?.status, failures }).toEqual({ status: 'passed', failures: [] });
  });
});
