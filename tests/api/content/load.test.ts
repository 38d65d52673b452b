import { describe, expect, it } from 'vitest';
import { ContentError, loadContent, loadRubricPack } from '../../../api/content/load.ts';
import { makeCleanBundle, makeScenario, writeContentTree } from '../../helpers/content-fixtures.ts';

describe('loadContent', () => {
  it('loads packs, standards, personas and scenarios from a repo tree', async () => {
    const bundle = makeCleanBundle();
    const loaded = await loadContent(await writeContentTree(bundle));
    const byId = <T extends { id: string }>(xs: T[]) =>
      [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect({ ...loaded, rubrics: byId(loaded.rubrics), scenarios: byId(loaded.scenarios) }).toEqual(
      {
        ...bundle,
        rubrics: byId(bundle.rubrics),
        scenarios: byId(bundle.scenarios),
      },
    );
  });

  it('reports a file whose id does not match its name', async () => {
    const bundle = { ...makeCleanBundle(), scenarios: [] };
    const root = await writeContentTree(bundle, {
      'prompts/scenarios/wrong-name.yaml': JSON.stringify(
        makeScenario('right-name', 'bau', 'p-one'),
      ),
    });
    expect((await loadContent(root)).issues).toEqual([
      {
        file: 'prompts/scenarios/wrong-name.yaml',
        path: 'id',
        message: 'id "right-name" must match the file name "wrong-name"',
      },
    ]);
  });

  it('reports a scenario that names an unknown persona or rubric pack', async () => {
    const scenario = {
      ...makeScenario('lost', 'bau', 'nobody'),
      rubrics: ['core-webchat', 'no-such-pack'],
    };
    const bundle = { ...makeCleanBundle(), scenarios: [scenario] };
    expect((await loadContent(await writeContentTree(bundle))).issues).toEqual([
      { file: 'prompts/scenarios/lost.yaml', path: 'persona', message: 'unknown persona "nobody"' },
      {
        file: 'prompts/scenarios/lost.yaml',
        path: 'rubrics.1',
        message: 'unknown rubric pack "no-such-pack"',
      },
    ]);
  });

  it('returns an empty bundle for a folder with no content', async () => {
    const root = await writeContentTree({
      rubrics: [],
      personas: [],
      scenarios: [],
      standards: [],
      issues: [],
    });
    expect(await loadContent(root)).toEqual({
      rubrics: [],
      personas: [],
      scenarios: [],
      standards: [],
      issues: [],
    });
  });
});

describe('loadRubricPack', () => {
  it('throws a ContentError naming the file when the pack is missing', async () => {
    const root = await writeContentTree(makeCleanBundle());
    await expect(loadRubricPack(root, 'absent')).rejects.toBeInstanceOf(ContentError);
    await expect(loadRubricPack(root, 'absent')).rejects.toThrow(
      /^rubrics\/absent\.yaml: cannot read file/,
    );
  });
});
