/** Shared by the grader suites: loading the labelled set and rubric, and reading verdicts. */
import { isAbsolute, join } from 'node:path';
import type { RubricPack } from '../content/schemas.ts';
import type { GradingResult } from '../transcript/schema.ts';
import { SuitePlanError, type EvalContext } from './context.ts';
import { LabelledSetError, loadLabelledSet, type LabelledCase } from './golden.ts';
import type { Versions } from './result.ts';
import { setVersion, versionsOf } from './versions.ts';

/** The labelled cases (limited as the suite says), the rubric pack and the versions to record. */
export interface LabelledSuiteInput {
  cases: LabelledCase[];
  rubric: RubricPack;
  versions: Versions;
}

/** Loads what a grader suite needs; a missing rubric or broken set is a SuitePlanError. */
export async function loadLabelledSuite(
  suite: { id: string; set: string; rubric: string; limit?: number },
  ctx: EvalContext,
): Promise<LabelledSuiteInput> {
  const rubric = ctx.content.rubrics.find((r) => r.id === suite.rubric);
  if (!rubric)
    throw new SuitePlanError(suite.id, 'rubric', `unknown rubric pack "${suite.rubric}"`);
  let all: LabelledCase[];
  try {
    all = await loadLabelledSet(isAbsolute(suite.set) ? suite.set : join(ctx.root, suite.set));
  } catch (err) {
    if (err instanceof LabelledSetError) throw new SuitePlanError(suite.id, 'set', err.message);
    throw err;
  }
  if (all.length === 0) throw new SuitePlanError(suite.id, 'set', `no cases in ${suite.set}`);
  const cases = suite.limit === undefined ? all : all.slice(0, suite.limit);
  const versions = versionsOf({
    rubrics: [rubric],
    prompts: { grader: ctx.promptVersions.grader },
    sets: { [suite.set]: setVersion(cases) },
  });
  return { cases, rubric, versions };
}

/** The verdict of each criterion in a grading (null when missing or failed). */
export function verdictsOf(
  result: GradingResult,
  criteria: readonly string[],
): Record<string, 'met' | 'not_yet' | null> {
  return Object.fromEntries(
    criteria.map((id) => [id, result.criteria.find((c) => c.id === id)?.verdict ?? null]),
  );
}

/** Why a grading cannot be scored (failed, or a criterion without a verdict), or null. */
export function gradingProblem(result: GradingResult, criteria: readonly string[]): string | null {
  if (result.status === 'grading_failed') return `grading failed: ${result.reason ?? 'no reason'}`;
  const missing = criteria.filter((id) => !result.criteria.some((c) => c.id === id && c.verdict));
  return missing.length > 0 ? `no verdict for ${missing.join(', ')}` : null;
}
