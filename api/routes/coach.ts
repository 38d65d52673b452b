/**
 * /api/coach — the coach's queue of their learners' graded attempts, their groups, practice
 * assignments, and a learner's progress over time. Comments go through
 * /api/review/attempts/:id/comments.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { validate } from '../lib/validate.ts';
import { actorOf, requireRoles } from '../middleware/guards.ts';
import {
  assignmentInput,
  cancelAssignment,
  coachAssignments,
  createAssignment,
} from '../services/coach/assignments.ts';
import { coachGroups } from '../services/coach/groups.ts';
import { loadLearnerFor } from '../services/coach/learner-access.ts';
import { learnerProgress } from '../services/coach/progress.ts';
import { coachQueue, coachQueueQuery } from '../services/coach/queue.ts';

const idParam = z.strictObject({ id: z.string().min(1).max(64) });

export const coachRoutes = new Hono<AppEnv>()
  .get('/queue', requireRoles('coach'), validate('query', coachQueueQuery), async (c) =>
    c.json({ attempts: await coachQueue(c.var.deps, actorOf(c), c.req.valid('query')) }),
  )
  .get('/groups', requireRoles('coach'), async (c) =>
    c.json({ groups: await coachGroups(c.var.deps.db, actorOf(c)) }),
  )
  .get('/assignments', requireRoles('coach'), async (c) =>
    c.json({ assignments: await coachAssignments(c.var.deps, actorOf(c)) }),
  )
  .post('/assignments', requireRoles('coach'), validate('json', assignmentInput), async (c) =>
    c.json(await createAssignment(c.var.deps, actorOf(c), c.req.valid('json')), 201),
  )
  .delete('/assignments/:id', requireRoles('coach'), validate('param', idParam), async (c) =>
    c.json(await cancelAssignment(c.var.deps, actorOf(c), c.req.valid('param').id)),
  )
  .get(
    '/learners/:id/progress',
    requireRoles('coach', 'assessor', 'admin'),
    validate('param', idParam),
    async (c) => {
      const actor = actorOf(c);
      const learner = await loadLearnerFor(c.var.deps.db, actor, c.req.valid('param').id);
      return c.json(await learnerProgress(c.var.deps, actor.organisationId, learner));
    },
  );
