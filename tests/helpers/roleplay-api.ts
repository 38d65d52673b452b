/**
 * Small helpers to drive the roleplay API in tests: start an attempt, send a message and read
 * the streamed reply to its end.
 */
import type { TestApp } from './test-app.ts';

let counter = 0;
/** A fresh client id (message, event or request). */
export const clientId = (prefix = 'cid') => `${prefix}-${Date.now().toString(36)}-${++counter}`;

/** A scenario every test can use (a plain BAU chat). */
export const TEST_SCENARIO = 'energy-move-in';

const jsonInit = (method: string, cookie: string, body?: unknown): RequestInit => ({
  method,
  headers: { cookie, 'content-type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
});

/** Starts an attempt and returns its id. */
export async function startAttemptAs(
  t: TestApp,
  cookie: string,
  scenarioId = TEST_SCENARIO,
): Promise<string> {
  const res = await t.app.request(
    '/api/attempts',
    jsonInit('POST', cookie, { scenarioId, clientRequestId: clientId('start') }),
  );
  if (res.status !== 201) throw new Error(`start failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** Sends a learner message; returns the reply id. */
export async function sendAs(
  t: TestApp,
  cookie: string,
  attemptId: string,
  text: string,
): Promise<string> {
  const res = await t.app.request(
    `/api/attempts/${attemptId}/messages`,
    jsonInit('POST', cookie, { clientMessageId: clientId('msg'), text }),
  );
  if (res.status !== 201) throw new Error(`send failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { reply: { id: string } }).reply.id;
}

/** Parsed SSE events of a finished stream. */
export interface SseEvent {
  event: string;
  id?: string;
  data: unknown;
}

/** Parses an SSE body into events. */
export function parseSse(body: string): SseEvent[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const e: SseEvent = { event: 'message', data: null };
      for (const line of block.split('\n')) {
        const [field, ...rest] = line.split(':');
        const value = rest.join(':').replace(/^ /, '');
        if (field === 'event') e.event = value;
        else if (field === 'id') e.id = value;
        else if (field === 'data') e.data = JSON.parse(value);
      }
      return e;
    });
}

/** Reads a reply's stream to its end. */
export async function readReply(
  t: TestApp,
  cookie: string,
  attemptId: string,
  replyId: string,
  lastEventId?: string,
) {
  const headers: Record<string, string> = { cookie };
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  const res = await t.app.request(`/api/attempts/${attemptId}/replies/${replyId}/stream`, {
    headers,
  });
  return { status: res.status, events: res.status === 200 ? parseSse(await res.text()) : [] };
}

/** Ends an attempt. */
export async function endAs(t: TestApp, cookie: string, attemptId: string) {
  return t.app.request(`/api/attempts/${attemptId}/end`, jsonInit('POST', cookie));
}

export { jsonInit };
