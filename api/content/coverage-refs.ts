/**
 * Reference checks for coverage: reuses that point nowhere, standard codes that are unknown,
 * duplicated across packs or missing from every pack, and packs for standards not catalogued.
 */
import type { ContentBundle } from './load.ts';
import type { CoverageProblem } from './coverage-model.ts';
import type { RubricPack, StandardDefinition } from './schemas.ts';

const CORE_CRITERIA = [
  'rapport',
  'empathy',
  'options',
  'follow_up_recorded',
  'greeting',
  'security_check',
  'close',
];

const packFile = (id: string) => `rubrics/${id}.yaml`;

function checkCriterion(
  pack: RubricPack,
  index: number,
  byId: Map<string, RubricPack>,
): CoverageProblem[] {
  const c = pack.criteria[index];
  if (!c) return [];
  const where = `${packFile(pack.id)} criteria.${index}`;
  const problems: CoverageProblem[] = [];
  const add = (kind: CoverageProblem['kind'], message: string) =>
    problems.push({ kind, where, message });
  if (c.reuses) {
    const [packId = '', criterionId = ''] = c.reuses.split('#');
    const target = byId.get(packId)?.criteria.find((t) => t.id === criterionId);
    if (!target) add('dangling_reference', `"${c.id}" reuses "${c.reuses}", which does not exist`);
    else if (target.reuses)
      add('dangling_reference', `"${c.id}" reuses "${c.reuses}", which is itself a reuse`);
    else if (target.evidencedBy !== c.evidencedBy)
      add(
        'inconsistent',
        `"${c.id}" is evidenced by ${c.evidencedBy} but reuses a ${target.evidencedBy} criterion`,
      );
  } else if (c.metIndicators.length === 0 || c.notYetIndicators.length === 0) {
    add('inconsistent', `"${c.id}" needs at least one met and one not-yet indicator`);
  }
  if (c.evidencedBy === 'other' && !c.otherEvidence)
    add(
      'inconsistent',
      `"${c.id}" is evidenced by other but does not say what evidence is needed (otherEvidence)`,
    );
  if (c.evidencedBy !== 'other' && c.otherEvidence)
    add('inconsistent', `"${c.id}" has otherEvidence but is evidenced by ${c.evidencedBy}`);
  return problems;
}

/** Per-pack checks: reuses, indicators, duplicate criterion ids, appliesTo ids, the core pack's ids. */
export function checkPacks(bundle: ContentBundle): CoverageProblem[] {
  const byId = new Map(bundle.rubrics.map((p) => [p.id, p]));
  const problems: CoverageProblem[] = [];
  for (const pack of bundle.rubrics) {
    const ids = pack.criteria.map((c) => c.id);
    pack.criteria.forEach((_, i) => problems.push(...checkCriterion(pack, i, byId)));
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        problems.push({
          kind: 'inconsistent',
          where: packFile(pack.id),
          message: `criterion id "${id}" is used twice`,
        });
    });
    pack.evidenceRequirements.forEach((r, i) => {
      for (const id of r.appliesTo ?? [])
        if (!ids.includes(id))
          problems.push({
            kind: 'dangling_reference',
            where: `${packFile(pack.id)} evidenceRequirements.${i}`,
            message: `"${r.id}" applies to unknown criterion "${id}"`,
          });
    });
  }
  const core = byId.get('core-webchat');
  const missing = CORE_CRITERIA.filter((id) => !core?.criteria.some((c) => c.id === id));
  if (missing.length > 0)
    problems.push({
      kind: 'inconsistent',
      where: packFile('core-webchat'),
      message: `core criteria missing: ${missing.join(', ')}`,
    });
  return problems;
}

/** Resolves a cross-standard ref like "NZ-complex 2.2" to its standard and criterion code. */
export function resolveQualifiedRef(ref: string, standards: StandardDefinition[]) {
  const standard = [...standards]
    .sort((a, b) => b.code.length - a.code.length)
    .find((s) => ref.startsWith(`${s.code} `));
  const code = standard ? ref.slice(standard.code.length + 1) : '';
  return standard && standard.criteria.some((c) => c.code === code)
    ? { standard, code }
    : undefined;
}

/** Standard checks: every catalogued code sits in exactly one pack, and every ref resolves. */
export function checkStandards(bundle: ContentBundle): CoverageProblem[] {
  const standards = bundle.standards ?? [];
  const problems: CoverageProblem[] = [];
  if (standards.length === 0)
    problems.push({
      kind: 'standard_without_pack',
      where: 'rubrics/standards',
      message: 'no standards catalogued',
    });
  const owner = new Map<string, string>();
  for (const pack of bundle.rubrics) {
    const where = packFile(pack.id);
    if (pack.standard === null) {
      for (const c of pack.criteria)
        for (const ref of c.standardRefs)
          if (!resolveQualifiedRef(ref, standards))
            problems.push({
              kind: 'dangling_reference',
              where,
              message: `"${c.id}" refers to unknown "${ref}"`,
            });
      continue;
    }
    const { code: standardCode, source } = pack.standard;
    const standard = standards.find((s) => s.code === standardCode);
    if (!standard) {
      problems.push({
        kind: 'dangling_reference',
        where,
        message: `standard "${standardCode}" is not catalogued`,
      });
      continue;
    }
    if (standard.source !== source)
      problems.push({
        kind: 'inconsistent',
        where,
        message: `source "${source}" differs from the catalogue ("${standard.source}")`,
      });
    for (const c of pack.criteria) {
      for (const ref of c.standardRefs) {
        const key = `${standardCode} ${ref}`;
        if (!standard.criteria.some((sc) => sc.code === ref))
          problems.push({
            kind: 'dangling_reference',
            where,
            message: `"${c.id}" refers to unknown code "${key}"`,
          });
        else if (owner.has(key))
          problems.push({
            kind: 'duplicate_standard_code',
            where,
            message: `"${key}" is already covered by ${owner.get(key)}`,
          });
        else owner.set(key, `${pack.id}#${c.id}`);
      }
    }
  }
  for (const standard of standards) {
    if (!bundle.rubrics.some((p) => p.standard?.code === standard.code))
      problems.push({
        kind: 'standard_without_pack',
        where: `rubrics/standards/${standard.id}.yaml`,
        message: `no pack for ${standard.code}`,
      });
    for (const sc of standard.criteria)
      if (
        !owner.has(`${standard.code} ${sc.code}`) &&
        bundle.rubrics.some((p) => p.standard?.code === standard.code)
      )
        problems.push({
          kind: 'uncovered_criterion',
          where: `rubrics/standards/${standard.id}.yaml`,
          message: `${standard.code} ${sc.code} is in no pack criterion`,
        });
  }
  return problems;
}
