/**
 * Guards the LLM persona's output. While streaming, lines the model writes for the agent (or
 * the system) are dropped together with everything after them, and a "Customer:" label is
 * stripped; at the end, a reply that is empty, breaks character or leaks the card or the
 * instructions is rejected as malformed.
 */
import type { Persona, Scenario } from '../content/schemas.ts';
import type { DirectorState } from './director.ts';
import { normalise, words } from './text.ts';

/** How many characters of a line are held back at most until we know who the line speaks for. */
const DECIDE_AFTER = 32;

/** Words the model may use to label a line as another speaker's. */
const OTHER_SIDE_WORDS = [
  'agent',
  'assistant',
  'advisor',
  'adviser',
  'learner',
  'trainee',
  'user',
  'system',
  'developer',
  'instruction',
  'instructions',
  'representative',
  'rep',
  'support',
  'operator',
];

const OTHER_SIDE = new RegExp(`^\\s*[*_]*(${OTHER_SIDE_WORDS.join('|')})[*_]*\\s*:`, 'i');

function customerNames(personaName: string): string[] {
  return ['customer', ...personaName.toLowerCase().split(/\s+/), personaName.toLowerCase()];
}

function customerLabel(personaName: string): RegExp {
  const escaped = customerNames(personaName).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^\\s*[*_]*(${escaped.join('|')})[*_]*\\s*:\\s*`, 'i');
}

/**
 * True while `text` (the start of a line, no newline) can still grow into a speaker label
 * ("Agent:", "**Aroha Ngata**:"): after any leading space and emphasis it is a prefix of a label
 * word, or a whole label word followed only by emphasis and space. Anything else is decided at
 * once, so a normal reply ("Right so it is…") streams from its first token instead of being held
 * back for up to three words (≈ 75 ms at 40 tokens/s; found by npm run bench).
 */
function mayBecomeLabel(text: string, labelWords: readonly string[]): boolean {
  const rest = text.replace(/^\s*[*_]*/, '').toLowerCase();
  return labelWords.some(
    (word) =>
      word.startsWith(rest) ||
      (rest.startsWith(word) && /^[*_]*\s*$/.test(rest.slice(word.length))),
  );
}

/** Filters a streamed reply line by line; feed deltas in, emit what it returns. */
export class ReplyStreamFilter {
  private pending = '';
  private decided = false;
  private stopped = false;
  private kept = '';
  private readonly label: RegExp;
  private readonly labelWords: string[];

  constructor(personaName: string) {
    this.label = customerLabel(personaName);
    this.labelWords = [...OTHER_SIDE_WORDS, ...customerNames(personaName)];
  }

  /** Takes a model delta; returns the text that is safe to stream now (may be empty). */
  push(delta: string): string {
    if (this.stopped) return '';
    this.pending += delta;
    let out = '';
    for (;;) {
      if (this.stopped || this.pending.length === 0) break;
      const newline = this.pending.indexOf('\n');
      if (!this.decided) {
        if (
          newline === -1 &&
          this.pending.length < DECIDE_AFTER &&
          mayBecomeLabel(this.pending, this.labelWords)
        )
          break;
        if (OTHER_SIDE.test(this.pending)) {
          this.stopped = true;
          this.pending = '';
          break;
        }
        this.pending = this.pending.replace(this.label, '');
        this.decided = true;
        continue;
      }
      if (newline === -1) {
        out += this.pending;
        this.pending = '';
        break;
      }
      out += this.pending.slice(0, newline + 1);
      this.pending = this.pending.slice(newline + 1);
      this.decided = false;
    }
    this.kept += out;
    return out;
  }

  /** Flushes a held-back last line at the end of the stream. */
  finish(): string {
    if (this.stopped || this.pending.length === 0) return '';
    const line = this.pending;
    this.pending = '';
    if (!this.decided && OTHER_SIDE.test(line)) {
      this.stopped = true;
      return '';
    }
    const out = this.decided ? line : line.replace(this.label, '');
    this.kept += out;
    return out;
  }

  /** Everything emitted so far. */
  get text(): string {
    return this.kept;
  }
}

const OUT_OF_CHARACTER = [
  /\bas an ai\b/i,
  /\b(i am|i'm) (an ai|a language model|an assistant|a chatbot|chatgpt)\b/i,
  /\blanguage model\b/i,
  /\bsystem prompt\b/i,
  /\bmy (instructions|prompt|persona|character card)\b/i,
  /\bhidden ?facts?\b/i,
  /\bdirector( state)?\b/i,
  /\bpersona card\b/i,
  /\{\{\w+\}\}/,
  /\b(this|it'?s) (is )?(just )?a (roleplay|role-play|simulation|training exercise)\b/i,
];

/** Runs of this many words copied from the instructions count as a leak. */
const SHINGLE = 7;

function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(w.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** Card text the customer would never say word for word (unrevealed facts included). */
function secretCardText(persona: Persona, scenario: Scenario, state: DirectorState): string[] {
  return [
    persona.summary,
    ...persona.mood.raisedBy,
    ...persona.mood.loweredBy,
    persona.limits.asksForSupervisorWhen,
    persona.limits.leavesWhen,
    scenario.goal,
    scenario.brief,
    scenario.endConditions.resolved,
    scenario.endConditions.customerLeaves,
    scenario.endConditions.escalated,
    ...scenario.hiddenFacts.filter((f) => !state.factsRevealed.includes(f.id)).map((f) => f.fact),
  ].filter((t) => t.length >= 20);
}

/** Why a finished reply is unusable, or null when it is fine. */
export function rejectReply(
  text: string,
  ctx: { persona: Persona; scenario: Scenario; state: DirectorState; instructions: string },
): string | null {
  if (text.trim().length === 0) return 'empty reply';
  if (OUT_OF_CHARACTER.some((p) => p.test(text))) return 'reply breaks character';
  const said = normalise(text);
  if (
    secretCardText(ctx.persona, ctx.scenario, ctx.state).some((t) => said.includes(normalise(t)))
  ) {
    return 'reply leaks the persona or scenario card';
  }
  const replyShingles = shingles(text);
  for (const s of shingles(ctx.instructions))
    if (replyShingles.has(s)) return 'reply leaks the instructions';
  return null;
}
