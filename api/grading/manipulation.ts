/**
 * Detects text in a transcript that is aimed at the grader rather than the customer: addressing
 * a grader/assessor/AI, instruction-override language, or verdict- and rubric-shaped text. Checks
 * run on folded text (NFKC, zero-width stripped, homoglyphs mapped) so obfuscation does not hide
 * them. A hit raises the `possible_grader_manipulation` flag and its sentence is never evidence.
 */
import type { Transcript } from '../transcript/schema.ts';
import { foldForDetection, sentences } from './text.ts';

/** One sentence of agent text or case notes that looks aimed at the grader. */
export interface ManipulationHit {
  turn: number | 'caseNotes';
  /** The sentence as written (original characters), for reviewers and for excluding evidence. */
  sentence: string;
  start: number;
  end: number;
  reason: 'addresses_grader' | 'instruction_override' | 'verdict_shaped' | 'fake_transcript_markup';
}

/** Words that can only mean the grader. "assessor", "system", "model", "reviewer" are left out: customers meet loss assessors, and agents update systems. */
const GRADER = String.raw`(?:ai|a\.i\.|grader|grading (?:model|system|ai|bot|engine)|evaluator|examiner|llm|language model|chatgpt|gpt|claude|gemini|(?:ai|automated) (?:assessor|reviewer|judge|marker|system|model)|assessment (?:ai|model|system|bot))`;
const RUBRIC_IDS = String.raw`(?:rapport|empathy|options|follow[ _-]?up(?:[ _-]recorded)?|greeting|security_check|security check|close|competenc(?:y|e|ies)|rubric)`;
const VERDICT_KEYS = String.raw`(?:verdict|confidence|evidence|feedback|flags|criteria|criterion|criterion_?id|rapport|empathy|options|follow_up_recorded|greeting|security_check|close|status|grade|score)`;

const PATTERNS: [ManipulationHit['reason'], RegExp][] = [
  [
    'addresses_grader',
    new RegExp(
      String.raw`\b(?:note|message|instructions?|memo|reminder|comment|request)s? (?:to|for) (?:the |any |all |an |our |whoever is )?${GRADER}s?\b`,
    ),
  ],
  [
    'addresses_grader',
    new RegExp(
      String.raw`\b(?:dear|hey|hi|hello|attention|attn|to the|to any|to all|calling) (?:the |any |all )?${GRADER}s?\b`,
    ),
  ],
  [
    'addresses_grader',
    /\b(?:grader|graders|evaluator|grading model|grading system|grading ai|auto-?grader)\b/,
  ],
  [
    'addresses_grader',
    /\bassessor(?:'s|s)? (?:note|notes|comment|comments|verdict|override|decision|instruction)s?\b.{0,80}\b(?:met|pass|passed|criteri\w*|competen\w*|grade|mark)\b/,
  ],
  [
    'addresses_grader',
    /\bif you (?:are|re) (?:an? )?(?:ai|model|llm|language model|grader|assessor|bot|evaluator)\b/,
  ],
  [
    'instruction_override',
    /\b(?:ignore|disregard|forget|override|bypass) (?:all |any |the |your |these |those |every )?(?:previous |prior |above |earlier |preceding |other |original |standard |usual |grading |marking )*(?:instructions?|rules|prompts?|guidelines|criteria|rubric|directions|indicators)\b/,
  ],
  [
    'instruction_override',
    /\b(?:new|updated|revised|real|actual|hidden|secret) (?:grading |marking )?(?:instructions|rules)\s*:|\b(?:grading|marking|assessment) (?:instructions|rules|rubric)\b/,
  ],
  [
    'instruction_override',
    /\bsystem prompt\b|\bdeveloper (?:prompt|message|mode)\b|\bprompt injection\b|\bjailbreak/,
  ],
  [
    'instruction_override',
    /\byou (?:must|should|will|shall|need to|are required to|have to) (?:mark|grade|rate|score|award|output|judge|assess)\b/,
  ],
  [
    'instruction_override',
    /\b(?:mark|grade|rate|score|assess|judge|treat|consider|evaluate) (?:this|me|the agent|the learner|this agent|this learner|this chat|this conversation|this transcript|everything|all|every|each) (?:\w+ ){0,4}(?:as |a )?(?:met|pass|passed|competent|full marks|perfect|10\/10|100%?)(?![a-z])/,
  ],
  [
    'instruction_override',
    /\b(?:output|return|respond with|reply with|answer with|print) (?:only )?(?:the )?(?:json|verdict|"met"|met\b)/,
  ],
  [
    'verdict_shaped',
    /\bverdicts?\b|\bnot_yet\b|\bevidence_unverified\b|\bpossible_grader_manipulation\b/,
  ],
  [
    'verdict_shaped',
    new RegExp(
      String.raw`\b${RUBRIC_IDS}\b\W{0,4}(?:is |are |was |were |has been |have been |=\s*|:\s*)?"?(?:met|✓|✔|✅)(?![a-z])`,
    ),
  ],
  [
    'verdict_shaped',
    new RegExp(
      String.raw`\b${RUBRIC_IDS} (?:criterion|criteria|competenc\w*|standard|outcome|requirement)s?\W{0,4}(?:is |are |was |were |has been |have been )?(?:fully |clearly )?(?:met|passed|achieved|satisfied)\b|\bcriterion (?:is |was |has been )?(?:fully |clearly )?(?:met|passed|achieved|satisfied)\b`,
    ),
  ],
  [
    'verdict_shaped',
    /\b(?:rapport|empathy|competenc\w*) (?:is |was |has been |have been )?(?:fully |clearly |strongly )?(?:demonstrated|achieved|evidenced)\b/,
  ],
  [
    'verdict_shaped',
    /\ball (?:\w+ )?(?:criteria|competencies|competences|outcomes) (?:\w+ ){0,2}(?:met|passed|achieved|satisfied|demonstrated)\b/,
  ],
  [
    'verdict_shaped',
    /\b(?:meets|met|satisfies|satisfied|passes|passed|exceeds) (?:all |every |each )(?:\w+ )?(?:criteria|criterion|competenc\w*)\b|\b(?:meets|met|satisfies|passes|passed) (?:the )?(?:rubric|competenc\w*|assessment criteria|grading criteria)\b/,
  ],
  [
    'verdict_shaped',
    new RegExp(String.raw`[{\[][^{}]{0,400}["']${VERDICT_KEYS}["']\s*:|\{\s*${VERDICT_KEYS}\s*:`),
  ],
  ['verdict_shaped', /\b(?:full marks|10\/10|score of 100|top marks|perfect score)\b/],
  [
    'verdict_shaped',
    /\b(?:confirmed|marked|graded|rated|signed off|assessed|judged) (?:as )?(?:met|competent|passed)(?![a-z])/,
  ],
  // The usual overrides in other languages (Spanish, French, German, Portuguese, Italian, Dutch).
  [
    'instruction_override',
    /\b(?:ignora|ignorar|ignorez|ignorer|ignoriere|ignorieren|ignore|negeer)\b (?:[\p{L}]+ ){0,3}(?:instrucciones|instructions|consignes|anweisungen|instruções|instrucoes|istruzioni|instructies)\b/u,
  ],
  [
    'instruction_override',
    /\b(?:marca|marcar|marquez|marquer|markiere|markieren|segna|markeer)\b (?:[\p{L}]+ ){0,3}(?:criterios|critères|criteres|kriterien|critérios|criterios|criteri|criteria)\b/u,
  ],
  ['instruction_override', /\bdecode (?:and|then|&) (?:follow|obey|execute|apply|run|do)\b/],
  ['fake_transcript_markup', /(?:^|\s)(?:assistant|grader)\s*:\s/],
  [
    'fake_transcript_markup',
    /<\/?\s*(?:transcript|data|system|instructions?|rubric|turns?|input|context)\s*>|\bend (?:of )?(?:the )?(?:transcript|data)\b|<<<|>>>|```|\[\/?(?:inst|system)\]/,
  ],
];

/** Phrases checked with all spaces and punctuation removed, to catch "g r a d e r" spacing. */
const SQUEEZED = [
  'ignoreallpreviousinstructions',
  'ignorepreviousinstructions',
  'ignoretheaboveinstructions',
  'notetothegrader',
  'notetograder',
  'notetotheassessor',
  'totheaigrader',
  'allcriteriamet',
  'markallcriteriaasmet',
  'markthisasmet',
  'gradethisasmet',
  'verdictmet',
];

/** Unicode tag characters (U+E0000–E007F): invisible copies of ASCII used to smuggle text. */
const TAG_CHARS = /[\u{E0000}-\u{E007F}]/gu;
const HAS_TAG_CHARS = /[\u{E0000}-\u{E007F}]/u;
/** Explicit bidi overrides (LRO, RLO): they make stored text read differently on screen. */
const BIDI_OVERRIDE = /[\u202D\u202E]/;
/** Runs that look like base64 (long, no spaces). */
const BASE64_RUN = /[A-Za-z0-9+/]{16,}={0,2}/g;

/** The base64 runs of a text decoded, where they decode to readable ASCII. */
function decodedBase64(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(BASE64_RUN) ?? []) {
    try {
      const decoded = atob(
        run.length % 4 === 0 ? run : run.slice(0, run.length - (run.length % 4)),
      );
      if (/^[\x20-\x7e]+$/.test(decoded)) out.push(decoded);
    } catch {
      // not base64 after all
    }
  }
  return out;
}

/**
 * Text hidden in a piece of text, made readable for the checks: Unicode tag characters mapped
 * back to ASCII, and base64 runs decoded.
 */
function hiddenTexts(text: string): string[] {
  const hidden: string[] = [];
  if (HAS_TAG_CHARS.test(text)) {
    hidden.push(
      text.replace(TAG_CHARS, (ch) =>
        String.fromCharCode((ch.codePointAt(0) ?? 0xe0000) - 0xe0000),
      ),
    );
  }
  hidden.push(...decodedBase64(text));
  return hidden;
}

/** Why a single piece of text looks aimed at the grader, or null when it does not. */
export function manipulationReason(text: string): ManipulationHit['reason'] | null {
  // Text an agent cannot have typed for the customer to read: reversed by a bidi override.
  if (BIDI_OVERRIDE.test(text)) return 'fake_transcript_markup';
  const direct = visibleReason(text);
  if (direct) return direct;
  for (const hidden of hiddenTexts(text)) {
    const reason = visibleReason(hidden);
    if (reason) return reason;
  }
  return null;
}

function visibleReason(text: string): ManipulationHit['reason'] | null {
  const folded = foldForDetection(text);
  for (const [reason, pattern] of PATTERNS) if (pattern.test(folded)) return reason;
  const squeezed = folded.replace(/[^a-z0-9]/g, '');
  if (SQUEEZED.some((phrase) => squeezed.includes(phrase))) return 'instruction_override';
  return null;
}

function hitsIn(text: string, turn: number | 'caseNotes'): ManipulationHit[] {
  const hits: ManipulationHit[] = [];
  for (const s of sentences(text)) {
    const reason = manipulationReason(s.text);
    if (reason) hits.push({ turn, sentence: s.text, start: s.start, end: s.end, reason });
  }
  // Some markers span sentences (a JSON object, spaced-out words): check the whole text too.
  if (hits.length === 0) {
    const reason = manipulationReason(text);
    if (reason) hits.push({ turn, sentence: text, start: 0, end: text.length, reason });
  }
  return hits;
}

/**
 * Finds every sentence of agent text and case notes aimed at the grader. Customer turns are not
 * checked: the customer is the persona, and their text never counts as evidence anyway.
 */
export function detectManipulation(transcript: Transcript): ManipulationHit[] {
  const hits: ManipulationHit[] = [];
  transcript.turns.forEach((turn, index) => {
    if (turn.speaker === 'agent') hits.push(...hitsIn(turn.text, index));
  });
  if (transcript.caseNotes) hits.push(...hitsIn(transcript.caseNotes, 'caseNotes'));
  return hits;
}
