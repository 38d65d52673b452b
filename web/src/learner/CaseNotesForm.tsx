/**
 * Wrap-up case notes: what the customer needed, what was done, what was agreed, and the
 * follow-up with its owner and due date. Drafts autosave (the status is announced politely);
 * "Submit for grading" saves what is left and submits. Submitted notes are shown read-only.
 */
import { useState } from 'react';
import { Facts } from '../designer/Facts.tsx';
import { errorMessage } from './errors.ts';
import { timeOfDay } from './labels.ts';
import { submitAttempt, type AttemptView, type CaseNotes } from './learner-api.ts';
import { useAutosave, type SaveStatus } from './useAutosave.ts';

const TEXT_FIELDS: Array<{ key: 'needed' | 'done' | 'agreed' | 'followUp'; label: string }> = [
  { key: 'needed', label: 'What the customer needed' },
  { key: 'done', label: 'What you did' },
  { key: 'agreed', label: 'What was agreed' },
  { key: 'followUp', label: 'Follow-up' },
];

function statusText(s: SaveStatus): string {
  switch (s.kind) {
    case 'idle':
      return 'Your notes save automatically as you type.';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved at ${timeOfDay(s.at)}.`;
    case 'error':
      return `Not saved: ${s.message} Your text is kept here; it is saved again on your next change.`;
  }
}

export function CaseNotesForm({
  view,
  onSubmitted,
}: {
  view: AttemptView;
  onSubmitted: (view: AttemptView) => void;
}) {
  const locked = view.status === 'submitted';
  const [notes, setNotes] = useState<CaseNotes>(view.caseNotes);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { status, flush } = useAutosave(view.id, notes, !locked);
  const set = (key: keyof CaseNotes) => (value: string) =>
    setNotes((n) => ({ ...n, [key]: value }));

  if (locked)
    return (
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">Case notes</h2>
        <Facts
          items={[
            ...TEXT_FIELDS.map(({ key, label }): [string, string] => [label, notes[key] || '—']),
            ['Follow-up owner', notes.followUpOwner || '—'],
            ['Follow-up due', notes.followUpDue || '—'],
          ]}
        />
      </section>
    );

  async function submit() {
    setSubmitting(true);
    setError(null);
    try {
      if (!(await flush()))
        throw new Error('Your notes could not be saved, so nothing was submitted.');
      onSubmitted(await submitAttempt(view.id));
    } catch (err) {
      setError(errorMessage(err, 'Could not submit for grading.'));
      setSubmitting(false);
    }
  }

  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading">Case notes</h2>
      <form
        className="case-notes"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {TEXT_FIELDS.map(({ key, label }) => (
          <div key={key}>
            <label htmlFor={`notes-${key}`}>{label}</label>
            <textarea
              id={`notes-${key}`}
              rows={3}
              maxLength={4000}
              value={notes[key]}
              onChange={(e) => set(key)(e.target.value)}
            />
          </div>
        ))}
        <div className="notes-row">
          <div>
            <label htmlFor="notes-owner">Follow-up owner</label>
            <input
              id="notes-owner"
              maxLength={200}
              value={notes.followUpOwner}
              onChange={(e) => set('followUpOwner')(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="notes-due">Follow-up due date</label>
            <input
              id="notes-due"
              type="date"
              value={notes.followUpDue}
              onChange={(e) => set('followUpDue')(e.target.value)}
            />
          </div>
        </div>
        <p className="hint save-status" role="status">
          {statusText(status)}
        </p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <p className="hint">Submitting locks your notes and sends the chat for grading.</p>
        <button type="submit" disabled={submitting}>
          {submitting ? 'Submitting…' : 'Submit for grading'}
        </button>
      </form>
    </section>
  );
}
