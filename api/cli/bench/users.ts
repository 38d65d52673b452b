/**
 * Benchmark users. The app limits each user to 30 learner messages a minute, so the benchmark
 * signs in one learner per concurrent chat: the demo admin creates them through the admin API
 * (POST /api/admin/users returns a one-time password) and each signs in with it.
 */
import { z } from 'zod';
import { BenchClient } from './http-client.ts';

const inviteAnswer = z.object({ oneTimePassword: z.string().min(1) });

/** Runs `work` over `items` with at most `limit` at a time. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!, i);
    }
  });
  await Promise.all(runners);
  return out;
}

/** Signs in the demo admin. */
export async function signInAdmin(baseUrl: string, password: string): Promise<BenchClient> {
  const admin = new BenchClient(baseUrl);
  if (!(await admin.signIn('admin@demo.rapport.test', password)))
    throw new Error('the demo admin could not sign in');
  return admin;
}

/** Creates `count` learners (four at a time) and returns a signed-in client for each. */
export async function createLearners(
  admin: BenchClient,
  count: number,
  runId: string,
  onEach: () => void = () => {},
): Promise<BenchClient[]> {
  return mapLimit(
    Array.from({ length: count }, (_, i) => i),
    4,
    async (i) => {
      const email = `bench-${runId}-${i}@bench.rapport.test`;
      const res = await admin.request('POST', '/api/admin/users', {
        email,
        name: `Bench Learner ${i}`,
        roles: ['learner'],
      });
      const answer = inviteAnswer.safeParse(res.body);
      if (res.status !== 201 || !answer.success)
        throw new Error(`creating ${email} failed with HTTP ${res.status}`);
      const client = new BenchClient(admin.baseUrl);
      if (!(await client.signIn(email, answer.data.oneTimePassword)))
        throw new Error(`${email} could not sign in`);
      onEach();
      return client;
    },
  );
}
