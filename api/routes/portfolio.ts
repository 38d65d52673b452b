/**
 * /api/portfolio — the learner's evidence portfolio per standard and the feedback on one
 * attempt; coaches of the learner, assessors and admins may read a learner's portfolio too.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { validate } from '../lib/validate.ts';
import { actorOf, requireRoles, signedIn } from '../middleware/guards.ts';
import { attemptFeedback } from '../services/portfolio/feedback.ts';
import { learnerPortfolio } from '../services/portfolio/load.ts';
import { loadLearnerFor } from '../services/coach/learner-access.ts';
import { loadAttemptFor } from '../services/roleplay/access.ts';

const idParam = z.strictObject({ id: z.string().min(1).max(64) });

export const portfolioRoutes = new Hono<AppEnv>()
  .get('/', requireRoles('learner'), async (c) =>
    c.json(await learnerPortfolio(c.var.deps, actorOf(c).userId)),
  )
  .get(
    '/learners/:id',
    requireRoles('coach', 'assessor', 'admin'),
    validate('param', idParam),
    async (c) => {
      const learner = await loadLearnerFor(c.var.deps.db, actorOf(c), c.req.valid('param').id);
      return c.json(await learnerPortfolio(c.var.deps, learner.id));
    },
  )
  .get('/attempts/:id/feedback', signedIn, validate('param', idParam), async (c) => {
    const attempt = await loadAttemptFor(
      c.var.deps.db,
      actorOf(c),
      c.req.valid('param').id,
      'read',
    );
    return c.json(await attemptFeedback(c.var.deps, attempt));
  });
