/** Assessor home: attempts awaiting confirmation. */
import { EmptyState } from '../components/EmptyState.tsx';

export function AssessorHome() {
  return (
    <section>
      <h1>Assessment</h1>
      <EmptyState title="Nothing awaits confirmation">
        <p>
          Graded attempts wait here, oldest first, with flagged ones on top. For each criterion you
          confirm the AI judgement or override it with a reason, then sign the attempt off against a
          standard. No grade counts until you do.
        </p>
      </EmptyState>
    </section>
  );
}
