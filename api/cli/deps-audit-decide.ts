/**
 * The decision of `npm run audit:deps`, kept pure so it is tested with fixture JSON: read the
 * output of `npm audit --omit=dev --json`, list the high and critical advisories, drop those
 * recorded in docs/audit-allowlist.json (each with the reason it does not apply), and fail on
 * the rest. When the audit endpoint could not be reached (this build machine's registry answers
 * 405) the verdict is "unavailable": reported clearly, never a pass that hides findings and
 * never a CI failure for a network problem.
 */
import { z } from 'zod';

/** Severities that fail the build unless allowlisted. */
export const BLOCKING = ['high', 'critical'] as const;

/** One allowlisted advisory and why it does not apply to Rapport. */
const allowEntry = z.strictObject({
  /** GHSA id (e.g. GHSA-xxxx-xxxx-xxxx) or npm's numeric advisory source id. */
  id: z.string().min(1),
  package: z.string().min(1),
  reason: z.string().min(10, 'say why the advisory does not apply'),
  /** Date (YYYY-MM-DD) after which the entry must be reviewed again. */
  reviewBy: z.iso.date().optional(),
});

/** docs/audit-allowlist.json. */
export const allowlistSchema = z.strictObject({
  advisories: z.array(allowEntry),
});
export type Allowlist = z.infer<typeof allowlistSchema>;

const advisory = z.looseObject({
  source: z.union([z.number(), z.string()]),
  name: z.string(),
  title: z.string().default(''),
  url: z.string().default(''),
  severity: z.string(),
  range: z.string().default(''),
});

const auditReport = z.looseObject({
  vulnerabilities: z.record(
    z.string(),
    z.looseObject({ via: z.array(z.union([z.string(), advisory])).default([]) }),
  ),
});

const auditFailure = z.looseObject({
  message: z.string().optional(),
  statusCode: z.number().optional(),
  error: z.union([z.string(), z.looseObject({ summary: z.string().optional() })]).optional(),
});

/** One high or critical advisory found. */
export interface Finding {
  id: string;
  package: string;
  severity: string;
  title: string;
  url: string;
}

/** What the audit script concludes. */
export type Verdict =
  | { kind: 'unavailable'; reason: string }
  | { kind: 'pass'; allowed: Finding[]; stale: string[] }
  | { kind: 'fail'; blocking: Finding[]; allowed: Finding[]; stale: string[] };

/** The GHSA id of an advisory URL, else npm's source id. */
function advisoryId(a: z.infer<typeof advisory>): string {
  return /GHSA-[\w-]+/i.exec(a.url)?.[0] ?? String(a.source);
}

/** Decides from the raw stdout of `npm audit --json` (and the exit error, if it did not run). */
export function decide(
  stdout: string,
  allowlist: Allowlist,
  opts: { today: string; runError?: string } = { today: '9999-12-31' },
): Verdict {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    return {
      kind: 'unavailable',
      reason: opts.runError ?? (stdout.trim() ? 'npm audit printed no JSON' : 'no output'),
    };
  }
  const report = auditReport.safeParse(json);
  if (!report.success) {
    const failure = auditFailure.safeParse(json);
    const f = failure.success ? failure.data : {};
    const summary = typeof f.error === 'string' ? f.error : f.error?.summary;
    return {
      kind: 'unavailable',
      reason: f.message ?? (summary || undefined) ?? opts.runError ?? 'unexpected npm audit output',
    };
  }
  const found = new Map<string, Finding>();
  for (const [pkg, vuln] of Object.entries(report.data.vulnerabilities)) {
    for (const via of vuln.via) {
      if (typeof via === 'string') continue; // reported under the package it comes through
      if (!BLOCKING.some((s) => s === via.severity)) continue;
      const id = advisoryId(via);
      found.set(`${id}|${via.name}`, {
        id,
        package: via.name || pkg,
        severity: via.severity,
        title: via.title,
        url: via.url,
      });
    }
  }
  const current = allowlist.advisories.filter((a) => !a.reviewBy || a.reviewBy >= opts.today);
  const isAllowed = (f: Finding) =>
    current.some((a) => a.id.toLowerCase() === f.id.toLowerCase() && a.package === f.package);
  const findings = [...found.values()].sort((a, b) => a.id.localeCompare(b.id));
  const allowed = findings.filter(isAllowed);
  const blocking = findings.filter((f) => !isAllowed(f));
  // Entries no finding needs any more (fixed upstream) or past their review date: tidy them up.
  const stale = allowlist.advisories
    .filter((a) => !current.includes(a) || !allowed.some((f) => f.id === a.id))
    .map((a) => `${a.id} (${a.package})`);
  return blocking.length > 0
    ? { kind: 'fail', blocking, allowed, stale }
    : { kind: 'pass', allowed, stale };
}

/** The lines the script prints for a verdict. */
export function describeVerdict(v: Verdict): string[] {
  if (v.kind === 'unavailable')
    return [`audit unavailable: ${v.reason}`, 'dependency audit skipped; CI is not failed for it.'];
  const show = (f: Finding) =>
    `  ${f.severity} ${f.package} ${f.id}: ${f.title} ${f.url}`.trimEnd();
  const lines: string[] = [];
  if (v.kind === 'fail') {
    lines.push(`${v.blocking.length} high/critical advisories not in docs/audit-allowlist.json:`);
    lines.push(...v.blocking.map(show));
  } else {
    lines.push('audit ok: no high or critical advisories outside docs/audit-allowlist.json.');
  }
  if (v.allowed.length > 0) lines.push('allowlisted:', ...v.allowed.map(show));
  if (v.stale.length > 0) lines.push(`allowlist entries to review: ${v.stale.join(', ')}`);
  return lines;
}
