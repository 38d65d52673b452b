/**
 * The phrase lists the director uses to read a learner's message. Kept apart from the logic so a
 * designer can see (and extend) what counts as a script, jargon, blame or a clear next step.
 */

/** Stock apologies and scripts: on their own they never calm anyone. */
export const STOCK_PHRASES: readonly RegExp[] = [
  /sorry for (any|the) (inconvenience|trouble|issues?)/,
  /apologi[sz]e for (any|the) (inconvenience|trouble|issues?)/,
  /i understand (your|how) frustrat/,
  /i (completely |totally )?understand how you feel/,
  /(we|i) value (you|your)/,
  /your (call|custom|business) is (important|valued)/,
  /thank you for your patience/,
  /thanks for your patience/,
  /^(i'?m |i am )?(so )?sorry( to hear that)?[.!]*$/,
  /we apologi[sz]e/,
  /sorry for the delay/,
];

/** Openers that mark an acknowledgement; it is specific only if it also names what was said. */
export const ACKNOWLEDGE_MARKERS: readonly RegExp[] = [
  /\bsorry\b/,
  /\bapologi[sz]e/,
  /\bi (can )?(see|hear|understand|appreciate|realise|realize)\b/,
  /\bthat (sounds|must|is|'s)\b/,
  /\bmust (be|have been)\b/,
  /\byou('ve| have)? (said|mentioned|told)\b/,
  /\bthank(s| you) for (telling|explaining|letting)/,
  /\bno wonder\b/,
  /\bi get (that|why)\b/,
];

/** Words and idioms a literal, confused or limited-English customer will not follow. */
export const JARGON_TERMS: readonly string[] = [
  'sla',
  'eta',
  'dns',
  'ont',
  'isp',
  'ip address',
  'mac address',
  'firmware',
  'provisioning',
  'backend',
  'back end',
  'latency',
  'bandwidth',
  'power cycle',
  'arrears',
  'pro rata',
  'prorated',
  'remediation',
  'reconcile',
  'chargeback',
  'bacs',
  'direct debit mandate',
  'standing order mandate',
  'kyc',
  'authentication',
  'tariff migration',
  'ticket number',
  'case reference',
  't&cs',
  'escalation matrix',
  'tier 2',
  'second line',
  'per our policy',
  'as per',
  'bear with me',
  'hang tight',
  'sit tight',
  'touch base',
  'ballpark',
  'loop in',
  'on the same page',
  'give me a tick',
  'hop on',
  'run it by',
  'circle back',
  'raise a ticket',
];

/** Blaming the customer. */
export const BLAME_PHRASES: readonly RegExp[] = [
  /you should(n't| not)? have/,
  /\byou (didn't|did not|failed to|forgot to|never)\b/,
  /your (own )?fault/,
  /you must have/,
  /if you had/,
  /(it'?s|that'?s|this is) (because of you|on you|down to you)/,
  /you need to read/,
  /user error/,
];

/** Hurrying the customer along. */
export const RUSH_PHRASES: readonly RegExp[] = [
  /\bquickly\b/,
  /\bhurry\b/,
  /make it quick/,
  /(don'?t|do not) have (much )?time/,
  /just answer/,
  /as i (said|already said|mentioned)/,
  /like i said/,
  /we'?re (very )?busy/,
  /let'?s (wrap|move) (this |it )?(up|on)/,
  /i need to move on/,
  /only have a (minute|moment|sec)/,
];

/** The learner asking the customer to say something again. */
export const REPEAT_REQUESTS: readonly RegExp[] = [
  /(repeat|say) (that|it|this) again/,
  /can you repeat/,
  /tell me again/,
  /explain (it )?again/,
];

/** Future actions the agent commits to (the "what" of a next step). */
export const COMMITMENT =
  /\b(i'?ll|i will|i am going to|i'm going to|we'?ll|we will|i have|i've|we have|we've|i'?ve just|i can)\s+(now\s+|just\s+|also\s+|personally\s+)?(book|arrang|send|process|rais|log|call|email|text|refund|credit|cancel|fix|reset|order|updat|appl|add|mak|chas|pass|schedul|confirm|set|put|reconnect|replac|issu|sort|transfer|escalat|request|record|note|follow|unblock|unlock|remov|activat|restor|waiv|switch|repair|check|look)/;

/** When or who: a next step is clear only with one of these. */
export const WHEN_OR_WHO =
  /\b(today|tonight|tomorrow|this (morning|afternoon|evening|week)|next (week|day)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|within|by (the end|\d)|in (the next )?\d+|\d+ (working )?(hours?|days?|minutes?)|right now|straight away|immediately|engineer|team|manager|supervisor|colleague|department|reference|email|text message|letter)\b/;

/** Options set out for the customer to choose from. */
export const OPTION_PHRASES: readonly RegExp[] = [
  /\boptions?\b/,
  /\beither\b.*\bor\b/,
  /\balternatively\b/,
  /\bor (we|i) could\b/,
  /\byou (can|could) choose\b/,
  /\b(two|three|a few) (ways|choices)\b/,
  /\bwhich would you prefer\b/,
  /\bwould you (prefer|rather)\b/,
];

/** The learner handing the customer to a supervisor. */
export const ESCALATE_PHRASES: readonly RegExp[] = [
  /\b(transfer|pass|put) you (through )?(to|over to) (my|a|our|the) (supervisor|manager|team leader|senior)/,
  /\bescalat\w* (this |it |your \w+ )?(to|with) (my|a|our|the) (supervisor|manager|team leader|senior|complaints)/,
  /\b(get|fetch|bring in|call) (my|a|the) (supervisor|manager|team leader)\b/,
  /\b(my|a|the) (supervisor|manager|team leader) will (take over|join|speak|call|contact)/,
];

/** Agreement words, used when the customer has demanded a supervisor. */
export const AGREE =
  /\b(yes|yeah|of course|certainly|sure|ok|okay|absolutely|no problem|right away)\b/;

/** The learner wrapping up the chat. */
export const FAREWELL =
  /\b(goodbye|bye|have a (nice|good|great|lovely) (day|evening|afternoon|weekend)|take care|i'?ll (close|end) (the|this) chat|closing (the|this) chat)\b/;

/** "Anything else?" said before the problem is fixed. */
export const ANYTHING_ELSE = /\b(anything else|is that (all|everything))\b/;
