/**
 * The simulated CRM: closed until the learner opens it (logged as `crm_open`), then the
 * customer's record, the security questions with their expected answers, and a "Customer
 * verified" button (logged as `security_check`).
 */
import { useState } from 'react';
import { Facts } from '../designer/Facts.tsx';
import { fieldLabel } from '../designer/labels.ts';
import { timeOfDay } from './labels.ts';
import type { AttemptView } from './learner-api.ts';
import type { SystemLogger } from './SystemsPanel.tsx';

export function CrmPanel({
  crm,
  events,
  open,
  log,
}: {
  crm: AttemptView['systems']['crm'];
  events: AttemptView['events'];
  open: boolean;
  log: SystemLogger;
}) {
  const [busy, setBusy] = useState(false);
  const opened = events.some((e) => e.kind === 'crm_open');
  const verified = events.find((e) => e.kind === 'security_check');

  async function run(kind: 'crm_open' | 'security_check') {
    setBusy(true);
    await log(kind, 'crm');
    setBusy(false);
  }

  if (!opened)
    return (
      <div>
        <p className="hint">The customer&apos;s record is closed.</p>
        <button type="button" disabled={!open || busy} onClick={() => void run('crm_open')}>
          Open CRM
        </button>
      </div>
    );
  return (
    <div>
      <h3>{crm.customerName}</h3>
      <Facts items={Object.entries(crm.fields).map(([k, v]) => [fieldLabel(k), v])} />
      <h4>Security questions</h4>
      <dl className="facts">
        {crm.securityQuestions.map((q) => (
          <div key={q.question}>
            <dt>{q.question}</dt>
            <dd>Expected answer: {q.answer}</dd>
          </div>
        ))}
      </dl>
      {verified ? (
        <p className="done-note">
          Customer verified at{' '}
          <time dateTime={verified.createdAt}>{timeOfDay(verified.createdAt)}</time>.
        </p>
      ) : (
        <button type="button" disabled={!open || busy} onClick={() => void run('security_check')}>
          Customer verified
        </button>
      )}
    </div>
  );
}
