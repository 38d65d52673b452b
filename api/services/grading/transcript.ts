/** Builds the interchange transcript (BRIEF §4.1) of a stored attempt, as the graders read it. */
import type { AppDeps } from '../../deps.ts';
import type { Transcript } from '../../transcript/schema.ts';
import type { AttemptRow } from '../roleplay/access.ts';
import { attemptEvents, attemptMessages } from '../roleplay/attempts.ts';
import { caseNotesText, parseStoredCaseNotes } from '../roleplay/case-notes.ts';

/** The attempt's finished messages, system events and case notes as one transcript. */
export async function attemptTranscript(
  deps: Pick<AppDeps, 'db'>,
  attempt: AttemptRow,
): Promise<Transcript> {
  const [msgs, events] = await Promise.all([
    attemptMessages(deps, attempt.id),
    attemptEvents(deps, attempt.id),
  ]);
  return {
    id: attempt.id,
    channel: 'webchat',
    scenario: attempt.scenarioId,
    turns: msgs
      .filter((m) => m.status === 'complete')
      .map((m) => ({ speaker: m.speaker, text: m.text })),
    caseNotes: caseNotesText(parseStoredCaseNotes(attempt.caseNotes)),
    systemEvents: events.map((e) => ({ kind: e.kind, target: e.target, afterTurn: e.afterTurn })),
    ...(attempt.endReason ? { endReason: attempt.endReason } : {}),
  };
}
