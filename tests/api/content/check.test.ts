import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runContentCheck } from '../../../api/content/check.ts';
import { makeCleanBundle, writeContentTree } from '../../helpers/content-fixtures.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

function capture() {
  const chunks: string[] = [];
  return { stream: { write: (c: string) => chunks.push(c) }, text: () => chunks.join('') };
}

async function run(args: string[], root = repoRoot) {
  const out = capture();
  const err = capture();
  const code = await runContentCheck(args, { out: out.stream, err: err.stream }, root);
  return { code, out: out.text(), err: err.text() };
}

describe('runContentCheck', () => {
  it('exits 0 on the repo content and prints the tables and an OK summary', async () => {
    const { code, out, err } = await run([]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain('Scenarios by persona trait x interaction type');
    expect(out).toContain('Scenarios by industry x interaction type');
    expect(out).toContain('Rubric criteria -> scenarios that can evidence them');
    expect(out.trimEnd().split('\n').at(-1)).toMatch(
      /^OK: 6 rubric packs, 5 standards, \d+ personas, \d+ scenarios/,
    );
  });

  it('exits 1 and lists the file, path and reason when a file is invalid', async () => {
    const root = await writeContentTree(makeCleanBundle(), {
      'prompts/personas/p-bad.yaml': 'id: p-bad\n',
    });
    const { code, out } = await run(['--root', root], '/nonexistent');
    expect(code).toBe(1);
    expect(out).toMatch(/prompts\/personas\/p-bad\.yaml\s+version\s+Invalid input/);
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      'FAILED: 8 schema issue(s), 0 coverage problem(s)',
    );
  });

  it('exits 1 on a coverage gap even when every file is valid', async () => {
    const bundle = makeCleanBundle();
    bundle.scenarios = bundle.scenarios.filter((s) => s.interactionType !== 'technical');
    const { code, out } = await run(['--root', await writeContentTree(bundle)]);
    expect(code).toBe(1);
    expect(out).toMatch(
      /interaction_type_gap\s+prompts\/scenarios\s+no scenario of type "technical"/,
    );
  });

  it('prints the whole report as JSON with --json', async () => {
    const { code, out } = await run([
      '--json',
      '--root',
      await writeContentTree(makeCleanBundle()),
    ]);
    const parsed: unknown = JSON.parse(out);
    expect(code).toBe(0);
    expect(parsed).toMatchObject({ ok: true, issues: [], problems: [] });
  });

  it('exits 2 with a one-line message and nothing on stdout for an unknown option', async () => {
    const { code, out, err } = await run(['--colour']);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toMatch(/^content:check: Unknown option '--colour'.*\n$/);
  });
});
