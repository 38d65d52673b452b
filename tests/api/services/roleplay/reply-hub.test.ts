import { describe, expect, it } from 'vitest';
import { ReplyHub, type HubEvent } from '#api/services/roleplay/reply-hub.ts';

describe('reply hub', () => {
  it('knows which attempt a live reply belongs to, and forgets liveness once it is finished', () => {
    const hub = new ReplyHub();
    hub.open('r1', 'att-a');
    expect([
      hub.isLiveFor('r1', 'att-a'),
      hub.isLiveFor('r1', 'att-b'),
      hub.isLiveFor('r2', 'att-a'),
    ]).toEqual([true, false, false]);
    hub.finish('r1', { type: 'done', text: 'Bye', chatEnded: true });
    expect([hub.isLive('r1'), hub.isLiveFor('r1', 'att-a')]).toEqual([false, false]);
  });

  it('replays what a late subscriber missed, then the end', () => {
    const hub = new ReplyHub();
    hub.open('r1', 'att-a');
    hub.delta('r1', 'Hi ');
    hub.delta('r1', 'there');
    const seen: HubEvent[] = [];
    hub.subscribe('r1', 0, (e) => seen.push(e));
    hub.finish('r1', { type: 'done', text: 'Hi there', chatEnded: false });
    const late: HubEvent[] = [];
    hub.subscribe('r1', -1, (e) => late.push(e));
    expect(seen).toEqual([
      { type: 'delta', index: 1, text: 'there' },
      { type: 'done', text: 'Hi there', chatEnded: false },
    ]);
    expect(late).toEqual([
      { type: 'delta', index: 0, text: 'Hi ' },
      { type: 'delta', index: 1, text: 'there' },
      { type: 'done', text: 'Hi there', chatEnded: false },
    ]);
    expect(hub.subscribe('nope', -1, () => {})).toBeNull();
  });
});
