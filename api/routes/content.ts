/**
 * /api/content — read-only view of the rubric packs, personas and scenarios the app was built
 * with, their validation status and coverage. Content is shared product content (the same
 * files for every organisation), so any designer or admin may read it.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { contentId } from '../content/schemas.ts';
import { contentSummary } from '../content/summary.ts';
import { AppError } from '../lib/errors.ts';
import { validate } from '../lib/validate.ts';
import { requireRoles } from '../middleware/guards.ts';

const idParam = validate('param', z.strictObject({ id: contentId }));

/** The item with this id, or NOT_FOUND naming what was looked for. */
function findOrThrow<T extends { id: string }>(items: T[], id: string, kind: string): T {
  const item = items.find((i) => i.id === id);
  if (!item) throw new AppError('NOT_FOUND', `No ${kind} with id "${id}".`);
  return item;
}

export const contentRoutes = new Hono<AppEnv>()
  .use(requireRoles('designer', 'admin'))
  .get('/', (c) => c.json(contentSummary(c.var.deps.content)))
  .get('/personas/:id', idParam, (c) => {
    const { id } = c.req.valid('param');
    return c.json({ persona: findOrThrow(c.var.deps.content.personas, id, 'persona') });
  })
  .get('/scenarios/:id', idParam, (c) => {
    const { id } = c.req.valid('param');
    return c.json({ scenario: findOrThrow(c.var.deps.content.scenarios, id, 'scenario') });
  })
  .get('/rubrics/:id', idParam, (c) => {
    const { id } = c.req.valid('param');
    return c.json({ rubric: findOrThrow(c.var.deps.content.rubrics, id, 'rubric pack') });
  });
