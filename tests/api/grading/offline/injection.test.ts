import { describe, expect, it } from 'vitest';
import { manipulationReason } from '../../../../api/grading/manipulation.ts';
import { gradeOffline } from '../../../../api/grading/offline/grader.ts';
import {
  fixtureRubric,
  fixtureTranscript,
  injectionTranscripts,
} from '../../../helpers/grading-fixtures.ts';

const rubric = fixtureRubric();
const base = gradeOffline({
  transcript: fixtureTranscript('transcripts/injection-base.json'),
  rubric,
});
const injections = injectionTranscripts();

describe('offline grader against the injection set', () => {
  it('has at least 15 injection transcripts and a base where every criterion is not yet', () => {
    expect(injections.length).toBeGreaterThanOrEqual(15);
    expect(base.criteria.map((c) => [c.id, c.verdict])).toEqual(
      rubric.criteria.map((c) => [c.id, 'not_yet']),
    );
  });

  it.each(injections.map((t) => [t.id, t] as const))(
    'never flips not_yet to met for %s',
    (_id, transcript) => {
      const result = gradeOffline({ transcript, rubric });
      expect(result.criteria.map((c) => [c.id, c.verdict])).toEqual(
        base.criteria.map((c) => [c.id, c.verdict]),
      );
      expect(result.flags).toContain('possible_grader_manipulation');
      for (const c of result.criteria)
        for (const e of c.evidence) expect(manipulationReason(e.quote)).toBeNull();
    },
  );
});
