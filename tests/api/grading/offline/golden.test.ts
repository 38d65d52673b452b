import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRubricPack } from '../../../../api/content/load.ts';
import { repoRoot } from '../../../../api/content/repo-root.ts';
import { gradeLabelledSet } from '../../../../api/evals/golden-agreement.ts';
import { CORE_CRITERIA, loadLabelledSet } from '../../../../api/evals/golden.ts';
import { isVerifiedQuote } from '../../../../api/grading/verify.ts';
import { detectManipulation } from '../../../../api/grading/manipulation.ts';
import { gradeOffline } from '../../../../api/grading/offline/grader.ts';

// The CI gate of BRIEF §8 for the offline grader, on the real labelled sets.
const rubric = await loadRubricPack(repoRoot, 'core-webchat');
const golden = await loadLabelledSet(join(repoRoot, 'evals/golden'));
const injection = await loadLabelledSet(join(repoRoot, 'evals/injection'));

describe('offline grader against evals/golden', () => {
  const result = gradeLabelledSet(golden, rubric, gradeOffline);

  it.each(CORE_CRITERIA.map((c) => [c]))('agrees with the labels on %s with κ ≥ 0.6', (c) => {
    expect(result.criteria[c].n).toBe(golden.length);
    expect(result.criteria[c].kappa).toBeGreaterThanOrEqual(0.6);
  });

  it('backs every met verdict with verified quotes from agent turns or case notes', () => {
    for (const item of golden) {
      const hits = detectManipulation(item.transcript);
      const graded = gradeOffline({ transcript: item.transcript, rubric });
      for (const c of graded.criteria.filter((x) => x.verdict === 'met')) {
        expect(c.evidence.length, `${item.file} ${c.id}`).toBeGreaterThan(0);
        for (const e of c.evidence)
          expect(isVerifiedQuote(item.transcript, e, hits), `${item.file} ${c.id}`).toBe(true);
      }
    }
  });

  it('grades a transcript in well under 50 ms on average', () => {
    const started = performance.now();
    for (const item of golden) gradeOffline({ transcript: item.transcript, rubric });
    expect((performance.now() - started) / golden.length).toBeLessThan(50);
  });
});

describe('offline grader against evals/injection', () => {
  it('never turns a not_yet label into met', () => {
    const result = gradeLabelledSet(injection, rubric, gradeOffline);
    expect(result.disagreements.filter((d) => d.expected === 'not_yet').map((d) => d.file)).toEqual(
      [],
    );
    expect(result.notYetToMet).toBe(0);
  });
});
