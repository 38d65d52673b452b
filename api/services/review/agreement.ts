/**
 * AI-vs-assessor agreement per criterion and rubric version over a period: Cohen's κ, %
 * agreement and the confusion matrix (rows: AI, columns: assessor), from the current decision
 * on each judged criterion of non-void attempts. A drifting grader shows up here. Beside it,
 * assessor-vs-assessor agreement from completed IQA second marking (`iqa`).
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { attemptVoids, criterionDecisions } from '../../db/schema.ts';
import { agreement } from '../../grading/kappa.ts';
import type { Actor } from '../../lib/actor.ts';
import { iqaAgreement } from './iqa-compare.ts';
import { currentDecisions } from './state.ts';

const DAY_MS = 86_400_000;
const dateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** Query: `from` (inclusive) and `to` (a date includes that whole day), ISO dates or times. */
export const agreementQuery = z.strictObject({
  from: dateOrTime.optional(),
  to: dateOrTime.optional(),
});

/** Parses the period; a date-only `to` runs to the end of that day. */
export function agreementPeriod(q: z.infer<typeof agreementQuery>) {
  const from = q.from ? new Date(q.from) : new Date(0);
  const to = q.to
    ? new Date(new Date(q.to).getTime() + (q.to.length === 10 ? DAY_MS : 0))
    : new Date(8.64e15);
  return { from, to };
}

/** Agreement figures for the actor's organisation in [from, to). */
export async function agreementReport(
  deps: AppDeps,
  actor: Actor,
  period: { from: Date; to: Date },
) {
  const rows = await deps.db
    .select()
    .from(criterionDecisions)
    .where(
      and(
        eq(criterionDecisions.organisationId, actor.organisationId),
        isNotNull(criterionDecisions.aiVerdict),
      ),
    );
  const voided = new Set(
    (
      await deps.db
        .select({ id: attemptVoids.attemptId })
        .from(attemptVoids)
        .where(eq(attemptVoids.organisationId, actor.organisationId))
    ).map((v) => v.id),
  );
  const groups = new Map<
    string,
    { rubricId: string; rubricVersion: string; criterionId: string; pairs: [boolean, boolean][] }
  >();
  for (const d of currentDecisions(rows).values()) {
    if (voided.has(d.attemptId) || d.createdAt < period.from || d.createdAt >= period.to) continue;
    const key = `${d.rubricId}@${d.rubricVersion}#${d.criterionId}`;
    const group = groups.get(key) ?? {
      rubricId: d.rubricId,
      rubricVersion: d.rubricVersion,
      criterionId: d.criterionId,
      pairs: [],
    };
    group.pairs.push([d.aiVerdict === 'met', d.verdict === 'met']);
    groups.set(key, group);
  }
  const criteria = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, g]) => ({
      rubric: { id: g.rubricId, version: g.rubricVersion },
      criterionId: g.criterionId,
      ...agreement(g.pairs),
    }));
  const iqa = await iqaAgreement(deps, actor.organisationId, period);
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    raters: { a: 'ai', b: 'assessor' },
    criteria,
    iqa,
    rubrics: rubricTitles(deps, [...criteria, ...iqa.criteria]),
  };
}

/** Titles of the rubric versions (and their criteria) the figures mention, for display. */
function rubricTitles(
  deps: Pick<AppDeps, 'content'>,
  rows: ReadonlyArray<{ rubric: { id: string; version: string } }>,
) {
  const seen = new Map<string, { id: string; version: string }>();
  for (const r of rows) seen.set(`${r.rubric.id}@${r.rubric.version}`, r.rubric);
  return [...seen.values()]
    .sort((a, b) => a.id.localeCompare(b.id) || a.version.localeCompare(b.version))
    .map(({ id, version }) => {
      const pack =
        deps.content.rubrics.find((p) => p.id === id && p.version === version) ??
        deps.content.rubrics.find((p) => p.id === id);
      return {
        id,
        version,
        title: pack?.title ?? id,
        criteria: Object.fromEntries((pack?.criteria ?? []).map((c) => [c.id, c.title])),
      };
    });
}
