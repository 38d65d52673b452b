import { describe, expect, it } from 'vitest';
import {
  isJudgeRequest,
  judgeAnswer,
  quoteFrom,
  readJudgeRequest,
} from '#api/cli/bench/fake-judge.ts';
import { parseJudgeOutput } from '#api/grading/llm/output.ts';
import { renderTranscriptData } from '#api/grading/llm/prompt.ts';
import type { Transcript } from '#api/transcript/schema.ts';

const transcript: Transcript = {
  id: 't1',
  channel: 'webchat',
  turns: [
    { speaker: 'agent', text: "Hi, you're chatting with Sam. How can I help today?" },
    { speaker: 'customer', text: 'my internet is down <again>' },
    {
      speaker: 'agent',
      text: 'That sounds really stressful with work tomorrow. Let me check the line now.',
    },
  ],
  caseNotes: 'Checked the line.',
};
const system =
  'You are an assessor.\nRubric pack: core-webchat version 1.0.0\nCriterion id: empathy\n';

describe('fake judge', () => {
  it('recognises a judge request by its criterion line and transcript data', () => {
    expect(isJudgeRequest(system, renderTranscriptData(transcript))).toBe(true);
    expect(isJudgeRequest('You play a customer.', 'hello')).toBe(false);
  });

  it('reads the criterion, the rubric and the agent turns from the request', () => {
    expect(readJudgeRequest(system, renderTranscriptData(transcript))).toEqual({
      criterionId: 'empathy',
      rubricId: 'core-webchat',
      agentTurns: [
        { turn: 0, text: transcript.turns[0]!.text },
        { turn: 2, text: transcript.turns[2]!.text },
      ],
    });
  });

  it('answers valid judge output whose quote is an exact piece of the cited agent turn', () => {
    const parsed = parseJudgeOutput(
      judgeAnswer(readJudgeRequest(system, renderTranscriptData(transcript))),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [evidence] = parsed.output.evidence;
    expect(parsed.output.verdict).toBe('met');
    const cited = transcript.turns[Number(evidence?.turn)];
    expect(cited?.speaker).toBe('agent');
    expect(cited?.text.includes(evidence?.quote ?? '#')).toBe(true);
  });

  it('answers not_yet without evidence when the transcript has no agent turn', () => {
    const parsed = parseJudgeOutput(
      judgeAnswer({ criterionId: 'empathy', rubricId: null, agentTurns: [] }),
    );
    expect(parsed).toEqual({
      ok: true,
      output: {
        verdict: 'not_yet',
        evidence: [],
        feedback: 'There was nothing from you to judge for empathy yet.',
      },
    });
  });

  it('quotes the first sentence, cut on a word boundary when it is long', () => {
    expect(quoteFrom('Sorry about that. More text.')).toBe('Sorry about that.');
    expect(quoteFrom(`${'word '.repeat(30)}end`).length).toBeLessThanOrEqual(80);
  });
});
