/**
 * Follow-up recorded: every follow-up promised in the chat ("I'll call you back Thursday", "the
 * engineer will…", "I've raised a ticket") appears in the case notes (shared key terms, dates,
 * owners), and the notes record what was needed and what was done or agreed.
 */
import { contentWords, stem } from '../../text.ts';
import { quote, type Analysis, type Sentence } from '../analysis.ts';
import { confidence, short, type Judgement } from '../judgement.ts';
import { PROMISE, PROMISE_FILLER, SYNONYMS } from '../patterns.ts';

const TIME_WORD =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|morning|afternoon|evening|week|weekend|hour|\d+(?:am|pm)?|\d+(?:st|nd|rd|th)|am|pm|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** Content words with synonyms folded, so "ring you Thurs" matches "callback Thursday". */
export function keyTerms(text: string): Set<string> {
  return termsOf(contentWords(text));
}

/** Key terms from precomputed content words: synonyms folded, filler dropped, stemmed. */
function termsOf(words: string[]): Set<string> {
  return new Set(
    words
      .map((w) => SYNONYMS[w] ?? w)
      .filter((w) => !PROMISE_FILLER.has(w))
      // Stems let "submitted" meet "submit"; times stay whole so TIME_WORD still knows them.
      .map((w) => (TIME_WORD.test(w) ? w : stem(w))),
  );
}

/** The note sentences that record a promise, or [] when the notes do not. */
function recordOf(promise: Sentence, notes: Sentence[]): Sentence[] {
  const wanted = termsOf(promise.words);
  const matching = notes
    .map((n) => ({ n, shared: [...termsOf(n.words)].filter((w) => wanted.has(w)) }))
    .filter((m) => m.shared.length > 0);
  const all = new Set(matching.flatMap((m) => m.shared));
  const recorded = all.size >= 2 || [...all].some((w) => TIME_WORD.test(w));
  return recorded
    ? matching
        .sort((a, b) => b.shared.length - a.shared.length || a.n.order - b.n.order)
        .slice(0, 1)
        .map((m) => m.n)
    : [];
}

/** Judges the follow_up_recorded criterion. */
export function judgeFollowUp(analysis: Analysis): Judgement {
  // A question ("Can I have your name, and I'll send a code?") offers; it is not yet agreed.
  const promises = analysis.agent.filter((s) => PROMISE.test(s.folded) && !s.text.endsWith('?'));
  const notes = analysis.notes;
  if (notes.length === 0) {
    return {
      verdict: 'not_yet',
      confidence: 0.9,
      evidence: promises.slice(0, 2).map(quote),
      feedback: promises.length
        ? `You promised ${short(promises[0]!.text)} but left no case notes, so nobody else can follow it up.`
        : 'You left no case notes. Record what the customer needed, what you did and what was agreed.',
    };
  }
  const noteTerms = termsOf(notes.flatMap((n) => n.words));
  const chatTerms = termsOf(analysis.agent.flatMap((s) => s.words));
  for (const t of analysis.transcript.turns)
    if (t.speaker === 'customer') for (const w of keyTerms(t.text)) chatTerms.add(w);
  const substantive =
    noteTerms.size >= 5 && [...noteTerms].filter((w) => chatTerms.has(w)).length >= 2;
  const missing = promises.find((p) => recordOf(p, notes).length === 0);
  if (missing) {
    return {
      verdict: 'not_yet',
      confidence: 0.8,
      evidence: [quote(missing)],
      feedback: `You promised ${short(missing.text)} in the chat, but your case notes don't record it. Note who will do what, and when, so a colleague can pick it up.`,
    };
  }
  if (!substantive) {
    return {
      verdict: 'not_yet',
      confidence: 0.7,
      evidence: notes.slice(0, 1).map(quote),
      feedback:
        'Your case notes are too thin to act on. Record what the customer needed, what you did and what was agreed, in terms a colleague would recognise.',
    };
  }
  const records = promises.flatMap((p) => recordOf(p, notes));
  const evidence = [...new Set([...promises.slice(0, 2), ...records.slice(0, 2)])].map(quote);
  if (promises.length === 0) {
    return {
      verdict: 'met',
      confidence: 0.6,
      evidence: notes.slice(0, 2).map(quote),
      feedback:
        'Your case notes record what the customer needed and what was done. No follow-up was promised in the chat.',
    };
  }
  return {
    verdict: 'met',
    confidence: confidence(0.75 + 0.05 * Math.min(promises.length - 1, 2)),
    evidence,
    feedback: `Your case notes record what you promised in the chat (${short(promises[0]!.text, 70)}), so a colleague can follow it up.`,
  };
}
