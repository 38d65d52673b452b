/**
 * The assessment of a submitted attempt, per rubric pack: "Grading…" while queued or running,
 * the reason grading failed, or each criterion from the feedback endpoint — confirmed verdicts
 * (with the assessor's reason) and, where the organisation allows it, the AI's provisional ones.
 * A void attempt says so and shows no result. A polite line announces progress.
 */
import { useEffect, useState } from 'react';
import { errorMessage } from './errors.ts';
import { FeedbackCriteria } from './FeedbackCriteria.tsx';
import {
  fetchFeedback,
  type AttemptFeedback,
  type FeedbackGrading,
  type GradingView,
} from './learner-api.ts';
import { TurnComments } from './TurnComments.tsx';

/** The pack whose criteria are shown open; other packs' criteria are one click away. */
const CORE_PACK = 'core-webchat';

function statusLine(g: GradingView, fb: FeedbackGrading | undefined, afterConfirmation: boolean) {
  switch (g.status) {
    case 'queued':
    case 'running':
      return 'Grading…';
    case 'grading_failed':
      return `Grading failed: ${g.reason ?? g.result?.reason ?? 'no reason given'}`;
    case 'graded': {
      const criteria = fb?.criteria ?? [];
      const open = criteria.filter((c) => c.provisional).length;
      if (fb?.signedOff && open === 0) return 'Confirmed and signed off by an assessor';
      if (criteria.length > 0 && open === 0) return 'Confirmed by an assessor';
      if (afterConfirmation) return 'Graded — your feedback appears once an assessor confirms it.';
      return open < criteria.length
        ? 'Partly confirmed — the rest is provisional (AI, not yet confirmed)'
        : 'Graded (provisional — awaiting assessor confirmation)';
    }
  }
}

function packTitle(g: GradingView) {
  return g.rubric.id === CORE_PACK ? 'Core webchat skills' : `Rubric pack ${g.rubric.id}`;
}

function PackFeedback({ fb, feedback }: { fb: FeedbackGrading; feedback: AttemptFeedback }) {
  const hidden = fb.criteria.filter((c) => c.state === 'awaiting_confirmation').length;
  const shown = { ...fb, criteria: fb.criteria.filter((c) => c.state !== 'awaiting_confirmation') };
  const list =
    shown.criteria.length === 0 ? null : fb.rubric.id === CORE_PACK ? (
      <FeedbackCriteria grading={shown} comments={feedback.comments} />
    ) : (
      <details>
        <summary>Show {shown.criteria.length} criteria</summary>
        <FeedbackCriteria grading={shown} comments={feedback.comments} />
      </details>
    );
  return (
    <>
      {fb.criteria.length === 0 && (
        <p className="hint">No criterion of this pack is judged from a chat.</p>
      )}
      {hidden > 0 && (
        <p className="hint">
          {hidden === 1 ? '1 criterion awaits' : `${hidden} criteria await`} an assessor&apos;s
          confirmation. Your organisation shows results only once they are confirmed.
        </p>
      )}
      {list}
    </>
  );
}

/** The results part of the list, from already-loaded gradings and feedback (no fetching). */
export function GradingResults({
  gradings,
  feedback,
  error,
}: {
  gradings: GradingView[];
  feedback: AttemptFeedback | null;
  error: string | null;
}) {
  const finished = gradings.filter((g) => g.status === 'graded' || g.status === 'grading_failed');
  const afterConfirmation = feedback?.feedbackVisibility === 'after_confirmation';
  return (
    <section aria-labelledby="grading-heading" className="gradings">
      <h2 id="grading-heading">Feedback</h2>
      <p role="status" className="hint">
        {gradings.length === 0
          ? 'No rubric packs to grade against.'
          : `${finished.length} of ${gradings.length} rubric packs graded.`}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {feedback?.voided ? (
        <>
          <p className="voided">
            An assessor voided this attempt: the customer, not you, went wrong. It counts for
            nothing towards your portfolio.
          </p>
          <p>
            Reason: <span className="prose">{feedback.voided.reason}</span>
          </p>
        </>
      ) : (
        <>
          {afterConfirmation && (
            <p className="hint">
              Your organisation shows feedback only after an assessor confirms it.
            </p>
          )}
          {gradings.map((g) => {
            const headingId = `grading-${g.id}`;
            const fb = feedback?.gradings.find((x) => x.rubric.id === g.rubric.id);
            return (
              <article key={g.id} className="grading" aria-labelledby={headingId}>
                <h3 id={headingId}>
                  {packTitle(g)} <span className="hint">(version {g.rubric.version})</span>
                </h3>
                <p className={`grading-status grading-${g.status}`}>
                  {statusLine(g, fb, afterConfirmation)}
                </p>
                {g.status === 'graded' && fb && feedback && (
                  <PackFeedback fb={fb} feedback={feedback} />
                )}
              </article>
            );
          })}
          {feedback && <TurnComments feedback={feedback} />}
        </>
      )}
    </section>
  );
}

export function GradingList({
  attemptId,
  gradings,
}: {
  attemptId: string;
  gradings: GradingView[];
}) {
  const finished = gradings.filter(
    (g) => g.status === 'graded' || g.status === 'grading_failed',
  ).length;
  const [feedback, setFeedback] = useState<AttemptFeedback | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Re-read the feedback each time another pack finishes grading.
  useEffect(() => {
    let live = true;
    fetchFeedback(attemptId).then(
      (f) => {
        if (!live) return;
        setFeedback(f);
        setError(null);
      },
      (err: unknown) => {
        if (live) setError(errorMessage(err, 'Could not load your feedback.'));
      },
    );
    return () => {
      live = false;
    };
  }, [attemptId, finished]);

  return <GradingResults gradings={gradings} feedback={feedback} error={error} />;
}
