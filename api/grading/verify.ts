/**
 * The verification every grading passes through, whichever grader produced it (BRIEF §4.2):
 * quotes must be exact (whitespace-normalised) substrings of the agent turn they cite or of the
 * case notes; unverifiable quotes are dropped; a `met` left without verified evidence becomes
 * `not_yet` with `evidence_unverified`; text aimed at the grader is flagged and never evidence.
 */
import {
  gradingFlag,
  type CriterionResult,
  type Evidence,
  type GradingFlag,
  type GradingResult,
  type Transcript,
} from '../transcript/schema.ts';
import { detectManipulation, manipulationReason, type ManipulationHit } from './manipulation.ts';
import { normaliseWhitespace } from './text.ts';

/** Fewer agent turns than this and the transcript is too short to judge. */
export const MIN_AGENT_TURNS = 2;

/** True when the learner said too little for any criterion to be judged fairly. */
export function isAbandoned(transcript: Transcript): boolean {
  return transcript.turns.filter((t) => t.speaker === 'agent').length < MIN_AGENT_TURNS;
}

/** The text a piece of evidence may quote from, or null when it cites a customer or missing turn. */
export function evidenceSource(transcript: Transcript, turn: Evidence['turn']): string | null {
  if (turn === 'caseNotes') return transcript.caseNotes || null;
  const cited = transcript.turns[turn];
  return cited && cited.speaker === 'agent' ? cited.text : null;
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1))
    found.push(at);
  return found;
}

/** Ranges (in whitespace-normalised source) of the sentences flagged as aimed at the grader. */
function flaggedRanges(
  source: string,
  turn: Evidence['turn'],
  hits: ManipulationHit[],
): [number, number][] {
  const ranges: [number, number][] = [];
  for (const hit of hits) {
    if (hit.turn !== turn) continue;
    const sentence = normaliseWhitespace(hit.sentence);
    for (const at of occurrences(source, sentence)) ranges.push([at, at + sentence.length]);
  }
  return ranges;
}

/**
 * True when the quote appears, verbatim up to whitespace, in the cited agent turn or case notes,
 * has some substance (a letter or digit, 3+ characters), and does not overlap a sentence aimed
 * at the grader.
 */
export function isVerifiedQuote(
  transcript: Transcript,
  evidence: Evidence,
  hits: ManipulationHit[],
): boolean {
  const raw = evidenceSource(transcript, evidence.turn);
  if (raw === null) return false;
  const source = normaliseWhitespace(raw);
  const quote = normaliseWhitespace(evidence.quote);
  if (quote.length < 3 || !/[\p{L}\p{N}]/u.test(quote)) return false;
  if (manipulationReason(quote) !== null) return false;
  const flagged = flaggedRanges(source, evidence.turn, hits);
  return occurrences(source, quote).some(
    (at) => !flagged.some(([start, end]) => at < end && start < at + quote.length),
  );
}

const UNVERIFIED_FEEDBACK =
  'The grader could not point to your own words for this, so it is marked not yet until a person checks it.';

/** Verifies one criterion's evidence and downgrades an unsupported `met`. */
export function verifyCriterion(
  transcript: Transcript,
  criterion: CriterionResult,
  hits: ManipulationHit[],
): CriterionResult {
  if (criterion.verdict === null) return criterion;
  const seen = new Set<string>();
  const evidence = criterion.evidence.filter((e) => {
    const key = `${e.turn}\u0000${e.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return isVerifiedQuote(transcript, e, hits);
  });
  const dropped = evidence.length < seen.size;
  const flags = new Set(criterion.flags);
  if (dropped) flags.add('evidence_unverified');
  if (criterion.verdict === 'met' && evidence.length === 0) {
    flags.add('evidence_unverified');
    return {
      ...criterion,
      verdict: 'not_yet',
      confidence: Math.min(criterion.confidence, 0.5),
      evidence,
      feedback: criterion.feedback
        ? `${UNVERIFIED_FEEDBACK} ${criterion.feedback}`
        : UNVERIFIED_FEEDBACK,
      flags: orderFlags(flags),
    };
  }
  return { ...criterion, evidence, flags: orderFlags(flags) };
}

/** Flags in the contract's order, without duplicates, so identical input gives identical output. */
export function orderFlags(flags: Iterable<GradingFlag>): GradingFlag[] {
  const set = new Set(flags);
  return gradingFlag.options.filter((f) => set.has(f));
}

/**
 * Runs verification over a whole grading: every criterion's quotes, plus the grading-level flags
 * (`possible_grader_manipulation`, `abandoned`, `evidence_unverified`). Pass `hits` when the
 * caller already ran detectManipulation on the same transcript.
 */
export function verifyGrading(
  transcript: Transcript,
  result: GradingResult,
  hits: ManipulationHit[] = detectManipulation(transcript),
): GradingResult {
  const criteria = result.criteria.map((c) => verifyCriterion(transcript, c, hits));
  const flags = new Set<GradingFlag>(result.flags);
  if (hits.length > 0) flags.add('possible_grader_manipulation');
  if (isAbandoned(transcript)) flags.add('abandoned');
  for (const c of criteria) for (const f of c.flags) flags.add(f);
  return { ...result, criteria, flags: orderFlags(flags) };
}
