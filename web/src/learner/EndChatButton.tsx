/**
 * "End chat" with a confirm step: the learner closes the chat (end reason `learner_closed`).
 * Focus moves to the confirm button, and back to "End chat" if they keep chatting.
 */
import { useEffect, useRef, useState } from 'react';

export function EndChatButton({ onEnd }: { onEnd: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const endRef = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    if (confirming) confirmRef.current?.focus();
    else endRef.current?.focus();
  }, [confirming]);

  function ask(next: boolean) {
    moved.current = true;
    setConfirming(next);
  }

  if (!confirming)
    return (
      <button type="button" className="secondary" ref={endRef} onClick={() => ask(true)}>
        End chat
      </button>
    );
  return (
    <div className="confirm" role="group" aria-label="Confirm ending the chat">
      <p>End the chat now? You will not be able to send more messages.</p>
      <button
        type="button"
        ref={confirmRef}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onEnd().finally(() => setBusy(false));
        }}
      >
        Yes, end the chat
      </button>{' '}
      <button type="button" className="secondary" onClick={() => ask(false)}>
        Keep chatting
      </button>
    </div>
  );
}
