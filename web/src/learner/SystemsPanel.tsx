/**
 * The systems beside the chat — CRM, knowledge base, actions and the event log — as keyboard
 * tabs. Every use is logged as an attempt event; after the chat ends they are read-only.
 */
import { Tabs } from '../designer/Tabs.tsx';
import { ActionsPanel } from './ActionsPanel.tsx';
import { CrmPanel } from './CrmPanel.tsx';
import { EventLog } from './EventLog.tsx';
import { KnowledgeBasePanel } from './KnowledgeBasePanel.tsx';
import type { AttemptView, SystemEventKind } from './learner-api.ts';

/** Logs one systems-panel event; resolves true once stored. */
export type SystemLogger = (
  kind: SystemEventKind,
  target: string,
  detail?: string,
) => Promise<boolean>;

export function SystemsPanel({
  view,
  log,
  error,
}: {
  view: AttemptView;
  log: SystemLogger;
  error: string | null;
}) {
  const open = view.status === 'in_progress';
  return (
    <section className="systems" aria-labelledby="systems-heading">
      <h2 id="systems-heading">Systems</h2>
      {!open && <p className="hint">The chat has ended: the systems are read-only.</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <Tabs
        label="Systems"
        tabs={[
          {
            id: 'crm',
            label: 'CRM',
            panel: <CrmPanel crm={view.systems.crm} events={view.events} open={open} log={log} />,
          },
          {
            id: 'kb',
            label: 'Knowledge base',
            panel: (
              <KnowledgeBasePanel articles={view.systems.knowledgeBase} open={open} log={log} />
            ),
          },
          {
            id: 'actions',
            label: 'Actions',
            panel: (
              <ActionsPanel
                actions={view.systems.actions}
                events={view.events}
                open={open}
                log={log}
              />
            ),
          },
          {
            id: 'events',
            label: `Event log (${view.events.length})`,
            panel: <EventLog view={view} />,
          },
        ]}
      />
    </section>
  );
}
