/**
 * One load level: `chats` learners each play a chat of `turns` turns at the same time. Every
 * turn is timed at the client (send → first delta → done). Like the web app, the client reads
 * the attempt back only when the `done` event says the chat ended; the bench also reads it after
 * each chat's last turn (as the learner's next page does), which gives the read figure. Bounded
 * by turn count and a deadline.
 */
import { z } from 'zod';
import { preciseNow } from './fake-openai.ts';
import type { BenchClient } from './http-client.ts';
import { learnerLine } from './learner-lines.ts';

/** What the client saw for one learner turn. */
export interface TurnRecord {
  key: string;
  sentAt: number;
  postMs: number;
  firstDeltaAt: number | null;
  /** Arrival time and running text length of each delta. */
  deltas: { at: number; end: number }[];
  doneAt: number | null;
  readMs: number | null;
}

/** What a chat did. */
export interface ChatRecord {
  tag: string;
  attemptId: string | null;
  /** Round trip of `POST /api/attempts` (ms), or null when it was not sent. */
  startMs: number | null;
  turns: TurnRecord[];
  errors: string[];
  /** The customer ended the chat before all turns were played. */
  endedEarly: boolean;
}

const attemptAnswer = z.looseObject({ id: z.string(), status: z.string() });
const sendAnswer = z.looseObject({ reply: z.looseObject({ id: z.string() }) });
const deltaData = z.object({ text: z.string() });
const doneData = z.object({ chatEnded: z.boolean().optional() });

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

/** The range a learner's think time is drawn from: `thinkMs` × 0.5–1.5 (ms). */
export function thinkRangeMs(thinkMs: number): [number, number] {
  return [thinkMs * 0.5, thinkMs * 1.5];
}

async function playTurn(
  client: BenchClient,
  attemptId: string,
  key: string,
  turnIndex: number,
  lastTurn: boolean,
): Promise<{ turn: TurnRecord; error?: string; ended: boolean }> {
  const sentAt = preciseNow();
  const turn: TurnRecord = {
    key,
    sentAt,
    postMs: 0,
    firstDeltaAt: null,
    deltas: [],
    doneAt: null,
    readMs: null,
  };
  const sent = await client.request('POST', `/api/attempts/${attemptId}/messages`, {
    clientMessageId: `bench-${attemptId}-${turnIndex}`,
    text: key,
  });
  turn.postMs = sent.ms;
  if (sent.status === 409) return { turn, ended: true };
  const answer = sendAnswer.safeParse(sent.body);
  if (sent.status !== 201 || !answer.success)
    return { turn, error: `send: HTTP ${sent.status}`, ended: false };
  const stream = await client.readEvents(
    `/api/attempts/${attemptId}/replies/${answer.data.reply.id}/stream`,
  );
  let length = 0;
  let chatEnded: boolean | undefined;
  for (const e of stream.events) {
    if (e.event === 'delta') {
      const parsed = deltaData.safeParse(JSON.parse(e.data));
      length += parsed.success ? parsed.data.text.length : 0;
      turn.firstDeltaAt ??= e.at;
      turn.deltas.push({ at: e.at, end: length });
    } else if (e.event === 'done') {
      turn.doneAt = e.at;
      const parsed = doneData.safeParse(JSON.parse(e.data));
      chatEnded = parsed.success ? parsed.data.chatEnded : undefined;
    } else if (e.event === 'failed') return { turn, error: 'reply failed', ended: false };
  }
  if (turn.doneAt === null)
    return { turn, error: `stream: HTTP ${stream.status}, no done event`, ended: false };
  if (chatEnded === false && !lastTurn) return { turn, ended: false };
  const read = await client.request('GET', `/api/attempts/${attemptId}`);
  turn.readMs = read.ms;
  const view = attemptAnswer.safeParse(read.body);
  if (read.status !== 200 || !view.success)
    return { turn, error: `read: HTTP ${read.status}`, ended: false };
  return { turn, ended: view.data.status !== 'in_progress' };
}

/** Plays one chat to its end, the turn limit or the deadline. */
async function playChat(
  client: BenchClient,
  opts: {
    tag: string;
    scenarioId: string;
    turns: number;
    thinkMs: number;
    /** Delay before this chat starts (its place in the level's ramp-up). */
    startDelayMs: number;
    deadline: number;
    onTurn: () => void;
  },
): Promise<ChatRecord> {
  const chat: ChatRecord = {
    tag: opts.tag,
    attemptId: null,
    startMs: null,
    turns: [],
    errors: [],
    endedEarly: false,
  };
  const [fastest, slowest] = thinkRangeMs(opts.thinkMs);
  const think = () => sleep(fastest + Math.random() * (slowest - fastest));
  try {
    await sleep(opts.startDelayMs);
    await think();
    const started = await client.request('POST', '/api/attempts', {
      scenarioId: opts.scenarioId,
      clientRequestId: `bench-${opts.tag}`,
    });
    chat.startMs = started.ms;
    const attempt = attemptAnswer.safeParse(started.body);
    if (started.status !== 201 || !attempt.success) {
      chat.errors.push(`start: HTTP ${started.status}`);
      return chat;
    }
    chat.attemptId = attempt.data.id;
    for (let i = 0; i < opts.turns && preciseNow() < opts.deadline; i++) {
      await think();
      const last = i + 1 === opts.turns;
      const played = await playTurn(client, attempt.data.id, learnerLine(opts.tag, i), i, last);
      chat.turns.push(played.turn);
      opts.onTurn();
      if (played.error) {
        chat.errors.push(played.error);
        return chat;
      }
      if (played.ended) {
        chat.endedEarly = i + 1 < opts.turns;
        return chat;
      }
    }
  } catch (err) {
    chat.errors.push(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  }
  return chat;
}

/** Ramp-up of a level (ms): the one asked for, else none (every chat starts at once). */
export function rampMs(ramp: number | null): number {
  return ramp ?? 0;
}

/** Runs `clients.length` chats at once, their starts spread evenly over `rampMs`. */
export async function runChats(
  clients: readonly BenchClient[],
  opts: {
    levelTag: string;
    scenarioId: string;
    turns: number;
    thinkMs: number;
    rampMs: number;
    deadline: number;
    onTurn: () => void;
  },
): Promise<ChatRecord[]> {
  return Promise.all(
    clients.map((client, i) =>
      playChat(client, {
        ...opts,
        tag: `${opts.levelTag}-${i}`,
        startDelayMs: (i * opts.rampMs) / clients.length,
      }),
    ),
  );
}
