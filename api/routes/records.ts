/**
 * /api/records — the printable evidence record of a learner against one standard. The learner
 * reads their own; their coaches, and assessors and admins of the organisation, read anyone's.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { validate } from '../lib/validate.ts';
import { actorOf, signedIn } from '../middleware/guards.ts';
import { evidenceRecord } from '../services/portfolio/record.ts';

const recordParam = z.strictObject({
  learnerId: z.string().min(1).max(64),
  rubricId: z.string().min(1).max(80),
});

export const recordRoutes = new Hono<AppEnv>().get(
  '/learners/:learnerId/standards/:rubricId',
  signedIn,
  validate('param', recordParam),
  async (c) => {
    const { learnerId, rubricId } = c.req.valid('param');
    return c.json(await evidenceRecord(c.var.deps, actorOf(c), learnerId, rubricId));
  },
);
