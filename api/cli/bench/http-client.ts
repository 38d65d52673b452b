/**
 * The benchmark's HTTP client for one signed-in user: JSON requests with the session cookie and
 * a timed SSE reader (each event stamped when its bytes arrived).
 */
import { preciseNow } from './fake-openai.ts';

/** One server-sent event and when it was read. */
export interface TimedEvent {
  event: string;
  data: string;
  at: number;
}

/** A JSON response with its round-trip time. */
export interface TimedResponse {
  status: number;
  body: unknown;
  ms: number;
}

/** One user's session against the app. */
export class BenchClient {
  private cookie = '';

  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 60_000,
  ) {}

  /** Sends a JSON request; never throws for HTTP errors (the status says). */
  async request(method: string, path: string, body?: unknown): Promise<TimedResponse> {
    const started = preciseNow();
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        origin: this.baseUrl,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const setCookies = res.headers.getSetCookie();
    if (setCookies.length > 0) {
      this.cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, ms: preciseNow() - started };
  }

  /** Signs in with email and password; true on success. */
  async signIn(email: string, password: string): Promise<boolean> {
    const res = await this.request('POST', '/api/auth/sign-in/email', { email, password });
    return res.status === 200 && this.cookie !== '';
  }

  /** Reads an SSE stream to its end (or `timeoutMs`), stamping each event on arrival. */
  async readEvents(path: string): Promise<{ status: number; events: TimedEvent[] }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      headers: { cookie: this.cookie, accept: 'text/event-stream' },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const events: TimedEvent[] = [];
    if (!res.ok || !res.body) return { status: res.status, events };
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const bytes of res.body) {
      const at = preciseNow();
      buffer += decoder.decode(bytes, { stream: true });
      for (let split = buffer.indexOf('\n\n'); split !== -1; split = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, split);
        buffer = buffer.slice(split + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
        }
        if (data.length > 0) events.push({ event, data: data.join('\n'), at });
      }
    }
    return { status: res.status, events };
  }
}
