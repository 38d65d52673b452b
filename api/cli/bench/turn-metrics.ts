/**
 * Turns what the client saw and what the fake model wrote into the latency figures:
 * server-added time to first token and to the end of the reply (client time minus model time),
 * and the relay delay of each chunk (client read time minus fake write time).
 */
import type { StreamRecord } from './fake-openai.ts';
import type { TurnRecord } from './roleplay-load.ts';

/** Latency samples (ms) of a set of turns. */
export interface TurnSamples {
  addedFirst: number[];
  addedEnd: number[];
  relay: number[];
  /** SSE delta events the client read per reply (chunks merged by the server count once). */
  eventsPerReply: number[];
  modelTurn: number[];
  post: number[];
  read: number[];
  unmatched: number;
}

/** Matches each turn with the fake's record of the same reply and computes the samples. */
export function turnSamples(
  turns: readonly TurnRecord[],
  streams: ReadonlyMap<string, StreamRecord>,
): TurnSamples {
  const out: TurnSamples = {
    addedFirst: [],
    addedEnd: [],
    relay: [],
    eventsPerReply: [],
    modelTurn: [],
    post: [],
    read: [],
    unmatched: 0,
  };
  for (const turn of turns) {
    out.post.push(turn.postMs);
    if (turn.readMs !== null) out.read.push(turn.readMs);
    const model = streams.get(turn.key);
    const firstWrite = model?.writes[0];
    if (
      !model ||
      !firstWrite ||
      model.endedAt === null ||
      turn.firstDeltaAt === null ||
      turn.doneAt === null
    ) {
      out.unmatched += 1;
      continue;
    }
    const modelFirst = firstWrite.at - model.receivedAt;
    const modelEnd = model.endedAt - model.receivedAt;
    out.modelTurn.push(modelEnd);
    out.addedFirst.push(turn.firstDeltaAt - turn.sentAt - modelFirst);
    out.addedEnd.push(turn.doneAt - turn.sentAt - modelEnd);
    out.eventsPerReply.push(turn.deltas.length);
    let d = 0;
    for (const w of model.writes) {
      while (d < turn.deltas.length && turn.deltas[d]!.end < w.end) d++;
      const seen = turn.deltas[d];
      if (seen) out.relay.push(seen.at - w.at);
    }
  }
  return out;
}
