/**
 * zod schemas for the content that lives as data in the repo: rubric packs (`rubrics/*.yaml`),
 * personas (`prompts/personas/*.yaml`) and scenarios (`prompts/scenarios/*.yaml`).
 * These are the contracts of BRIEF §4.3 and §4.4; change them only with a decision record.
 */
import { z } from 'zod';

/** Lower-case kebab or snake id, so ids are safe in URLs, file names and CSV. */
export const contentId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,79}$/, 'use lower-case letters, digits, - or _ (max 80)');

/** Semantic version string, e.g. `1.0.0`. */
export const semver = z.string().regex(/^\d+\.\d+\.\d+$/, 'use a semantic version like 1.0.0');

/** How a criterion can be evidenced. `other` means the product cannot collect it. */
export const evidencedBy = z.enum([
  'roleplay',
  'systems',
  'caseNotes',
  'supervisorReview',
  'other',
]);

/** Diversity traits from the standards' range, plus a few everyday ones. */
export const personaTrait = z.enum([
  'angry',
  'sad',
  'confused',
  'stressed',
  'multilingual',
  'neurodiverse',
  'calm',
  'elderly',
  'vulnerable',
  'impatient',
  'anxious',
]);

/** Interaction types from the standards' range, plus the supervisor exercises of OCR CC15. */
export const interactionType = z.enum([
  'bau',
  'complex',
  'complaint',
  'escalation',
  'technical',
  'multifaceted',
  'supervisor',
]);

export const rubricCriterionSchema = z.strictObject({
  id: contentId,
  title: z.string().min(1),
  standardRefs: z.array(z.string().min(1)),
  description: z.string().min(1),
  metIndicators: z.array(z.string().min(1)),
  notYetIndicators: z.array(z.string().min(1)),
  evidencedBy,
  /** For `evidencedBy: other`: what evidence the assessor must collect instead. */
  otherEvidence: z.string().min(1).optional(),
  /** Reuse of a criterion defined in another pack (e.g. `core-webchat#empathy`). */
  reuses: z
    .string()
    .regex(/^[a-z0-9_-]+#[a-z0-9_-]+$/)
    .optional(),
});

export const evidenceRequirementSchema = z.strictObject({
  id: contentId,
  description: z.string().min(1),
  /** Distinct confirmed interactions needed. */
  minInteractions: z.number().int().min(1).optional(),
  /** Interactions must be of this many different interaction types. */
  distinctInteractionTypes: z.number().int().min(1).optional(),
  /** Only interactions of these types count. */
  interactionTypes: z.array(interactionType).optional(),
  /** At least `minWithTraits` interactions must involve a persona with one of these traits. */
  personaTraits: z.array(personaTrait).optional(),
  minWithTraits: z.number().int().min(1).optional(),
  /** Criteria this requirement applies to (all when absent). */
  appliesTo: z.array(contentId).optional(),
});

export const rubricPackSchema = z.strictObject({
  id: contentId,
  version: semver,
  title: z.string().min(1),
  standard: z
    .strictObject({
      source: z.string().min(1),
      title: z.string().min(1),
      code: z.string().min(1),
      level: z.string().min(1),
    })
    .nullable(),
  criteria: z.array(rubricCriterionSchema).min(1),
  evidenceRequirements: z.array(evidenceRequirementSchema),
});

export const personaSchema = z.strictObject({
  id: contentId,
  version: semver,
  name: z.string().min(1),
  locale: z.string().min(2),
  traits: z.array(personaTrait).min(1),
  summary: z.string().min(1),
  voice: z.strictObject({
    messageLength: z.enum(['short', 'medium', 'long']),
    typos: z.enum(['none', 'some', 'many']),
    literal: z.boolean(),
    firstLanguage: z.string().min(1),
    languageLevel: z.enum(['simple', 'everyday', 'fluent']),
    phrases: z.array(z.string().min(1)),
  }),
  mood: z.strictObject({
    start: z.number().int().min(0).max(10),
    raisedBy: z.array(z.string().min(1)).min(1),
    loweredBy: z.array(z.string().min(1)).min(1),
  }),
  limits: z.strictObject({
    patience: z.number().int().min(1).max(30),
    asksForSupervisorWhen: z.string().min(1),
    leavesWhen: z.string().min(1),
  }),
});

export const kbArticleSchema = z.strictObject({
  id: contentId,
  title: z.string().min(1),
  body: z.string().min(1),
  tags: z.array(z.string()).default([]),
});

export const systemActionSchema = z.strictObject({
  id: contentId,
  label: z.string().min(1),
  /** Whether this action resolves the customer's need when taken (offline engine uses it). */
  resolves: z.boolean().default(false),
  requiresSecurityCheck: z.boolean().default(true),
});

export const hiddenFactSchema = z.strictObject({
  id: contentId,
  fact: z.string().min(1),
  /** Lower-case cue words; the offline engine reveals the fact when a learner question hits one. */
  askedBy: z.array(z.string().min(1)).min(1),
});

export const scenarioSchema = z.strictObject({
  id: contentId,
  version: semver,
  title: z.string().min(1),
  industry: z.string().min(1),
  interactionType,
  persona: contentId,
  /** What the learner sees before the chat. */
  brief: z.string().min(1),
  opening: z.string().min(1),
  hiddenFacts: z.array(hiddenFactSchema),
  goal: z.string().min(1),
  acceptableResolutions: z.array(z.string().min(1)).min(1),
  systems: z.strictObject({
    crm: z.strictObject({
      customerName: z.string().min(1),
      fields: z.record(z.string(), z.string()),
      securityQuestions: z
        .array(z.strictObject({ question: z.string().min(1), answer: z.string().min(1) }))
        .min(1),
    }),
    knowledgeBase: z.array(kbArticleSchema).min(2).max(5),
    actions: z.array(systemActionSchema).min(1),
  }),
  rubrics: z.array(contentId).min(1),
  endConditions: z.strictObject({
    resolved: z.string().min(1),
    customerLeaves: z.string().min(1),
    escalated: z.string().min(1),
    maxTurns: z.number().int().min(2).max(100),
  }),
  /** Supervisor review exercises: the agent transcript the learner reviews. */
  reviewTranscript: z
    .array(z.strictObject({ speaker: z.enum(['agent', 'customer']), text: z.string().min(1) }))
    .optional(),
});

export type RubricPack = z.infer<typeof rubricPackSchema>;
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;
export type Persona = z.infer<typeof personaSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type PersonaTrait = z.infer<typeof personaTrait>;
export type InteractionType = z.infer<typeof interactionType>;
