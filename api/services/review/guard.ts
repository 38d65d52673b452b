/**
 * Checks shared by every assessor action: the attempt is in the assessor's organisation, it is
 * not their own, and it is submitted.
 */
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { loadAttemptFor, type AttemptRow } from '../roleplay/access.ts';

/** Loads an attempt an assessor may decide on, or throws NOT_FOUND / FORBIDDEN / CONFLICT. */
export async function loadAttemptForDecision(
  db: Db,
  actor: Actor,
  attemptId: string,
): Promise<AttemptRow> {
  const attempt = await loadAttemptFor(db, actor, attemptId, 'read');
  // Nobody marks their own work, whatever roles they hold.
  if (attempt.learnerId === actor.userId) {
    throw new AppError('FORBIDDEN', 'You cannot assess your own attempt.');
  }
  if (attempt.status !== 'submitted') {
    throw new AppError('CONFLICT', 'Only a submitted attempt can be assessed.');
  }
  return attempt;
}
