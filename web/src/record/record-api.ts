/** Shape of GET /api/records/learners/:learnerId/standards/:rubricId (api/services/portfolio/record.ts). */

/** One confirmed decision that evidences a criterion. */
export interface RecordDecision {
  attemptId: string;
  scenario: { id: string; title: string; interactionType: string | null };
  rubric: { id: string; version: string };
  criterionId: string;
  verdict: 'met' | 'not_yet';
  action: 'confirm' | 'override';
  reason: string | null;
  decidedAt: string;
  assessorName: string;
  evidence: Array<{ turn: number | 'caseNotes'; quote: string }>;
  signedOff: { at: string } | null;
}

/** The evidence record of one learner against one standard. */
export interface EvidenceRecord {
  learner: { id: string; name: string };
  standard: {
    id: string;
    version: string;
    title: string;
    code: string | null;
    level: string | null;
  };
  summary: {
    criteriaMet: number;
    criteriaAssessable: number;
    criteriaOtherMeans: number;
    interactions: number;
    interactionTypes: string[];
    personaTraits: string[];
    missingTraits: string[];
  };
  criteria: Array<{
    id: string;
    title: string;
    standardCodes: string[];
    evidencedBy: string;
    status: 'met' | 'not_yet' | 'other_means';
    label: string;
    otherEvidence: string | null;
    needs: string[];
    decisions: RecordDecision[];
  }>;
}
