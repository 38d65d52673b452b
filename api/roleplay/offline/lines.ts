/**
 * What the offline customer can say, by situation, in two registers: `plain` (everyday or fluent
 * English) and `simple` (a customer with limited English). Several variants each, so replies
 * vary; placeholders in braces are filled from the cards, never from the learner's text.
 */

/** Every situation the offline customer has lines for. */
export type LineKind =
  | 'accept'
  | 'left'
  | 'escalated'
  | 'closedResolved'
  | 'closedUnresolved'
  | 'timedOut'
  | 'clarifyJargon'
  | 'repeated'
  | 'stockApology'
  | 'blame'
  | 'rushed'
  | 'ignored'
  | 'securityAnswer'
  | 'fieldAnswer'
  | 'restate'
  | 'dontKnow'
  | 'warmer'
  | 'doubtfulOffer'
  | 'supervisor'
  | 'chooseOption'
  | 'pushLow'
  | 'fillerMid'
  | 'fillerHigh';

type Bank = Record<LineKind, readonly string[]>;

const PLAIN: Bank = {
  accept: [
    "Right. OK, that's what I needed. Thank you.",
    'OK, that works for me. Thanks for sorting it.',
    'Fine, go ahead with that. Thank you for actually listening.',
    "That's all I wanted. Thanks, bye.",
  ],
  left: [
    "Forget it. I'm going elsewhere.",
    "I've had enough of this. Goodbye.",
    "This is going nowhere. I'm done.",
  ],
  escalated: [
    "Fine. Put me through, and I hope they're more use.",
    "OK, I'll talk to them. Don't keep me waiting.",
    'Right, put them on then.',
  ],
  closedResolved: ['OK. Bye then.', 'Thanks. Bye.', 'Right, cheers. Bye.'],
  closedUnresolved: [
    "Hang on, nothing's been fixed! ...fine. I'll call back.",
    "So that's it? Nothing sorted. Great.",
    "You're ending it? It's still not fixed.",
  ],
  timedOut: [
    "I can't sit here all day. I'll have to ring back later.",
    "I've run out of time. I'll try again another day.",
    "I've got to go. This still isn't sorted.",
  ],
  clarifyJargon: [
    'Sorry, what does "{term}" mean?',
    'I don\'t know what "{term}" is. Can you say it in plain words?',
    'You\'ve lost me. What\'s "{term}"?',
  ],
  repeated: [
    'I already told you that.',
    "I've just said that. Are you reading what I write?",
    'Again? I answered that already.',
  ],
  stockApology: [
    "Don't just say sorry. What are you going to do about it?",
    "Sorry doesn't fix anything.",
    "I've heard sorry before. I need it fixed.",
  ],
  blame: [
    "Don't put this on me. I've done nothing wrong.",
    "So it's my fault now?",
    "I'm not the one who broke it.",
  ],
  rushed: ["Don't rush me.", "Hold on, I haven't finished.", "You're in a hurry to get rid of me."],
  ignored: [
    "You're not listening. {issue}",
    "That's not what I asked about. {issue}",
    'Did you read my message? {issue}',
  ],
  securityAnswer: ["It's {answer}.", '{answer}.', 'That would be {answer}.'],
  fieldAnswer: ['My {label} is {value}.', "It's {value}.", '{label}: {value}.'],
  restate: ['{issue}', 'Like I said. {issue}', 'I told you. {issue}'],
  dontKnow: [
    "I don't know.",
    'No idea, sorry. I just want it sorted.',
    "I'm not sure. Does it matter?",
  ],
  warmer: [
    'OK. Thank you.',
    'Right, that helps.',
    'OK, that makes sense.',
    'Thanks, that is better.',
  ],
  doubtfulOffer: [
    'And that will actually fix it this time?',
    'How do I know that will work?',
    "Hmm. I'm not sure that's enough.",
  ],
  supervisor: [
    'I want to speak to a supervisor.',
    'Can I talk to your manager please.',
    'Get me someone more senior.',
  ],
  chooseOption: [
    'The first one sounds best.',
    "I'd rather do the first one, please.",
    "Let's do the first one.",
  ],
  pushLow: [
    'So are you going to fix it or not?',
    'What are you actually going to do?',
    "I'm still waiting for an answer.",
  ],
  fillerMid: ['OK. So what happens now?', 'Right. What next?', 'OK...'],
  fillerHigh: ['OK, thank you.', 'Right, thanks.', 'That sounds good.'],
};

const SIMPLE: Bank = {
  accept: ['ok. thank you very much', 'ok good. thank you for help', 'yes ok. thank you'],
  left: ['i go now. no help here', 'ok i stop. bye', 'no. i go. bye'],
  escalated: ['ok. i talk to boss', 'ok, i wait for other person', 'yes ok, boss please'],
  closedResolved: ['ok bye', 'thank you bye', 'bye bye'],
  closedUnresolved: ['but is not fixed?', 'you go? but my problem...', 'wait, is not finish'],
  timedOut: ['sorry i must go now', 'i have no time more. later i call', 'i must drive now. bye'],
  clarifyJargon: [
    'sorry what is "{term}"?',
    'i not understand "{term}"',
    '"{term}"? please easy words',
  ],
  repeated: ['i say this already', 'i tell you before', 'same question again?'],
  stockApology: [
    'ok sorry but what you do?',
    'sorry is ok but i need help',
    'please help, not only sorry',
  ],
  blame: ['is not my fault', 'why you say is me?', 'i do nothing wrong'],
  rushed: ['please slow', 'wait please', 'too fast for me'],
  ignored: ['you not understand me. {issue}', 'no no. {issue}', 'please read. {issue}'],
  securityAnswer: ['{answer}', 'is {answer}', 'yes, {answer}'],
  fieldAnswer: ['{value}', 'my {label} is {value}', 'is {value}'],
  restate: ['{issue}', 'i say. {issue}', 'problem is: {issue}'],
  dontKnow: ['i dont know', 'not sure', 'i dont know this'],
  warmer: ['ok thank you', 'ok good', 'ah ok. thank you'],
  doubtfulOffer: ['and then it work?', 'sure it work?', 'ok but when?'],
  supervisor: ['please, i talk to boss', 'other person please. manager', 'i want speak manager'],
  chooseOption: ['first one please', 'ok, the first', 'first is good'],
  pushLow: ['so what i do?', 'please, what now?', 'you help me or no?'],
  fillerMid: ['ok. and now?', 'ok what next', 'ok'],
  fillerHigh: ['ok thank you', 'good, thanks', 'ok nice'],
};

/** Softer wording for customers who are worried rather than angry (confused, elderly, sad). */
const GENTLE: Partial<Bank> = {
  left: [
    "I think I'll ask my grandson to ring instead. Goodbye.",
    "I'm sorry, this is too much for me. Goodbye.",
  ],
  stockApology: [
    "That's kind, dear, but I still don't know what's happening.",
    "Thank you, but I'm still worried about it.",
  ],
  blame: [
    "Oh. I didn't think I'd done anything wrong.",
    "I'm sorry, I didn't know I was supposed to.",
  ],
  rushed: [
    "Please slow down, I'm getting muddled.",
    "Could you go a bit slower? I'm writing it down.",
  ],
  ignored: [
    "I don't think you've understood me. {issue}",
    "Sorry, that's not what I meant. {issue}",
  ],
  repeated: ["I think I said that already, didn't I?", 'I did tell you that a moment ago.'],
  supervisor: [
    'Is there somebody else I could speak to, please?',
    'Could I speak to a manager, please?',
  ],
  pushLow: [
    "I'm still not sure what I should do.",
    "I'm sorry, I still don't understand what happens now.",
  ],
  closedUnresolved: [
    "Oh, is that it? I still don't understand the bill.",
    'Oh. But what do I do now?',
  ],
};

/** The register a persona speaks in. */
export type Register = 'plain' | 'simple' | 'gentle';

/** The variants for a situation in the persona's register. */
export function linesFor(kind: LineKind, register: Register): readonly string[] {
  if (register === 'simple') return SIMPLE[kind];
  if (register === 'gentle') return GENTLE[kind] ?? PLAIN[kind];
  return PLAIN[kind];
}
