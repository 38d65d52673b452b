/**
 * The Grader interface the app wires into grading jobs and routes: one `grade` call per
 * transcript, returning a verified GradingResult (status `graded` or `grading_failed`).
 */
import type { RubricPack, Scenario } from '../content/schemas.ts';
import type { GradingResult, Transcript } from '../transcript/schema.ts';
import type { LlmSettings } from '../llm/settings.ts';
import { createLlmGrade, type LlmGraderDeps } from './llm/grader.ts';
import { gradeOffline } from './offline/grader.ts';

/** What a grader needs for one grading. */
export interface GradeInput {
  transcript: Transcript;
  rubric: RubricPack;
  scenario?: Scenario;
}

/** A grader: offline rules or the LLM judge chain, same result shape. */
export interface Grader {
  readonly mode: 'offline' | 'llm';
  /** Grades one transcript. Never rejects for model problems: those give `grading_failed`. */
  grade(input: GradeInput): Promise<GradingResult>;
}

/** The deterministic offline grader (no model, no network). */
export function createOfflineGrader(): Grader {
  return {
    mode: 'offline',
    grade: async (input) => gradeOffline(input),
  };
}

/**
 * The LLM judge chain over an OpenAI-compatible model (settings.graderModel). Builds the model
 * client now: in tests, call it after the msw server is listening.
 */
export function createLlmGrader(settings: LlmSettings, deps: LlmGraderDeps = {}): Grader {
  return { mode: 'llm', grade: createLlmGrade(settings, deps) };
}
