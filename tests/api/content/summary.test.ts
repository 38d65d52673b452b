import { describe, expect, it } from 'vitest';
import { buildCoverage } from '../../../api/content/coverage.ts';
import { contentSummary } from '../../../api/content/summary.ts';
import { makeCleanBundle } from '../../helpers/content-fixtures.ts';

describe('contentSummary', () => {
  it('counts the content and lists short entries for packs, personas and scenarios', () => {
    const summary = contentSummary(makeCleanBundle());
    expect(summary.counts).toEqual({ rubrics: 2, personas: 2, scenarios: 7, standards: 1 });
    expect(summary.rubrics).toEqual([
      { id: 'core-webchat', version: '1.0.0', title: 'Core', standardCode: null, criteriaCount: 7 },
      {
        id: 'std-pack',
        version: '1.0.0',
        title: 'STD pack',
        standardCode: 'STD',
        criteriaCount: 2,
      },
    ]);
    expect(summary.personas[0]).toEqual({
      id: 'p-one',
      name: 'Name p-one',
      traits: ['angry', 'sad', 'confused', 'stressed', 'multilingual', 'neurodiverse'],
      locale: 'en-NZ',
      version: '1.0.0',
    });
    expect(summary.scenarios[0]).toEqual({
      id: 's-bau',
      title: 'Scenario s-bau',
      industry: 'telco',
      interactionType: 'bau',
      persona: 'p-one',
      rubrics: ['core-webchat', 'std-pack'],
    });
  });

  it('reuses the coverage report, moving its problems to the top level', () => {
    const bundle = makeCleanBundle();
    const { problems, ...coverage } = buildCoverage(bundle);
    const summary = contentSummary(bundle);
    expect(summary.problems).toEqual(problems);
    expect(summary.coverage).toEqual({ ...coverage, standards: expect.any(Array) });
  });

  it('passes file issues and coverage problems through so the designer sees both', () => {
    const bundle = makeCleanBundle();
    bundle.personas = bundle.personas.slice(0, 1);
    bundle.issues = [{ file: 'prompts/personas/x.yaml', path: 'voice', message: 'Required' }];
    const summary = contentSummary(bundle);
    expect(summary.issues).toEqual([
      { file: 'prompts/personas/x.yaml', path: 'voice', message: 'Required' },
    ]);
    expect(summary.problems).toContainEqual({
      kind: 'trait_gap',
      where: 'prompts/personas',
      message: 'trait "angry" has 1 persona(s), needs 2',
    });
  });
});
