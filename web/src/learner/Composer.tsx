/**
 * The message box: labelled, at most 2000 characters with a counter, Enter sends and
 * Shift+Enter adds a line. It is disabled while the customer replies; the text stays in it
 * until the server has stored the message, and focus comes back to it after the reply.
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

/** The server's limit on one message. */
export const MAX_MESSAGE_CHARS = 2000;

export function Composer({
  customerName,
  disabled,
  waitingReason,
  sending,
  onSend,
}: {
  customerName: string;
  disabled: boolean;
  waitingReason: string | null;
  sending: boolean;
  onSend: (text: string) => Promise<boolean>;
}) {
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const refocus = useRef(false);
  const locked = disabled || sending;

  useEffect(() => {
    if (!locked && refocus.current) {
      refocus.current = false;
      box.current?.focus();
    }
  }, [locked]);

  async function submit() {
    if (locked || !text.trim()) return;
    refocus.current = document.activeElement === box.current || refocus.current;
    if (await onSend(text)) setText('');
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      refocus.current = true;
      void submit();
    }
  }

  return (
    <form
      className="composer"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        refocus.current = true;
        void submit();
      }}
    >
      <label htmlFor="composer-text">Your reply to {customerName}</label>
      <textarea
        id="composer-text"
        ref={box}
        rows={3}
        maxLength={MAX_MESSAGE_CHARS}
        value={text}
        disabled={locked}
        aria-describedby="composer-help composer-count"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="composer-meta">
        <span id="composer-help" className="hint">
          {waitingReason ?? 'Enter sends; Shift+Enter starts a new line.'}
        </span>
        <span id="composer-count" className="hint">
          {text.length} / {MAX_MESSAGE_CHARS} characters
        </span>
      </div>
      <button type="submit" disabled={locked || !text.trim()}>
        {sending ? 'Sending…' : 'Send'}
      </button>
    </form>
  );
}
