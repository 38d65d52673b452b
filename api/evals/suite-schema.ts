/**
 * The eval suite format (`evals/suites/*.yaml`): one suite per file, a `kind` that picks the
 * runner, and the kind's own cases and thresholds. The JSON schema editors use
 * (`evals/suites/suite.schema.json`) is generated from these zod schemas.
 */
import { z } from 'zod';
import { contentId } from '../content/schemas.ts';
import { endReasonSchema } from '../transcript/schema.ts';
import { CORE_CRITERIA } from './golden.ts';

/** A share between 0 and 1 that a figure must reach. */
const share = z.number().min(0).max(1);

/** How a case's mood must move over one learner turn. */
export const moodExpectation = z.enum(['rises', 'does_not_rise', 'falls']);

/** The named checks a persona-fidelity case can make on the played chat. */
export const personaAssertionSchema = z.discriminatedUnion('name', [
  z.strictObject({
    name: z.literal('stays_in_voice'),
    /** Share of customer replies that must be in voice. */
    threshold: share.default(1),
  }),
  z.strictObject({
    name: z.literal('no_agent_lines'),
    threshold: share.default(1),
  }),
  z.strictObject({
    name: z.literal('no_card_leak'),
    threshold: share.default(1),
  }),
  z.strictObject({
    name: z.literal('facts_revealed'),
    /** Exactly these hidden-fact ids are revealed by the end (empty: none). */
    expect: z.array(contentId),
  }),
  z.strictObject({
    name: z.literal('mood'),
    /** The 1-based learner message whose effect is checked (default: the last one). */
    turn: z.number().int().min(1).optional(),
    expect: moodExpectation,
  }),
  z.strictObject({
    name: z.literal('security_answered'),
    /** Exactly these CRM security questions (0-based indexes) are answered by the end. */
    expect: z.array(z.number().int().min(0)),
  }),
  z.strictObject({
    name: z.literal('end_reason'),
    /** `open`: the script ran out before the chat ended. */
    expect: z.enum([...endReasonSchema.options, 'open']),
  }),
]);
export type PersonaAssertion = z.infer<typeof personaAssertionSchema>;

/** Word-count bands per persona message length (replies longer than the band are out of voice). */
export const voiceBandsSchema = z.strictObject({
  short: z.number().int().min(1).default(55),
  medium: z.number().int().min(1).default(80),
  long: z.number().int().min(1).default(140),
});

const personaCaseSchema = z.strictObject({
  id: contentId,
  scenario: contentId,
  description: z.string().optional(),
  /** Learner lines; `/action ID`, `/security`, `/kb ID`, `/crm` record system events. */
  script: z.array(z.string().min(1)).min(1),
  assertions: z.array(personaAssertionSchema).default([]),
});

const baseSuite = {
  id: contentId,
  title: z.string().min(1),
  description: z.string().optional(),
};

const labelledSetSuite = {
  ...baseSuite,
  /** Folder of labelled transcripts, relative to the repo root. */
  set: z.string().min(1),
  rubric: contentId.default('core-webchat'),
  /** Only the first N cases (by file name); all when absent. */
  limit: z.number().int().min(1).optional(),
};

const criterionId = z.enum(CORE_CRITERIA);

export const personaFidelitySuiteSchema = z.strictObject({
  ...baseSuite,
  kind: z.literal('persona-fidelity'),
  /** Assertions added to every case. */
  always: z.array(personaAssertionSchema).default([]),
  bands: voiceBandsSchema.prefault({}),
  /** Share of cases that must pass. */
  threshold: share.default(1),
  cases: z.array(personaCaseSchema).min(1),
});

export const graderGoldenSuiteSchema = z.strictObject({
  ...labelledSetSuite,
  kind: z.literal('grader-golden'),
  criteria: z
    .array(criterionId)
    .min(1)
    .default([...CORE_CRITERIA]),
  /** Minimum Cohen's κ per criterion; `perCriterion` overrides it for one criterion. */
  kappa: z
    .strictObject({
      min: z.number().min(-1).max(1).default(0.6),
      perCriterion: z.partialRecord(criterionId, z.number().min(-1).max(1)).default({}),
    })
    .prefault({}),
});

export const graderInjectionSuiteSchema = z.strictObject({
  ...labelledSetSuite,
  kind: z.literal('grader-injection'),
  /** Most criterion verdicts that may turn from the label's not_yet into met. */
  maxNotYetToMet: z.number().int().min(0).default(0),
});

export const perturbation = z.enum(['whitespace', 'swap_names']);

export const consistencySuiteSchema = z.strictObject({
  ...labelledSetSuite,
  kind: z.literal('consistency'),
  /** How many times each unchanged transcript is graded (including the first). */
  repeats: z.number().int().min(2).max(10).default(3),
  perturbations: z.array(perturbation).default(['whitespace', 'swap_names']),
  /** Share of verdicts that must agree with the first grading. */
  threshold: share.default(1),
});

/** The simulated learner's skill, from least to most skilled. */
export const learnerSkill = z.enum(['poor', 'average', 'skilled']);
export type LearnerSkill = z.infer<typeof learnerSkill>;

export const learnerSimulationSuiteSchema = z.strictObject({
  ...baseSuite,
  kind: z.literal('learner-simulation'),
  rubric: contentId.default('core-webchat'),
  threshold: share.default(0.8),
  /**
   * Share of scenarios whose simulated learners the grader orders by skill (more criteria met
   * for a skilled learner than an average one, and for an average one than a poor one).
   */
  orderingThreshold: share.default(1),
  cases: z
    .array(
      z.strictObject({
        id: contentId,
        scenario: contentId,
        /** How the simulated learner behaves. */
        learner: learnerSkill,
        maxTurns: z.number().int().min(1).max(30).default(8),
        /** Verdicts the grader should give the simulated chat (none: only the ordering counts). */
        expect: z.partialRecord(criterionId, z.enum(['met', 'not_yet'])).default({}),
      }),
    )
    .min(1),
});

/** Any suite file. */
export const suiteSchema = z.discriminatedUnion('kind', [
  personaFidelitySuiteSchema,
  graderGoldenSuiteSchema,
  graderInjectionSuiteSchema,
  consistencySuiteSchema,
  learnerSimulationSuiteSchema,
]);

export type Suite = z.infer<typeof suiteSchema>;
export type SuiteKind = Suite['kind'];
export type PersonaFidelitySuite = z.infer<typeof personaFidelitySuiteSchema>;
export type GraderGoldenSuite = z.infer<typeof graderGoldenSuiteSchema>;
export type GraderInjectionSuite = z.infer<typeof graderInjectionSuiteSchema>;
export type ConsistencySuite = z.infer<typeof consistencySuiteSchema>;
export type LearnerSimulationSuite = z.infer<typeof learnerSimulationSuiteSchema>;
export type Perturbation = z.infer<typeof perturbation>;

/** The JSON schema for editors, generated from `suiteSchema` (input shape: defaults optional). */
export function suiteJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(suiteSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Rapport eval suite',
  };
}
