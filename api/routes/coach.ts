/**
 * /api/coach — the coach's queue of their learners' graded attempts, their groups, and practice
 * assignments. Comments go through /api/review/attempts/:id/comments.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../deps.ts';
import { validate } from '../lib/validate.ts';
import { actorOf, requireRoles } from '../middleware/guards.ts';
import { assignmentInput, createAssignment } from '../services/coach/assignments.ts';
import { coachGroups } from '../services/coach/groups.ts';
import { coachQueue, coachQueueQuery } from '../services/coach/queue.ts';

export const coachRoutes = new Hono<AppEnv>()
  .get('/queue', requireRoles('coach'), validate('query', coachQueueQuery), async (c) =>
    c.json({ attempts: await coachQueue(c.var.deps, actorOf(c), c.req.valid('query')) }),
  )
  .get('/groups', requireRoles('coach'), async (c) =>
    c.json({ groups: await coachGroups(c.var.deps.db, actorOf(c)) }),
  )
  .post('/assignments', requireRoles('coach'), validate('json', assignmentInput), async (c) =>
    c.json(await createAssignment(c.var.deps, actorOf(c), c.req.valid('json')), 201),
  );
