/**
 * Wrap-up case notes: the structured form the learner fills in (what the customer needed, what
 * was done, what was agreed, follow-up with owner and due date), and the plain text the
 * transcript and the grader read.
 */
import { z } from 'zod';

export const MAX_CASE_NOTE_FIELD = 4_000;

const field = z.string().max(MAX_CASE_NOTE_FIELD).default('');

export const caseNotesSchema = z.strictObject({
  needed: field,
  done: field,
  agreed: field,
  followUp: field,
  followUpOwner: z.string().max(200).default(''),
  followUpDue: z.string().max(40).default(''),
});

export type CaseNotes = z.infer<typeof caseNotesSchema>;

export const EMPTY_CASE_NOTES: CaseNotes = caseNotesSchema.parse({});

/** Reads stored notes (JSON) back, tolerating an empty column. */
export function parseStoredCaseNotes(stored: string | null): CaseNotes {
  if (!stored) return EMPTY_CASE_NOTES;
  const parsed = caseNotesSchema.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : EMPTY_CASE_NOTES;
}

/** The notes as one text, in the order an assessor reads them. */
export function caseNotesText(n: CaseNotes): string {
  const lines: string[] = [];
  if (n.needed.trim()) lines.push(`Customer needed: ${n.needed.trim()}`);
  if (n.done.trim()) lines.push(`Done: ${n.done.trim()}`);
  if (n.agreed.trim()) lines.push(`Agreed: ${n.agreed.trim()}`);
  if (n.followUp.trim() || n.followUpOwner.trim() || n.followUpDue.trim()) {
    const who = n.followUpOwner.trim() ? ` Owner: ${n.followUpOwner.trim()}.` : '';
    const when = n.followUpDue.trim() ? ` Due: ${n.followUpDue.trim()}.` : '';
    lines.push(`Follow-up: ${n.followUp.trim()}${who}${when}`.trim());
  }
  return lines.join('\n');
}
