import { beforeAll, describe, expect, it } from 'vitest';
import type { InteractionType, PersonaTrait, RubricPack } from '#api/content/schemas.ts';
import { packPortfolio, type EvidencedInteraction } from '#api/services/portfolio/sufficiency.ts';
import { testContent } from '#tests/helpers/test-app.ts';

let packs: RubricPack[];
beforeAll(async () => {
  packs = (await testContent()).rubrics;
});
const pack = (id: string) => {
  const found = packs.find((p) => p.id === id);
  if (!found) throw new Error(`no pack ${id}`);
  return found;
};

let n = 0;
/** An interaction where the assessor decided the given `rubric#criterion` keys met. */
const interaction = (
  interactionType: InteractionType,
  traits: PersonaTrait[],
  met: string[],
): EvidencedInteraction => ({
  attemptId: `att_${++n}`,
  scenarioId: `scn_${n}`,
  interactionType,
  traits,
  met: new Set(met),
});

const criterionOf = (packId: string, criterionId: string, interactions: EvidencedInteraction[]) => {
  const c = packPortfolio(pack(packId), interactions).criteria.find((x) => x.id === criterionId);
  if (!c) throw new Error(`no criterion ${criterionId}`);
  return { status: c.status, interactions: c.interactions, needs: c.needs };
};

describe('NZ CC-GPO1 sufficiency', () => {
  const e2e = 'nz-cc-gpo1#end_to_end_journey';

  it('needs two interactions of two different types', () => {
    expect(
      criterionOf('nz-cc-gpo1', 'end_to_end_journey', [interaction('bau', ['angry'], [e2e])]),
    ).toEqual({
      status: 'not_yet',
      interactions: 1,
      needs: ['CC-GPO1: 1 of 2 interactions', 'CC-GPO1: 1 of 2 different interaction types'],
    });
    expect(
      criterionOf('nz-cc-gpo1', 'end_to_end_journey', [
        interaction('bau', ['angry'], [e2e]),
        interaction('bau', ['calm'], [e2e]),
      ]).needs,
    ).toEqual(['CC-GPO1: 1 of 2 different interaction types']);
    expect(
      criterionOf('nz-cc-gpo1', 'end_to_end_journey', [
        interaction('bau', ['angry'], [e2e]),
        interaction('complaint', ['calm'], [e2e]),
      ]),
    ).toEqual({ status: 'met', interactions: 2, needs: [] });
  });

  it('needs a customer from the diversity range', () => {
    expect(
      criterionOf('nz-cc-gpo1', 'end_to_end_journey', [
        interaction('bau', ['calm'], [e2e]),
        interaction('complaint', ['elderly'], [e2e]),
      ]).needs,
    ).toEqual([
      'CC-GPO1: a customer who is angry, sad, confused, stressed, multilingual or neurodiverse still needed',
    ]);
  });

  it('shows working relationships and the quality framework as evidenced by other means', () => {
    const p = packPortfolio(pack('nz-cc-gpo1'), []);
    expect(
      p.criteria.filter((c) => c.status === 'other_means').map((c) => [c.id, c.label]),
    ).toEqual([
      ['working_relationships', 'evidenced by other means'],
      ['quality_framework', 'evidenced by other means'],
    ]);
    expect([p.criteriaMet, p.criteriaAssessable, p.criteriaOtherMeans]).toEqual([0, 3, 2]);
    expect(p.missingTraits).toEqual([
      'angry',
      'sad',
      'confused',
      'stressed',
      'multilingual',
      'neurodiverse',
    ]);
  });
});

describe('NZ complex interactions sufficiency', () => {
  it('counts a confirmed core options judgement for explain_options, in three complex types', () => {
    const options = 'core-webchat#options';
    const three = [
      interaction('escalation', ['angry'], [options]),
      interaction('technical', ['neurodiverse'], [options]),
      interaction('complaint', ['stressed'], [options]),
    ];
    expect(criterionOf('nz-complex-interactions', 'explain_options', three)).toEqual({
      status: 'met',
      interactions: 3,
      needs: [],
    });
    // A business-as-usual chat is outside the complex range, so it does not count.
    expect(
      criterionOf('nz-complex-interactions', 'explain_options', [
        ...three.slice(0, 2),
        interaction('bau', ['calm'], [options]),
      ]).needs,
    ).toEqual([
      'NZ-complex: 2 of 3 interactions (escalation, technical, complaint, multifaceted or complex)',
      'NZ-complex: 2 of 3 different interaction types',
    ]);
  });

  it('accepts three rapport interactions of the same type for Outcome 2', () => {
    const rapport = 'core-webchat#rapport';
    expect(
      criterionOf('nz-complex-interactions', 'rapport_techniques', [
        interaction('complaint', ['angry'], [rapport]),
        interaction('complaint', ['sad'], [rapport]),
        interaction('complaint', ['calm'], [rapport]),
      ]),
    ).toEqual({ status: 'met', interactions: 3, needs: [] });
  });
});

describe('SQA DN8J 11 sufficiency', () => {
  const adapt = 'sqa-dn8j#adapt_language';

  it('needs one of three customers to have particular needs for Outcome 3', () => {
    const calm = [1, 2, 3].map(() => interaction('bau', ['calm'], [adapt]));
    expect(criterionOf('sqa-dn8j', 'adapt_language', calm).needs).toEqual([
      'DN8J 11: a customer who is multilingual, neurodiverse, elderly or vulnerable still needed',
    ]);
    expect(
      criterionOf('sqa-dn8j', 'adapt_language', [
        ...calm.slice(0, 2),
        interaction('bau', ['elderly'], [adapt]),
      ]),
    ).toEqual({ status: 'met', interactions: 3, needs: [] });
  });

  it('counts only dissatisfied customers for Outcome 4, with reused follow-up records', () => {
    const files = 'core-webchat#follow_up_recorded';
    expect(
      criterionOf('sqa-dn8j', 'maintain_files', [
        interaction('complaint', ['angry'], [files]),
        interaction('escalation', ['angry'], [files]),
        interaction('bau', ['calm'], [files]),
      ]),
    ).toEqual({
      status: 'not_yet',
      interactions: 2,
      needs: ['DN8J 11: 2 of 3 interactions (complaint or escalation)'],
    });
  });

  it('needs three different situations for Outcome 1', () => {
    const comply = 'core-webchat#security_check';
    expect(
      criterionOf('sqa-dn8j', 'comply_legislation', [
        interaction('bau', ['calm'], [comply]),
        interaction('complaint', ['angry'], [comply]),
        interaction('technical', ['confused'], [comply]),
      ]),
    ).toEqual({ status: 'met', interactions: 3, needs: [] });
  });
});

describe('BSBCCO307A sufficiency', () => {
  it('needs two roleplays for the criteria roleplay supplements, and shows workplace criteria as other means', () => {
    const key = 'bsbcco307a#professional_ethical_approach';
    expect(
      criterionOf('bsbcco307a', 'professional_ethical_approach', [
        interaction('bau', ['calm'], [key]),
      ]),
    ).toEqual({
      status: 'not_yet',
      interactions: 1,
      needs: ['BSBCCO307A: 1 of 2 interactions'],
    });
    expect(
      criterionOf('bsbcco307a', 'professional_ethical_approach', [
        interaction('bau', ['calm'], [key]),
        interaction('bau', ['calm'], [key]),
      ]).status,
    ).toBe('met');
    expect(criterionOf('bsbcco307a', 'teamwork', []).status).toBe('other_means');
  });
});

describe('OCR CC15 sufficiency', () => {
  it('counts only supervisor exercises, on two occasions', () => {
    const key = 'ocr-cc15#resolve_identification';
    expect(
      criterionOf('ocr-cc15', 'resolve_identification', [interaction('bau', ['calm'], [key])]),
    ).toEqual({
      status: 'not_yet',
      interactions: 0,
      needs: ['OCR CC15: 0 of 2 interactions (supervisor)'],
    });
    expect(
      criterionOf('ocr-cc15', 'resolve_identification', [
        interaction('supervisor', ['angry'], [key]),
        interaction('supervisor', ['confused'], [key]),
      ]).status,
    ).toBe('met');
    expect(criterionOf('ocr-cc15', 'product_and_requirements_knowledge', []).status).toBe(
      'other_means',
    );
  });
});
