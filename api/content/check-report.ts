/**
 * Renders the content check as readable text: validation result, persona traits, the
 * trait × interaction type and industry × interaction type matrices, criteria coverage per
 * pack, and the problems, ending with a one-line summary.
 */
import type { ContentBundle } from './load.ts';
import type { CoverageReport } from './coverage.ts';
import { interactionType } from './schemas.ts';
import { formatTable } from './table.ts';

const TYPES = interactionType.options;

function countTable(
  label: string,
  rows: string[],
  count: (row: string, type: string) => number,
): string {
  const body = rows.map((row) => {
    const counts = TYPES.map((t) => count(row, t));
    return [row, ...counts.map((n) => (n === 0 ? '.' : n)), counts.reduce((a, b) => a + b, 0)];
  });
  return formatTable([label, ...TYPES, 'total'], body);
}

function criteriaTable(report: CoverageReport): string {
  const rows = report.criteria.map((c) => [
    c.pack,
    c.criterion,
    c.standardRefs.join(', '),
    c.reuses ? `${c.evidencedBy} (reuses ${c.reuses})` : c.evidencedBy,
    c.evidencedBy === 'other' ? 'needs other evidence' : String(c.scenarios.length),
  ]);
  return formatTable(['pack', 'criterion', 'standard refs', 'evidenced by', 'scenarios'], rows);
}

/** Whether the bundle and report are clean: no schema issue and no coverage problem. */
export function isClean(bundle: ContentBundle, report: CoverageReport): boolean {
  return bundle.issues.length === 0 && report.problems.length === 0;
}

/** The full human-readable report. */
export function renderCheckReport(bundle: ContentBundle, report: CoverageReport): string {
  const counts = `${bundle.rubrics.length} rubric packs, ${bundle.standards?.length ?? 0} standards, ${bundle.personas.length} personas, ${bundle.scenarios.length} scenarios`;
  const traits = Object.keys(report.personasPerTrait).sort();
  const industries = Object.keys(report.scenariosPerIndustry).sort();
  const traitCount = (trait: string, type: string) =>
    report.matrix
      .filter((m) => m.trait === trait && m.interactionType === type)
      .reduce((n, m) => n + m.scenarios.length, 0);
  const industryCount = (industry: string, type: string) =>
    (report.scenariosPerType[type as keyof typeof report.scenariosPerType] ?? []).filter((id) =>
      report.scenariosPerIndustry[industry]?.includes(id),
    ).length;
  const sections = [
    `Validation: ${counts}; ${bundle.issues.length === 0 ? 'all files valid' : `${bundle.issues.length} schema issue(s)`}`,
    ...(bundle.issues.length > 0
      ? [
          formatTable(
            ['file', 'path', 'problem'],
            bundle.issues.map((i) => [i.file, i.path || '(file)', i.message]),
          ),
        ]
      : []),
    'Personas per trait',
    formatTable(
      ['trait', 'personas', 'ids'],
      traits.map((t) => [
        t,
        report.personasPerTrait[t]?.length ?? 0,
        (report.personasPerTrait[t] ?? []).join(', '),
      ]),
    ),
    'Scenarios by persona trait x interaction type',
    countTable('trait', traits, traitCount),
    'Scenarios by industry x interaction type',
    countTable('industry', industries, industryCount),
    'Rubric criteria -> scenarios that can evidence them',
    criteriaTable(report),
    report.problems.length === 0
      ? 'Problems: none'
      : `Problems (${report.problems.length})\n${formatTable(
          ['kind', 'where', 'problem'],
          report.problems.map((p) => [p.kind, p.where, p.message]),
        )}`,
    isClean(bundle, report)
      ? `OK: ${counts}; every standard criterion covered`
      : `FAILED: ${bundle.issues.length} schema issue(s), ${report.problems.length} coverage problem(s)`,
  ];
  return `${sections.join('\n\n')}\n`;
}
