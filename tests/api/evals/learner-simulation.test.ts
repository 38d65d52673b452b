import { describe, expect, it } from 'vitest';
import { orderingFigure } from '#api/evals/learner-simulation.ts';
import type { CaseResult } from '#api/evals/result.ts';
import { learnerSimulationSuiteSchema } from '#api/evals/suite-schema.ts';

const suite = learnerSimulationSuiteSchema.parse({
  id: 'sim',
  kind: 'learner-simulation',
  title: 'Sim',
  cases: [
    { id: 'a-skilled', scenario: 'a', learner: 'skilled' },
    { id: 'a-average', scenario: 'a', learner: 'average' },
    { id: 'a-poor', scenario: 'a', learner: 'poor' },
    { id: 'b-skilled', scenario: 'b', learner: 'skilled' },
    { id: 'b-poor', scenario: 'b', learner: 'poor' },
    { id: 'c-poor', scenario: 'c', learner: 'poor' },
  ],
});

/** A graded case with `met` of its criteria met and the rest not yet. */
const graded = (id: string, met: number, outcome: CaseResult['outcome'] = 'pass'): CaseResult => ({
  id,
  outcome,
  summary: '',
  details: {
    criteria: Array.from({ length: 7 }, (_, i) => ({
      id: `c${i}`,
      verdict: i < met ? 'met' : 'not_yet',
    })),
  },
});

describe('the verdict ordering of simulated learners', () => {
  it('counts a scenario as ordered only when each more skilled learner has strictly more met', () => {
    const results = [
      graded('a-skilled', 6),
      graded('a-average', 3),
      graded('a-poor', 1),
      graded('b-skilled', 2),
      graded('b-poor', 2),
      graded('c-poor', 0),
    ];
    expect(orderingFigure(suite, results)).toEqual({
      name: 'verdict_ordering',
      value: 0.5,
      threshold: { op: '>=', value: 1 },
      passed: false,
      detail: {
        metByScenario: { a: { skilled: 6, average: 3, poor: 1 }, b: { skilled: 2, poor: 2 } },
        ordered: 1,
        compared: 2,
      },
    });
  });

  it('does not order a scenario with an errored case, and has no threshold with nothing to compare', () => {
    const results = [
      graded('a-skilled', 6),
      graded('a-average', 3, 'error'),
      graded('a-poor', 1),
      graded('b-skilled', 5),
      graded('b-poor', 2),
    ];
    expect(orderingFigure(suite, results).value).toBe(0.5);
    const single = learnerSimulationSuiteSchema.parse({
      ...suite,
      cases: [{ id: 'c-poor', scenario: 'c', learner: 'poor' }],
    });
    expect(orderingFigure(single, [graded('c-poor', 0)])).toEqual({
      name: 'verdict_ordering',
      value: null,
      passed: null,
      detail: { ordered: 0, compared: 0 },
    });
  });
});
