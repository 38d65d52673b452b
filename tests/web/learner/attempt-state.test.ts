import { describe, expect, it } from 'vitest';
import {
  addEvent,
  canSend,
  failedReply,
  gradingInProgress,
  mergeMessages,
  patchMessage,
  replyInFlight,
} from '../../../web/src/learner/attempt-state.ts';
import type { AttemptView, ChatMessage } from '../../../web/src/learner/learner-api.ts';

const message = (seq: number, speaker: 'agent' | 'customer', status = 'complete'): ChatMessage =>
  ({
    id: `m${seq}`,
    seq,
    speaker,
    text: status === 'complete' ? `text ${seq}` : '',
    status,
    clientMessageId: null,
    error: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  }) as ChatMessage;

const view = (messages: ChatMessage[], extra: Partial<AttemptView> = {}): AttemptView =>
  ({ status: 'in_progress', messages, events: [], gradings: [], ...extra }) as AttemptView;

describe('attempt state in the browser', () => {
  it('merges a sent message and its pending reply once, in order, even when repeated', () => {
    const start = view([message(0, 'customer')]);
    const sent = [message(1, 'agent'), message(2, 'customer', 'pending')];
    const once = mergeMessages(start, sent);
    const twice = mergeMessages(once, sent);
    expect(twice.messages.map((m) => `${m.seq}:${m.speaker}:${m.status}`)).toEqual([
      '0:customer:complete',
      '1:agent:complete',
      '2:customer:pending',
    ]);
  });

  it('finishes a streamed reply in place and lets the learner send again', () => {
    const waiting = view([
      message(0, 'customer'),
      message(1, 'agent'),
      message(2, 'customer', 'generating'),
    ]);
    expect([replyInFlight(waiting)?.id, canSend(waiting)]).toEqual(['m2', false]);
    const done = patchMessage(waiting, 'm2', { text: 'hi', status: 'complete' });
    expect([replyInFlight(done), canSend(done), done.messages[2]?.text]).toEqual([
      undefined,
      true,
      'hi',
    ]);
  });

  it('blocks sending after a failed reply or an ended chat', () => {
    const failed = view([
      message(0, 'customer'),
      message(1, 'agent'),
      message(2, 'customer', 'failed'),
    ]);
    expect([failedReply(failed)?.id, canSend(failed)]).toEqual(['m2', false]);
    expect(canSend(view([message(0, 'customer')], { status: 'ended' }))).toBe(false);
  });

  it('adds a logged event only once', () => {
    const event = {
      id: 'e1',
      kind: 'crm_open',
      target: 'crm',
      detail: null,
      afterTurn: 0,
      createdAt: '2026-01-01T00:00:00.000Z',
    } as AttemptView['events'][number];
    const v = addEvent(addEvent(view([]), event), event);
    expect(v.events).toEqual([event]);
  });

  it('keeps polling while any grading is queued or running', () => {
    const g = (status: string) => ({ status }) as AttemptView['gradings'][number];
    expect(gradingInProgress(view([], { gradings: [g('graded'), g('running')] }))).toBe(true);
    expect(gradingInProgress(view([], { gradings: [g('graded'), g('grading_failed')] }))).toBe(
      false,
    );
  });
});
