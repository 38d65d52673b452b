/**
 * The chat page's header: back to practice, the scenario title (focused when the page opens),
 * what kind of chat it is, the collapsible brief, and "Offline mode" when the customer is
 * played by the offline engine.
 */
import type { Ref } from 'react';
import { interactionTypeLabel } from '../designer/labels.ts';
import type { AttemptView } from './learner-api.ts';

export function AttemptHeader({
  view,
  headingRef,
  onBack,
}: {
  view: AttemptView;
  headingRef: Ref<HTMLHeadingElement>;
  onBack: () => void;
}) {
  const s = view.scenario;
  return (
    <header className="attempt-header">
      <a
        href="/learner"
        className="back-link"
        onClick={(e) => {
          e.preventDefault();
          onBack();
        }}
      >
        <span aria-hidden="true">← </span>All scenarios
      </a>
      <h1 id="attempt-title" ref={headingRef} tabIndex={-1}>
        {s.title}
      </h1>
      <p className="attempt-meta">
        <span>{s.industry}</span> · <span>{interactionTypeLabel(s.interactionType)}</span> ·{' '}
        <span>Customer: {s.customerName}</span>
        {view.engineMode === 'offline' && (
          <>
            {' '}
            <span
              className="mode mode-offline"
              title="No LLM is configured: the customer is played by the offline engine."
            >
              Offline mode
            </span>
          </>
        )}
      </p>
      <details className="brief" open>
        <summary>Brief</summary>
        <p className="prose">{s.brief}</p>
      </details>
    </header>
  );
}
