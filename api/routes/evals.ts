/**
 * /api/evals — eval suites and runs for designers: list suites, list and open runs, start a run
 * of one or more suites in the background (offline, or live when an LLM is configured), compare
 * two runs, and the persona playground. Eval runs are product data shared by every organisation
 * (like content), so any designer or admin may use them.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { contentId, semver } from '../content/schemas.ts';
import { compareRuns } from '../evals/compare.ts';
import { listRuns, loadRunDetail } from '../evals/run-queries.ts';
import { runOrganisation } from '../evals/live-store.ts';
import { loadRun } from '../evals/store.ts';
import { resultOfStoredRun, storedRunReport, type ReportFormat } from '../evals/report/stored.ts';
import { AppError } from '../lib/errors.ts';
import { limitRequest } from '../lib/limits.ts';
import { validate } from '../lib/validate.ts';
import { actorOf, requireRoles } from '../middleware/guards.ts';
import { createOfflinePersonaEngine } from '../roleplay/offline-engine.ts';
import { PersonaModelError } from '../roleplay/persona-errors.ts';
import { assertBudgetLeft, meteredEngine, recordLlmUsage } from '../services/llm-budget.ts';
import { loadVersionCard } from '../services/content/versions.ts';
import { loadOverrides } from '../services/evals/stored-content.ts';
import { playPlayground } from '../services/evals/playground.ts';
import { liveView, mergeRuns, storedView } from '../services/evals/run-views.ts';
import { startEvalRun } from '../services/evals/start-run.ts';
import { MAX_TURN_CHARS } from '../transcript/schema.ts';

/** Learner turns the playground plays at most. */
export const MAX_PLAYGROUND_TURNS = 30;

const runId = z.string().min(1).max(100);
const idParam = validate('param', z.strictObject({ id: runId }));
const listQuery = validate(
  'query',
  z.strictObject({
    suite: contentId.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
);
const startBody = validate(
  'json',
  z.strictObject({
    suites: z.array(contentId).min(1).max(10),
    live: z.boolean().default(false),
    /** Stored persona/scenario versions of the designer's organisation to run instead of the files. */
    content: z
      .array(
        z.strictObject({
          kind: z.enum(['persona', 'scenario']),
          id: contentId,
          version: semver,
        }),
      )
      .max(20)
      .default([]),
  }),
);
const compareQuery = validate('query', z.strictObject({ a: runId, b: runId }));
const playgroundBody = validate(
  'json',
  z.strictObject({
    scenarioId: contentId,
    /** A stored version of the scenario (or of its persona) to play instead of the file. */
    scenarioVersion: semver.optional(),
    personaVersion: semver.optional(),
    turns: z.array(z.string().max(MAX_TURN_CHARS)).max(MAX_PLAYGROUND_TURNS),
    live: z.boolean().default(false),
  }),
);

const NO_RUNNER =
  'Eval runs are not available on this server: the suites are read from the repository, which only the Node server has.';
const NO_LLM =
  'Live runs need an LLM provider (set OPENAI_API_KEY); this server is in offline mode. Run offline instead.';

/** The eval source and run registry, or CONFLICT when this runtime has none. */
function evalsOf(c: Context<AppEnv>) {
  const evals = c.var.deps.evals;
  if (!evals) throw new AppError('CONFLICT', NO_RUNNER);
  return evals;
}

/**
 * A stored run as the caller may see it: runs on an organisation's stored content versions are
 * private to that organisation (to anyone else they do not exist); other runs are shared.
 */
function visibleOrNull<T extends { organisationId: string | null }>(
  c: Context<AppEnv>,
  run: T | null,
): T | null {
  if (!run) return null;
  return run.organisationId === null || run.organisationId === actorOf(c).organisationId
    ? run
    : null;
}

/**
 * Sends one report of a finished run as a download. The HTML report holds transcripts (hostile
 * text, escaped), so it is never shown as a page of the app: an attachment under the app's
 * strict CSP, with its own CSP inside for when the file is opened.
 */
async function reportDownload(c: Context<AppEnv>, id: string, format: ReportFormat) {
  const detail = visibleOrNull(c, await loadRunDetail(c.var.deps.db, id));
  if (!detail) throw new AppError('NOT_FOUND', `No stored eval run "${id}".`);
  const result = resultOfStoredRun(detail);
  if (!result) throw new AppError('CONFLICT', `Eval run "${id}" has not finished yet.`);
  const report = storedRunReport(result, format);
  c.header('Content-Type', report.contentType);
  c.header('Content-Disposition', `attachment; filename="${report.fileName}"`);
  c.header('X-Content-Type-Options', 'nosniff');
  return c.body(report.body);
}

/** A finished, stored run for comparing; NOT_FOUND or CONFLICT (still running) otherwise. */
async function storedRunOrThrow(c: Context<AppEnv>, id: string) {
  const run = await loadRun(c.var.deps.db, id);
  const owner = await runOrganisation(c.var.deps.db, id);
  if (run && (owner === null || owner === actorOf(c).organisationId)) return run;
  if (c.var.deps.evals?.runs.get(id)?.finishedAt === null)
    throw new AppError('CONFLICT', `Eval run "${id}" has not finished yet.`);
  throw new AppError('NOT_FOUND', `No stored eval run "${id}".`);
}

export const evalRoutes = new Hono<AppEnv>()
  .use(requireRoles('designer', 'admin'))
  .get('/suites', async (c) => {
    const evals = c.var.deps.evals;
    const listing = evals ? await evals.source.listSuites() : { suites: [], issues: [] };
    return c.json({
      ...listing,
      canRun: evals !== undefined,
      canRunLive: evals !== undefined && c.var.deps.llm !== null,
      reason: evals ? null : NO_RUNNER,
    });
  })
  .get('/runs', listQuery, async (c) => {
    const { suite, limit } = c.req.valid('query');
    const { organisationId } = actorOf(c);
    const stored = await listRuns(c.var.deps.db, { suite, limit, organisationId });
    // Every web run is stored when it starts; this process only adds which ones are queued.
    const shown = new Set(stored.map((r) => r.runId));
    const live = (c.var.deps.evals?.runs.list() ?? []).filter((r) => shown.has(r.runId));
    return c.json({ runs: mergeRuns(stored, live, limit) });
  })
  .get('/runs/:id', idParam, async (c) => {
    const { id } = c.req.valid('param');
    const live = c.var.deps.evals?.runs.get(id);
    const detail = visibleOrNull(c, await loadRunDetail(c.var.deps.db, id));
    if (!detail) throw new AppError('NOT_FOUND', `No eval run "${id}".`);
    const { versions, cases, ...row } = detail;
    return c.json({ run: storedView(row, live), versions, cases });
  })
  .get('/runs/:id/report.json', idParam, (c) => reportDownload(c, c.req.valid('param').id, 'json'))
  .get('/runs/:id/report.xml', idParam, (c) => reportDownload(c, c.req.valid('param').id, 'xml'))
  .get('/runs/:id/report.html', idParam, (c) => reportDownload(c, c.req.valid('param').id, 'html'))
  .post('/runs', startBody, async (c) => {
    const { suites, live, content } = c.req.valid('json');
    const actor = actorOf(c);
    const deps = c.var.deps;
    const evals = evalsOf(c);
    if (live && !deps.llm) throw new AppError('CONFLICT', NO_LLM);
    limitRequest(c, 'evalRun', actor.userId, 'eval runs');
    const overrides = await loadOverrides(deps, actor, content);
    const started = await startEvalRun(
      {
        db: deps.db,
        source: evals.source,
        runs: evals.runs,
        logger: deps.logger,
        now: () => deps.clock.now().getTime(),
        newRunId: () => `ev_${crypto.randomUUID()}`,
      },
      {
        suiteIds: suites,
        live,
        startedBy: actor.userId,
        // Runs on stored versions show the organisation's edits: they stay within it.
        ...(content.length > 0 ? { content: overrides, organisationId: actor.organisationId } : {}),
      },
    );
    // Keeps the run alive past the response (Workers' waitUntil, tracked on Node).
    if (deps.background) deps.background(started.work);
    return c.json({ runs: started.runs.map(liveView) }, 202);
  })
  .get('/compare', compareQuery, async (c) => {
    const { a, b } = c.req.valid('query');
    const [before, after] = [await storedRunOrThrow(c, a), await storedRunOrThrow(c, b)];
    if (before.suite !== after.suite) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Runs of different suites cannot be compared ("${before.suite}" and "${after.suite}").`,
      );
    }
    const comparison = compareRuns(before, after);
    const summaries = (run: typeof before, id: string) =>
      run.cases.find((x) => x.id === id)?.summary ?? null;
    return c.json({
      comparison: {
        ...comparison,
        caseChanges: comparison.caseChanges.map((ch) => ({
          ...ch,
          beforeSummary: summaries(before, ch.id),
          afterSummary: summaries(after, ch.id),
        })),
      },
    });
  })
  .post('/playground', playgroundBody, async (c) => {
    const { scenarioId, scenarioVersion, personaVersion, turns, live } = c.req.valid('json');
    const deps = c.var.deps;
    const actor = actorOf(c);
    const shipped = deps.content.scenarios.find((s) => s.id === scenarioId);
    if (!shipped) throw new AppError('NOT_FOUND', `No scenario with id "${scenarioId}".`);
    const scenario = scenarioVersion
      ? await loadVersionCard(deps, actor, 'scenario', scenarioId, scenarioVersion)
      : shipped;
    const persona = personaVersion
      ? await loadVersionCard(deps, actor, 'persona', scenario.persona, personaVersion)
      : deps.content.personas.find((p) => p.id === scenario.persona);
    if (!persona) throw new AppError('NOT_FOUND', `No persona with id "${scenario.persona}".`);
    if (live && !deps.llm) throw new AppError('CONFLICT', NO_LLM);
    // A live replay calls the model once per turn, so it counts against the message limit.
    if (live) {
      limitRequest(c, 'playground', actor.userId, 'playground replays');
      if (deps.persona.mode === 'llm') await assertBudgetLeft(deps, actor.organisationId);
    }
    const metered = meteredEngine(
      live || deps.persona.mode === 'offline' ? deps.persona : createOfflinePersonaEngine(),
    );
    try {
      return c.json(await playPlayground(metered.engine, { scenario, persona }, turns));
    } catch (err) {
      if (err instanceof PersonaModelError)
        throw new AppError('UPSTREAM_UNAVAILABLE', `The persona model failed: ${err.message}`);
      throw err;
    } finally {
      // Replies finished before a failure were paid for too.
      await recordLlmUsage(deps, actor.organisationId, metered.total);
    }
  });
