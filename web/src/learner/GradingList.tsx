/**
 * Grading status per rubric pack after submission: "Grading…" while queued or running, the
 * provisional result with each criterion's verdict, feedback and evidence quotes, or the reason
 * grading failed. A polite summary line announces progress as gradings finish.
 */
import type { GradingView } from './learner-api.ts';
import { GradingCriteria } from './GradingCriteria.tsx';

/** The pack whose criteria are shown open; other packs' criteria are one click away. */
const CORE_PACK = 'core-webchat';

function statusLine(g: GradingView): string {
  switch (g.status) {
    case 'queued':
    case 'running':
      return 'Grading…';
    case 'graded':
      return g.result
        ? 'Graded (provisional — awaiting assessor confirmation)'
        : 'Graded — your feedback appears once an assessor confirms it.';
    case 'grading_failed':
      return `Grading failed: ${g.reason ?? g.result?.reason ?? 'no reason given'}`;
  }
}

export function GradingList({ gradings }: { gradings: GradingView[] }) {
  const finished = gradings.filter((g) => g.status === 'graded' || g.status === 'grading_failed');
  return (
    <section aria-labelledby="grading-heading" className="gradings">
      <h2 id="grading-heading">Feedback</h2>
      <p role="status" className="hint">
        {gradings.length === 0
          ? 'No rubric packs to grade against.'
          : `${finished.length} of ${gradings.length} rubric packs graded.`}
      </p>
      {gradings.map((g) => {
        const headingId = `grading-${g.id}`;
        const result = g.status === 'graded' ? g.result : null;
        return (
          <article key={g.id} className="grading" aria-labelledby={headingId}>
            <h3 id={headingId}>
              {g.rubric.id === CORE_PACK ? 'Core webchat skills' : `Rubric pack ${g.rubric.id}`}{' '}
              <span className="hint">(version {g.rubric.version})</span>
            </h3>
            <p className={`grading-status grading-${g.status}`}>{statusLine(g)}</p>
            {result && result.criteria.length === 0 && (
              <p className="hint">No criterion of this pack is judged from a chat.</p>
            )}
            {result &&
              result.criteria.length > 0 &&
              (g.rubric.id === CORE_PACK ? (
                <GradingCriteria result={result} />
              ) : (
                <details>
                  <summary>Show {result.criteria.length} criteria</summary>
                  <GradingCriteria result={result} />
                </details>
              ))}
          </article>
        );
      })}
    </section>
  );
}
