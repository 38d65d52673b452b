/**
 * One roleplay attempt: the header and brief, the chat (with the systems panel beside it), and
 * once the chat has ended the end reason, the case notes and — after submission — the grading
 * of each rubric pack.
 */
import { useRef, useState } from 'react';
import { canSend, failedReply, replyInFlight } from './attempt-state.ts';
import { AttemptHeader } from './AttemptHeader.tsx';
import { CaseNotesForm } from './CaseNotesForm.tsx';
import { ChatEnded } from './ChatEnded.tsx';
import { ChatLog } from './ChatLog.tsx';
import { Composer } from './Composer.tsx';
import { EndChatButton } from './EndChatButton.tsx';
import { errorMessage } from './errors.ts';
import { GradingList } from './GradingList.tsx';
import { endChat } from './learner-api.ts';
import { ReplyAnnouncer } from './ReplyAnnouncer.tsx';
import { ReviewTranscript } from './ReviewTranscript.tsx';
import { SystemsPanel } from './SystemsPanel.tsx';
import { useAttempt } from './useAttempt.ts';
import { useChat } from './useChat.ts';
import { useFocusHeading } from './useFocusHeading.ts';
import { useSystemEvents } from './useSystemEvents.ts';

export function AttemptPage({
  id,
  focusHeading,
  onBack,
}: {
  id: string;
  focusHeading: boolean;
  onBack: () => void;
}) {
  const state = useAttempt(id);
  const { view, setView } = state;
  const chat = useChat(state, id);
  const events = useSystemEvents(id, setView);
  const [endError, setEndError] = useState<string | null>(null);
  const heading = useFocusHeading<HTMLHeadingElement>(view !== null, focusHeading);
  // Whether the chat was open when this page first showed it (to focus "Chat ended" on change).
  const openedLive = useRef<boolean | null>(null);

  if (!view)
    return (
      <section>
        <a
          href="/learner"
          onClick={(e) => {
            e.preventDefault();
            onBack();
          }}
        >
          All scenarios
        </a>
        {state.error ? (
          <p role="alert" className="error">
            {state.error}
          </p>
        ) : (
          <p aria-busy="true">Loading the chat…</p>
        )}
      </section>
    );

  openedLive.current ??= view.status === 'in_progress';
  const inProgress = view.status === 'in_progress';
  const name = view.scenario.customerName;
  const waitingReason = replyInFlight(view)
    ? `${name} is replying…`
    : failedReply(view)
      ? "Retry the customer's reply before sending another message."
      : null;

  async function end() {
    setEndError(null);
    try {
      setView(await endChat(id));
    } catch (err) {
      setEndError(errorMessage(err, 'Could not end the chat.'));
    }
  }

  return (
    <article className="attempt" aria-labelledby="attempt-title">
      <AttemptHeader view={view} headingRef={heading} onBack={onBack} />
      {state.error && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
      {view.scenario.reviewTranscript && (
        <ReviewTranscript turns={view.scenario.reviewTranscript} />
      )}
      <div className="attempt-layout">
        <section className="chat" aria-labelledby="chat-heading">
          <h2 id="chat-heading">Chat with {name}</h2>
          <ChatLog
            messages={view.messages}
            customerName={name}
            live={chat.live}
            reconnecting={chat.reconnecting}
            onRetry={(replyId) => void chat.retry(replyId)}
          />
          <ReplyAnnouncer messages={view.messages} customerName={name} />
          {chat.error && (
            <p role="alert" className="error">
              {chat.error}
            </p>
          )}
          {inProgress ? (
            <>
              <Composer
                customerName={name}
                disabled={!canSend(view)}
                waitingReason={waitingReason}
                sending={chat.sending}
                onSend={chat.send}
              />
              {endError && (
                <p role="alert" className="error">
                  {endError}
                </p>
              )}
              <EndChatButton onEnd={end} />
            </>
          ) : (
            <ChatEnded endReason={view.endReason} justEnded={openedLive.current === true} />
          )}
        </section>
        <SystemsPanel view={view} log={events.log} error={events.error} />
      </div>
      {!inProgress && <CaseNotesForm key={view.id} view={view} onSubmitted={setView} />}
      {view.status === 'submitted' && <GradingList attemptId={id} gradings={view.gradings} />}
    </article>
  );
}
