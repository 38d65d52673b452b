import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { GradingResults } from '../../../web/src/learner/GradingList.tsx';
import type {
  AttemptFeedback,
  FeedbackCriterion,
  GradingView,
} from '../../../web/src/learner/learner-api.ts';

const grading: GradingView = {
  id: 'grd_1',
  rubric: { id: 'core-webchat', version: '1.0.0' },
  graderMode: 'offline',
  model: null,
  promptVersion: 'grader-1',
  status: 'graded',
  reason: null,
  result: null,
  createdAt: '2026-11-23T09:00:00.000Z',
  finishedAt: '2026-11-23T09:00:01.000Z',
  provisional: true,
};

/** A criterion no assessor decided yet (provisional, or hidden until confirmed). */
const undecided = (
  state: 'provisional' | 'awaiting_confirmation' = 'provisional',
): FeedbackCriterion => ({
  id: 'empathy',
  title: 'Empathy',
  state,
  provisional: true,
  verdict: state === 'provisional' ? 'met' : null,
  feedback: '',
  assessorReason: null,
  evidence: [],
  decidedAt: null,
});

/** A criterion an assessor confirmed or overrode. */
const decided = (
  over: Partial<Extract<FeedbackCriterion, { state: 'confirmed' | 'overridden' }>>,
): FeedbackCriterion => ({
  id: 'empathy',
  title: 'Empathy',
  state: 'confirmed',
  provisional: false,
  verdict: 'met',
  feedback: '',
  assessorReason: null,
  evidence: [],
  decidedAt: '2026-11-23T09:00:00.000Z',
  ...over,
});

const feedback = (
  criteria: FeedbackCriterion[],
  over: Partial<AttemptFeedback> = {},
): AttemptFeedback => ({
  attemptId: 'att_1',
  feedbackVisibility: 'provisional',
  voided: null,
  transcript: { turns: [{ speaker: 'agent', text: 'Hi Mia' }], caseNotes: '' },
  gradings: [
    {
      gradingId: 'grd_1',
      rubric: { id: 'core-webchat', version: '1.0.0', title: 'Core webchat skills' },
      status: 'graded',
      signedOff: false,
      criteria,
    },
  ],
  comments: [],
  ...over,
});

/** The rendered text, tags removed, whitespace collapsed. */
const textOf = (fb: AttemptFeedback | null) =>
  renderToStaticMarkup(
    createElement(GradingResults, { gradings: [grading], feedback: fb, error: null }),
  )
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

describe('the learner’s feedback on an attempt', () => {
  it('labels AI judgements provisional until an assessor confirms them', () => {
    expect(textOf(feedback([undecided()]))).toBe(
      'Feedback 1 of 1 rubric packs graded. Core webchat skills (version 1.0.0) Graded (provisional — awaiting assessor confirmation) Empathy: Met Provisional (AI, not yet confirmed)',
    );
  });

  it('shows a confirmed override with the assessor’s reason, the quotes and comments', () => {
    const text = textOf(
      feedback(
        [
          decided({
            state: 'overridden',
            verdict: 'not_yet',
            assessorReason: 'The apology was generic.',
            evidence: [{ turn: 0, quote: 'Hi Mia' }],
          }),
        ],
        {
          comments: [
            {
              id: 'c1',
              turn: 0,
              rubricId: null,
              criterionId: null,
              body: 'Use her name again later.',
              authorId: 'u1',
              authorName: 'Casey Coach',
              createdAt: '2026-11-23T09:00:00.000Z',
            },
            {
              id: 'c2',
              turn: null,
              rubricId: 'core-webchat',
              criterionId: 'empathy',
              body: 'Name the feeling.',
              authorId: 'u1',
              authorName: 'Casey Coach',
              createdAt: '2026-11-23T09:00:00.000Z',
            },
          ],
        },
      ),
    );
    expect(text).toBe(
      "Feedback 1 of 1 rubric packs graded. Core webchat skills (version 1.0.0) Confirmed by an assessor Empathy: Not yet Confirmed (the assessor changed the AI verdict) Assessor's reason: The apology was generic. Evidence Turn 0: Hi Mia Casey Coach: Name the feeling. Comments on your chat On turn 0 (you): Hi Mia Casey Coach: Use her name again later.",
    );
  });

  it('shows nothing unconfirmed when the organisation shows feedback only after confirmation', () => {
    const text = textOf(
      feedback([undecided('awaiting_confirmation'), decided({ id: 'close', title: 'Close' })], {
        feedbackVisibility: 'after_confirmation',
      }),
    );
    expect(text).toBe(
      "Feedback 1 of 1 rubric packs graded. Your organisation shows feedback only after an assessor confirms it. Core webchat skills (version 1.0.0) Graded — your feedback appears once an assessor confirms it. 1 criterion awaits an assessor's confirmation. Your organisation shows results only once they are confirmed. Close: Met Confirmed",
    );
  });

  it('says a void attempt counts for nothing and shows no result', () => {
    expect(
      textOf(feedback([undecided()], { voided: { reason: 'The persona broke character.' } })),
    ).toBe(
      'Feedback 1 of 1 rubric packs graded. An assessor voided this attempt: the customer, not you, went wrong. It counts for nothing towards your portfolio. Reason: The persona broke character.',
    );
  });
});
