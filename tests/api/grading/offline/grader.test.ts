import { describe, expect, it } from 'vitest';
import type { RubricPack } from '../../../../api/content/schemas.ts';
import { gradeOffline, OFFLINE_PROMPT_VERSION } from '../../../../api/grading/offline/grader.ts';
import { normaliseWhitespace } from '../../../../api/grading/text.ts';
import type { GradingResult, Transcript } from '../../../../api/transcript/schema.ts';
import { chat, fixtureRubric, fixtureTranscript } from '../../../helpers/grading-fixtures.ts';

const rubric = fixtureRubric();

function verdicts(result: GradingResult): Record<string, string | null> {
  return Object.fromEntries(result.criteria.map((c) => [c.id, c.verdict]));
}

function verdictOf(transcript: Transcript, id: string): string | null | undefined {
  return gradeOffline({ transcript, rubric }).criteria.find((c) => c.id === id)?.verdict;
}

describe('gradeOffline on fixture transcripts', () => {
  it('meets every criterion for a strong chat, with evidence quoted from agent turns and notes', () => {
    const transcript = fixtureTranscript('transcripts/strong.json');
    const result = gradeOffline({ transcript, rubric });
    expect(verdicts(result)).toEqual({
      greeting: 'met',
      security_check: 'met',
      rapport: 'met',
      empathy: 'met',
      options: 'met',
      follow_up_recorded: 'met',
      close: 'met',
    });
    expect(result.flags).toEqual([]);
    for (const c of result.criteria) {
      for (const e of c.evidence) {
        const source =
          e.turn === 'caseNotes' ? transcript.caseNotes : transcript.turns[e.turn]!.text;
        expect(e.turn === 'caseNotes' || transcript.turns[e.turn]!.speaker === 'agent').toBe(true);
        expect(normaliseWhitespace(source)).toContain(normaliseWhitespace(e.quote));
      }
    }
  });

  it('gives stock empathy followed by dismissive behaviour not_yet everywhere', () => {
    const result = gradeOffline({
      transcript: fixtureTranscript('transcripts/stock-dismissive.txt'),
      rubric,
    });
    expect(Object.values(verdicts(result))).toEqual(Array(7).fill('not_yet'));
    expect(result.criteria.find((c) => c.id === 'empathy')).toEqual({
      id: 'empathy',
      verdict: 'not_yet',
      confidence: 0.85,
      evidence: [
        { turn: 2, quote: 'Sorry for the inconvenience.' },
        { turn: 4, quote: "As I said, there's nothing I can do until the engineer is free." },
      ],
      feedback:
        'You said "Sorry for the inconvenience.", but it could be said to anyone: it doesn\'t mention what the customer told you. Later, "As I said, there\'s nothing I can do until the engineer is free." came across as dismissive. Refer to their actual situation to show you have understood it.',
      flags: [],
    });
  });

  it('marks a promised follow-up missing from the case notes as not_yet', () => {
    const result = gradeOffline({
      transcript: fixtureTranscript('transcripts/promise-not-recorded.txt'),
      rubric,
    });
    expect(result.criteria.find((c) => c.id === 'follow_up_recorded')).toEqual({
      id: 'follow_up_recorded',
      verdict: 'not_yet',
      confidence: 0.8,
      evidence: [{ turn: 4, quote: "I've raised a refund request for the duplicate £42 charge." }],
      feedback:
        'You promised "I\'ve raised a refund request for the duplicate £42 charge." in the chat, but your case notes don\'t record it. Note who will do what, and when, so a colleague can pick it up.',
      flags: [],
    });
  });

  it('returns the whole result shape for an abandoned chat', () => {
    const transcript = chat(['Hi, this is Sam, how can I help?', 'my bill is wrong'], '');
    const tooShort =
      'The chat is too short to judge this: you need at least two replies to the customer.';
    expect(gradeOffline({ transcript, rubric })).toEqual({
      transcriptId: 'inline',
      rubric: { id: 'core-webchat', version: '0.9.0' },
      grader: { mode: 'offline', model: null, promptVersion: OFFLINE_PROMPT_VERSION },
      status: 'graded',
      criteria: rubric.criteria.map((c) => ({
        id: c.id,
        verdict: 'not_yet',
        confidence: 0.9,
        evidence: [],
        feedback: tooShort,
        flags: [],
      })),
      flags: ['abandoned'],
      usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 },
    });
  });

  it('is deterministic and fast', () => {
    const transcript = fixtureTranscript('transcripts/strong.json');
    const first = gradeOffline({ transcript, rubric });
    const started = performance.now();
    for (let i = 0; i < 20; i += 1) expect(gradeOffline({ transcript, rubric })).toEqual(first);
    expect((performance.now() - started) / 20).toBeLessThan(50);
  });
});

describe('gradeOffline empathy rules', () => {
  const customer = 'my boiler broke and my elderly mum is staying with me, the house is freezing';

  it('does not accept a stock phrase on its own', () => {
    const t = chat([
      'Hello, how can I help?',
      customer,
      'I understand your frustration. Let me check.',
      'ok',
      'Done.',
    ]);
    expect(verdictOf(t, 'empathy')).toBe('not_yet');
  });

  it("accepts an acknowledgement that names the customer's situation", () => {
    const t = chat([
      'Hello, how can I help?',
      customer,
      "I'm so sorry, a freezing house with your mum staying is the last thing you need.",
      'yes',
      'Let me book that.',
    ]);
    expect(verdictOf(t, 'empathy')).toBe('met');
  });

  it('takes empathy back when blame follows', () => {
    const t = chat([
      'Hello, how can I help?',
      customer,
      "I'm so sorry, a freezing house with your mum staying is the last thing you need.",
      'why did this happen',
      'You should have booked the annual service, obviously.',
    ]);
    expect(verdictOf(t, 'empathy')).toBe('not_yet');
  });
});

describe('gradeOffline options rules', () => {
  const opening = ['Hello, how can I help?', 'my parcel never arrived'];

  it.each([
    [
      'options listed without explanation',
      'You could have a refund or a replacement. Which would you like?',
      'not_yet',
    ],
    [
      'one option, however well explained',
      "I can send a replacement, which means you'd get it by Friday at no cost.",
      'not_yet',
    ],
    [
      'two options each explained',
      'I can either refund you today, which means the money is back in 3 working days, or send a replacement, which would take 2 days to arrive.',
      'met',
    ],
    [
      'announced options explained in the next sentences',
      'There are two options. A refund means the money is back within 5 days. Or I can send a replacement, which would arrive tomorrow.',
      'met',
    ],
  ])('judges %s', (_name, line, expected) => {
    expect(verdictOf(chat([...opening, line, 'ok', 'Thanks, bye.']), 'options')).toBe(expected);
  });
});

describe('gradeOffline follow-up, rapport, security and close rules', () => {
  const lines = [
    'Hi, my name is Jo, how can I help?',
    'My name is Sam Lee, my washing machine is leaking water all over the kitchen floor',
    "Thanks Sam. So your washing machine is leaking onto the kitchen floor. I'll make sure we sort it. Can you confirm your postcode?",
    'M1 1AA',
    "I've booked an engineer for Tuesday morning. I'll email you the confirmation today.",
    'thank you',
    'Is there anything else I can help with? Thanks Sam, take care.',
  ];

  it('meets follow-up when notes record each promise with its owner and time', () => {
    const notes =
      'Washing machine leaking, kitchen floor. Engineer booked Tuesday am. Confirmation email sent today.';
    expect(verdictOf(chat(lines, notes), 'follow_up_recorded')).toBe('met');
  });

  it('keeps follow-up not_yet when notes miss the engineer visit', () => {
    const notes =
      'Washing machine leaking onto kitchen floor. Customer advised. Confirmation email sent.';
    expect(verdictOf(chat(lines, notes), 'follow_up_recorded')).toBe('not_yet');
  });

  it('meets rapport with name use, mirroring, assurance and a recap', () => {
    expect(verdictOf(chat(lines, ''), 'rapport')).toBe('met');
  });

  it('keeps security_check not_yet when an account action comes before the check', () => {
    const transcript: Transcript = {
      ...chat(lines, ''),
      systemEvents: [
        { kind: 'action', target: 'book_engineer', afterTurn: 1 },
        { kind: 'security_check', target: 'postcode', afterTurn: 3 },
      ],
    };
    expect(verdictOf(transcript, 'security_check')).toBe('not_yet');
    expect(verdictOf(chat(lines, ''), 'security_check')).toBe('met');
  });

  it('meets close with an anything-else check and thanks', () => {
    expect(verdictOf(chat(lines, ''), 'close')).toBe('met');
  });
});

describe('gradeOffline criteria it cannot judge', () => {
  it('omits criteria evidenced by other and unknown ids, and judges reused criteria', () => {
    const base = rubric.criteria.find((c) => c.id === 'empathy')!;
    const pack: RubricPack = {
      ...rubric,
      criteria: [
        {
          ...base,
          id: 'workplace_questioning',
          evidencedBy: 'other',
          otherEvidence: 'Professional discussion',
        },
        { ...base, id: 'unknown_skill' },
        { ...base, id: 'shows_empathy_2_2', reuses: 'core-webchat#empathy' },
      ],
    };
    const result = gradeOffline({
      transcript: fixtureTranscript('transcripts/strong.json'),
      rubric: pack,
    });
    expect(result.criteria.map((c) => [c.id, c.verdict])).toEqual([['shows_empathy_2_2', 'met']]);
  });
});
