/**
 * The self-contained HTML report: summary, figures as inline SVG bars, and every case with its
 * transcript. Everything from a run is escaped (transcripts contain hostile text), and a strict
 * Content-Security-Policy forbids scripts and outside assets even if something slipped through.
 */
import { z } from 'zod';
import type { CaseResult, Figure, SuiteResult } from '../result.ts';
import { escapeMarkup as x } from './escape.ts';
import { barChart, type Bar } from './svg.ts';

const turnsSchema = z.array(z.object({ speaker: z.string(), text: z.string() }));

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#111}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
.pass,.passed{color:#1b5e20}.fail,.failed,.error{color:#b71c1c}.skipped{color:#555}
pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}.turn{margin:.2rem 0}`;

function figureRows(figures: readonly Figure[]): string {
  return figures
    .map((f) => {
      const t = f.threshold ? `${f.threshold.op} ${f.threshold.value}` : '';
      const state = f.passed === null ? '' : f.passed ? 'passed' : 'failed';
      return `<tr><td>${x(f.name)}</td><td>${x(f.value ?? 'n/a')}</td><td>${x(t)}</td><td class="${state}">${x(state)}</td></tr>`;
    })
    .join('');
}

/** Shares and κ are charted; counts (errors, not_yet→met) stay in the table. */
function isShare(f: Figure): boolean {
  return f.threshold?.op === '>=' || /rate|agreement|accuracy|kappa|assertion/.test(f.name);
}

function chart(r: SuiteResult): string {
  const bars: Bar[] = r.figures.filter(isShare).map((f) => ({
    label: f.name,
    value: f.value ?? 0,
    threshold: f.threshold?.op === '>=' ? f.threshold.value : undefined,
    passed: f.passed,
  }));
  return bars.length === 0 ? '' : barChart(`${r.suite} figures`, bars);
}

function caseBlock(c: CaseResult): string {
  const turns = turnsSchema.safeParse(c.details.transcript);
  const transcript = turns.success
    ? turns.data.map((t) => `<div class="turn"><b>${x(t.speaker)}:</b> ${x(t.text)}</div>`).join('')
    : '';
  const { transcript: _omit, ...rest } = c.details;
  return `<tr><td>${x(c.id)}</td><td class="${x(c.outcome)}">${x(c.outcome)}</td><td>${x(c.summary)}<details><summary>details</summary>${transcript}<pre>${x(JSON.stringify(rest, null, 2))}</pre></details></td></tr>`;
}

function suiteSection(r: SuiteResult): string {
  return [
    `<section><h2>${x(r.title)} <small>(${x(r.suite)}, ${x(r.kind)}, ${x(r.mode)})</small></h2>`,
    `<p>Status: <b class="${x(r.status)}">${x(r.status)}</b>${r.reason ? ` — ${x(r.reason)}` : ''} · run ${x(r.runId)}</p>`,
    chart(r),
    r.figures.length > 0
      ? `<table><tr><th>Figure</th><th>Value</th><th>Threshold</th><th></th></tr>${figureRows(r.figures)}</table>`
      : '',
    `<details><summary>Versions</summary><pre>${x(JSON.stringify(r.versions, null, 2))}</pre></details>`,
    r.cases.length > 0
      ? `<table><tr><th>Case</th><th>Outcome</th><th>Summary</th></tr>${r.cases.map(caseBlock).join('')}</table>`
      : '',
    '</section>',
  ].join('\n');
}

/** The HTML report of a whole invocation. */
export function htmlReport(results: readonly SuiteResult[], generatedAt: Date): string {
  const summary = results
    .map(
      (r) =>
        `<tr><td>${x(r.suite)}</td><td class="${x(r.status)}">${x(r.status)}</td><td>${r.cases.filter((c) => c.outcome === 'pass').length}/${r.cases.length}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Rapport eval report</title><style>${STYLE}</style></head>
<body><h1>Rapport eval report</h1><p>Generated ${x(generatedAt.toISOString())}</p>
<table><tr><th>Suite</th><th>Status</th><th>Cases passed</th></tr>${summary}</table>
${results.map(suiteSection).join('\n')}
</body></html>
`;
}
