/**
 * Paths of the printable evidence record: `/<area>/record/<learnerId>/<rubricId>`, under the
 * area of the person opening it (a learner's own under /learner, others' under their role's).
 */

/** Areas the record may be opened from (the learner themselves, coach, assessor, admin). */
export type RecordArea = 'learner' | 'coach' | 'assessor' | 'admin';

const RECORD = /^\/(learner|coach|assessor|admin)\/record\/([^/]+)\/([^/]+)$/;

/** The path of a learner's record against one standard. */
export function recordPath(area: RecordArea, learnerId: string, rubricId: string): string {
  return `/${area}/record/${encodeURIComponent(learnerId)}/${encodeURIComponent(rubricId)}`;
}

/** The learner and standard of a record path, or null for any other path. */
export function parseRecordPath(path: string): { learnerId: string; rubricId: string } | null {
  const m = RECORD.exec(path);
  if (!m?.[2] || !m[3]) return null;
  try {
    return { learnerId: decodeURIComponent(m[2]), rubricId: decodeURIComponent(m[3]) };
  } catch {
    return null;
  }
}
