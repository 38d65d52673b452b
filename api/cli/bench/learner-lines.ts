/**
 * What the benchmark learners type: ordinary agent turns that keep a chat going (no offer of a
 * resolution, no farewell), each tagged with a reference that makes it unique, so the fake
 * model's records can be matched to the turn that caused them.
 */

const LINES = [
  "Hi, you're chatting with Sam from the support team. I'm sorry things have been difficult, how can I help today?",
  'That sounds really frustrating, especially when you need it for work. Can I check your full name first?',
  'Thanks for that. When did the problem start, and what have you tried so far?',
  "I understand, and I'm sorry nobody called you back. Let me look at your account now.",
  'I can see the notes from your last contact. Could you tell me a bit more about what happens?',
  'Thanks for your patience while I check this for you.',
];

/** The learner's text for turn `turn` of chat `chatTag`. */
export function learnerLine(chatTag: string, turn: number): string {
  return `${LINES[turn % LINES.length]} (ref ${chatTag}.${turn})`;
}

/** The chat tag inside a learner line, or null. */
export function chatTagOf(text: string): string | null {
  return /\(ref ([\w-]+)\.\d+\)/.exec(text)?.[1] ?? null;
}
