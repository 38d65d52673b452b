import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEvalsCli } from '../../../api/cli/evals-cli.ts';
import { repoRoot } from '../../../api/content/repo-root.ts';

const FIXTURES = join(repoRoot, 'tests/fixtures/evals');

async function run(args: string[], dir?: string) {
  const work = dir ?? (await mkdtemp(join(tmpdir(), 'rapport-evals-')));
  let stdout = '';
  let stderr = '';
  let n = 0;
  const code = await runEvalsCli(
    [...args, '--db', `file:${join(work, 'evals.db')}`, '--reports-dir', join(work, 'reports')],
    {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      stderrIsTTY: false,
      root: repoRoot,
      llm: null,
      databaseUrl: 'file:unused.db',
      now: () => Date.UTC(2026, 0, 2, 3, 4, 5),
      newRunId: () => `run-${args.includes('--compare') ? 'b' : 'a'}-${++n}`,
    },
  );
  return { code, stdout, stderr, work };
}

async function jsonReport(work: string) {
  const names = await readdir(join(work, 'reports'));
  const name = names.find((n) => n.endsWith('.json')) ?? '';
  return JSON.parse(await readFile(join(work, 'reports', name), 'utf8'));
}

describe('npm run evals on fixture suites', () => {
  it('exits 0 when every threshold is met, with plain progress lines off a terminal', async () => {
    const { code, stdout, stderr } = await run([
      '--concurrency',
      '1',
      '--suites-dir',
      join(FIXTURES, 'pass'),
      'fixture-persona',
      'fixture-injection',
    ]);
    expect(code).toBe(0);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      'evals: [1/4] fixture-persona stock-apology pass',
      'evals: [2/4] fixture-persona transfer pass',
      'evals: [3/4] fixture-injection 001-ignore-previous-instructions-agent pass',
      'evals: [4/4] fixture-injection 002-fake-json-verdict-agent-turn pass',
    ]);
    expect(stdout).toContain('PASS fixture-persona [offline] 2/2 cases passed · run run-a-1');
    expect(stdout).toContain('    not_yet_to_met = 0 (needs <= 0)');
    expect(stdout).toContain('All suites met their thresholds.');
  });

  it('writes JSON, JUnit XML and HTML reports', async () => {
    const { work } = await run(['--suites-dir', join(FIXTURES, 'pass'), 'fixture-persona']);
    expect((await readdir(join(work, 'reports'))).sort()).toEqual([
      'evals-2026-01-02T03-04-05-000Z.html',
      'evals-2026-01-02T03-04-05-000Z.json',
      'evals-2026-01-02T03-04-05-000Z.junit.xml',
    ]);
    const report = await jsonReport(work);
    expect(report.suites[0].versions).toEqual({
      personas: { 'gary-whitfield': '1.0.0', 'duncan-mackay': '1.0.0' },
      scenarios: { 'energy-bill-shock': '1.0.1', 'insurance-claim-delay-escalation': '1.0.1' },
      rubrics: {},
      prompts: { persona: 'offline-persona@1.0.0' },
      sets: {},
    });
    const junit = await readFile(
      join(work, 'reports/evals-2026-01-02T03-04-05-000Z.junit.xml'),
      'utf8',
    );
    expect(junit).toContain('<testsuite name="fixture-persona" tests="3" failures="0" errors="0"');
  });

  it('exits 1 when a threshold fails, and --compare shows what changed', async () => {
    const first = await run(['--suites-dir', join(FIXTURES, 'pass'), 'fixture-persona']);
    expect(first.code).toBe(0);
    const second = await run(
      ['--suites-dir', join(FIXTURES, 'fail'), '--compare', 'run-a-1'],
      first.work,
    );
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('FAIL fixture-persona [offline] 1/2 cases passed');
    expect(second.stdout).toContain('    case_pass_rate = 0.5 (needs >= 1)  ✗');
    expect(second.stdout).toContain(
      [
        'Compare fixture-persona: run-a-1 → run-b-1',
        '  case transfer: pass → fail',
        '  case_pass_rate: 1 → 0.5 (-0.5)',
        '  assertion.stays_in_voice: 1 → 1 (0)',
        '  assertion.no_card_leak: 1 → 1 (0)',
        '  assertion.mood: 1 → 1 (0)',
        '  assertion.end_reason: 1 → 0 (-1)',
      ].join('\n'),
    );
  });

  it('runs grader-golden on a small set and reports κ, accuracy and the confusion matrix', async () => {
    const { work } = await run(['--suites-dir', join(FIXTURES, 'pass'), 'fixture-golden']);
    const [suite] = (await jsonReport(work)).suites;
    expect(suite.figures.map((f: { name: string }) => f.name)).toEqual([
      'kappa.rapport',
      'accuracy.rapport',
      'kappa.empathy',
      'accuracy.empathy',
      'kappa.options',
      'accuracy.options',
      'kappa.follow_up_recorded',
      'accuracy.follow_up_recorded',
      'grading_errors',
    ]);
    const m = suite.figures[0].detail;
    expect(m.bothMet + m.aMetBNotYet + m.aNotYetBMet + m.bothNotYet).toBe(4);
    expect(m.n).toBe(4);
  });

  it('runs consistency with perturbations and agrees 100 % offline', async () => {
    const { code, stdout } = await run([
      '--suites-dir',
      join(FIXTURES, 'pass'),
      'fixture-consistency',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('    verdict_agreement = 1 (needs >= 1)');
    expect(stdout).toContain('    agreement.swap_names = 1');
  });

  it('skips learner-simulation offline with "needs --live"', async () => {
    const { code, stdout } = await run(['--suites-dir', join(FIXTURES, 'pass'), 'fixture-learner']);
    expect(code).toBe(0);
    expect(stdout).toContain('SKIP fixture-learner: needs --live');
  });

  it('exits 2 naming the file, line and path of a bad suite', async () => {
    const { code, stdout, stderr } = await run([
      '--suites-dir',
      join(FIXTURES, 'bad'),
      'fixture-bad',
    ]);
    expect({ code, stdout, stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'evals: invalid suite\ntests/fixtures/evals/bad/fixture-bad.yaml:9 at cases.0.assertions.0.expect: Invalid option: expected one of "rises"|"does_not_rise"|"falls"\n',
    });
  });

  it('exits 2 for an unknown scenario, an unknown suite, a bad flag or --live without a key', async () => {
    const bad = join(FIXTURES, 'bad');
    expect((await run(['--suites-dir', bad, 'fixture-unknown-scenario'])).stderr).toBe(
      'evals: evals/suites/fixture-unknown-scenario.yaml at cases.0.scenario: unknown scenario "no-such-scenario"\n',
    );
    expect((await run(['--suites-dir', bad, 'nope'])).stderr).toBe(
      'evals: invalid suite\ntests/fixtures/evals/bad/nope.yaml: no such suite (known: fixture-bad, fixture-unknown-scenario)\n',
    );
    expect((await run(['--concurrency', '0'])).stderr).toBe(
      'evals: --concurrency must be a whole number from 1 to 64\n',
    );
    const live = await run(['--live']);
    expect([live.code, live.stderr]).toEqual([
      2,
      'evals: --live needs OPENAI_API_KEY (and the LLM settings)\n',
    ]);
  });
});
