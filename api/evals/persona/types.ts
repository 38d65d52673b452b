/** Shapes shared by the persona-fidelity checks and assertions. */
import type { z } from 'zod';
import type { voiceBandsSchema } from '../suite-schema.ts';

/** Most words per reply for each persona message length. */
export type VoiceBands = z.infer<typeof voiceBandsSchema>;

/** One assertion's verdict on a played chat. */
export interface AssertionResult {
  name: string;
  passed: boolean;
  /** Share of checks that passed (1 for all-or-nothing assertions that passed). */
  score: number;
  threshold?: number;
  /** What was found, for the report. */
  detail: string;
}
