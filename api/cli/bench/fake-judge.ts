/**
 * The fake model's judge answers: reads the criterion id from the system prompt and the
 * transcript from the delimited data in the request, and answers a valid
 * `{verdict, evidence, feedback}` whose quote is an exact piece of an agent turn, so the
 * grader's verification accepts it and the grading comes out `graded`.
 */
import { z } from 'zod';

const transcriptData = z.object({
  turns: z.array(z.object({ turn: z.number().int(), speaker: z.string(), text: z.string() })),
});

/** What the fake read from one judge request. */
export interface JudgeRequestInfo {
  criterionId: string | null;
  rubricId: string | null;
  agentTurns: { turn: number; text: string }[];
}

/** True when the request looks like a judge call (has the criterion line and transcript data). */
export function isJudgeRequest(system: string, user: string): boolean {
  return /^Criterion id: /m.test(`${system}\n${user}`) && user.includes('<transcript_data>');
}

/** Reads the criterion, rubric and agent turns from a judge request. */
export function readJudgeRequest(system: string, user: string): JudgeRequestInfo {
  // The criterion to judge is named after the transcript (older prompts named it in the system).
  const afterData = user.split('</transcript_data>').at(-1) ?? '';
  const criterionId =
    /^Criterion id: (\S+)/m.exec(afterData)?.[1] ??
    /^Criterion id: (\S+)/m.exec(system)?.[1] ??
    null;
  const rubricId = /^Rubric pack: (\S+)/m.exec(system)?.[1] ?? null;
  const body = /<transcript_data>\n([\s\S]*)\n<\/transcript_data>/.exec(user)?.[1];
  let agentTurns: JudgeRequestInfo['agentTurns'] = [];
  if (body !== undefined) {
    try {
      const parsed = transcriptData.safeParse(JSON.parse(body));
      if (parsed.success) {
        agentTurns = parsed.data.turns
          .filter((t) => t.speaker === 'agent' && t.text.trim().length >= 3)
          .map((t) => ({ turn: t.turn, text: t.text }));
      }
    } catch {
      // unreadable data: answered as not_yet without evidence
    }
  }
  return { criterionId, rubricId, agentTurns };
}

function stableIndex(key: string, size: number): number {
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % size;
}

/** The quote: the turn's first sentence (at most 80 characters), cut on a word boundary. */
export function quoteFrom(text: string): string {
  const trimmed = text.trim();
  const sentence = /^[^.!?\n]{3,}[.!?]?/.exec(trimmed)?.[0] ?? trimmed;
  if (sentence.length <= 80) return sentence.trim();
  const cut = sentence.slice(0, 80);
  const space = cut.lastIndexOf(' ');
  return (space >= 20 ? cut.slice(0, space) : cut).trim();
}

/** The JSON answer text for a judge request. */
export function judgeAnswer(info: JudgeRequestInfo): string {
  const criterion = info.criterionId ?? 'criterion';
  if (info.agentTurns.length === 0) {
    return JSON.stringify({
      verdict: 'not_yet',
      evidence: [],
      feedback: `There was nothing from you to judge for ${criterion} yet.`,
    });
  }
  const pick = info.agentTurns[stableIndex(criterion, info.agentTurns.length)]!;
  return JSON.stringify({
    verdict: 'met',
    evidence: [{ turn: pick.turn, quote: quoteFrom(pick.text) }],
    feedback: `You showed ${criterion} in turn ${pick.turn}. Keep doing this, and say what happens next.`,
  });
}
