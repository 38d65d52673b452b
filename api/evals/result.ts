/**
 * What an eval run produces: named figures with thresholds, per-case outcomes and the suite's
 * status. The runner, the database store, the reports and `--compare` all speak these shapes.
 */
import { z } from 'zod';

/** A figure's threshold: the value must be at least (`>=`) or at most (`<=`) `value`. */
export const thresholdSchema = z.strictObject({
  op: z.enum(['>=', '<=']),
  value: z.number(),
});

/** One named measurement of a run (κ of a criterion, a pass rate, a count). */
export const figureSchema = z.strictObject({
  name: z.string(),
  value: z.number().nullable(),
  threshold: thresholdSchema.optional(),
  /** null when the figure has no threshold. */
  passed: z.boolean().nullable(),
  /** Extra data for reports (a confusion matrix, counts). */
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type Figure = z.infer<typeof figureSchema>;
export type Threshold = z.infer<typeof thresholdSchema>;

/** One case's outcome and the evidence for it. */
export const caseResultSchema = z.strictObject({
  id: z.string(),
  outcome: z.enum(['pass', 'fail', 'error']),
  /** One line a reader can act on. */
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type CaseResult = z.infer<typeof caseResultSchema>;

/** Versions of everything a run involved, stored with the run. */
export const versionsSchema = z.strictObject({
  personas: z.record(z.string(), z.string()),
  scenarios: z.record(z.string(), z.string()),
  rubrics: z.record(z.string(), z.string()),
  prompts: z.record(z.string(), z.string()),
  sets: z.record(z.string(), z.string()),
});
export type Versions = z.infer<typeof versionsSchema>;

/** The result of one suite in one invocation. */
export const suiteResultSchema = z.strictObject({
  runId: z.string(),
  suite: z.string(),
  kind: z.string(),
  title: z.string(),
  mode: z.enum(['offline', 'live']),
  status: z.enum(['passed', 'failed', 'error', 'skipped']),
  /** Why the suite was skipped or errored. */
  reason: z.string().optional(),
  versions: versionsSchema,
  figures: z.array(figureSchema),
  cases: z.array(caseResultSchema),
  startedAt: z.number(),
  finishedAt: z.number(),
});
export type SuiteResult = z.infer<typeof suiteResultSchema>;

/** Empty versions, filled in by each suite. */
export function emptyVersions(): Versions {
  return { personas: {}, scenarios: {}, rubrics: {}, prompts: {}, sets: {} };
}

/** A figure with its pass/fail worked out from the threshold. */
export function figure(
  name: string,
  value: number | null,
  threshold?: Threshold,
  detail?: Record<string, unknown>,
): Figure {
  const passed =
    threshold === undefined
      ? null
      : value !== null &&
        (threshold.op === '>=' ? value >= threshold.value : value <= threshold.value);
  return {
    name,
    value,
    ...(threshold ? { threshold } : {}),
    passed,
    ...(detail ? { detail } : {}),
  };
}

/** Share of `part` in `whole` (null for an empty whole), rounded to 4 places. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}
