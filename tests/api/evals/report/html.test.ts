import { describe, expect, it } from 'vitest';
import { htmlReport } from '../../../../api/evals/report/html.ts';
import { junitReport } from '../../../../api/evals/report/junit.ts';
import { emptyVersions, figure, type SuiteResult } from '../../../../api/evals/result.ts';

const hostile = '<script>alert("x")</script>';

const result: SuiteResult = {
  runId: 'run-1',
  suite: 'persona-fidelity',
  kind: 'persona-fidelity',
  title: 'Personas <b>',
  mode: 'offline',
  status: 'failed',
  versions: emptyVersions(),
  figures: [figure('case_pass_rate', 0.5, { op: '>=', value: 1 })],
  cases: [
    {
      id: 'case-1',
      outcome: 'fail',
      summary: `reply 1: ${hostile}`,
      details: { transcript: [{ speaker: 'agent', text: hostile }], note: hostile },
    },
  ],
  startedAt: 0,
  finishedAt: 1000,
};

describe('eval reports', () => {
  it('escapes transcript text in the HTML report and forbids scripts', () => {
    const html = htmlReport([result], new Date(0));
    expect(html).not.toContain('<script');
    expect(html).toContain('<b>agent:</b> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Personas &lt;b&gt;');
    expect(html).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
    expect(html).toContain('<svg role="img"');
    expect(html).not.toMatch(/\b(src|href)=/);
  });

  it('escapes failure messages in the JUnit XML', () => {
    const xml = junitReport([result]);
    expect(xml).not.toContain('<script');
    expect(xml).toContain(
      '<testcase classname="persona-fidelity" name="case-1"><failure message="reply 1: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"/></testcase>',
    );
    expect(xml).toContain(
      '<testsuite name="persona-fidelity" tests="2" failures="2" errors="0" skipped="0" time="1.000">',
    );
  });
});
