/**
 * One eval run: its status (updating while it runs), figures against their thresholds, the
 * versions it pinned, and its cases — failing ones first to hand — each opening its detail.
 */
import { useState } from 'react';
import { CaseDetail } from './CaseDetail.tsx';
import { DetailFrame } from './DetailFrame.tsx';
import { fetchRun, isActive, reportUrl, type RunDetail as RunDetailData } from './evals-api.ts';
import { casesLabel, figureLabel, formatTime, formatValue, thresholdLabel } from './eval-format.ts';
import { Facts } from './Facts.tsx';
import { RunStatus } from './RunStatus.tsx';
import { usePolled } from './usePolled.ts';
import { useOpenItem } from './useOpenItem.ts';

const stillRunning = (d: RunDetailData) => isActive(d.run);

export function RunDetail({ runId, onBack }: { runId: string; onBack: () => void }) {
  const { value, error } = usePolled(fetchRun, runId, stillRunning);
  const [onlyFailing, setOnlyFailing] = useState(true);
  const { openId, open, close, returnFocus } = useOpenItem();
  // Back from a case, the case's button takes focus, not this view's heading.
  const [backFromCase, setBackFromCase] = useState(false);
  const opened = value?.cases.find((c) => c.id === openId);
  if (value && opened) {
    const back = () => {
      setBackFromCase(true);
      close();
    };
    return <CaseDetail run={value.run} item={opened} onBack={back} />;
  }

  const run = value?.run;
  const failing = value?.cases.filter((c) => c.outcome !== 'pass') ?? [];
  const shown = onlyFailing && failing.length > 0 ? failing : (value?.cases ?? []);
  return (
    <DetailFrame
      title={run ? `${run.title} (${run.suite})` : 'Eval run'}
      backLabel="Back to eval runs"
      onBack={onBack}
      error={error}
      loading={!value}
      focusHeading={!backFromCase}
    >
      {run && (
        <>
          <div aria-live="polite">
            <Facts
              items={[
                ['Status', <RunStatus key="s" run={run} />],
                ['Cases', casesLabel(run) || 'not started'],
                ['Mode', run.mode],
                ['Started', `${formatTime(run.startedAt)} (${run.startedFrom})`],
                ['Finished', run.finishedAt ? formatTime(run.finishedAt) : 'not yet'],
                ['Run id', <code key="id">{run.runId}</code>],
              ]}
            />
          </div>
          {run.error && (
            <p role="alert" className="error">
              {run.error}
            </p>
          )}
          {!isActive(run) && <ReportLinks runId={run.runId} />}
          {run.figures.length > 0 && (
            <table>
              <caption>Figures</caption>
              <thead>
                <tr>
                  <th scope="col">Figure</th>
                  <th scope="col">Value</th>
                  <th scope="col">Threshold</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {run.figures.map((f) => (
                  <tr key={f.name}>
                    <th scope="row">{figureLabel(f.name)}</th>
                    <td>{formatValue(f.value)}</td>
                    <td>{thresholdLabel(f) || '–'}</td>
                    <td className={f.passed === false ? 'error' : undefined}>
                      {f.passed === null ? '–' : f.passed ? 'met' : 'not met'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {value.versions && (
            <details>
              <summary>Versions this run pinned</summary>
              <pre className="versions">{JSON.stringify(value.versions, null, 2)}</pre>
            </details>
          )}
          {value.cases.length > 0 && (
            <section aria-labelledby="cases-heading">
              <h3 id="cases-heading">Cases</h3>
              {failing.length > 0 && (
                <p className="check-row">
                  <input
                    type="checkbox"
                    id="only-failing"
                    checked={onlyFailing}
                    onChange={(e) => setOnlyFailing(e.target.checked)}
                  />
                  <label htmlFor="only-failing">
                    Only failing cases ({failing.length} of {value.cases.length})
                  </label>
                </p>
              )}
              <table>
                <caption className="visually-hidden">Cases of this run</caption>
                <thead>
                  <tr>
                    <th scope="col">Case</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Summary</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <button
                          type="button"
                          className="link-button"
                          ref={returnFocus(c.id)}
                          onClick={() => open(c.id)}
                        >
                          {c.id}
                        </button>
                      </th>
                      <td className={c.outcome === 'pass' ? undefined : 'error'}>{c.outcome}</td>
                      <td>{c.summary}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      )}
    </DetailFrame>
  );
}

/** Downloads of the run's reports (the same files `npm run evals` writes). */
function ReportLinks({ runId }: { runId: string }) {
  return (
    <nav aria-label="Reports" className="report-links">
      <span>Reports:</span>
      <a href={reportUrl(runId, 'html')} download>
        HTML report
      </a>
      <a href={reportUrl(runId, 'json')} download>
        JSON report
      </a>
      <a href={reportUrl(runId, 'xml')} download>
        JUnit XML report
      </a>
    </nav>
  );
}
