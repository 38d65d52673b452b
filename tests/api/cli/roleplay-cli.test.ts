import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRoleplayCli } from '../../../api/cli/roleplay-cli.ts';
import { transcriptSchema } from '../../../api/transcript/schema.ts';
import { FIXTURE_CONTENT_DIR } from '../../helpers/roleplay-fixtures.ts';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-roleplay-'));
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text, 'utf8');
  return path;
}

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runRoleplayCli([...argv, '--content-dir', FIXTURE_CONTENT_DIR], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    repoRoot: '/nonexistent',
    llm: null,
  });
  return { code, stdout, stderr };
}

const GOOD = [
  'Hello Tomasz, my name is Sam. I help you today.',
  'What is your date of birth?',
  '/security',
  'Where are you now?',
  '/action unblock-card',
  'OK Tomasz. I will unblock your card now. It will work in 5 minutes.',
];

describe('roleplay CLI: happy path', () => {
  it('prints a §4.1 transcript with endReason and the director state per customer turn', async () => {
    const learner = await file('good.json', JSON.stringify(GOOD));
    const { code, stdout, stderr } = await run([
      '--scenario',
      'blocked-card',
      '--offline',
      learner,
    ]);
    expect([code, stderr]).toEqual([0, '']);
    const transcript = transcriptSchema.parse(JSON.parse(stdout));
    expect(transcript.endReason).toBe('resolved');
    expect(transcript.scenario).toBe('blocked-card');
    expect(transcript.turns.filter((t) => t.speaker === 'agent')).toHaveLength(4);
    expect(transcript.systemEvents).toEqual([
      { kind: 'security_check', target: 'crm', afterTurn: 4 },
      { kind: 'action', target: 'unblock-card', afterTurn: 6 },
    ]);
    expect(transcript.director?.map((d) => d.turn)).toEqual([0, 2, 4, 6, 8]);
    expect(transcript.director?.at(-1)?.factsRevealed).toEqual(['in-germany']);
  });

  it('reads a text file with one turn per line and prints text on request', async () => {
    const learner = await file('good.txt', `${GOOD.join('\n')}\n\n`);
    const { code, stdout } = await run(['--scenario', 'blocked-card', '--format', 'text', learner]);
    expect(code).toBe(0);
    expect(stdout).toContain('Agent: Where are you now?');
    expect(stdout).toContain('[system] action unblock-card');
    expect(stdout).toMatch(/\(mood \d+\/10, patience \d+, facts: in-germany\)/);
    expect(stdout.trimEnd().endsWith('End: resolved')).toBe(true);
  });

  it('records learner_closed when the script ends before the chat does', async () => {
    const learner = await file('short.txt', 'Hello Edith, how can I help?\n');
    const { stdout } = await run(['--scenario', 'energy-bill', learner]);
    expect(JSON.parse(stdout).endReason).toBe('learner_closed');
  });

  it('prints usage for --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('/action ID');
  });

  it('gives the same output for the same script twice', async () => {
    const learner = await file('twice.json', JSON.stringify(GOOD));
    const first = await run(['--scenario', 'blocked-card', learner]);
    const second = await run(['--scenario', 'blocked-card', learner]);
    expect(second).toEqual(first);
  });
});

describe('roleplay CLI: bad input exits 2 with one clear line and no stdout', () => {
  const cases: Array<[string, () => Promise<string[]>, RegExp]> = [
    ['a missing --scenario', async () => [await file('a.txt', 'hi')], /--scenario ID is required/],
    [
      'an unknown scenario',
      async () => ['--scenario', 'nope', await file('b.txt', 'hi')],
      /unknown scenario "nope"/,
    ],
    [
      'an unreadable file',
      async () => ['--scenario', 'energy-bill', join(dir, 'missing.txt')],
      /missing\.txt: cannot read file/,
    ],
    [
      'a text turn over 2,000 characters',
      async () => [
        '--scenario',
        'energy-bill',
        await file('long.txt', `hello\n${'x'.repeat(2001)}\n`),
      ],
      /long\.txt line 2: turn is over 2,000 characters/,
    ],
    [
      'a JSON turn over 2,000 characters',
      async () => [
        '--scenario',
        'energy-bill',
        await file('long.json', JSON.stringify(['hi', 'y'.repeat(2001)])),
      ],
      /long\.json item 2: turn is over 2,000 characters/,
    ],
    [
      'invalid JSON',
      async () => ['--scenario', 'energy-bill', await file('bad.json', '["hi",')],
      /bad\.json JSON: invalid JSON/,
    ],
    [
      'a JSON value that is not an array of strings',
      async () => ['--scenario', 'energy-bill', await file('obj.json', '[1, 2]')],
      /expected a non-empty array of strings/,
    ],
    [
      'an empty file',
      async () => ['--scenario', 'energy-bill', await file('empty.txt', '\n\n')],
      /no learner turns/,
    ],
    [
      'an unknown system command',
      async () => ['--scenario', 'energy-bill', await file('cmd.txt', 'hi\n/refund now')],
      /cmd\.txt line 2: unknown command "\/refund"/,
    ],
    [
      'an action the scenario does not have',
      async () => ['--scenario', 'energy-bill', await file('act.txt', '/action refund\nhi')],
      /act\.txt line 1: unknown action "refund" \(known: submit-meter-reading/,
    ],
    [
      'a bad --format',
      async () => ['--scenario', 'energy-bill', '--format', 'xml', await file('c.txt', 'hi')],
      /--format must be json or text/,
    ],
    [
      'two learner files',
      async () => [
        '--scenario',
        'energy-bill',
        await file('d.txt', 'hi'),
        await file('e.txt', 'hi'),
      ],
      /exactly one LEARNER_FILE/,
    ],
    [
      'an unknown option',
      async () => ['--scenario', 'energy-bill', '--fast', await file('f.txt', 'hi')],
      /Unknown option '--fast'/,
    ],
  ];

  for (const [name, argv, message] of cases) {
    it(`rejects ${name}`, async () => {
      const { code, stdout, stderr } = await run(await argv());
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }
});
