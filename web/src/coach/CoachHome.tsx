/** Coach home: graded attempts of the coach's learners. */
import { EmptyState } from '../components/EmptyState.tsx';

export function CoachHome() {
  return (
    <section>
      <h1>Coaching</h1>
      <EmptyState title="No graded attempts to review">
        <p>
          When learners in your groups finish a roleplay, their graded attempts appear here: read
          the transcript beside each criterion judgement, comment on a turn or a criterion, and
          assign the next practice scenario.
        </p>
      </EmptyState>
    </section>
  );
}
