import { describe, expect, it } from 'vitest';
import { findNames, perturbWhitespace, swapNames } from '../../../api/evals/perturb.ts';
import type { Transcript } from '../../../api/transcript/schema.ts';

const transcript: Transcript = {
  id: 't1',
  channel: 'webchat',
  turns: [
    { speaker: 'agent', text: "Hi, I'm Rachel. How can I help?" },
    { speaker: 'customer', text: 'My card is blocked. Mrs Okafor here.' },
    { speaker: 'agent', text: 'Thanks Mrs Okafor, I will unblock it today.' },
  ],
  caseNotes: 'Rachel unblocked card for Okafor.',
};

describe('transcript perturbations', () => {
  it('finds names after introductions, greetings and titles', () => {
    expect(findNames(transcript)).toEqual(['Okafor', 'Rachel']);
  });

  it('swaps every name everywhere for another name', () => {
    const { transcript: out, swapped } = swapNames(transcript);
    expect(swapped).toEqual({ Okafor: 'Priyanka', Rachel: 'Tomasz' });
    expect(out.turns.map((t) => t.text)).toEqual([
      "Hi, I'm Tomasz. How can I help?",
      'My card is blocked. Mrs Priyanka here.',
      'Thanks Mrs Priyanka, I will unblock it today.',
    ]);
    expect(out.caseNotes).toBe('Tomasz unblocked card for Priyanka.');
  });

  it('changes only whitespace', () => {
    const out = perturbWhitespace(transcript);
    expect(out.turns[0]?.text).toBe("  Hi,  I'm Rachel.   How can I help?\n ");
    expect(out.turns.map((t) => t.text.replace(/\s+/g, ' ').trim())).toEqual(
      transcript.turns.map((t) => t.text),
    );
  });
});
