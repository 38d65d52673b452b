/**
 * /api/attempts — the learner's roleplay: start, read, send a message, stream the customer's
 * reply (SSE, resumable), retry a failed reply, log system use, end, case notes, submit.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { AppError } from '../lib/errors.ts';
import { limitRequest } from '../lib/limits.ts';
import { validate } from '../lib/validate.ts';
import { actorOf, requireRoles, signedIn } from '../middleware/guards.ts';
import { loadAttemptFor } from '../services/roleplay/access.ts';
import {
  attemptView,
  endAttempt,
  listOwnAttempts,
  saveCaseNotes,
  startAttempt,
  submitAttempt,
} from '../services/roleplay/attempts.ts';
import { caseNotesSchema } from '../services/roleplay/case-notes.ts';
import { recordSystemEvent, systemEventInput } from '../services/roleplay/events.ts';
import { resetFailedReply, startReply } from '../services/roleplay/generate.ts';
import { checkReplyBudget } from '../services/roleplay/reply-budget.ts';
import { arrivalOf, traceStage } from '../lib/perf-trace.ts';
import { sendMessage } from '../services/roleplay/send.ts';
import { queueGradings, runDueGradings } from '../services/grading/jobs.ts';
import { streamReply } from '../services/roleplay/stream.ts';
import { MAX_TURN_CHARS } from '../transcript/schema.ts';

const clientId = z
  .string()
  .min(8)
  .max(80)
  .regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, - or _');
const attemptParam = z.strictObject({ id: z.string().min(1).max(64) });
const replyParam = z.strictObject({
  id: z.string().min(1).max(64),
  replyId: z.string().min(1).max(64),
});

const messageBody = z.strictObject({
  clientMessageId: clientId,
  text: z
    .string()
    .max(MAX_TURN_CHARS, `a message can be at most ${MAX_TURN_CHARS} characters`)
    .refine((t) => t.trim().length > 0, 'a message cannot be empty'),
});

export const attemptRoutes = new Hono<AppEnv>()
  .get('/', requireRoles('learner'), async (c) =>
    c.json({ attempts: await listOwnAttempts(c.var.deps, actorOf(c)) }),
  )
  .post(
    '/',
    requireRoles('learner'),
    validate(
      'json',
      z.strictObject({ scenarioId: z.string().min(1).max(80), clientRequestId: clientId }),
    ),
    async (c) => {
      const h0 = performance.now();
      traceStage('start.arrival→handler', h0 - arrivalOf(c.req.raw));
      const { attempt, created } = await startAttempt(c.var.deps, actorOf(c), c.req.valid('json'));
      const view = await attemptView(c.var.deps, attempt);
      traceStage('start.total', performance.now() - arrivalOf(c.req.raw));
      return c.json(view, created ? 201 : 200);
    },
  )
  .get('/:id', signedIn, validate('param', attemptParam), async (c) => {
    const attempt = await loadAttemptFor(
      c.var.deps.db,
      actorOf(c),
      c.req.valid('param').id,
      'read',
    );
    return c.json(await attemptView(c.var.deps, attempt, actorOf(c)));
  })
  .post(
    '/:id/messages',
    signedIn,
    validate('param', attemptParam),
    validate('json', messageBody),
    async (c) => {
      const t0 = performance.now();
      traceStage('send.arrival→handler', t0 - arrivalOf(c.req.raw));
      const actor = actorOf(c);
      const deps = c.var.deps;
      const attempt = await loadAttemptFor(deps.db, actor, c.req.valid('param').id, 'write');
      const t1 = performance.now();
      traceStage('send.loadAttempt', t1 - t0);
      const body = c.req.valid('json');
      limitRequest(c, 'send', actor.userId, 'messages');
      const result = await sendMessage(deps, attempt, body, {
        beforeStore: () => checkReplyBudget(deps, attempt.organisationId),
      });
      const t2 = performance.now();
      traceStage('send.store', t2 - t1);
      // A new message had its budget checked before it was stored; a retried send had not.
      if (result.reply.status === 'pending')
        await startReply(deps, attempt.id, result.reply.id, { budgetChecked: result.created });
      const t3 = performance.now();
      traceStage('send.claim', t3 - t2);
      traceStage('send.total', t3 - arrivalOf(c.req.raw));
      return c.json(result, result.created ? 201 : 200);
    },
  )
  .get('/:id/replies/:replyId/stream', signedIn, validate('param', replyParam), async (c) => {
    const { id, replyId } = c.req.valid('param');
    const attempt = await loadAttemptFor(c.var.deps.db, actorOf(c), id, 'read');
    return streamReply(c, attempt, replyId);
  })
  .post('/:id/replies/:replyId/retry', signedIn, validate('param', replyParam), async (c) => {
    const { id, replyId } = c.req.valid('param');
    const deps = c.var.deps;
    const attempt = await loadAttemptFor(deps.db, actorOf(c), id, 'write');
    await checkReplyBudget(deps, attempt.organisationId);
    if (!(await resetFailedReply(deps, replyId))) {
      throw new AppError('CONFLICT', 'Only a failed reply can be retried.');
    }
    await startReply(deps, attempt.id, replyId, { budgetChecked: true });
    return c.json({ replyId, status: 'pending' as const }, 202);
  })
  .post(
    '/:id/events',
    signedIn,
    validate('param', attemptParam),
    validate('json', systemEventInput),
    async (c) => {
      const deps = c.var.deps;
      const attempt = await loadAttemptFor(deps.db, actorOf(c), c.req.valid('param').id, 'write');
      const { event, created } = await recordSystemEvent(deps, attempt, c.req.valid('json'));
      return c.json(event, created ? 201 : 200);
    },
  )
  .post('/:id/end', signedIn, validate('param', attemptParam), async (c) => {
    const deps = c.var.deps;
    const actor = actorOf(c);
    const attempt = await loadAttemptFor(deps.db, actor, c.req.valid('param').id, 'write');
    return c.json(await attemptView(deps, await endAttempt(deps, actor, attempt)));
  })
  .put(
    '/:id/case-notes',
    signedIn,
    validate('param', attemptParam),
    validate('json', caseNotesSchema),
    async (c) => {
      const deps = c.var.deps;
      const attempt = await loadAttemptFor(deps.db, actorOf(c), c.req.valid('param').id, 'write');
      return c.json(await saveCaseNotes(deps, attempt, c.req.valid('json')));
    },
  )
  .post('/:id/submit', signedIn, validate('param', attemptParam), async (c) => {
    const deps = c.var.deps;
    const actor = actorOf(c);
    const attempt = await loadAttemptFor(deps.db, actor, c.req.valid('param').id, 'write');
    limitRequest(c, 'submit', actor.userId, 'submissions');
    const submitted = await submitAttempt(deps, actor, attempt);
    await queueGradings(deps, submitted);
    deps.background?.(runDueGradings(deps));
    return c.json(await attemptView(deps, submitted));
  });
