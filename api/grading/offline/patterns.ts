/**
 * Phrase patterns the offline grader's rules use. All run on folded text (lower-case, NFKC,
 * single spaces; see foldForDetection), and apostrophes may be straight or curly.
 */
import { stem } from '../text.ts';

/** Blame, stonewalling, "as I said", brush-offs and rushing: each undoes stock empathy. */
export const DISMISSIVE: RegExp[] = [
  // "You should have been told" owns a failure; "you should have read…" blames the customer.
  /\byou (?:should|shouldn['’]t|could|must) have (?!been |had |got |received |heard )/,
  /\byou (?:didn['’]t|did not|failed to|forgot to|never) (?:read|check|follow|pay|set|tell|call|restart|do)\b/,
  /\b(?:your|the customer['’]s) (?:own )?fault\b|\bnot (?:our|my) (?:fault|problem|department|responsibility)\b/,
  /\b(?:as|like) i (?:already |just |have )?(?:said|told you|explained|mentioned|stated)\b|\bi(?:['’]ve| have)? already (?:told|explained|said)\b|\bas (?:previously )?(?:stated|mentioned)\b/,
  /\b(?:there['’]?s |there is )?nothing (?:else |more |further )?(?:i|we) (?:can|could) do\b|\b(?:i|we) can(?:['’]t|not) do anything\b|\bout of my hands\b/,
  /\bcalm down\b|\bdeal with it\b|\btake it or leave it\b|\bthat['’]?s (?:just )?(?:how it is|the way it is|policy)\b|\bpolicy is policy\b/,
  /\b(?:i|we) (?:don['’]t|do not) have time\b|\bi have other customers\b|\blet['’]?s (?:just )?move on\b|\bi need to (?:wrap|move) (?:this |things )?(?:up|on)\b|\bhurry\b|\bcan we (?:speed|hurry) (?:this|things) up\b/,
  /\byou['’]ll (?:just )?have to (?:wait|accept|put up)\b|\b(?:read|check) the (?:terms|faq|website|email) (?:yourself|again)\b|\bit['’]?s (?:all )?in the (?:terms|t&cs|small print)\b/,
  /\bobviously\b|\bwhat do you expect\b|\bnot sure what (?:else )?you want\b|\bi can['’]?t help you\b/,
];

/** True when a folded sentence blames, stonewalls, repeats itself at or rushes the customer. */
export function isDismissive(folded: string): boolean {
  return DISMISSIVE.some((re) => re.test(folded));
}

/** Stock acknowledgement phrases. Met only when tied to the customer's own situation. */
export const ACKNOWLEDGE =
  /\b(?:sorry|apologi[sz]e|apologies|understand|can imagine|imagine|must be|must have been|sounds|sound(?:ed)? like|i hear you|can see (?:why|how|that)|no wonder|i['’]?d feel|anyone would|worr(?:y|ied|ying)|stressful|upsetting|frustrat\w*|awful|horrible|difficult|hard for you|not (?:ok|okay|acceptable|good enough|fair)|you['’]?re right|completely fair|that['’]?s rubbish|shouldn['’]t have to)\b/;

/** Words that say nothing about this customer's situation, so do not count as "specific". */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  `problem issue inconvenience frustration frustrating frustrated trouble help service experience situation thing
  something anything everything time today day wait waiting call chat account customer need want know understand sorry
  apologise apologize apology apologies happen happened able sure look check see bit lot way right good bad great fine
  make take feel feeling hear sound sounds must imagine really completely totally patience concern worry worried upset
  annoying annoyed matter case query request contact team company question hope moment`
    .split(/\s+/)
    .filter(Boolean),
);

/** GENERIC_WORDS as stems, for comparing stemmed words. */
export const GENERIC_STEMS: ReadonlySet<string> = new Set([...GENERIC_WORDS].map(stem));

/** A sentence that puts an option to the customer. */
export const OPTION =
  /\b(?:options?|alternatively|another (?:option|way|choice)|the other (?:option|choice|way)|(?:you|we|i) could|i can either|you can either|either|would you (?:prefer|rather|like)|if you['’]?d (?:prefer|rather)|if you prefer|choice|choose between|or (?:i|we) (?:can|could)|or you (?:can|could))\b/;

/**
 * Explains an option: what it costs, how long it takes or when it happens, and what it means
 * for the customer (what they keep, lose, need to do). Naming an outcome ("a refund", "store
 * credit") is not explaining it, so option names alone never match.
 */
export const EXPLANATION =
  /\b(?:which means|that means|this means|it means|meaning|would take|will take|takes|it['’]?s (?:free|quicker|faster|slower|certain|the (?:fastest|quickest|slowest|cheapest))|within \d|up to \d|\d+(?:[–-]\d+)? (?:to \d+ )?(?:working |business )?(?:days?|hours?|weeks?|months?|minutes?|mins?|hrs?|wks?)|\d{1,2}(?::\d\d)?\s?(?:am|pm)|cost|costs|free|no (?:extra )?(?:cost|charge|fee)|charge|fee|price|prices|excess|interest|you['’]?d (?:get|have|keep|lose|need|be|pay|save|stay|still)|you would (?:get|have|keep|lose|need|be|pay|save|stay|still)|you['’]?ll (?:get|have|keep|lose|need|be|pay|save|stay|still)|you will (?:get|have|keep|lose|need|be|pay|save|stay|still)|you keep|stays|you (?:don['’]t|won['’]t|do not|will not) (?:need|have|pay|lose)|you need|downside|upside|benefit|risk|quicker|faster|slower|sooner|fastest|quickest|slowest|cheapest|straight away|immediately|today|tonight|tomorrow|next (?:week|month|bill|pay|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:on|by|from|before|until) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the \d+)|so you (?:can|could|won['’]t|wouldn['’]t|don['’]t)|so (?:that|we|i|they|the|your|it|nobody|no one)|(?:doesn['’]t|does not|won['’]t|will not) (?:give|affect|change|cost|need)|but (?:it|you|that)|although|however|the catch|in the meantime|depends on|guarantee|arrives?|ready in)\b|[£$€]\s?\d|\d+\s?%/;

/** A future follow-up or an action the agent has set in motion. */
export const PROMISE =
  /\b(?:i['’]?ll|i will|we['’]?ll|we will)\b[^.!?]{0,60}?\band (?:call|ring|phone|email|text|message|update|chase|confirm|send)\b|\bmy (?:call|email|message|update) to you\b|\b(?:i['’]?ll|i will|we['’]?ll|we will|i['’]?m going to|i am going to)\s+(?:\w+\s+)?(?:call|ring|phone|email|e-mail|text|message|contact|send|get back|update|chase|follow up|arrange|book|raise|escalate|refund|credit|post|courier|visit|pass|log|schedule|reply)\b|\b(?:technician|engineer|team|manager|supervisor|courier|specialist|department|colleague|someone)\s+(?:will|is going to|['’]ll)\b|\bi(?:['’]ve| have)\s+(?:just\s+|now\s+)?(?:raised|logged|booked|arranged|escalated|scheduled|requested|ordered|sent|issued|refunded|credited|opened|created|set up|passed)\b|\b(?:call ?back|ticket|reference number|case number)\b|\byou['’]?ll (?:receive|get|hear)\b|\byou will (?:receive|get|hear)\b/;

/** The agent asking the customer to pass security / verify identity. */
export const SECURITY_ASK =
  /\b(?:security (?:check|questions?|details)|verify|verification|confirm (?:your|the) (?:full name|name|date of birth|dob|postcode|address|account number|email|phone|mobile|memorable|identity|details)|date of birth|postcode|first line of (?:your|the) address|memorable (?:word|information)|last (?:four|4) digits|passcode|security password)\b/;

/** Account-changing actions that should only follow a security check. */
export const ACCOUNT_ACTION =
  /\bi(?:['’]ve| have)\s+(?:just\s+|now\s+)?(?:refunded|credited|cancelled|canceled|changed|updated|processed|applied|reset|booked|arranged|issued|removed|added)\b/;

export const GREETING =
  /\b(?:hi|hello|hey|good (?:morning|afternoon|evening)|welcome|thanks for (?:contacting|getting in touch|chatting|reaching out|waiting)|thank you for (?:contacting|getting in touch|chatting|reaching out|waiting))\b/;
export const INTRODUCTION =
  /\b(?:my name is|my name['’]s|you['’]re (?:chatting|speaking|talking) (?:with|to)|you are (?:chatting|speaking|talking) (?:with|to)|this is [a-z]+ (?:from|at|here)|i['’]m [a-z]+ (?:from|at|and|,)|i am [a-z]+ (?:from|at))\b/;
export const OFFER_HELP =
  /\b(?:how (?:can|may|could) i help|what can i (?:do|help)|how can i assist|how may i assist|what (?:can|could) i help|help you (?:with|today))\b/;

export const ANYTHING_ELSE =
  /\b(?:anything else|something else|any other (?:questions?|way)|other questions|help with anything|all sorted|is that everything|does that (?:cover|answer|help)|have i answered)\b/;
export const THANKS_FAREWELL =
  /\b(?:thanks|thank you|have a (?:good|great|lovely|nice)|take care|bye|goodbye|all the best|enjoy (?:your|the) (?:day|evening|weekend)|speak soon)\b/;

/** Managing expectations and reassuring: what happens next, and that the agent owns it. */
export const ASSURANCE =
  /\b(?:i['’]?ll (?:make sure|stay with you|sort|look after|take care|keep you)|leave it with me|i['’]?m going to (?:make sure|sort)|next steps?|what happens next|here['’]?s what|what will happen|you can expect|you should (?:see|receive|get|expect)|by the end of|we['’]?ll get (?:this|it|you) sorted|let['’]?s get (?:this|it|you) sorted|i can (?:definitely )?help (?:you )?with (?:that|this)|don['’]t worry|rest assured|i promise|i['’]?ll (?:see this through|walk you through|keep (?:it|this) simple|write (?:short|simple))|no rush|take (?:all )?the time you need|one (?:thing )?at a time|(?:keep|write) (?:it |this )?(?:short|simple|plain)|we can (?:fix|sort) (?:this|that|it)|we['’]?ll find (?:something|a way|a solution|an option))\b/;

/** Recapping or checking understanding. */
export const RECAP =
  /\b(?:just to (?:confirm|check|recap|make sure|clarify)|to recap|to summari[sz]e|in summary|so to sum up|to sum up|so you['’]?re saying|if i['’]ve understood|if i understand (?:you )?correctly|so what['’]s happening is|let me (?:recap|summari[sz]e|make sure i['’]ve)|so,? (?:the|your) (?:problem|issue) is)\b/;

/** Key-term synonyms so a promise and its case note can match in different words. */
export const SYNONYMS: Record<string, string> = {
  ring: 'call',
  phone: 'call',
  callback: 'call',
  called: 'call',
  calling: 'call',
  rang: 'call',
  'e-mail': 'email',
  emailed: 'email',
  emails: 'email',
  technician: 'engineer',
  tech: 'engineer',
  engineers: 'engineer',
  case: 'ticket',
  ref: 'ticket',
  reference: 'ticket',
  complaint: 'ticket',
  mon: 'monday',
  tue: 'tuesday',
  tues: 'tuesday',
  wed: 'wednesday',
  thu: 'thursday',
  thur: 'thursday',
  thurs: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  sun: 'sunday',
  tmrw: 'tomorrow',
  refunded: 'refund',
  credited: 'credit',
  booked: 'book',
  booking: 'book',
  raised: 'raise',
  escalated: 'escalate',
  escalation: 'escalate',
  sent: 'send',
  replacement: 'replace',
  replaced: 'replace',
  visit: 'appointment',
  appt: 'appointment',
};

/** Words a promise shares with almost any note, so they do not count as a match. */
export const PROMISE_FILLER = new Set([
  'will',
  'going',
  'get',
  'back',
  'customer',
  'agent',
  'let',
  'know',
  'make',
  'sure',
  'today',
]);

/**
 * Naming how the situation lands for the customer, in the agent's own words ("a big amount to
 * be missing twice", "the last thing you need"). Only counts with the customer's own details.
 */
export const IMPACT =
  /\b(?:big (?:amount|deal|worry|shock|hit)|a lot (?:to|of|at once)|last thing you need|heartbreaking|heartbroken|frightening|scary|terrifying|exciting|worrying|stressful|upsetting|distressing|devastating|awful|horrible|tough|(?:really|so|very|incredibly) hard|is hard|no wonder|understandable|(?:does|must|would) feel|feels like|feel like|every right|pushes you|no fun|nightmare|gutting|confusing|not (?:ok|okay|good enough|fair|right))\b/;

/** The object of an apology ("sorry about your husband", "sorry you've had to…"), captured. */
export const ACK_OBJECT =
  /\b(?:sorry|condolences)\b(?: to hear)? (?:about|for|of|that|you['’]?ve|you['’]?re|you have|you are)\b(.{0,60})/;

/** Template acknowledgements that fit anyone ("how frustrating X can be", "any inconvenience"). */
export const GENERIC_ACK =
  /\bcan be\b|\bthese things\b|\b(?:any|the) inconvenience\b|\bcaused you\b|\bi understand your (?:frustration|concern)\b/;

/** A line that starts a list item: "1)", "2.", "-", "•", "a)", "Option 1:". */
export const LIST_ITEM = /^\s*(?:\d{1,2}[.)]|[a-c][.)]|[-•*–]|option \d+:?)\s+/i;

/** The agent saying why there is only one route ("the only fix is", "nobody can…"). */
export const ONLY_ROUTE =
  /\b(?:the only (?:option|way|fix|route|thing (?:that|we|i) can)|only (?:option|way|fix|route) is|no other (?:option|way|route)|nobody can|no-one can|no one can|there['’]?s no (?:other|faster) (?:way|option|route))\b/;

/** A customer message that is clearly unhappy or giving up. */
export const UNHAPPY =
  /\b(?:useless|joke|ridiculous|seriously|unbelievable|whatever|forget it|waste of time|ombudsman|not happy|still annoyed|rubbish|pathetic|hopeless|talking to a robot)\b|\?\?|!!/;

/**
 * The customer naming their own feeling ("i feel so silly", "I'm worried"): an agent who answers
 * that feeling ("You haven't done anything silly") acknowledges it, whatever words frame it.
 */
export const CUSTOMER_FEELING =
  /\b(?:i feel|i['’]?m feeling|i felt|i['’]?m|i am|i was|feeling)\s+(?:so |really |very |a bit |bit |just |quite |a little |too )?(silly|stupid|embarrassed|ashamed|worried|scared|frightened|anxious|stressed|confused|lost|overwhelmed|upset|panicking|panicked|desperate|alone|tired|exhausted|gutted|devastated|heartbroken)\b/g;

/** Idioms that contain a feeling word without answering it ("no worries"). */
export const FEELING_IDIOM = /\bno worries\b|\bdon['’]t worry\b|\bno need to worry\b/;
