import { describe, expect, it } from 'vitest';
import { readCaseDetails, transcriptText } from '../../../web/src/designer/case-details.ts';

describe('reading a stored case for the case view', () => {
  it('splits persona assertions, the transcript and director states from the other details', () => {
    const details = readCaseDetails({
      scenario: 'energy-bill-shock',
      assertions: [
        { name: 'mood', passed: false, score: 0, detail: 'message 1: mood 2 → 3 (expected falls)' },
        { nonsense: true },
      ],
      transcript: [
        { speaker: 'customer', text: 'my bill is huge' },
        { speaker: 'agent', text: 'Calm down.' },
        { speaker: 'customer', text: 'Excuse me?' },
      ],
      director: [
        { mood: 2, patience: 7, factsRevealed: [] },
        { mood: 1, patience: 6, factsRevealed: ['pension_day'] },
      ],
      endReason: null,
    });
    expect(details).toEqual({
      assertions: [
        { name: 'mood', passed: false, detail: 'message 1: mood 2 → 3 (expected falls)' },
      ],
      verdicts: [],
      transcript: [
        { speaker: 'customer', text: 'my bill is huge' },
        { speaker: 'agent', text: 'Calm down.' },
        { speaker: 'customer', text: 'Excuse me?' },
      ],
      caseNotes: '',
      director: [
        { mood: 2, patience: 7, factsRevealed: [] },
        { mood: 1, patience: 6, factsRevealed: ['pension_day'] },
      ],
      rest: { scenario: 'energy-bill-shock', endReason: null },
    });
    expect(transcriptText(details.transcript, details.director, '')).toBe(
      [
        '0. Customer: my bill is huge',
        '    [mood 2/10, patience 7]',
        '1. Agent: Calm down.',
        '2. Customer: Excuse me?',
        '    [mood 1/10, patience 6, facts: pension_day]',
      ].join('\n'),
    );
  });

  it('reads grader verdicts as expected (label) and actual (graded), with the case notes', () => {
    const details = readCaseDetails({
      verdicts: [{ criterion: 'empathy', label: 'met', got: null }],
      transcript: [{ speaker: 'agent', text: 'Hi' }],
      caseNotes: 'Called back.',
    });
    expect(details.verdicts).toEqual([{ criterion: 'empathy', expected: 'met', actual: 'none' }]);
    expect(transcriptText(details.transcript, details.director, details.caseNotes)).toBe(
      '0. Agent: Hi\n\nCase notes:\nCalled back.',
    );
  });
});
