import { describe, expect, it } from 'vitest';
import { buildCoverage, canEvidence, traitMatrix } from '../../../api/content/coverage.ts';
import {
  makeCleanBundle,
  makeCriterion,
  makePersona,
  makeScenario,
  makeStandard,
  makeStandardPack,
} from '../../helpers/content-fixtures.ts';

describe('buildCoverage', () => {
  it('finds no problems in a clean bundle', () => {
    expect(buildCoverage(makeCleanBundle()).problems).toEqual([]);
  });

  it('maps each criterion to the scenarios that can evidence it, and other criteria to none', () => {
    const report = buildCoverage(makeCleanBundle());
    const std = report.criteria.filter((c) => c.pack === 'std-pack');
    expect(std).toEqual([
      {
        pack: 'std-pack',
        criterion: 'first',
        standardRefs: ['1.1'],
        evidencedBy: 'roleplay',
        reuses: 'core-webchat#empathy',
        scenarios: [
          's-bau',
          's-complex',
          's-complaint',
          's-escalation',
          's-technical',
          's-multifaceted',
          's-supervisor',
        ],
      },
      {
        pack: 'std-pack',
        criterion: 'second',
        standardRefs: ['1.2'],
        evidencedBy: 'other',
        otherEvidence: 'Questioning.',
        scenarios: [],
      },
    ]);
  });

  it('reports a reuse that points to a missing criterion as a dangling reference', () => {
    const bundle = makeCleanBundle();
    bundle.rubrics[1] = makeStandardPack({
      criteria: [
        makeCriterion('first', { standardRefs: ['1.1'], reuses: 'core-webchat#kindness' }),
        makeCriterion('second', { standardRefs: ['1.2'] }),
      ],
    });
    expect(buildCoverage(bundle).problems).toEqual([
      {
        kind: 'dangling_reference',
        where: 'rubrics/std-pack.yaml criteria.0',
        message: '"first" reuses "core-webchat#kindness", which does not exist',
      },
    ]);
  });

  it('reports a standard code claimed by two criteria, and a code in no pack', () => {
    const bundle = makeCleanBundle();
    bundle.rubrics[1] = makeStandardPack({
      criteria: [
        makeCriterion('first', { standardRefs: ['1.1'] }),
        makeCriterion('again', { standardRefs: ['1.1'] }),
      ],
    });
    expect(buildCoverage(bundle).problems).toEqual([
      {
        kind: 'duplicate_standard_code',
        where: 'rubrics/std-pack.yaml',
        message: '"STD 1.1" is already covered by std-pack#first',
      },
      {
        kind: 'uncovered_criterion',
        where: 'rubrics/standards/std.yaml',
        message: 'STD 1.2 is in no pack criterion',
      },
    ]);
  });

  it('reports a catalogued standard with no pack', () => {
    const bundle = makeCleanBundle();
    bundle.standards = [
      makeStandard(),
      makeStandard({ id: 'other', code: 'OTH', source: 'oth.txt' }),
    ];
    expect(buildCoverage(bundle).problems).toEqual([
      {
        kind: 'standard_without_pack',
        where: 'rubrics/standards/other.yaml',
        message: 'no pack for OTH',
      },
    ]);
  });

  it('reports core refs and pack codes that are not in the catalogue', () => {
    const bundle = makeCleanBundle();
    const core = bundle.rubrics[0];
    if (core?.criteria[0]) core.criteria[0].standardRefs = ['STD 9.9'];
    bundle.rubrics[1] = makeStandardPack({
      criteria: [...makeStandardPack().criteria, makeCriterion('extra', { standardRefs: ['7.7'] })],
    });
    expect(buildCoverage(bundle).problems).toEqual([
      {
        kind: 'dangling_reference',
        where: 'rubrics/core-webchat.yaml',
        message: '"greeting" refers to unknown "STD 9.9"',
      },
      {
        kind: 'dangling_reference',
        where: 'rubrics/std-pack.yaml',
        message: '"extra" refers to unknown code "STD 7.7"',
      },
    ]);
  });

  it('reports a diversity trait with fewer than two personas and an interaction type with no scenario', () => {
    const bundle = makeCleanBundle();
    bundle.personas = [
      makePersona('p-one', [
        'angry',
        'sad',
        'confused',
        'stressed',
        'multilingual',
        'neurodiverse',
      ]),
      makePersona('p-two', ['angry', 'sad', 'confused', 'stressed', 'multilingual']),
    ];
    bundle.scenarios = bundle.scenarios.filter((s) => s.interactionType !== 'supervisor');
    expect(buildCoverage(bundle).problems).toEqual([
      {
        kind: 'trait_gap',
        where: 'prompts/personas',
        message: 'trait "neurodiverse" has 1 persona(s), needs 2',
      },
      {
        kind: 'interaction_type_gap',
        where: 'prompts/scenarios',
        message: 'no scenario of type "supervisor"',
      },
    ]);
  });

  it('reports an evidence requirement that the scenarios could never meet', () => {
    const bundle = makeCleanBundle();
    bundle.rubrics[1] = makeStandardPack({
      evidenceRequirements: [
        {
          id: 'three_complex',
          description: 'Three complex.',
          minInteractions: 3,
          distinctInteractionTypes: 3,
          interactionTypes: ['complex', 'escalation'],
        },
      ],
    });
    expect(buildCoverage(bundle).problems).toEqual([
      {
        kind: 'requirement_unmet',
        where: 'rubrics/std-pack.yaml',
        message: '"three_complex": needs 3 scenario(s), 2 can count',
      },
      {
        kind: 'requirement_unmet',
        where: 'rubrics/std-pack.yaml',
        message: '"three_complex": needs 3 interaction types, scenarios offer 2',
      },
    ]);
  });

  it('reports other criteria without otherEvidence and scenarios that skip the core pack', () => {
    const bundle = makeCleanBundle();
    const second = bundle.rubrics[1]?.criteria[1];
    if (second) delete second.otherEvidence;
    const first = bundle.scenarios[0];
    if (first) first.rubrics = ['std-pack'];
    expect(buildCoverage(bundle).problems).toEqual([
      {
        kind: 'inconsistent',
        where: 'rubrics/std-pack.yaml criteria.1',
        message:
          '"second" is evidenced by other but does not say what evidence is needed (otherEvidence)',
      },
      {
        kind: 'inconsistent',
        where: 'prompts/scenarios/s-bau.yaml',
        message: 'does not list core-webchat',
      },
    ]);
  });
});

describe('canEvidence', () => {
  const pack = makeStandardPack();

  it('lets only scenarios with a review transcript evidence supervisor-review criteria', () => {
    const criterion = makeCriterion('review', { evidencedBy: 'supervisorReview' });
    const plain = makeScenario('plain', 'supervisor', 'p');
    const review = { ...plain, reviewTranscript: [{ speaker: 'agent' as const, text: 'hi' }] };
    expect([canEvidence(plain, pack, criterion), canEvidence(review, pack, criterion)]).toEqual([
      false,
      true,
    ]);
  });

  it('respects a criterion restricted to some interaction types', () => {
    const criterion = makeCriterion('complaints', { interactionTypes: ['complaint'] });
    expect([
      canEvidence(makeScenario('a', 'complaint', 'p'), pack, criterion),
      canEvidence(makeScenario('b', 'bau', 'p'), pack, criterion),
    ]).toEqual([true, false]);
  });
});

describe('traitMatrix', () => {
  it('counts scenarios per trait, interaction type and industry', () => {
    const bundle = makeCleanBundle();
    bundle.personas = [makePersona('p-one', ['angry', 'calm'])];
    bundle.scenarios = [
      makeScenario('x', 'bau', 'p-one'),
      { ...makeScenario('y', 'bau', 'p-one'), industry: 'bank' },
    ];
    expect(traitMatrix(bundle)).toEqual([
      { trait: 'angry', interactionType: 'bau', industry: 'bank', scenarios: ['y'] },
      { trait: 'angry', interactionType: 'bau', industry: 'telco', scenarios: ['x'] },
      { trait: 'calm', interactionType: 'bau', industry: 'bank', scenarios: ['y'] },
      { trait: 'calm', interactionType: 'bau', industry: 'telco', scenarios: ['x'] },
    ]);
  });
});
