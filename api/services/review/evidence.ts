/**
 * Verifies the quotes an assessor cites: each must be an exact (whitespace-normalised) substring
 * of an agent turn with that number or of the case notes, exactly as the grader's quotes are.
 */
import type { AppDeps } from '../../deps.ts';
import { detectManipulation } from '../../grading/manipulation.ts';
import { isVerifiedQuote } from '../../grading/verify.ts';
import { AppError } from '../../lib/errors.ts';
import type { Evidence } from '../../transcript/schema.ts';
import type { AttemptRow } from '../roleplay/access.ts';
import { attemptTranscript } from '../grading/transcript.ts';

/** Throws VALIDATION_FAILED naming the first quote that is not the learner's own words. */
export async function verifyAssessorEvidence(
  deps: Pick<AppDeps, 'db'>,
  attempt: AttemptRow,
  evidence: readonly Evidence[],
): Promise<void> {
  if (evidence.length === 0) return;
  const transcript = await attemptTranscript(deps, attempt);
  const hits = detectManipulation(transcript);
  evidence.forEach((e, i) => {
    if (!isVerifiedQuote(transcript, e, hits)) {
      const where = e.turn === 'caseNotes' ? 'the case notes' : `agent turn ${e.turn}`;
      throw new AppError(
        'VALIDATION_FAILED',
        `Evidence ${i + 1} is not an exact quote of ${where}.`,
        { issues: [{ path: `evidence.${i}.quote`, message: 'not found in the cited text' }] },
      );
    }
  });
}
