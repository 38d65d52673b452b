/**
 * Opt-in performance trace for `npm run bench` investigations (RAPPORT_PERF_TRACE=<file>):
 * per-stage durations of named operations and the event loop's delay, aggregated and appended
 * to the file as one JSON line every second. Off by default: every call is then a no-op.
 */
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

interface Trace {
  file: string;
  samples: Map<string, number[]>;
  arrivals: WeakMap<object, number>;
  flush: () => void;
  stop: () => void;
}

let trace: Trace | null = null;
const connections = new WeakMap<object, number>();

/** Starts tracing to `file` (called once by the Node entry when the env var is set). */
export function enablePerfTrace(file: string): void {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const samples = new Map<string, number[]>();
  let last = performance.now();
  // Drift of a 100 ms interval also catches single long blocks.
  let blockedMs = 0;
  let maxBlockMs = 0;
  const drift = setInterval(() => {
    const now = performance.now();
    const late = now - last - 100;
    if (late > 20) blockedMs += late;
    maxBlockMs = Math.max(maxBlockMs, late);
    last = now;
  }, 100);
  drift.unref();
  const flush = () => {
    const stages: Record<
      string,
      { n: number; p50: number; p95: number; max: number; sum: number }
    > = {};
    for (const [name, values] of samples) {
      const sorted = [...values].sort((a, b) => a - b);
      const at = (q: number) =>
        sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      stages[name] = {
        n: sorted.length,
        p50: Math.round(at(0.5) * 10) / 10,
        p95: Math.round(at(0.95) * 10) / 10,
        max: Math.round(at(1) * 10) / 10,
        sum: Math.round(sorted.reduce((a, b) => a + b, 0)),
      };
    }
    samples.clear();
    const line = {
      t: Math.round(performance.now()),
      loopP99: Math.round(loop.percentile(99) / 1e6),
      loopMax: Math.round(loop.max / 1e6),
      blockedMs: Math.round(blockedMs),
      maxBlockMs: Math.round(maxBlockMs),
      stages,
    };
    loop.reset();
    blockedMs = 0;
    maxBlockMs = 0;
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  };
  const every = setInterval(flush, 1000);
  every.unref();
  const stop = () => {
    clearInterval(drift);
    clearInterval(every);
    loop.disable();
  };
  trace = { file, samples, arrivals: new WeakMap(), flush, stop };
}

/** Writes the figures gathered since the last line now (tests, shutdown). */
export function flushPerfTrace(): void {
  trace?.flush();
}

/** Stops tracing (tests); later calls are no-ops again. */
export function disablePerfTrace(): void {
  trace?.stop();
  trace = null;
}

/** Records a duration (ms) under `name`. */
export function traceStage(name: string, ms: number): void {
  if (!trace) return;
  let list = trace.samples.get(name);
  if (!list) trace.samples.set(name, (list = []));
  list.push(ms);
}

/**
 * Notes when a request reached the app (keyed by its Request object) and, for the first request
 * of a connection, how long after the server accepted that connection it arrived.
 */
export function traceArrival(req: object, socket?: object): void {
  if (!trace) return;
  const now = performance.now();
  trace.arrivals.set(req, now);
  const accepted = socket ? connections.get(socket) : undefined;
  if (accepted !== undefined) {
    traceStage('http.accept→first request', now - accepted);
    connections.delete(socket!);
  }
}

/** When `req` reached the app, or now when not traced. */
export function arrivalOf(req: object): number {
  return trace?.arrivals.get(req) ?? performance.now();
}

/** True while tracing. */
export function perfTraceOn(): boolean {
  return trace !== null;
}

/** Times every statement and batch of a libSQL client (call → settled) under `sql.*`. */
export function traceClient(client: {
  execute: (...a: never[]) => Promise<unknown>;
  batch: (...a: never[]) => Promise<unknown>;
}): void {
  for (const method of ['execute', 'batch'] as const) {
    const original = client[method].bind(client) as (...a: unknown[]) => Promise<unknown>;
    const wrapped = async (...args: unknown[]) => {
      const t0 = performance.now();
      try {
        return await original(...args);
      } catch (err) {
        traceStage(
          `sql.error.${err instanceof Error && 'code' in err ? String(err.code) : 'other'}`,
          0,
        );
        throw err;
      } finally {
        const ms = performance.now() - t0;
        traceStage(`sql.${method}`, ms);
        const first = args[0];
        const text = (typeof first === 'string' ? first : (JSON.stringify(first) ?? '')).slice(
          0,
          120,
        );
        // Counts and time by statement text show which statements a chat turn repeats.
        if (text) traceStage(`sql.text ${text}`, ms);
        if (ms > 200) traceStage(`sql.slow ${text}`, ms);
      }
    };
    (client as unknown as Record<string, unknown>)[method] = wrapped;
  }
}

/** Notes when the server accepted a connection (while tracing). */
export function traceConnection(socket: object): void {
  if (trace) connections.set(socket, performance.now());
}
