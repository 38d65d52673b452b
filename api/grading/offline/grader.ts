/**
 * The offline grader: deterministic rules over the transcript, system events and case notes,
 * returning the same GradingResult shape as the LLM judge chain, through the same verification.
 */
import type { RubricPack, Scenario } from '../../content/schemas.ts';
import type { CriterionResult, GradingResult, Transcript } from '../../transcript/schema.ts';
import { detectManipulation } from '../manipulation.ts';
import { isAbandoned, verifyGrading } from '../verify.ts';
import { analyse } from './analysis.ts';
import { ruleFor } from './rules.ts';

/** Version of the offline rules; bump when a rule changes so old gradings stay pinned. */
export const OFFLINE_PROMPT_VERSION = 'offline-grader@1.1.0';

/** What the offline grader needs: the transcript, the rubric pack and, optionally, the scenario. */
export interface OfflineGradeInput {
  transcript: Transcript;
  rubric: RubricPack;
  scenario?: Scenario;
}

const TOO_SHORT =
  'The chat is too short to judge this: you need at least two replies to the customer.';

/**
 * Grades a transcript against a rubric pack with rules. Same input, same output. Criteria the
 * rules cannot judge (`evidencedBy: other`, unknown ids) are omitted; see ruleFor.
 */
export function gradeOffline(input: OfflineGradeInput): GradingResult {
  const { transcript, rubric, scenario } = input;
  const hits = detectManipulation(transcript);
  const analysis = analyse(transcript, scenario, hits);
  const abandoned = isAbandoned(transcript);
  const criteria: CriterionResult[] = [];
  for (const criterion of rubric.criteria) {
    const rule = ruleFor(criterion);
    if (!rule) continue;
    const judgement = abandoned
      ? { verdict: 'not_yet' as const, confidence: 0.9, evidence: [], feedback: TOO_SHORT }
      : rule(analysis);
    criteria.push({ id: criterion.id, ...judgement, flags: [] });
  }
  const result: GradingResult = {
    transcriptId: transcript.id,
    rubric: { id: rubric.id, version: rubric.version },
    grader: { mode: 'offline', model: null, promptVersion: OFFLINE_PROMPT_VERSION },
    status: 'graded',
    criteria,
    flags: [],
    usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 },
  };
  return verifyGrading(transcript, result, hits);
}
