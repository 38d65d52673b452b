/**
 * /api/review/iqa — internal quality assurance: the second assessor's queue, claiming a sample
 * that awaits a second assessor, the blind view of a sample, verdicts, completion, and the
 * disagreements list (assessors and admins of the organisation).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { validate } from '../lib/validate.ts';
import { actorOf, requireRoles } from '../middleware/guards.ts';
import { iqaDisagreements } from '../services/review/iqa-compare.ts';
import {
  blindSampleView,
  claimSample,
  completeSample,
  iqaDecisionInput,
  iqaQueue,
  recordIqaDecision,
} from '../services/review/iqa.ts';

const sampleParam = z.strictObject({ id: z.string().min(1).max(64) });

export const iqaRoutes = new Hono<AppEnv>()
  .get('/queue', requireRoles('assessor'), async (c) =>
    c.json({ samples: await iqaQueue(c.var.deps, actorOf(c)) }),
  )
  .get('/disagreements', requireRoles('assessor', 'admin'), async (c) =>
    c.json({ disagreements: await iqaDisagreements(c.var.deps, actorOf(c)) }),
  )
  .get('/samples/:id', requireRoles('assessor'), validate('param', sampleParam), async (c) =>
    c.json(await blindSampleView(c.var.deps, actorOf(c), c.req.valid('param').id)),
  )
  .post('/samples/:id/claim', requireRoles('assessor'), validate('param', sampleParam), async (c) =>
    c.json(await claimSample(c.var.deps, actorOf(c), c.req.valid('param').id), 201),
  )
  .post(
    '/samples/:id/decisions',
    requireRoles('assessor'),
    validate('param', sampleParam),
    validate('json', iqaDecisionInput),
    async (c) =>
      c.json(
        await recordIqaDecision(
          c.var.deps,
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        201,
      ),
  )
  .post(
    '/samples/:id/complete',
    requireRoles('assessor'),
    validate('param', sampleParam),
    async (c) => c.json(await completeSample(c.var.deps, actorOf(c), c.req.valid('param').id)),
  );
