/**
 * The LLM judge chain: one judge call per criterion, in parallel, then the same verification as
 * the offline grader. Any criterion that fails makes the grading `grading_failed` with reasons.
 */
import type { RubricCriterion } from '../../content/schemas.ts';
import type { LlmSettings } from '../../llm/settings.ts';
import type { CriterionResult, GradingResult } from '../../transcript/schema.ts';
import type { GradeInput } from '../grader.ts';
import { detectManipulation } from '../manipulation.ts';
import { verifyGrading } from '../verify.ts';
import { runJudge, type JudgeDeps } from './judge.ts';
import { createJudgeModel, type JudgeModel } from './model.ts';
import {
  JUDGE_PROMPT_VERSION,
  loadJudgeTemplate,
  renderCriterionTask,
  renderJudgePrefix,
  renderTranscriptData,
} from './prompt.ts';

/** USD per million tokens, for the cost estimate. */
export interface TokenPricing {
  inputPerMTok: number;
  cachedInputPerMTok: number;
  outputPerMTok: number;
}

/** Default pricing (gpt-4o-mini list prices); pass real prices for other models. */
export const DEFAULT_PRICING: TokenPricing = {
  inputPerMTok: 0.15,
  cachedInputPerMTok: 0.075,
  outputPerMTok: 0.6,
};

/** Optional dependencies; tests inject the sleep, and may inject the model. */
export interface LlmGraderDeps {
  model?: JudgeModel;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  template?: string;
  pricing?: TokenPricing;
}

/** The judge's own confidence is not calibrated; a fixed value until golden-set calibration. */
const LLM_CONFIDENCE = 0.75;

/** Estimated USD cost of a grading's tokens (cached input billed at the cached rate). */
export function estimateCostUsd(usage: GradingResult['usage'], pricing: TokenPricing): number {
  const uncached = Math.max(0, usage.inputTokens - usage.cachedInputTokens);
  const usd =
    (uncached * pricing.inputPerMTok +
      usage.cachedInputTokens * pricing.cachedInputPerMTok +
      usage.outputTokens * pricing.outputPerMTok) /
    1_000_000;
  return Math.round(usd * 1e8) / 1e8;
}

/**
 * Runs `run` for every item in parallel, but gives the first a head start of `headStartMs` (cut
 * short when it finishes sooner): the calls share a long prompt prefix, and a provider serves it
 * from its cache only to requests that arrive after one with it has been processed. Costs at most
 * `headStartMs` of wall time; saves the uncached price on every later call (docs/performance.md).
 */
export async function staggered<T, R>(
  items: readonly T[],
  run: (item: T) => Promise<R>,
  headStartMs: number,
  sleep: (ms: number) => Promise<void>,
): Promise<R[]> {
  const [first, ...rest] = items;
  if (first === undefined) return [];
  if (headStartMs <= 0 || rest.length === 0) return Promise.all(items.map(run));
  const leader = run(first);
  await Promise.race([leader.then(() => undefined), sleep(headStartMs)]);
  return Promise.all([leader, ...rest.map(run)]);
}

/** Share of a typical judge call given as the head start (prefill is the small part of a call). */
export const HEAD_START_SHARE = 0.25;

/**
 * The head start for a grading's first judge call. Prefilling the shared prefix (what the cache
 * needs) is a small part of a call and generating the answer is most of it, so a quarter of a
 * typical call is enough; a fixed value would cost a fast model nearly a whole call of wall time.
 * Uses the configured maximum until a call has been timed, and never more than it.
 */
export function createHeadStart(maxMs: number) {
  let typicalMs: number | null = null;
  return {
    /** The head start to give now. */
    next: (): number =>
      typicalMs === null ? maxMs : Math.min(maxMs, Math.ceil(typicalMs * HEAD_START_SHARE)),
    /** Records how long a successful judge call took (moving average). */
    observe: (ms: number): void => {
      typicalMs = typicalMs === null ? ms : typicalMs * 0.8 + ms * 0.2;
    },
  };
}

/** Builds the grade function of the LLM grader. */
export function createLlmGrade(
  settings: LlmSettings,
  deps: LlmGraderDeps = {},
): (input: GradeInput) => Promise<GradingResult> {
  const template = deps.template ?? loadJudgeTemplate();
  const judgeDeps: JudgeDeps = {
    model: deps.model ?? createJudgeModel(settings),
    retries: settings.retries,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now: deps.now ?? Date.now,
  };
  const pricing = deps.pricing ?? DEFAULT_PRICING;
  const headStart = createHeadStart(settings.judgeStaggerMs ?? 0);
  return async ({ transcript, rubric, scenario }) => {
    const hits = detectManipulation(transcript);
    const data = renderTranscriptData(transcript);
    const judged: RubricCriterion[] = rubric.criteria.filter((c) => c.evidencedBy !== 'other');
    const prefix = renderJudgePrefix(template, rubric, scenario);
    const judge = async (c: RubricCriterion) => {
      const started = judgeDeps.now();
      const answer = await runJudge(prefix, data, renderCriterionTask(c), judgeDeps);
      if (answer.ok) headStart.observe(judgeDeps.now() - started);
      return answer;
    };
    const answers = await staggered(judged, judge, headStart.next(), judgeDeps.sleep);
    const usage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
    const failures: string[] = [];
    const criteria = answers.map((answer, i): CriterionResult => {
      const id = judged[i]!.id;
      usage.inputTokens += answer.usage.input;
      usage.cachedInputTokens += answer.usage.cached;
      usage.outputTokens += answer.usage.output;
      if (!answer.ok) {
        failures.push(`${id}: ${answer.reason}`);
        return {
          id,
          verdict: null,
          confidence: 0,
          evidence: [],
          feedback: '',
          flags: ['grading_failed'],
          error: answer.reason,
        };
      }
      const { verdict, evidence, feedback } = answer.output;
      return { id, verdict, confidence: LLM_CONFIDENCE, evidence, feedback, flags: [] };
    });
    const result: GradingResult = {
      transcriptId: transcript.id,
      rubric: { id: rubric.id, version: rubric.version },
      grader: { mode: 'llm', model: settings.graderModel, promptVersion: JUDGE_PROMPT_VERSION },
      status: failures.length ? 'grading_failed' : 'graded',
      ...(failures.length ? { reason: failures.join('; ') } : {}),
      criteria,
      flags: failures.length ? ['grading_failed'] : [],
      usage: { ...usage, costEstimateUsd: estimateCostUsd(usage, pricing) },
    };
    return verifyGrading(transcript, result, hits);
  };
}
