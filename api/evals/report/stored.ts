/**
 * Reports of one stored run, made from the database (so any runtime can serve them, and a web
 * run's reports are the same as the files `npm run evals` writes): the run as a SuiteResult and
 * each report format with its file name and content type.
 */
import type { RunDetail } from '../run-queries.ts';
import { emptyVersions, type SuiteResult } from '../result.ts';
import { htmlReport } from './html.ts';
import { junitReport } from './junit.ts';
import { jsonReport } from './write.ts';

/** The report formats a stored run can be downloaded in. */
export const REPORT_FORMATS = {
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  html: 'text/html; charset=utf-8',
} as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;

/** A finished stored run as the reports read it; null while it is still running. */
export function resultOfStoredRun(d: RunDetail): SuiteResult | null {
  if (d.status === 'running') return null;
  return {
    runId: d.runId,
    suite: d.suite,
    kind: d.kind,
    title: d.title,
    mode: d.mode,
    status: d.status,
    ...(d.error ? { reason: d.error } : {}),
    versions: d.versions ?? emptyVersions(),
    figures: d.figures,
    cases: d.cases.map((c) => ({
      id: c.id,
      outcome: c.outcome,
      summary: c.summary,
      details: c.details,
    })),
    startedAt: d.startedAt,
    finishedAt: d.finishedAt ?? d.startedAt,
  };
}

/** One report of a finished run: body, content type and a download file name. */
export function storedRunReport(
  result: SuiteResult,
  format: ReportFormat,
): { body: string; contentType: string; fileName: string } {
  const at = new Date(result.finishedAt);
  const body =
    format === 'json'
      ? jsonReport([result], at)
      : format === 'xml'
        ? junitReport([result])
        : htmlReport([result], at);
  const ext = format === 'xml' ? 'junit.xml' : format;
  return { body, contentType: REPORT_FORMATS[format], fileName: `${result.runId}.${ext}` };
}
