/**
 * Designer home: the content the app was built with (read-only), its validation status, and
 * tabs for scenarios, personas, rubric packs, coverage of the standards, eval runs and the
 * persona playground.
 */
import { useEffect, useState } from 'react';
import { DESIGNER_AGREEMENT_PATH } from '../app/SharedPage.tsx';
import { fetchSummary, type ContentSummary, type EditableKind } from './content-api.ts';
import type { StoredContentRef } from './evals-api.ts';
import { AppLink } from '../app/AppLink.tsx';
import { ContentEditor } from './ContentEditor.tsx';
import { CoveragePanel } from './CoveragePanel.tsx';
import { EvalRunsPanel } from './EvalRunsPanel.tsx';
import { PlaygroundPanel } from './PlaygroundPanel.tsx';
import { PersonasPanel } from './PersonasPanel.tsx';
import { RubricsPanel } from './RubricsPanel.tsx';
import { ScenariosPanel } from './ScenariosPanel.tsx';
import { Tabs } from './Tabs.tsx';
import { ValidationBanner } from './ValidationBanner.tsx';

/** What the designer's path names: the tabs, an editor, or the playground on stored versions. */
type DesignerView =
  | { kind: 'home' }
  | { kind: 'edit'; what: EditableKind; id: string }
  | { kind: 'playground'; scenarioId: string; scenarioVersion?: string; personaVersion?: string }
  | { kind: 'evals'; stored: StoredContentRef };

function viewOf(path: string, search: string): DesignerView {
  const edit = /^\/designer\/edit\/(personas|scenarios)\/([a-z0-9_-]+)$/.exec(path);
  if (edit?.[2])
    return { kind: 'edit', what: edit[1] === 'personas' ? 'personas' : 'scenarios', id: edit[2] };
  if (path === '/designer/evals') {
    const q = new URLSearchParams(search);
    const kind = q.get('kind');
    const id = q.get('id');
    const version = q.get('version');
    if ((kind === 'persona' || kind === 'scenario') && id && version)
      return { kind: 'evals', stored: { kind, id, version } };
  }
  if (path === '/designer/playground') {
    const q = new URLSearchParams(search);
    const scenarioId = q.get('scenario');
    if (scenarioId) {
      const scenarioVersion = q.get('scenarioVersion') ?? undefined;
      const personaVersion = q.get('personaVersion') ?? undefined;
      return { kind: 'playground', scenarioId, scenarioVersion, personaVersion };
    }
  }
  return { kind: 'home' };
}

export function DesignerHome({ path }: { path: string }) {
  // The router tracks the path only; the playground's query is read as the page renders.
  const view = viewOf(path, window.location.search);
  const [summary, setSummary] = useState<ContentSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchSummary().then(setSummary, (err: unknown) =>
      setError(err instanceof Error ? err.message : 'Could not load the content.'),
    );
  }, []);

  return (
    <section className="designer">
      <h1>Content</h1>
      <p className="hint">
        Personas, scenarios and rubric packs as files in the repository (<code>prompts/</code>,{' '}
        <code>rubrics/</code>). Edit a persona or scenario as YAML from its card: each save is a
        stored version for your organisation, which you can play, run evals on and download. The
        files change only in the repository (then run <code>npm run content:check</code>).
      </p>
      <p>
        <a href={DESIGNER_AGREEMENT_PATH}>Grader agreement with assessors</a>, per criterion and
        rubric version.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!summary && !error && <p aria-busy="true">Loading content…</p>}
      {summary && view.kind === 'edit' && (
        <ContentEditor
          key={`${view.what}/${view.id}`}
          kind={view.what}
          id={view.id}
          summary={summary}
        />
      )}
      {summary && view.kind === 'playground' && (
        <>
          <AppLink to="/designer" className="back-link">
            <span aria-hidden="true">← </span>Back to content
          </AppLink>
          <PlaygroundPanel summary={summary} initial={view} />
        </>
      )}
      {summary && view.kind === 'evals' && (
        <>
          <AppLink to="/designer" className="back-link">
            <span aria-hidden="true">← </span>Back to content
          </AppLink>
          <EvalRunsPanel stored={view.stored} />
        </>
      )}
      {summary && view.kind === 'home' && (
        <>
          <ul className="counts" aria-label="Content counts">
            <Count n={summary.counts.scenarios} what="scenarios" />
            <Count n={summary.counts.personas} what="personas" />
            <Count n={summary.counts.rubrics} what="rubric packs" />
            <Count n={summary.counts.standards} what="standards" />
          </ul>
          <ValidationBanner issues={summary.issues} problems={summary.problems} />
          <Tabs
            label="Content"
            tabs={[
              {
                id: 'scenarios',
                label: `Scenarios (${summary.counts.scenarios})`,
                panel: <ScenariosPanel summary={summary} />,
              },
              {
                id: 'personas',
                label: `Personas (${summary.counts.personas})`,
                panel: <PersonasPanel summary={summary} />,
              },
              {
                id: 'rubrics',
                label: `Rubric packs (${summary.counts.rubrics})`,
                panel: <RubricsPanel summary={summary} />,
              },
              { id: 'coverage', label: 'Coverage', panel: <CoveragePanel summary={summary} /> },
              { id: 'eval-runs', label: 'Eval runs', panel: <EvalRunsPanel /> },
              {
                id: 'playground',
                label: 'Playground',
                panel: <PlaygroundPanel summary={summary} />,
              },
            ]}
          />
        </>
      )}
    </section>
  );
}

function Count({ n, what }: { n: number; what: string }) {
  return (
    <li>
      <span className="count">{n}</span> {what}
    </li>
  );
}
