/**
 * /api/review — the assessor's work: the queue, an attempt's review page data, criterion
 * decisions (confirm / override), void, sign-off, and comments (coaches and assessors).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { validate } from '../lib/validate.ts';
import { actorOf, requireRoles } from '../middleware/guards.ts';
import { loadAttemptFor } from '../services/roleplay/access.ts';
import { agreementPeriod, agreementQuery, agreementReport } from '../services/review/agreement.ts';
import { exportQuery, runExport } from '../services/review/export.ts';
import { exportScopes } from '../services/review/export-scopes.ts';
import { addComment, commentInput } from '../services/review/comments.ts';
import { decisionInput, recordDecision } from '../services/review/decide.ts';
import { signOffAttempt, signOffInput, voidAttempt, voidInput } from '../services/review/lock.ts';
import { assessorQueue } from '../services/review/queue.ts';
import { reviewView } from '../services/review/view.ts';

const attemptParam = z.strictObject({ id: z.string().min(1).max(64) });

export const reviewRoutes = new Hono<AppEnv>()
  .get('/queue', requireRoles('assessor'), async (c) =>
    c.json({ attempts: await assessorQueue(c.var.deps, actorOf(c)) }),
  )
  .get(
    '/agreement',
    requireRoles('assessor', 'designer', 'admin'),
    validate('query', agreementQuery),
    async (c) =>
      c.json(await agreementReport(c.var.deps, actorOf(c), agreementPeriod(c.req.valid('query')))),
  )
  .get('/export-scopes', requireRoles('assessor', 'admin'), async (c) =>
    c.json(await exportScopes(c.var.deps, actorOf(c))),
  )
  .get('/exports', requireRoles('assessor', 'admin'), validate('query', exportQuery), async (c) => {
    const q = c.req.valid('query');
    const { contentType, body } = await runExport(c.var.deps, actorOf(c), q);
    c.header('Content-Type', contentType);
    c.header(
      'Content-Disposition',
      `attachment; filename="rapport-${q.scope}-${q.id.replace(/[^A-Za-z0-9_-]/g, '')}.${q.format}"`,
    );
    return c.body(body);
  })
  .get(
    '/attempts/:id',
    requireRoles('assessor', 'coach', 'admin'),
    validate('param', attemptParam),
    async (c) => {
      const actor = actorOf(c);
      const attempt = await loadAttemptFor(c.var.deps.db, actor, c.req.valid('param').id, 'read');
      return c.json(await reviewView(c.var.deps, actor, attempt));
    },
  )
  .post(
    '/attempts/:id/decisions',
    requireRoles('assessor'),
    validate('param', attemptParam),
    validate('json', decisionInput),
    async (c) =>
      c.json(
        await recordDecision(c.var.deps, actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .post(
    '/attempts/:id/void',
    requireRoles('assessor'),
    validate('param', attemptParam),
    validate('json', voidInput),
    async (c) =>
      c.json(
        await voidAttempt(c.var.deps, actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .post(
    '/attempts/:id/sign-offs',
    requireRoles('assessor'),
    validate('param', attemptParam),
    validate('json', signOffInput),
    async (c) =>
      c.json(
        await signOffAttempt(c.var.deps, actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .post(
    '/attempts/:id/comments',
    requireRoles('coach', 'assessor'),
    validate('param', attemptParam),
    validate('json', commentInput),
    async (c) => {
      const actor = actorOf(c);
      const attempt = await loadAttemptFor(c.var.deps.db, actor, c.req.valid('param').id, 'read');
      return c.json(await addComment(c.var.deps, actor, attempt, c.req.valid('json')), 201);
    },
  );
