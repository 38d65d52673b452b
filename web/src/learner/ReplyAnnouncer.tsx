/**
 * A polite live region that reads out each new customer message once it is complete (not the
 * messages already there when the page opened, and never the half-streamed text).
 */
import { useEffect, useRef, useState } from 'react';
import type { ChatMessage } from './learner-api.ts';

export function ReplyAnnouncer({
  messages,
  customerName,
}: {
  messages: ChatMessage[];
  customerName: string;
}) {
  const latest = messages.filter((m) => m.speaker === 'customer' && m.status === 'complete').at(-1);
  const announced = useRef<string | null | undefined>(undefined);
  const [text, setText] = useState('');
  useEffect(() => {
    const id = latest?.id ?? null;
    if (announced.current === undefined) {
      announced.current = id;
      return;
    }
    if (id === announced.current || !latest) return;
    announced.current = id;
    setText(`${customerName} says: ${latest.text}`);
  }, [latest, customerName]);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
