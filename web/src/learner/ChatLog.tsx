/**
 * The chat log: customer and agent bubbles as plain text (never HTML), the reply streaming in
 * with a typing indicator, and a failed reply with its Retry button. It scrolls itself to the
 * newest message; screen-reader announcements come from the separate ReplyAnnouncer, so the
 * streamed pieces are not read out one by one.
 */
import { useEffect, useRef } from 'react';
import type { ChatMessage } from './learner-api.ts';
import type { LiveReply } from './useChat.ts';

export function ChatLog({
  messages,
  customerName,
  live,
  reconnecting,
  onRetry,
}: {
  messages: ChatMessage[];
  customerName: string;
  live: LiveReply | null;
  reconnecting: boolean;
  onRetry: (replyId: string) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const liveText = live?.text ?? '';
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages, liveText]);

  return (
    <div
      ref={scroller}
      className="chat-scroll"
      role="region"
      aria-label={`Messages with ${customerName}`}
      tabIndex={0}
    >
      <ol className="chat-log">
        {messages.map((m) => (
          <li key={m.id} className={`bubble bubble-${m.speaker}`}>
            <span className="speaker">{m.speaker === 'agent' ? 'You' : customerName}</span>
            <Body
              message={m}
              customerName={customerName}
              liveText={live?.replyId === m.id ? live.text : ''}
              reconnecting={reconnecting}
              onRetry={onRetry}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}

function Body({
  message,
  customerName,
  liveText,
  reconnecting,
  onRetry,
}: {
  message: ChatMessage;
  customerName: string;
  liveText: string;
  reconnecting: boolean;
  onRetry: (replyId: string) => void;
}) {
  if (message.status === 'complete') return <p className="bubble-text">{message.text}</p>;
  if (message.status === 'failed')
    return (
      <div className="bubble-failed">
        <p className="bubble-text">The customer&apos;s connection dropped — retry.</p>
        <button type="button" onClick={() => onRetry(message.id)}>
          Retry
        </button>
      </div>
    );
  return (
    <>
      {liveText && <p className="bubble-text">{liveText}</p>}
      <p className="typing" role="status">
        {reconnecting ? 'Reconnecting…' : `${customerName} is typing…`}
      </p>
    </>
  );
}
