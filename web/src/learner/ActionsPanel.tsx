/**
 * Account actions: each asks for confirmation before it is taken (and logged as an `action`
 * event); a taken action shows when it was done. Focus moves to the confirm button and back.
 */
import { useEffect, useRef, useState } from 'react';
import { timeOfDay } from './labels.ts';
import type { AttemptView } from './learner-api.ts';
import type { SystemLogger } from './SystemsPanel.tsx';

export function ActionsPanel({
  actions,
  events,
  open,
  log,
}: {
  actions: AttemptView['systems']['actions'];
  events: AttemptView['events'];
  open: boolean;
  log: SystemLogger;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<string | null>(null);
  const actionButtons = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (returnTo.current) {
      actionButtons.current.get(returnTo.current)?.focus();
      returnTo.current = null;
    }
  }, [confirming]);

  async function confirm(id: string) {
    setBusy(true);
    await log('action', id);
    setBusy(false);
    setConfirming(null);
  }

  return (
    <ul className="actions-list">
      {actions.map((a) => {
        const done = events.find((e) => e.kind === 'action' && e.target === a.id);
        return (
          <li key={a.id}>
            {done ? (
              <p className="done-note">
                {a.label}: done at{' '}
                <time dateTime={done.createdAt}>{timeOfDay(done.createdAt)}</time>.
              </p>
            ) : confirming === a.id ? (
              <div className="confirm" role="group" aria-label={`Confirm ${a.label}`}>
                <p>Take this action now: {a.label}?</p>
                <button
                  type="button"
                  ref={confirmButton}
                  disabled={busy || !open}
                  onClick={() => void confirm(a.id)}
                >
                  Confirm: {a.label}
                </button>{' '}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    returnTo.current = a.id;
                    setConfirming(null);
                  }}
                >
                  Cancel
                </button>
              </div>
            ) : (
              <button
                type="button"
                className="secondary"
                disabled={!open}
                ref={(el) => {
                  if (el) actionButtons.current.set(a.id, el);
                  else actionButtons.current.delete(a.id);
                }}
                onClick={() => setConfirming(a.id)}
              >
                {a.label}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
