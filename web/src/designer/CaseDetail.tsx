/**
 * One case of a run: its outcome and summary, expected against actual (assertions, or the
 * grader's verdicts against the labels), the transcript as text, and any other details as JSON.
 */
import { DetailFrame } from './DetailFrame.tsx';
import type { RunView, StoredCase } from './evals-api.ts';
import { readCaseDetails, transcriptText } from './case-details.ts';
import { Facts } from './Facts.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

export function CaseDetail({
  run,
  item,
  onBack,
}: {
  run: RunView;
  item: StoredCase;
  onBack: () => void;
}) {
  const d = readCaseDetails(item.details);
  const restKeys = Object.keys(d.rest);
  return (
    <DetailFrame
      title={`Case ${item.id}`}
      backLabel={`Back to the ${run.suite} run`}
      onBack={onBack}
      error={null}
      loading={false}
    >
      <Facts
        items={[
          [
            'Outcome',
            <span className={item.outcome === 'pass' ? undefined : 'error'} key="o">
              {item.outcome}
            </span>,
          ],
          ['Summary', item.summary || '–'],
          ['Suite', run.suite],
        ]}
      />
      {d.assertions.length > 0 && (
        <table>
          <caption>Assertions: expected and actual</caption>
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Result</th>
              <th scope="col">What happened</th>
            </tr>
          </thead>
          <tbody>
            {d.assertions.map((a, i) => (
              <tr key={`${a.name}-${i}`}>
                <th scope="row">{a.name.replace(/_/g, ' ')}</th>
                <td className={a.passed ? undefined : 'error'}>{a.passed ? 'passed' : 'failed'}</td>
                <td>{a.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {d.verdicts.length > 0 && (
        <table>
          <caption>Verdicts: expected (assessor label) and actual (grader)</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Expected</th>
              <th scope="col">Actual</th>
            </tr>
          </thead>
          <tbody>
            {d.verdicts.map((v) => (
              <tr key={v.criterion}>
                <th scope="row">{v.criterion}</th>
                <td>{v.expected}</td>
                <td className={v.expected === v.actual ? undefined : 'error'}>{v.actual}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {d.transcript.length > 0 && (
        <section aria-labelledby="case-transcript-heading">
          <h3 id="case-transcript-heading">Transcript</h3>
          <ScrollRegion label="Transcript">
            <pre className="transcript-text">
              {transcriptText(d.transcript, d.director, d.caseNotes)}
            </pre>
          </ScrollRegion>
        </section>
      )}
      {restKeys.length > 0 && (
        <details>
          <summary>Other details ({restKeys.join(', ')})</summary>
          <pre className="versions">{JSON.stringify(d.rest, null, 2)}</pre>
        </details>
      )}
    </DetailFrame>
  );
}
