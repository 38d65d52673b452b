import { describe, expect, it } from 'vitest';
import { parseRecordPath, recordPath } from '#web/src/record/paths.ts';

describe('evidence record paths', () => {
  it('round-trips a learner and standard under each area', () => {
    for (const area of ['learner', 'coach', 'assessor', 'admin'] as const) {
      const path = recordPath(area, 'usr_1', 'nz-cc-gpo1');
      expect(path).toBe(`/${area}/record/usr_1/nz-cc-gpo1`);
      expect(parseRecordPath(path)).toEqual({ learnerId: 'usr_1', rubricId: 'nz-cc-gpo1' });
    }
  });

  it('reads no other path as a record', () => {
    for (const path of [
      '/assessor',
      '/designer/record/u/r',
      '/learner/record/u',
      '/learner/record/u/r/x',
      '/learner/record/%E0%A4%A/r',
    ])
      expect(parseRecordPath(path)).toBeNull();
  });
});
