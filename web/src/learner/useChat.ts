/**
 * The chat's send and stream logic. Sending keeps one client message id until the server has
 * the message, so a retried send after a network drop is deduped by the server: the message is
 * never lost (the text stays in the composer) nor stored twice. The customer's reply is followed
 * over SSE while it is in flight; after it fails, is lost or ends the chat, the attempt is re-read
 * from the server (a finished reply that leaves the chat open is patched in place).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { mergeMessages, patchMessage, replyInFlight } from './attempt-state.ts';
import { errorMessage, isNetworkError } from './errors.ts';
import { followReply } from './follow-reply.ts';
import { newClientId } from './ids.ts';
import { postMessage, replyStreamUrl, retryReply } from './learner-api.ts';
import type { AttemptState } from './useAttempt.ts';

/** Waits before automatic re-sends after a network failure. */
const RESEND_DELAYS_MS = [500, 1_500];
/** Wait before reopening a stream the browser gave up on. */
const REOPEN_MS = 1_500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The reply text streamed so far, for the reply in flight. */
export interface LiveReply {
  replyId: string;
  text: string;
}

export function useChat({ view, setView, reload }: AttemptState, attemptId: string) {
  const pendingMessageId = useRef<string | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState<LiveReply | null>(null);
  const [reconnecting, setReconnecting] = useState(false);
  const [reopen, setReopen] = useState(0);
  const seen = useRef({ replyId: '', index: -1 });

  const replyId = view ? (replyInFlight(view)?.id ?? null) : null;

  useEffect(() => {
    if (!replyId) return;
    if (seen.current.replyId !== replyId) seen.current = { replyId, index: -1 };
    const after = seen.current.index;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stream = followReply(replyStreamUrl(attemptId, replyId, after >= 0 ? after : undefined), {
      onDelta: (index, text) => {
        if (index <= seen.current.index) return;
        seen.current.index = index;
        setLive((l) => ({ replyId, text: (l?.replyId === replyId ? l.text : '') + text }));
      },
      onDone: (text, chatEnded) => {
        setReconnecting(false);
        setLive(null);
        setView((v) => v && patchMessage(v, replyId, { text, status: 'complete' }));
        // The finished reply is all that changed unless the customer ended the chat: one read
        // fewer per turn for the server (npm run bench), and none the learner would notice.
        if (chatEnded !== false) void reload();
      },
      onFailed: (message) => {
        setReconnecting(false);
        setLive(null);
        setView((v) => v && patchMessage(v, replyId, { status: 'failed', error: message }));
        void reload();
      },
      onReconnecting: () => setReconnecting(true),
      onOpen: () => setReconnecting(false),
      onLost: () => {
        setReconnecting(true);
        timer = setTimeout(() => void reload().finally(() => setReopen((n) => n + 1)), REOPEN_MS);
      },
    });
    return () => {
      stream.close();
      clearTimeout(timer);
    };
  }, [attemptId, replyId, reopen, reload, setView]);

  /** Sends `text`; resolves true once the server has stored it (then the composer may clear). */
  const send = useCallback(
    async (text: string): Promise<boolean> => {
      pendingMessageId.current ??= newClientId('msg');
      const clientMessageId = pendingMessageId.current;
      setSending(true);
      setError(null);
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            const sent = await postMessage(attemptId, clientMessageId, text);
            pendingMessageId.current = null;
            setView((v) => v && mergeMessages(v, [sent.message, sent.reply]));
            if (sent.reply.status === 'complete') void reload();
            return true;
          } catch (err) {
            const delay = RESEND_DELAYS_MS[attempt];
            if (isNetworkError(err) && delay !== undefined) {
              await sleep(delay);
              continue;
            }
            throw err;
          }
        }
      } catch (err) {
        setError(
          isNetworkError(err)
            ? 'Your message could not be sent: the connection dropped. It is still in the box below — press Send to try again.'
            : errorMessage(err, 'Your message could not be sent.'),
        );
        // The chat may have ended or moved on meanwhile; show what the server has.
        if (!isNetworkError(err)) void reload();
        return false;
      } finally {
        setSending(false);
      }
    },
    [attemptId, reload, setView],
  );

  /** Asks the server to produce a failed reply again, then follows it. */
  const retry = useCallback(
    async (failedId: string) => {
      setError(null);
      try {
        await retryReply(attemptId, failedId);
        seen.current = { replyId: failedId, index: -1 };
        setLive(null);
        setView((v) => v && patchMessage(v, failedId, { status: 'pending', error: null }));
      } catch (err) {
        setError(errorMessage(err, 'Could not retry the reply.'));
        void reload();
      }
    },
    [attemptId, reload, setView],
  );

  return { send, retry, sending, error, live, reconnecting };
}
