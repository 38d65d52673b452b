/** JUnit XML for CI: one testsuite per eval suite, one testcase per case plus one per thresholded figure. */
import type { SuiteResult } from '../result.ts';
import { escapeMarkup as x } from './escape.ts';

function suiteXml(r: SuiteResult): string {
  const seconds = ((r.finishedAt - r.startedAt) / 1000).toFixed(3);
  const cases = r.cases.map((c) => {
    const body =
      c.outcome === 'pass'
        ? ''
        : `<${c.outcome === 'fail' ? 'failure' : 'error'} message="${x(c.summary)}"/>`;
    return `    <testcase classname="${x(r.suite)}" name="${x(c.id)}">${body}</testcase>`;
  });
  const figures = r.figures
    .filter((f) => f.threshold)
    .map((f) => {
      const t = f.threshold;
      const message = `${f.name} = ${f.value ?? 'n/a'}, needs ${t?.op} ${t?.value}`;
      const body = f.passed ? '' : `<failure message="${x(message)}"/>`;
      return `    <testcase classname="${x(r.suite)}.thresholds" name="${x(f.name)}">${body}</testcase>`;
    });
  const skipped =
    r.status === 'skipped'
      ? [
          `    <testcase classname="${x(r.suite)}" name="suite"><skipped message="${x(r.reason ?? '')}"/></testcase>`,
        ]
      : [];
  const all = [...cases, ...figures, ...skipped];
  const failures = all.filter((l) => l.includes('<failure')).length;
  const errors = all.filter((l) => l.includes('<error')).length;
  return [
    `  <testsuite name="${x(r.suite)}" tests="${all.length}" failures="${failures}" errors="${errors}" skipped="${skipped.length}" time="${seconds}">`,
    ...all,
    '  </testsuite>',
  ].join('\n');
}

/** The whole run as a JUnit XML document. */
export function junitReport(results: readonly SuiteResult[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="rapport-evals">\n${results.map(suiteXml).join('\n')}\n</testsuites>\n`;
}
