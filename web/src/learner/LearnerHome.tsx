/** Learner home: assigned and available scenarios, and past attempts. */
import type { Me } from '../auth/session.ts';
import { EmptyState } from '../components/EmptyState.tsx';

export function LearnerHome({ me }: { me: Me }) {
  return (
    <section>
      <h1>Practice</h1>
      <p>
        Hello {me.user.name}. Chat with a customer as the agent, write your case notes, and get
        feedback on each criterion.
      </p>
      <EmptyState title="No scenarios yet">
        <p>
          Scenarios your coach assigns and the ones open for free practice will be listed here, each
          with the brief you may read before the chat. Your past attempts and their feedback will
          appear below them.
        </p>
      </EmptyState>
    </section>
  );
}
