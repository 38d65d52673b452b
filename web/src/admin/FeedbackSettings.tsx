/**
 * The organisation's feedback setting: learners see the AI's judgements at once, labelled
 * provisional, or only once an assessor has confirmed them.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { readJson } from '../api/client.ts';

type Visibility = 'provisional' | 'after_confirmation';
interface Settings {
  feedbackVisibility: Visibility;
}

const CHOICES: Array<{ value: Visibility; label: string }> = [
  { value: 'provisional', label: 'At once, labelled provisional until an assessor confirms it' },
  { value: 'after_confirmation', label: 'Only after an assessor has confirmed it' },
];

/** Admin form for when learners see AI feedback. */
export function FeedbackSettings() {
  const [visibility, setVisibility] = useState<Visibility | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const id = useId();
  const failed = (fallback: string) => (err: unknown) =>
    setMessage({ error: true, text: err instanceof Error ? err.message : fallback });

  useEffect(() => {
    fetch('/api/admin/settings/feedback', { credentials: 'same-origin' })
      .then((res) => readJson<Settings>(res))
      .then((s) => setVisibility(s.feedbackVisibility), failed('Could not load the setting.'));
  }, []);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!visibility) return;
    setMessage(null);
    try {
      const res = await fetch('/api/admin/settings/feedback', {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ feedbackVisibility: visibility }),
      });
      const s = await readJson<Settings>(res);
      setVisibility(s.feedbackVisibility);
      setMessage({ error: false, text: 'Saved.' });
    } catch (err) {
      failed('Could not save the setting.')(err);
    }
  }

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Learner feedback</h2>
      <form onSubmit={(e) => void save(e)}>
        <fieldset>
          <legend>Learners see the AI&apos;s judgement of a criterion</legend>
          {CHOICES.map((choice) => (
            <label key={choice.value} className="choice">
              <input
                type="radio"
                name={`${id}-visibility`}
                value={choice.value}
                checked={visibility === choice.value}
                onChange={() => setVisibility(choice.value)}
              />{' '}
              {choice.label}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={!visibility}>
          Save
        </button>
      </form>
      {message ? (
        <p
          role={message.error ? 'alert' : 'status'}
          className={message.error ? 'error' : undefined}
        >
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
