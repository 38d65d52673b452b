import { describe, expect, it } from 'vitest';
import {
  attemptStatusLabel,
  criterionLabel,
  criterionStateLabel,
  endReasonLabel,
  eventLabel,
  evidenceSource,
  verdictLabel,
} from '../../../web/src/learner/labels.ts';
import { attemptIdOf, attemptPath } from '../../../web/src/learner/paths.ts';

describe('learner labels', () => {
  it('says in words why a chat ended, for every end reason', () => {
    expect(
      ['resolved', 'customer_left', 'escalated', 'learner_closed', 'timed_out', null].map(
        endReasonLabel,
      ),
    ).toEqual([
      'The customer was happy with the outcome: the chat is resolved.',
      'The customer left the chat.',
      'The customer asked for the chat to be escalated.',
      'You ended the chat.',
      'The chat timed out.',
      'The chat has ended.',
    ]);
  });

  it('lists attempts with their status and end reason', () => {
    expect([
      attemptStatusLabel('in_progress', null),
      attemptStatusLabel('ended', 'customer_left'),
      attemptStatusLabel('submitted', 'resolved'),
    ]).toEqual(['In progress', 'Ended (customer left)', 'Submitted for grading (resolved)']);
  });

  it('describes each system event with the article and action names', () => {
    const names = {
      articles: new Map([['move-in', 'Move-in requests']]),
      actions: new Map([['book', 'Book move-in']]),
    };
    const e = (
      kind: 'crm_open' | 'security_check' | 'kb_search' | 'kb_open' | 'action',
      target: string,
      detail: string | null = null,
    ) => eventLabel({ kind, target, detail }, names);
    expect([
      e('crm_open', 'crm'),
      e('security_check', 'crm'),
      e('kb_search', 'kb', 'fee'),
      e('kb_open', 'move-in'),
      e('action', 'book'),
    ]).toEqual([
      'Opened the CRM record',
      "Verified the customer's identity",
      'Searched the knowledge base for "fee"',
      'Opened article "Move-in requests"',
      'Action taken: Book move-in',
    ]);
  });

  it('names criteria, verdicts and evidence sources in words', () => {
    expect([criterionLabel('follow_up_recorded'), criterionLabel('outcome_3c')]).toEqual([
      'Follow-up recorded',
      'Outcome 3c',
    ]);
    expect([verdictLabel('met'), verdictLabel('not_yet'), verdictLabel(null)]).toEqual([
      'Met',
      'Not yet',
      'Could not be judged',
    ]);
    expect([evidenceSource(3), evidenceSource('caseNotes')]).toEqual(['Turn 3', 'Case notes']);
  });

  it('reads the attempt id from a chat page path and nothing else', () => {
    expect([
      attemptIdOf(attemptPath('att_123')),
      attemptIdOf('/learner/attempts/att_1/'),
      attemptIdOf('/learner'),
      attemptIdOf('/learner/attempts/../admin'),
    ]).toEqual(['att_123', 'att_1', null, null]);
  });
});

describe('criterion state labels', () => {
  it('labels confirmed and provisional feedback as the learner reads it', () => {
    expect(criterionStateLabel('confirmed')).toBe('Confirmed');
    expect(criterionStateLabel('overridden')).toBe(
      'Confirmed (the assessor changed the AI verdict)',
    );
    expect(criterionStateLabel('provisional')).toBe('Provisional (AI, not yet confirmed)');
    expect(criterionStateLabel('awaiting_confirmation')).toBe('Awaiting confirmation');
  });
});
