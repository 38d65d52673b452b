import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadContent, loadYamlFile } from '../../../api/content/load.ts';
import {
  personaSchema,
  rubricPackSchema,
  scenarioSchema,
  standardDefinitionSchema,
} from '../../../api/content/schemas.ts';
import { makeCleanBundle, makeStandard, writeContentTree } from '../../helpers/content-fixtures.ts';

const empty = { rubrics: [], personas: [], scenarios: [], standards: [], issues: [] };

describe('content schemas on bad files', () => {
  it('names the file, the path and the reason when a persona mood is out of range', async () => {
    const root = await writeContentTree(empty, {
      'prompts/personas/bad.yaml':
        'id: bad\nversion: 1.0.0\nname: B\nlocale: en-NZ\ntraits: [angry]\nsummary: s\n' +
        'voice: {messageLength: short, typos: none, literal: false, firstLanguage: English, languageLevel: fluent, phrases: []}\n' +
        'mood: {start: 11, raisedBy: [a], loweredBy: [b]}\nlimits: {patience: 5, asksForSupervisorWhen: x, leavesWhen: y}\n',
    });
    const result = await loadYamlFile(join(root, 'prompts/personas/bad.yaml'), personaSchema, root);
    expect(result).toEqual({
      issues: [
        {
          file: 'prompts/personas/bad.yaml',
          path: 'mood.start',
          message: 'Too big: expected number to be <=10',
        },
      ],
    });
  });

  it('reports broken YAML with the line, not a crash', async () => {
    const root = await writeContentTree(empty, {
      'rubrics/broken.yaml': 'id: broken\ncriteria: [\n  - oops: : :\n',
    });
    const result = await loadYamlFile(join(root, 'rubrics/broken.yaml'), rubricPackSchema, root);
    expect(result.value).toBeUndefined();
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ file: 'rubrics/broken.yaml', path: '' });
    expect(result.issues[0]?.message).toMatch(/^YAML error: .*line \d+/);
  });

  it('rejects an unknown interaction type on a criterion and an unknown key, with paths', async () => {
    const pack = makeCleanBundle().rubrics[1];
    const bad = {
      ...pack,
      criteria: [{ ...pack?.criteria[0], interactionTypes: ['chat'], colour: 'blue' }],
    };
    const parsed = rubricPackSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['criteria.0.interactionTypes.0', 'invalid_value'],
      ['criteria.0', 'unrecognized_keys'],
    ]);
  });

  it('rejects a scenario with too few knowledge-base articles and an empty cue list', () => {
    const scenario = makeCleanBundle().scenarios[0];
    const bad = {
      ...scenario,
      hiddenFacts: [{ id: 'f', fact: 'x', askedBy: [] }],
      systems: { ...scenario?.systems, knowledgeBase: scenario?.systems.knowledgeBase.slice(0, 1) },
    };
    const parsed = scenarioSchema.safeParse(bad);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'hiddenFacts.0.askedBy',
      'systems.knowledgeBase',
    ]);
  });

  it('accepts a catalogued standard and rejects one without criteria', () => {
    expect(standardDefinitionSchema.safeParse(makeStandard()).success).toBe(true);
    const parsed = standardDefinitionSchema.safeParse({ ...makeStandard(), criteria: [] });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['criteria']);
  });

  it('collects issues from every bad file in a tree instead of stopping at the first', async () => {
    const root = await writeContentTree(empty, {
      'rubrics/one.yaml': 'id: one\n',
      'prompts/scenarios/two.yaml': '- just\n- a list\n',
    });
    const bundle = await loadContent(root);
    expect(bundle.issues.map((i) => `${i.file}|${i.path}`)).toEqual([
      'rubrics/one.yaml|version',
      'rubrics/one.yaml|title',
      'rubrics/one.yaml|standard',
      'rubrics/one.yaml|criteria',
      'rubrics/one.yaml|evidenceRequirements',
      'prompts/scenarios/two.yaml|',
    ]);
  });
});
