/**
 * The grading load: ends chats, saves case notes and submits them (at most `concurrency`
 * submissions in flight), then polls the attempts until every grading job is `graded` or
 * `grading_failed`, or the deadline passes.
 */
import { z } from 'zod';
import { preciseNow } from './fake-openai.ts';
import type { BenchClient } from './http-client.ts';
import { mapLimit } from './users.ts';

const gradingsAnswer = z.looseObject({
  gradings: z.array(z.looseObject({ id: z.string(), status: z.string() })),
});

/** One attempt to grade, with the client of its learner. */
export interface GradingTarget {
  client: BenchClient;
  attemptId: string;
}

/** What the grading load saw. */
export interface GradingLoadResult {
  submitted: number;
  jobs: number;
  graded: number;
  failed: number;
  unfinished: number;
  errors: string[];
  startedAt: number;
  endedAt: number;
}

const CASE_NOTES = {
  needed: 'Customer reported the service still not working after earlier contacts.',
  done: 'Checked identity, reviewed the notes from the last contact, asked what was tried.',
  agreed: 'I will chase the technical team and call the customer back.',
  followUp: 'Call the customer back with an update.',
  followUpOwner: 'Sam',
  followUpDue: 'tomorrow 10am',
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Submits the targets and waits for their gradings. */
export async function runGradings(
  targets: readonly GradingTarget[],
  opts: {
    concurrency: number;
    deadline: number;
    onSubmitted: () => void;
    onFinished: (n: number) => void;
  },
): Promise<GradingLoadResult> {
  const errors: string[] = [];
  const startedAt = preciseNow();
  await mapLimit(targets, opts.concurrency, async ({ client, attemptId }) => {
    const steps: [string, string, unknown][] = [
      ['POST', `/api/attempts/${attemptId}/end`, undefined],
      ['PUT', `/api/attempts/${attemptId}/case-notes`, CASE_NOTES],
      ['POST', `/api/attempts/${attemptId}/submit`, undefined],
    ];
    for (const [method, path, body] of steps) {
      const res = await client.request(method, path, body).catch((err: unknown) => ({
        status: 0,
        error: err instanceof Error ? err.message : String(err),
      }));
      if (res.status >= 300 || res.status === 0) {
        errors.push(`${method} ${path.replace(attemptId, ':id')}: HTTP ${res.status}`);
        return;
      }
    }
    opts.onSubmitted();
  });
  const statuses = new Map<string, string>();
  const pending = new Set(targets.map((t) => t.attemptId));
  while (pending.size > 0 && preciseNow() < opts.deadline) {
    await sleep(500);
    await mapLimit(
      targets.filter((t) => pending.has(t.attemptId)),
      8,
      async ({ client, attemptId }) => {
        const res = await client.request('GET', `/api/attempts/${attemptId}`);
        const view = gradingsAnswer.safeParse(res.body);
        if (res.status !== 200 || !view.success) return;
        for (const g of view.data.gradings) statuses.set(g.id, g.status);
        const done = view.data.gradings.every(
          (g) => g.status === 'graded' || g.status === 'grading_failed',
        );
        if (done) pending.delete(attemptId);
      },
    );
    opts.onFinished(
      [...statuses.values()].filter((s) => s === 'graded' || s === 'grading_failed').length,
    );
  }
  const all = [...statuses.values()];
  return {
    submitted: targets.length - errors.length,
    jobs: all.length,
    graded: all.filter((s) => s === 'graded').length,
    failed: all.filter((s) => s === 'grading_failed').length,
    unfinished: all.filter((s) => s === 'queued' || s === 'running').length,
    errors,
    startedAt,
    endedAt: preciseNow(),
  };
}
