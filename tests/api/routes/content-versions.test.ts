import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '#api/content/repo-root.ts';
import { auditLog } from '#api/db/schema.ts';
import type { ErrorEnvelope } from '#api/lib/errors.ts';
import type { VersionEntry, VersionText } from '#api/services/content/versions.ts';
import { createTestApp, TEST_NOW, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';
import { fixtureEvals } from '#tests/helpers/eval-fixtures.ts';

const PERSONA = 'aroha-ngata';
const SCENARIO = 'telco-broadband-dropouts';
const NOW = TEST_NOW.toISOString();

const read = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
const personaFile = () => readFile(join(repoRoot, 'prompts/personas', `${PERSONA}.yaml`), 'utf8');
const scenarioFile = () =>
  readFile(join(repoRoot, 'prompts/scenarios', `${SCENARIO}.yaml`), 'utf8');

function client(t: TestApp, cookie: string) {
  const send = (method: string, path: string, body: unknown) =>
    t.app.request(path, {
      method,
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return {
    get: (path: string) => t.app.request(path, { headers: { cookie } }),
    post: (path: string, body: unknown) => send('POST', path, body),
  };
}

const fileEntry = (version: string): VersionEntry => ({
  version,
  source: 'file',
  basedOnVersion: null,
  note: null,
  authorName: null,
  createdAt: null,
});

describe('stored versions of personas and scenarios', () => {
  let t: TestApp;
  let w: World;
  let designer: ReturnType<typeof client>;
  let foreign: ReturnType<typeof client>;
  beforeAll(async () => {
    t = await createTestApp({ evals: fixtureEvals().evals });
    w = await buildWorld(t);
    designer = client(t, w.cookies.designer ?? '');
    foreign = client(t, w.cookies.foreignAdmin ?? '');
  });
  afterAll(() => t.close());

  it('lists only the shipped file version before anything is saved', async () => {
    const res = await designer.get(`/api/content/personas/${PERSONA}/versions`);
    expect(res.status).toBe(200);
    expect(await read(res)).toEqual({ versions: [fileEntry('1.0.0')] });
  });

  it('reports every field error with its path, and saves nothing', async () => {
    const broken = (await personaFile())
      .replace('typos: some', 'typos: lots')
      .replace('patience: ', 'patience: -');
    const res = await designer.post(`/api/content/personas/${PERSONA}/validate`, {
      yaml: broken,
    });
    expect(res.status).toBe(200);
    const issues = [
      { path: 'voice.typos', message: expect.stringContaining('"none"') },
      { path: 'limits.patience', message: expect.stringContaining('>=1') },
    ];
    expect(await read(res)).toEqual({ valid: false, nextVersion: null, issues });
    const saved = await designer.post(`/api/content/personas/${PERSONA}/versions`, {
      yaml: broken,
      basedOnVersion: '1.0.0',
    });
    expect(saved.status).toBe(400);
    expect((await read<ErrorEnvelope>(saved)).error).toEqual({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/^Invalid persona: voice\.typos: .+ \(and 1 more\)$/),
      requestId: expect.any(String),
      details: { issues },
    });
    const list = await read(designer.get(`/api/content/personas/${PERSONA}/versions`));
    expect(list).toEqual({ versions: [fileEntry('1.0.0')] });
  });

  it('refuses YAML errors, custom tags, a changed id, bad references and oversized text', async () => {
    const issuesOf = async (kind: string, id: string, yaml: string) => {
      const res = await designer.post(`/api/content/${kind}/${id}/validate`, { yaml });
      const body = await read<{ valid: boolean; issues: unknown[] }>(res);
      return [res.status === 200 && !body.valid ? 400 : res.status, body.issues];
    };
    expect(await issuesOf('personas', PERSONA, 'id: [unclosed')).toEqual([
      400,
      [{ path: '', message: expect.stringMatching(/^YAML line 1, column \d+: /) }],
    ]);
    expect(
      await issuesOf(
        'personas',
        PERSONA,
        (await personaFile()).replace('name: Aroha', 'name: !!js/function Aroha'),
      ),
    ).toEqual([400, [{ path: '', message: expect.stringMatching(/^YAML .*tag/i) }]]);
    expect(await issuesOf('personas', PERSONA, '- a list\n- not a card\n')).toEqual([
      400,
      [{ path: '', message: 'the document must be a mapping (key: value lines)' }],
    ]);
    expect(
      await issuesOf(
        'personas',
        PERSONA,
        (await personaFile()).replace(`id: ${PERSONA}`, 'id: someone-else'),
      ),
    ).toEqual([
      400,
      [{ path: 'id', message: `must stay "${PERSONA}" (this edits persona "${PERSONA}")` }],
    ]);
    const scenario = (await scenarioFile())
      .replace(`persona: ${PERSONA}`, 'persona: nobody-here')
      .replace('rubrics: [core-webchat,', 'rubrics: [no-such-pack,');
    expect(await issuesOf('scenarios', SCENARIO, scenario)).toEqual([
      400,
      [
        { path: 'persona', message: 'unknown persona "nobody-here"' },
        { path: 'rubrics.0', message: 'unknown rubric pack "no-such-pack"' },
      ],
    ]);
    const huge = `${await personaFile()}\n# ${'x'.repeat(64 * 1024)}\n`;
    const res = await designer.post(`/api/content/personas/${PERSONA}/validate`, { yaml: huge });
    expect(res.status).toBe(400);
    const justOver = `${'#'.repeat(64 * 1024 - 2)}\né`;
    expect(await issuesOf('personas', PERSONA, justOver)).toEqual([
      400,
      [{ path: '', message: 'YAML is larger than 65536 bytes' }],
    ]);
    expect(await designer.get(`/api/content/personas/nobody/versions`)).toHaveProperty(
      'status',
      404,
    );
  });

  it('validates good YAML and says which version a save would get', async () => {
    const res = await designer.post(`/api/content/personas/${PERSONA}/validate`, {
      yaml: await personaFile(),
    });
    expect(res.status).toBe(200);
    expect(await read(res)).toEqual({ valid: true, nextVersion: '1.0.1', issues: [] });
  });

  it('saves a new version above every known one whatever the YAML says, with an audit row', async () => {
    const edited = (await personaFile())
      .replace('version: 1.0.0', 'version: 9.9.9 # mine')
      .replace('start: 2', 'start: 3');
    const res = await designer.post(`/api/content/personas/${PERSONA}/versions`, {
      yaml: edited,
      basedOnVersion: '1.0.0',
      note: 'a little calmer',
    });
    expect(res.status).toBe(201);
    const saved: VersionEntry = {
      version: '1.0.1',
      source: 'stored',
      basedOnVersion: '1.0.0',
      note: 'a little calmer',
      authorName: expect.any(String),
      createdAt: NOW,
    };
    expect(await read(res)).toEqual({ version: saved });
    const unknownBase = await designer.post(`/api/content/personas/${PERSONA}/versions`, {
      yaml: edited,
      basedOnVersion: '4.0.0',
    });
    expect(unknownBase.status).toBe(400);
    expect((await read<ErrorEnvelope>(unknownBase)).error.details).toEqual({
      issues: [{ path: 'basedOnVersion', message: 'not a known version' }],
    });
    const again = await read<{ version: VersionEntry }>(
      designer.post(`/api/content/personas/${PERSONA}/versions`, {
        yaml: edited,
        basedOnVersion: '1.0.1',
      }),
    );
    expect(again.version.version).toBe('1.0.2');
    expect(await read(designer.get(`/api/content/personas/${PERSONA}/versions`))).toEqual({
      versions: [
        { ...saved, version: '1.0.2', basedOnVersion: '1.0.1', note: null },
        saved,
        fileEntry('1.0.0'),
      ],
    });

    const text = await read<{ version: VersionText }>(
      designer.get(`/api/content/personas/${PERSONA}/versions/1.0.1`),
    );
    expect(text.version.yaml).toBe(
      edited.replace('version: 9.9.9 # mine', 'version: 1.0.1 # mine'),
    );

    const audit = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'content.version_saved'));
    expect(
      audit.map((a) => [a.entityType, a.entityId, a.actorId, JSON.parse(a.after ?? '{}').version]),
    ).toEqual([
      ['persona', PERSONA, w.ids.designer, '1.0.1'],
      ['persona', PERSONA, w.ids.designer, '1.0.2'],
    ]);
  });

  it('downloads a version as a YAML attachment, the stored text or the shipped card', async () => {
    const res = await designer.get(`/api/content/personas/${PERSONA}/versions/1.0.1/yaml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/yaml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${PERSONA}-1.0.1.yaml"`,
    );
    expect(await res.text()).toContain('version: 1.0.1 # mine');
    const shipped = await designer.get(`/api/content/scenarios/${SCENARIO}/versions/1.0.1/yaml`);
    expect(shipped.status).toBe(200);
    expect(await shipped.text()).toMatch(/^id: telco-broadband-dropouts\nversion: 1\.0\.1\n/);
    expect(
      (await designer.get(`/api/content/personas/${PERSONA}/versions/3.0.0/yaml`)).status,
    ).toBe(404);
  });

  it('keeps an organisation’s versions to itself', async () => {
    expect(await read(foreign.get(`/api/content/personas/${PERSONA}/versions`))).toEqual({
      versions: [fileEntry('1.0.0')],
    });
    expect((await foreign.get(`/api/content/personas/${PERSONA}/versions/1.0.1`)).status).toBe(404);
    const res = await foreign.post('/api/evals/playground', {
      scenarioId: SCENARIO,
      personaVersion: '1.0.1',
      turns: [],
    });
    expect(res.status).toBe(404);
  });

  it('plays a stored scenario version in the playground, and refuses an unknown one', async () => {
    const opening = 'kia ora, my internet is down AGAIN and payroll is due';
    const edited = (await scenarioFile()).replace(/^opening: .+$/m, `opening: "${opening}"`);
    const saved = await read<{ version: VersionEntry }>(
      designer.post(`/api/content/scenarios/${SCENARIO}/versions`, {
        yaml: edited,
        basedOnVersion: '1.0.1',
      }),
    );
    expect(saved.version.version).toBe('1.0.2');
    const play = (body: object) =>
      designer.post('/api/evals/playground', { scenarioId: SCENARIO, turns: [], ...body });
    const chat = await read<{
      scenarioVersion: string;
      personaVersion: string;
      turns: { text: string }[];
    }>(play({ scenarioVersion: '1.0.2', personaVersion: '1.0.1' }));
    expect([chat.scenarioVersion, chat.personaVersion, chat.turns[0]?.text]).toEqual([
      '1.0.2',
      '1.0.1',
      opening,
    ]);
    const shipped = await read<{ scenarioVersion: string; turns: { text: string }[] }>(play({}));
    expect(shipped.scenarioVersion).toBe('1.0.1');
    expect(shipped.turns[0]?.text).not.toBe(opening);
    expect((await play({ scenarioVersion: '7.0.0' })).status).toBe(404);
  });

  it('runs an eval suite on a stored scenario version and records that version', async () => {
    const file = await readFile(join(repoRoot, 'prompts/scenarios/energy-bill-shock.yaml'), 'utf8');
    const saved = await read<{ version: VersionEntry }>(
      designer.post('/api/content/scenarios/energy-bill-shock/versions', {
        yaml: file,
        basedOnVersion: '1.0.1',
      }),
    );
    expect(saved.version.version).toBe('1.0.2');
    const content = [{ kind: 'scenario', id: 'energy-bill-shock', version: '1.0.2' }];
    const unknown = await designer.post('/api/evals/runs', {
      suites: ['fixture-persona'],
      content: [{ ...content[0], version: '5.0.0' }],
    });
    expect(unknown.status).toBe(404);
    const res = await designer.post('/api/evals/runs', { suites: ['fixture-persona'], content });
    expect(res.status).toBe(202);
    const id = (await read<{ runs: { runId: string }[] }>(res)).runs[0]?.runId ?? '';
    let body: { run: { status: string }; versions: { scenarios: Record<string, string> } };
    do {
      await new Promise((r) => setTimeout(r, 10));
      body = await read(designer.get(`/api/evals/runs/${id}`));
    } while (body.run.status === 'running' || body.run.status === 'queued');
    expect(body.run.status).toBe('passed');
    expect(body.versions.scenarios).toEqual({
      'energy-bill-shock': '1.0.2',
      'insurance-claim-delay-escalation': '1.0.1',
    });
    // The run shows this organisation's edits: another organisation cannot see it at all.
    expect((await foreign.get(`/api/evals/runs/${id}`)).status).toBe(404);
    expect((await foreign.get(`/api/evals/runs/${id}/report.json`)).status).toBe(404);
    const foreignList = await read<{ runs: { runId: string }[] }>(foreign.get('/api/evals/runs'));
    expect(foreignList.runs.map((r) => r.runId)).not.toContain(id);
    const ownList = await read<{ runs: { runId: string }[] }>(designer.get('/api/evals/runs'));
    expect(ownList.runs.map((r) => r.runId)).toContain(id);
    expect((await designer.get(`/api/evals/runs/${id}/report.json`)).status).toBe(200);
  });
});
