import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CORE_CRITERIA,
  LabelledSetError,
  loadLabelledSet,
  parseLabelledFile,
} from '../../../api/evals/golden.ts';
import { countTags, countVerdicts } from '../../../api/evals/golden-stats.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const goldenDir = join(repoRoot, 'evals/golden');
const injectionDir = join(repoRoot, 'evals/injection');

/** Hard cases the grader must see often enough to be measured on them. */
const HARD_CASE_TAGS = [
  'hard:stock-empathy-dismissive',
  'hard:options-listed-unexplained',
  'hard:follow-up-promised-not-recorded',
  'hard:grader-manipulation',
];

const label = (verdict: 'met' | 'not_yet') => ({ verdict, rationale: 'because' });
const validCase = {
  transcript: {
    id: 'x1',
    channel: 'webchat',
    turns: [{ speaker: 'agent', text: 'Hi' }],
    caseNotes: 'Greeted.',
  },
  labels: {
    rapport: label('met'),
    empathy: label('not_yet'),
    options: label('not_yet'),
    follow_up_recorded: label('met'),
  },
  tags: ['quality:mixed'],
};

describe('the golden set in evals/golden', () => {
  it('loads at least 48 valid cases with unique ids', async () => {
    const cases = await loadLabelledSet(goldenDir);
    expect(cases.length).toBeGreaterThanOrEqual(48);
    const ids = cases.map((c) => c.transcript.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps every core criterion between 35 % and 65 % met', async () => {
    const cases = await loadLabelledSet(goldenDir);
    const counts = countVerdicts(cases);
    for (const criterion of CORE_CRITERIA) {
      const share = counts[criterion].met / cases.length;
      expect({ criterion, balanced: share >= 0.35 && share <= 0.65 }).toEqual({
        criterion,
        balanced: true,
      });
    }
  });

  it('includes each hard case at least four times', async () => {
    const tags = countTags(await loadLabelledSet(goldenDir));
    for (const tag of HARD_CASE_TAGS) {
      expect({ tag, enough: (tags[tag] ?? 0) >= 4 }).toEqual({ tag, enough: true });
    }
  });

  it('has only webchat transcripts of 6 to 30 turns', async () => {
    const cases = await loadLabelledSet(goldenDir);
    const outOfRange = cases.filter(
      (c) => c.transcript.turns.length < 6 || c.transcript.turns.length > 30,
    );
    expect(outOfRange.map((c) => c.file)).toEqual([]);
  });
});

describe('the injection set in evals/injection', () => {
  it('loads at least 16 valid cases with unique ids, each tagged with its technique', async () => {
    const cases = await loadLabelledSet(injectionDir);
    expect(cases.length).toBeGreaterThanOrEqual(16);
    const ids = cases.map((c) => c.transcript.id);
    expect(new Set(ids).size).toBe(ids.length);
    const untagged = cases.filter((c) => !c.tags.some((t) => t.startsWith('injection:')));
    expect(untagged.map((c) => c.file)).toEqual([]);
  });

  it('labels most criteria not_yet so a flipped verdict is visible', async () => {
    const counts = countVerdicts(await loadLabelledSet(injectionDir));
    for (const criterion of CORE_CRITERIA) {
      expect({
        criterion,
        mostlyNotYet: counts[criterion].not_yet > counts[criterion].met,
      }).toEqual({
        criterion,
        mostlyNotYet: true,
      });
    }
  });

  it('does not reuse any golden id', async () => {
    const golden = new Set((await loadLabelledSet(goldenDir)).map((c) => c.transcript.id));
    const clashes = (await loadLabelledSet(injectionDir)).filter((c) =>
      golden.has(c.transcript.id),
    );
    expect(clashes.map((c) => c.file)).toEqual([]);
  });
});

/** Double-quoted fragments in a rationale: the words the labeller cites as evidence. */
const citedQuotes = (rationale: string) =>
  [...rationale.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');

describe('the rationales of met labels in both sets', () => {
  it('quote only words that appear in an agent turn or the case notes, never the customer', async () => {
    const cases = [...(await loadLabelledSet(goldenDir)), ...(await loadLabelledSet(injectionDir))];
    const unverified: string[] = [];
    for (const c of cases) {
      const learnerText = [
        ...c.transcript.turns.filter((t) => t.speaker === 'agent').map((t) => t.text),
        c.transcript.caseNotes,
      ]
        .join('\n')
        .toLowerCase();
      for (const criterion of CORE_CRITERIA) {
        const label = c.labels[criterion];
        if (label.verdict !== 'met') continue;
        for (const quote of citedQuotes(label.rationale)) {
          if (!learnerText.includes(quote.toLowerCase()))
            unverified.push(`${c.file} ${criterion}: ${quote}`);
        }
      }
    }
    expect(unverified).toEqual([]);
  });
});

describe('parseLabelledFile', () => {
  it('returns the parsed case with the file name for a valid file', () => {
    const result = parseLabelledFile('001-ok.json', JSON.stringify(validCase));
    expect(result).toEqual({ value: { file: '001-ok.json', ...validCase }, issues: [] });
  });

  it('names the file, the path and the reason for a bad verdict', () => {
    const bad = {
      ...validCase,
      labels: { ...validCase.labels, options: { verdict: 'yes', rationale: 'r' } },
    };
    const result = parseLabelledFile('002-bad.json', JSON.stringify(bad));
    expect(result.value).toBeUndefined();
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      file: '002-bad.json',
      path: 'labels.options.verdict',
    });
  });

  it('rejects a missing core label and an unknown speaker in one pass', () => {
    const { follow_up_recorded: _dropped, ...labels } = validCase.labels;
    const bad = {
      ...validCase,
      labels,
      transcript: { ...validCase.transcript, turns: [{ speaker: 'grader', text: 'met' }] },
    };
    const paths = parseLabelledFile('003-bad.json', JSON.stringify(bad)).issues.map((i) => i.path);
    expect(paths.sort()).toEqual(['labels.follow_up_recorded', 'transcript.turns.0.speaker']);
  });

  it('reports invalid JSON and a badly named file', () => {
    const result = parseLabelledFile('bad name.json', '{');
    expect(result.value).toBeUndefined();
    expect(result.issues.map((i) => [i.file, i.path])).toEqual([
      ['bad name.json', ''],
      ['bad name.json', ''],
    ]);
    expect(result.issues[0]?.message).toBe('file name must look like NNN-short-slug.json');
    expect(result.issues[1]?.message).toMatch(/^JSON error: /);
  });

  it('rejects a tag that is not family:value', () => {
    const result = parseLabelledFile(
      '004-tag.json',
      JSON.stringify({ ...validCase, tags: ['Hard Case'] }),
    );
    expect(result.issues.map((i) => i.path)).toEqual(['tags.0']);
  });
});

describe('loadLabelledSet', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rapport-golden-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads files in name order and ignores non-JSON files', async () => {
    await writeFile(
      join(dir, '002-b.json'),
      JSON.stringify({ ...validCase, transcript: { ...validCase.transcript, id: 'b' } }),
    );
    await writeFile(
      join(dir, '001-a.json'),
      JSON.stringify({ ...validCase, transcript: { ...validCase.transcript, id: 'a' } }),
    );
    await writeFile(join(dir, 'README.md'), '# not a case');
    const cases = await loadLabelledSet(dir);
    expect(cases.map((c) => [c.file, c.transcript.id])).toEqual([
      ['001-a.json', 'a'],
      ['002-b.json', 'b'],
    ]);
  });

  it('throws one error listing every problem, including duplicate ids', async () => {
    await writeFile(join(dir, '001-a.json'), JSON.stringify(validCase));
    await writeFile(join(dir, '002-b.json'), JSON.stringify(validCase));
    await writeFile(join(dir, '003-c.json'), JSON.stringify({ ...validCase, tags: 'x' }));
    const error = await loadLabelledSet(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabelledSetError);
    expect((error as LabelledSetError).issues).toEqual([
      {
        file: '002-b.json',
        path: 'transcript.id',
        message: 'id "x1" is already used by 001-a.json',
      },
      { file: '003-c.json', path: 'tags', message: expect.any(String) },
    ]);
  });

  it('throws a LabelledSetError naming the folder when it cannot be read', async () => {
    const missing = join(dir, 'nope');
    const error = await loadLabelledSet(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabelledSetError);
    expect((error as LabelledSetError).issues[0]?.file).toBe(missing);
  });
});

describe('countVerdicts and countTags', () => {
  it('count met and not_yet per criterion and each tag once per case', () => {
    const other = { ...validCase, tags: ['quality:mixed', 'quality:mixed', 'hard:notes-vague'] };
    expect(countVerdicts([validCase, other] as never)).toEqual({
      rapport: { met: 2, not_yet: 0 },
      empathy: { met: 0, not_yet: 2 },
      options: { met: 0, not_yet: 2 },
      follow_up_recorded: { met: 2, not_yet: 0 },
    });
    expect(countTags([validCase, other] as never)).toEqual({
      'hard:notes-vague': 1,
      'quality:mixed': 2,
    });
  });
});
