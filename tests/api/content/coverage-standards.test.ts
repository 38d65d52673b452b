import { describe, expect, it } from 'vitest';
import { criteriaCoverage } from '../../../api/content/coverage.ts';
import { standardsCoverage } from '../../../api/content/coverage-standards.ts';
import { makeCleanBundle, makeStandard } from '../../helpers/content-fixtures.ts';

const ALL_SCENARIOS = [
  's-bau',
  's-complex',
  's-complaint',
  's-escalation',
  's-technical',
  's-multifaceted',
  's-supervisor',
];
const CORE_IDS = [
  'greeting',
  'security_check',
  'rapport',
  'empathy',
  'options',
  'follow_up_recorded',
  'close',
];

describe('standardsCoverage', () => {
  it('lists each standard criterion with the rubric criteria citing it and their scenarios', () => {
    const bundle = makeCleanBundle();
    expect(standardsCoverage(bundle, criteriaCoverage(bundle))).toEqual([
      {
        standard: 'STD',
        code: '1.1',
        outcome: '1 Do things',
        text: 'Do the first thing',
        citedBy: [
          ...CORE_IDS.map((criterion) => ({
            pack: 'core-webchat',
            criterion,
            evidencedBy: 'roleplay',
          })),
          { pack: 'std-pack', criterion: 'first', evidencedBy: 'roleplay' },
        ],
        scenarios: ALL_SCENARIOS,
      },
      {
        standard: 'STD',
        code: '1.2',
        outcome: '1 Do things',
        text: 'Do the second thing',
        citedBy: [{ pack: 'std-pack', criterion: 'second', evidencedBy: 'other' }],
        scenarios: [],
      },
    ]);
  });

  it('shows a catalogued criterion no pack cites with no citations and no scenarios', () => {
    const bundle = makeCleanBundle();
    bundle.standards = [
      makeStandard({
        criteria: [
          { code: '1.1', outcome: '1 Do things', text: 'Do the first thing' },
          { code: '9.9', outcome: '9 Other', text: 'Something nobody covers' },
        ],
      }),
    ];
    const uncovered = standardsCoverage(bundle, criteriaCoverage(bundle)).at(-1);
    expect(uncovered).toEqual({
      standard: 'STD',
      code: '9.9',
      outcome: '9 Other',
      text: 'Something nobody covers',
      citedBy: [],
      scenarios: [],
    });
  });

  it('counts a scenario once even when several citing criteria can use it', () => {
    const bundle = makeCleanBundle();
    bundle.scenarios = bundle.scenarios.slice(0, 2);
    const [first] = standardsCoverage(bundle, criteriaCoverage(bundle));
    expect(first?.scenarios).toEqual(['s-bau', 's-complex']);
  });

  it('returns nothing when no standards are catalogued', () => {
    const bundle = { ...makeCleanBundle(), standards: undefined };
    expect(standardsCoverage(bundle, criteriaCoverage(bundle))).toEqual([]);
  });
});
