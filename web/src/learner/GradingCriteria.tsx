/** One grading's criteria: verdict in words, feedback, and the quotes that evidence it. */
import { criterionLabel, evidenceSource, verdictLabel } from './labels.ts';
import type { GradingView } from './learner-api.ts';

type Result = NonNullable<GradingView['result']>;

const FLAGS: Record<string, string> = {
  possible_grader_manipulation: 'Text aimed at the grader was found',
  abandoned: 'Too short to judge',
  evidence_unverified: 'Some evidence could not be verified',
  grading_failed: 'This criterion could not be graded',
};

export function GradingCriteria({ result }: { result: Result }) {
  return (
    <ul className="criteria">
      {result.criteria.map((c) => (
        <li key={c.id} className="criterion-result">
          <h4>
            {criterionLabel(c.id)}:{' '}
            <span className={`verdict verdict-${c.verdict ?? 'none'}`}>
              {verdictLabel(c.verdict)}
            </span>
          </h4>
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
          {c.flags.length > 0 && (
            <p className="hint">Notes: {c.flags.map((f) => FLAGS[f] ?? f).join('; ')}.</p>
          )}
        </li>
      ))}
    </ul>
  );
}
