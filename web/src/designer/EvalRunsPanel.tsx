/**
 * The "Eval runs" tab: start a run, watch it progress, see κ per criterion over the last grader
 * runs and the runs table; open a run (and a failing case), or compare two runs of a suite.
 */
import { useCallback, useEffect, useState } from 'react';
import { CompareView } from './CompareView.tsx';
import {
  fetchRuns,
  fetchSuites,
  isActive,
  type RunView,
  type StoredContentRef,
  type SuiteListing,
} from './evals-api.ts';
import { KappaChart } from './KappaChart.tsx';
import { RunDetail } from './RunDetail.tsx';
import { RunsTable } from './RunsTable.tsx';
import { StartRunForm } from './StartRunForm.tsx';
import { useOpenItem } from './useOpenItem.ts';

const POLL_MS = 1000;

export function EvalRunsPanel({ stored }: { stored?: StoredContentRef } = {}) {
  const [listing, setListing] = useState<SuiteListing | null>(null);
  const [runs, setRuns] = useState<RunView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [comparing, setComparing] = useState<[string, string] | null>(null);
  const { openId, open, close, returnFocus } = useOpenItem();

  const reload = useCallback(
    () =>
      fetchRuns().then(setRuns, (err: unknown) =>
        setError(err instanceof Error ? err.message : 'Could not load the eval runs.'),
      ),
    [],
  );
  useEffect(() => {
    fetchSuites().then(setListing, (err: unknown) =>
      setError(err instanceof Error ? err.message : 'Could not load the suites.'),
    );
    void reload();
  }, [reload]);
  const active = runs?.some(isActive) ?? false;
  // Poll while a run is going, so progress and the final figures appear without a reload.
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [active, reload]);

  const byId = (id: string) => runs?.find((r) => r.runId === id);
  const pair = comparing && [byId(comparing[0]), byId(comparing[1])];
  if (pair?.[0] && pair[1]) {
    return <CompareView a={pair[0]} b={pair[1]} onBack={() => setComparing(null)} />;
  }
  if (openId) {
    return (
      <RunDetail
        runId={openId}
        onBack={() => {
          close();
          void reload();
        }}
      />
    );
  }

  const graderRuns = (runs ?? []).filter((r) => r.figures.some((f) => f.name.startsWith('kappa.')));
  return (
    <section aria-labelledby="eval-runs-heading">
      <h2 id="eval-runs-heading">Eval runs</h2>
      <p className="hint">
        Suites from <code>evals/suites/</code>, run here like <code>npm run evals</code>. Each run
        is stored with the versions it used.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {listing && (
        <StartRunForm
          stored={stored}
          listing={listing}
          busy={active}
          onStarted={(started) => setRuns((now) => [...started, ...(now ?? [])])}
        />
      )}
      <section aria-labelledby="kappa-heading">
        <h3 id="kappa-heading">κ per criterion over the last grader runs</h3>
        <KappaChart runs={graderRuns} />
      </section>
      <section aria-labelledby="runs-heading">
        <h3 id="runs-heading">Runs</h3>
        {!runs && !error && <p aria-busy="true">Loading runs…</p>}
        {runs && (
          <RunsTable
            runs={runs}
            onOpen={open}
            onCompare={(a, b) => setComparing([a, b])}
            returnFocus={returnFocus}
          />
        )}
      </section>
    </section>
  );
}
