import { describe, expect, it } from 'vitest';
import type { HubEvent } from '#api/services/roleplay/reply-hub.ts';
import { coalescingSender } from '#api/services/roleplay/stream.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('coalescingSender', () => {
  it('merges deltas that arrive together into one event with the last index, in order', async () => {
    const sent: HubEvent[] = [];
    const sender = coalescingSender(async (e) => void sent.push(e));
    sender.push({ type: 'delta', index: 0, text: 'Hi, ' });
    sender.push({ type: 'delta', index: 1, text: 'my power ' });
    await tick();
    sender.push({ type: 'delta', index: 2, text: 'is ' });
    sender.push({ type: 'delta', index: 3, text: 'off.' });
    await sender.push({ type: 'done', text: 'Hi, my power is off.', chatEnded: false });
    expect(sent).toEqual([
      { type: 'delta', index: 1, text: 'Hi, my power ' },
      { type: 'delta', index: 3, text: 'is off.' },
      { type: 'done', text: 'Hi, my power is off.', chatEnded: false },
    ]);
  });

  it('sends one delta on its own when nothing else arrives with it', async () => {
    const sent: HubEvent[] = [];
    const sender = coalescingSender(async (e) => void sent.push(e));
    sender.push({ type: 'delta', index: 0, text: 'Hi' });
    await tick();
    await tick();
    expect(sent).toEqual([{ type: 'delta', index: 0, text: 'Hi' }]);
  });

  it('writes nothing queued after cancel', async () => {
    const sent: HubEvent[] = [];
    const sender = coalescingSender(async (e) => void sent.push(e));
    sender.push({ type: 'delta', index: 0, text: 'Hi' });
    sender.cancel();
    await tick();
    expect(sent).toEqual([]);
  });
});
