/**
 * Pages reached from more than one role's area: the printable evidence record (a learner's
 * own, or a learner's for their coach, an assessor or an admin), the agreement figures for
 * designers, and the IQA disagreements for admins. Returns null for any other path.
 */
import { AgreementPage } from '../assessor/AgreementPage.tsx';
import { DisagreementsPage } from '../assessor/DisagreementsPage.tsx';
import { EvidenceRecordPage } from '../record/EvidenceRecordPage.tsx';
import { parseRecordPath } from '../record/paths.ts';

/** Paths of the shared pages that a role's home links to. */
export const DESIGNER_AGREEMENT_PATH = '/designer/agreement';
export const ADMIN_DISAGREEMENTS_PATH = '/admin/disagreements';

export function sharedPage(path: string, navigate: (path: string) => void) {
  const record = parseRecordPath(path);
  if (record)
    return (
      <EvidenceRecordPage
        key={path}
        learnerId={record.learnerId}
        rubricId={record.rubricId}
        onBack={() => {
          // Back to where the record was opened from, or the area's home on a direct visit.
          if (window.history.length > 1) window.history.back();
          else navigate(`/${path.split('/')[1] ?? ''}`);
        }}
      />
    );
  if (path === DESIGNER_AGREEMENT_PATH) return <AgreementPage />;
  if (path === ADMIN_DISAGREEMENTS_PATH) return <DisagreementsPage />;
  return null;
}
