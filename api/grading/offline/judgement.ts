/**
 * The shape every offline criterion rule returns, and small helpers the rules share.
 */
import type { Evidence } from '../../transcript/schema.ts';
import type { Analysis, Sentence } from './analysis.ts';
import { contentWords, stem } from '../text.ts';
import { GENERIC_STEMS } from './patterns.ts';

/** One criterion's offline verdict, before verification. */
export interface Judgement {
  verdict: 'met' | 'not_yet';
  confidence: number;
  evidence: Evidence[];
  feedback: string;
}

/** A rule judges one criterion from the transcript analysis. */
export type CriterionRule = (analysis: Analysis) => Judgement;

/** Shortens a quote for feedback text (evidence keeps the full sentence). */
export function short(text: string, max = 90): string {
  return text.length <= max ? `"${text}"` : `"${text.slice(0, max - 1).trimEnd()}…"`;
}

/**
 * Non-generic word stems of a sentence (or of `text`, a part of it) that the customer had
 * already used: the sign that the agent is talking about this customer's situation.
 */
export function sharedWithCustomer(
  analysis: Analysis,
  sentence: Sentence,
  text?: string,
): string[] {
  if (sentence.turn === 'caseNotes') return [];
  const before = analysis.customerWordsBefore(sentence.turn);
  const stems = text === undefined ? sentence.stems : contentWords(text).map(stem);
  const shared = new Set(stems.filter((w) => !GENERIC_STEMS.has(w) && before.has(w)));
  return [...shared].sort();
}

/** The sentences after `sentence` in the same turn, up to `count`. */
export function following(analysis: Analysis, sentence: Sentence, count = 1): Sentence[] {
  // Agent sentences are stored in order, and `order` is their index.
  return analysis.agent
    .slice(sentence.order + 1, sentence.order + 1 + count)
    .filter((s) => s.turn === sentence.turn);
}

/** Rounds confidences so the same input always prints the same number. */
export function confidence(value: number): number {
  return Math.round(Math.min(0.95, Math.max(0.3, value)) * 100) / 100;
}
