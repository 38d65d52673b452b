/**
 * Says clearly that the chat has ended and why. When it ends while the page is open, focus
 * moves here so keyboard and screen-reader users learn of it and can go on to the notes.
 */
import { useEffect, useRef } from 'react';
import { endReasonLabel } from './labels.ts';

export function ChatEnded({
  endReason,
  justEnded,
}: {
  endReason: string | null;
  justEnded: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (justEnded) heading.current?.focus();
  }, [justEnded]);
  return (
    <div className="chat-ended">
      <h2 ref={heading} tabIndex={-1}>
        Chat ended
      </h2>
      <p>{endReasonLabel(endReason)}</p>
    </div>
  );
}
