/**
 * What every suite runs against: the content library, the persona engine and grader for the
 * mode (offline rules, or the configured LLM with --live), and the prompt versions to pin.
 */
import type { ContentBundle } from '../content/load.ts';
import type { Grader } from '../grading/grader.ts';
import type { PersonaEngine } from '../roleplay/engine.ts';
import type { CaseResult, Figure, Versions } from './result.ts';
import type { LearnerSkill } from './suite-schema.ts';

/** A simulated learner for learner-simulation suites (live mode only). */
export interface LearnerModel {
  /** The agent's next message, given the scenario brief, the style and the chat so far. */
  next(input: {
    brief: string;
    style: LearnerSkill;
    turns: { speaker: 'agent' | 'customer'; text: string }[];
  }): Promise<string>;
}

/** The engines and content one invocation runs with. */
export interface EvalContext {
  /** Repo root: suites' `set` folders are relative to it. */
  root: string;
  mode: 'offline' | 'live';
  content: ContentBundle;
  persona: PersonaEngine;
  grader: Grader;
  /** prompts/templates/persona.md, for the template-leak check. */
  personaTemplate: string;
  /** Version labels of the persona engine and grader (`offline-persona@1.0.0`, `grader@1.0.0 model`). */
  promptVersions: { persona: string; grader: string };
  learner: LearnerModel | null;
}

/** One case, ready to run. */
export interface PlannedCase {
  id: string;
  run: () => Promise<CaseResult>;
}

/** A suite turned into runnable cases and a way to compute its figures once they have run. */
export interface SuitePlan {
  versions: Versions;
  cases: PlannedCase[];
  figures: (results: CaseResult[]) => Figure[];
  /** Set when the suite cannot run in this mode (e.g. `needs --live`). */
  skipped?: string;
}

/** A suite references something that does not exist (unknown scenario, fact, rubric, set). */
export class SuitePlanError extends Error {
  constructor(
    readonly suite: string,
    readonly path: string,
    message: string,
  ) {
    super(`evals/suites/${suite}.yaml at ${path}: ${message}`);
    this.name = 'SuitePlanError';
  }
}
