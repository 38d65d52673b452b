/**
 * The transcript interchange format (BRIEF §4.1) and the grading result (BRIEF §4.2).
 * Import, export, the CLI and the grader all speak these shapes.
 */
import { z } from 'zod';

export const MAX_TURNS = 200;
export const MAX_TURN_CHARS = 2000;

export const speaker = z.enum(['agent', 'customer']);

export const turnSchema = z.strictObject({
  speaker,
  text: z.string(),
});

/** A system-usage event: which CRM/KB item the learner opened, searched or acted on. */
export const systemEventSchema = z.strictObject({
  kind: z.enum(['crm_open', 'security_check', 'kb_search', 'kb_open', 'action']),
  target: z.string(),
  /** Index of the turn this event happened after (−1 before the first turn). */
  afterTurn: z.number().int().min(-1),
  detail: z.string().optional(),
});

/** Why a roleplay chat ended (BRIEF §5). */
export const endReasonSchema = z.enum([
  'resolved',
  'customer_left',
  'escalated',
  'learner_closed',
  'timed_out',
]);

/** The hidden director's state after a customer turn (roleplay CLI output, persona evals). */
export const directorSnapshotSchema = z.strictObject({
  /** Index of the customer turn in `turns`. */
  turn: z.number().int().min(0),
  mood: z.number().int().min(0).max(10),
  patience: z.number().int().min(0),
  factsRevealed: z.array(z.string()),
});

export const transcriptSchema = z.strictObject({
  id: z.string().min(1),
  channel: z.literal('webchat').default('webchat'),
  scenario: z.string().optional(),
  turns: z.array(turnSchema).min(1).max(MAX_TURNS),
  caseNotes: z.string().default(''),
  systemEvents: z.array(systemEventSchema).optional(),
  /** How a roleplay ended (absent for imported transcripts). */
  endReason: endReasonSchema.optional(),
  /** Director state per customer turn, from the roleplay CLI (absent elsewhere). */
  director: z.array(directorSnapshotSchema).optional(),
});

export type Turn = z.infer<typeof turnSchema>;
export type SystemEvent = z.infer<typeof systemEventSchema>;
export type Transcript = z.infer<typeof transcriptSchema>;
export type DirectorSnapshot = z.infer<typeof directorSnapshotSchema>;

export const verdict = z.enum(['met', 'not_yet']);
export const gradingFlag = z.enum([
  'possible_grader_manipulation',
  'abandoned',
  'evidence_unverified',
  'grading_failed',
]);

export const evidenceSchema = z.strictObject({
  turn: z.union([z.number().int().min(0), z.literal('caseNotes')]),
  quote: z.string().min(1),
});

export const criterionResultSchema = z.strictObject({
  id: z.string(),
  verdict: verdict.nullable(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(evidenceSchema),
  feedback: z.string(),
  flags: z.array(gradingFlag).default([]),
  error: z.string().optional(),
});

export const gradingResultSchema = z.strictObject({
  transcriptId: z.string(),
  rubric: z.strictObject({ id: z.string(), version: z.string() }),
  grader: z.strictObject({
    mode: z.enum(['offline', 'llm']),
    model: z.string().nullable(),
    promptVersion: z.string(),
  }),
  status: z.enum(['graded', 'grading_failed']),
  reason: z.string().optional(),
  criteria: z.array(criterionResultSchema),
  flags: z.array(gradingFlag),
  usage: z.strictObject({
    inputTokens: z.number().int().min(0),
    outputTokens: z.number().int().min(0),
    cachedInputTokens: z.number().int().min(0),
    /** Estimated cost in USD of the tokens above (LLM gradings; absent offline). */
    costEstimateUsd: z.number().min(0).optional(),
  }),
});

export type Evidence = z.infer<typeof evidenceSchema>;
export type CriterionResult = z.infer<typeof criterionResultSchema>;
export type GradingResult = z.infer<typeof gradingResultSchema>;
export type GradingFlag = z.infer<typeof gradingFlag>;
