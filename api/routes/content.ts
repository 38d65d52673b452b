/**
 * /api/content — the rubric packs, personas and scenarios the app was built with, their
 * validation status and coverage. Content is shared product content (the same files for every
 * organisation), so any designer or admin may read it. Personas and scenarios can also be edited
 * as YAML: each save is a stored version of the designer's organisation (the files never change),
 * listed, read and downloaded with the shipped file's version.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { contentId } from '../content/schemas.ts';
import { contentSummary } from '../content/summary.ts';
import { AppError } from '../lib/errors.ts';
import { validate } from '../lib/validate.ts';
import { actorOf, requireRoles } from '../middleware/guards.ts';
import { MAX_CONTENT_YAML_BYTES } from '../content/edit.ts';
import { semver } from '../content/schemas.ts';
import {
  editIssues,
  listVersions,
  loadVersionText,
  saveVersion,
  upcomingVersion,
} from '../services/content/versions.ts';

const idParam = validate('param', z.strictObject({ id: contentId }));
const kinds = { personas: 'persona', scenarios: 'scenario' } as const;
const kindId = { kind: z.enum(['personas', 'scenarios']), id: contentId };
const kindParam = validate('param', z.strictObject(kindId));
const versionParam = validate('param', z.strictObject({ ...kindId, version: semver }));
// Characters, not bytes: the service checks the byte size and names the limit.
const yamlText = z.string().min(1).max(MAX_CONTENT_YAML_BYTES);
const validateBody = validate('json', z.strictObject({ yaml: yamlText }));
const saveBody = validate(
  'json',
  z.strictObject({ yaml: yamlText, basedOnVersion: semver, note: z.string().max(500).optional() }),
);

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
  })
  .get('/:kind/:id/versions', kindParam, async (c) => {
    const { kind, id } = c.req.valid('param');
    const versions = await listVersions(c.var.deps, actorOf(c), kinds[kind], id);
    return c.json({ versions });
  })
  .get('/:kind/:id/versions/:version', versionParam, async (c) => {
    const { kind, id, version } = c.req.valid('param');
    return c.json({
      version: await loadVersionText(c.var.deps, actorOf(c), kinds[kind], id, version),
    });
  })
  .get('/:kind/:id/versions/:version/yaml', versionParam, async (c) => {
    const { kind, id, version } = c.req.valid('param');
    const text = await loadVersionText(c.var.deps, actorOf(c), kinds[kind], id, version);
    // A download, never a page: the YAML is designer text.
    c.header('Content-Type', 'text/yaml; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${id}-${version}.yaml"`);
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(text.yaml);
  })
  .post('/:kind/:id/validate', kindParam, validateBody, async (c) => {
    const { kind, id } = c.req.valid('param');
    // A check, not a save: invalid YAML is a normal answer here (200 with the issues).
    const issues = editIssues(c.var.deps.content, kinds[kind], id, c.req.valid('json').yaml);
    const next =
      issues.length === 0 ? await upcomingVersion(c.var.deps, actorOf(c), kinds[kind], id) : null;
    return c.json({ valid: issues.length === 0, nextVersion: next, issues });
  })
  .post('/:kind/:id/versions', kindParam, saveBody, async (c) => {
    const { kind, id } = c.req.valid('param');
    const body = c.req.valid('json');
    const saved = await saveVersion(c.var.deps, actorOf(c), { kind: kinds[kind], id, ...body });
    return c.json({ version: saved }, 201);
  });
