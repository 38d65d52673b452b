import { describe, expect, it } from 'vitest';
import { agreementOf, gradeLabelledSet } from '../../../api/evals/golden-agreement.ts';
import { formatAgreement, selectHalf } from '../../../api/evals/golden-agreement-report.ts';
import type { CoreCriterion, LabelledCase } from '../../../api/evals/golden.ts';
import type { GradingResult } from '../../../api/transcript/schema.ts';
import { fixtureRubric } from '../../helpers/grading-fixtures.ts';

type Verdict = 'met' | 'not_yet';

function labelled(
  file: string,
  id: string,
  verdicts: Record<CoreCriterion, Verdict>,
): LabelledCase {
  const labels = Object.fromEntries(
    Object.entries(verdicts).map(([c, verdict]) => [c, { verdict, rationale: `${c} ${verdict}` }]),
  ) as LabelledCase['labels'];
  return {
    file,
    transcript: {
      id,
      channel: 'webchat',
      turns: [{ speaker: 'agent', text: 'Hi' }],
      caseNotes: '',
    },
    labels,
    tags: [],
  };
}

function graded(id: string, verdicts: Partial<Record<CoreCriterion, Verdict>>): GradingResult {
  return {
    transcriptId: id,
    rubric: { id: 'core-webchat', version: '1' },
    grader: { mode: 'offline', model: null, promptVersion: 'test' },
    status: 'graded',
    criteria: Object.entries(verdicts).map(([c, verdict]) => ({
      id: c,
      verdict,
      confidence: 0.7,
      evidence: verdict === 'met' ? [{ turn: 0, quote: 'Hi' }] : [],
      feedback: `${c} says ${verdict}`,
      flags: [],
    })),
    flags: [],
    usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 },
  };
}

const allMet = {
  rapport: 'met',
  empathy: 'met',
  options: 'met',
  follow_up_recorded: 'met',
} as const;
const allNotYet = {
  rapport: 'not_yet',
  empathy: 'not_yet',
  options: 'not_yet',
  follow_up_recorded: 'not_yet',
} as const;

const cases = [
  labelled('001-a.json', 'a', allMet),
  labelled('002-b.json', 'b', allNotYet),
  labelled('003-c.json', 'c', { ...allNotYet, rapport: 'met' }),
];

describe('agreementOf', () => {
  it('counts agreement per criterion and lists each disagreement with the label rationale', () => {
    const result = agreementOf(cases, [
      graded('a', allMet),
      graded('b', { ...allNotYet, empathy: 'met' }),
      graded('c', { ...allNotYet, rapport: 'met' }),
    ]);
    expect(result.criteria.rapport).toEqual({
      n: 3,
      percentAgreement: 100,
      kappa: 1,
      confusion: { bothMet: 2, aMetBNotYet: 0, aNotYetBMet: 0, bothNotYet: 1 },
    });
    expect(result.criteria.empathy.confusion).toEqual({
      bothMet: 1,
      aMetBNotYet: 0,
      aNotYetBMet: 1,
      bothNotYet: 1,
    });
    expect(result.criteria.empathy.kappa).toBeCloseTo(0.4, 10);
    expect(result.disagreements).toEqual([
      {
        caseId: 'b',
        file: '002-b.json',
        criterion: 'empathy',
        expected: 'not_yet',
        actual: 'met',
        evidence: [{ turn: 0, quote: 'Hi' }],
        rationale: 'empathy not_yet',
        feedback: 'empathy says met',
      },
    ]);
    expect(result.notYetToMet).toBe(1);
  });

  it('treats a missing result or criterion as not awarded and lists it', () => {
    const result = agreementOf(cases.slice(0, 2), [graded('b', { rapport: 'not_yet' })]);
    expect(result.criteria.options.confusion).toEqual({
      bothMet: 0,
      aMetBNotYet: 1,
      aNotYetBMet: 0,
      bothNotYet: 1,
    });
    expect(result.notYetToMet).toBe(0);
    expect(result.disagreements.map((d) => [d.caseId, d.criterion, d.actual])).toEqual([
      ['a', 'rapport', null],
      ['a', 'empathy', null],
      ['a', 'options', null],
      ['a', 'follow_up_recorded', null],
      ['b', 'empathy', null],
      ['b', 'options', null],
      ['b', 'follow_up_recorded', null],
    ]);
  });
});

describe('gradeLabelledSet', () => {
  it('grades each case with the given grader and the given rubric', () => {
    const rubric = fixtureRubric();
    const seen: string[] = [];
    const result = gradeLabelledSet(cases, rubric, ({ transcript, rubric: used }) => {
      seen.push(`${transcript.id}:${used.id}`);
      return graded(transcript.id, allNotYet);
    });
    expect(seen).toEqual(['a:core-webchat', 'b:core-webchat', 'c:core-webchat']);
    expect(result.notYetToMet).toBe(0);
    expect(result.disagreements.map((d) => `${d.caseId}:${d.criterion}`)).toEqual([
      'a:rapport',
      'a:empathy',
      'a:options',
      'a:follow_up_recorded',
      'c:rapport',
    ]);
  });
});

describe('the agreement report helpers', () => {
  it('splits a set into odd- and even-numbered files', () => {
    expect(selectHalf(cases, 'odd').map((c) => c.file)).toEqual(['001-a.json', '003-c.json']);
    expect(selectHalf(cases, 'even').map((c) => c.file)).toEqual(['002-b.json']);
    expect(selectHalf(cases, 'all')).toHaveLength(3);
  });

  it('formats one row per core criterion and the not_yet→met count', () => {
    const result = agreementOf(
      cases,
      cases.map((c) => graded(c.transcript.id, allNotYet)),
    );
    expect(formatAgreement('tiny', result)).toEqual([
      'tiny:',
      '  rapport             n=3 κ= 0.00 agree= 33%  met→met 0  met→not_yet 2  not_yet→met 0  not_yet→not_yet 1',
      '  empathy             n=3 κ= 0.00 agree= 67%  met→met 0  met→not_yet 1  not_yet→met 0  not_yet→not_yet 2',
      '  options             n=3 κ= 0.00 agree= 67%  met→met 0  met→not_yet 1  not_yet→met 0  not_yet→not_yet 2',
      '  follow_up_recorded  n=3 κ= 0.00 agree= 67%  met→met 0  met→not_yet 1  not_yet→met 0  not_yet→not_yet 2',
      '  not_yet→met total: 0',
    ]);
  });
});
