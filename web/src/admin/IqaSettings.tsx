/**
 * The organisation's IQA setting: the share of sign-offs sampled for blind second marking
 * (0 = none, 100 = every sign-off), and a link to the disagreements second marking found.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { readJson } from '../api/client.ts';
import { ADMIN_DISAGREEMENTS_PATH } from '../app/SharedPage.tsx';

interface Settings {
  iqaSamplePercent: number;
}

export function IqaSettings() {
  const [percent, setPercent] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const id = useId();

  useEffect(() => {
    fetch('/api/admin/settings/iqa', { credentials: 'same-origin' })
      .then((res) => readJson<Settings>(res))
      .then(
        (s) => setPercent(String(s.iqaSamplePercent)),
        (err: unknown) =>
          setMessage({
            error: true,
            text: err instanceof Error ? err.message : 'Could not load the setting.',
          }),
      );
  }, []);

  async function save(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    try {
      const res = await fetch('/api/admin/settings/iqa', {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ iqaSamplePercent: Number(percent) }),
      });
      const s = await readJson<Settings>(res);
      setPercent(String(s.iqaSamplePercent));
      setMessage({ error: false, text: `Saved: ${s.iqaSamplePercent} % of sign-offs sampled.` });
    } catch (err) {
      setMessage({
        error: true,
        text: err instanceof Error ? err.message : 'Could not save the setting.',
      });
    }
  }

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Internal quality assurance</h2>
      <form className="filters" onSubmit={(e) => void save(e)}>
        <label htmlFor={`${id}-p`}>Share of sign-offs sampled for second marking (%)</label>{' '}
        <input
          id={`${id}-p`}
          type="number"
          min={0}
          max={100}
          step={1}
          required
          value={percent}
          onChange={(e) => setPercent(e.target.value)}
        />{' '}
        <button type="submit">Save</button>
      </form>
      {message ? (
        <p
          role={message.error ? 'alert' : 'status'}
          className={message.error ? 'error' : undefined}
        >
          {message.text}
        </p>
      ) : null}
      <p>
        <a href={ADMIN_DISAGREEMENTS_PATH}>Disagreements found by second marking</a>
      </p>
    </section>
  );
}
