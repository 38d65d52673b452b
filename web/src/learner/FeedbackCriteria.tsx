/**
 * One rubric pack's criteria as the learner sees them: the verdict, whether an assessor
 * confirmed it (with their reason) or it is still the AI's provisional judgement, the quotes
 * from the learner's own chat, and any comment on the criterion.
 */
import { criterionLabel, criterionStateLabel, evidenceSource, verdictLabel } from './labels.ts';
import type { FeedbackComment, FeedbackCriterion, FeedbackGrading } from './learner-api.ts';

function Criterion({
  rubricId,
  c,
  comments,
}: {
  rubricId: string;
  c: FeedbackCriterion;
  comments: FeedbackComment[];
}) {
  // Core criteria keep the short names used everywhere else in the learner's pages.
  const name = rubricId === 'core-webchat' ? criterionLabel(c.id) : c.title;
  return (
    <li className={`criterion-result criterion-${c.state}`}>
      <h4>
        {name}
        {c.state === 'awaiting_confirmation' ? null : (
          <>
            :{' '}
            <span className={`verdict verdict-${c.verdict ?? 'none'}`}>
              {verdictLabel(c.verdict)}
            </span>
          </>
        )}
      </h4>
      <p className={`criterion-state criterion-state-${c.state}`}>{criterionStateLabel(c.state)}</p>
      {c.assessorReason && (
        <p className="prose">
          <strong>Assessor&apos;s reason:</strong> {c.assessorReason}
        </p>
      )}
      {c.feedback && <p className="prose">{c.feedback}</p>}
      {c.evidence.length > 0 && (
        <>
          <h5>Evidence</h5>
          <ul className="evidence">
            {c.evidence.map((e, i) => (
              <li key={i}>
                <span className="hint">{evidenceSource(e.turn)}:</span>{' '}
                <q className="prose">{e.quote}</q>
              </li>
            ))}
          </ul>
        </>
      )}
      {comments.length > 0 && (
        <ul className="comments" aria-label={`Comments on ${name}`}>
          {comments.map((m) => (
            <li key={m.id} className="prose">
              <strong>{m.authorName}:</strong> {m.body}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function FeedbackCriteria({
  grading,
  comments,
}: {
  grading: FeedbackGrading;
  comments: FeedbackComment[];
}) {
  return (
    <ul className="criteria">
      {grading.criteria.map((c) => (
        <Criterion
          key={c.id}
          rubricId={grading.rubric.id}
          c={c}
          comments={comments.filter(
            (m) => m.rubricId === grading.rubric.id && m.criterionId === c.id,
          )}
        />
      ))}
    </ul>
  );
}
