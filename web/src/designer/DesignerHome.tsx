/**
 * Designer home: the content the app was built with (read-only), its validation status, and
 * tabs for scenarios, personas, rubric packs, coverage of the standards, eval runs and the
 * persona playground.
 */
import { useEffect, useState } from 'react';
import { DESIGNER_AGREEMENT_PATH } from '../app/SharedPage.tsx';
import { fetchSummary, type ContentSummary } from './content-api.ts';
import { CoveragePanel } from './CoveragePanel.tsx';
import { EvalRunsPanel } from './EvalRunsPanel.tsx';
import { PlaygroundPanel } from './PlaygroundPanel.tsx';
import { PersonasPanel } from './PersonasPanel.tsx';
import { RubricsPanel } from './RubricsPanel.tsx';
import { ScenariosPanel } from './ScenariosPanel.tsx';
import { Tabs } from './Tabs.tsx';
import { ValidationBanner } from './ValidationBanner.tsx';

export function DesignerHome() {
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
        <code>rubrics/</code>). This view is read-only: edit the files and run{' '}
        <code>npm run content:check</code>.
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
      {summary && (
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
