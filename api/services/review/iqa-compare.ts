/**
 * First vs second marking of completed IQA samples: the pairs of verdicts per criterion, read by
 * the disagreements list and the assessor-vs-assessor agreement figures. The first verdict is
 * the one the first assessor signed off (the newest decision made by the time of sign-off), so a
 * later change does not rewrite what was second-marked.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../../deps.ts';
import { attempts, iqaDecisions, iqaSamples, signOffs } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { agreement } from '../../grading/kappa.ts';
import { userNames } from './names.ts';
import { attemptSummary } from './queue.ts';
import { loadReviewStates, type DecisionRow } from './state.ts';

/** One criterion of one completed sample, first and second verdicts side by side. */
export interface IqaPair {
  sampleId: string;
  attemptId: string;
  rubricId: string;
  rubricVersion: string;
  criterionId: string;
  completedAt: Date;
  first: { verdict: 'met' | 'not_yet'; reason: string | null; assessorId: string };
  second: { verdict: 'met' | 'not_yet'; reason: string | null; assessorId: string };
}

/** The decision in force on a criterion at sign-off time. */
function signedOffDecision(
  decisions: readonly DecisionRow[],
  gradingId: string,
  criterionId: string,
  at: Date,
): DecisionRow | undefined {
  let best: DecisionRow | undefined;
  for (const d of decisions) {
    if (d.gradingId !== gradingId || d.criterionId !== criterionId || d.createdAt > at) continue;
    if (!best || d.version > best.version) best = d;
  }
  return best;
}

/** Every criterion pair of the organisation's completed samples, oldest sample first. */
export async function completedIqaPairs(
  deps: Pick<AppDeps, 'db'>,
  organisationId: string,
): Promise<IqaPair[]> {
  const samples = await deps.db
    .select({ sample: iqaSamples, signOff: signOffs })
    .from(iqaSamples)
    .innerJoin(signOffs, eq(signOffs.id, iqaSamples.signOffId))
    .where(and(eq(iqaSamples.organisationId, organisationId), eq(iqaSamples.status, 'complete')))
    .orderBy(asc(iqaSamples.completedAt));
  if (samples.length === 0) return [];
  const [seconds, states] = await Promise.all([
    deps.db
      .select()
      .from(iqaDecisions)
      .where(
        inArray(
          iqaDecisions.sampleId,
          samples.map((s) => s.sample.id),
        ),
      ),
    loadReviewStates(
      deps.db,
      samples.map((s) => s.sample.attemptId),
    ),
  ]);
  const pairs: IqaPair[] = [];
  for (const { sample, signOff } of samples) {
    const decisions = states.get(sample.attemptId)?.decisions ?? [];
    const own = seconds
      .filter((d) => d.sampleId === sample.id)
      .sort((a, b) => a.criterionId.localeCompare(b.criterionId));
    for (const second of own) {
      const first = signedOffDecision(
        decisions,
        signOff.gradingId,
        second.criterionId,
        signOff.createdAt,
      );
      if (!first) continue;
      pairs.push({
        sampleId: sample.id,
        attemptId: sample.attemptId,
        rubricId: signOff.rubricId,
        rubricVersion: signOff.rubricVersion,
        criterionId: second.criterionId,
        completedAt: sample.completedAt ?? sample.createdAt,
        first: { verdict: first.verdict, reason: first.reason, assessorId: first.assessorId },
        second: { verdict: second.verdict, reason: second.reason, assessorId: second.assessorId },
      });
    }
  }
  return pairs;
}

/**
 * Assessor-vs-assessor agreement per rubric version and criterion, over samples completed in
 * [from, to): κ, % agreement and the confusion matrix (rows: first assessor, columns: second).
 */
export async function iqaAgreement(
  deps: Pick<AppDeps, 'db'>,
  organisationId: string,
  period: { from: Date; to: Date },
) {
  const groups = new Map<
    string,
    { rubricId: string; rubricVersion: string; criterionId: string; pairs: [boolean, boolean][] }
  >();
  for (const p of await completedIqaPairs(deps, organisationId)) {
    if (p.completedAt < period.from || p.completedAt >= period.to) continue;
    const key = `${p.rubricId}@${p.rubricVersion}#${p.criterionId}`;
    const group = groups.get(key) ?? {
      rubricId: p.rubricId,
      rubricVersion: p.rubricVersion,
      criterionId: p.criterionId,
      pairs: [],
    };
    group.pairs.push([p.first.verdict === 'met', p.second.verdict === 'met']);
    groups.set(key, group);
  }
  return {
    raters: { a: 'first_assessor', b: 'second_assessor' },
    criteria: [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, g]) => ({
        rubric: { id: g.rubricId, version: g.rubricVersion },
        criterionId: g.criterionId,
        ...agreement(g.pairs),
      })),
  };
}

/** The disagreements of completed samples: per sample and criterion where the verdicts differ. */
export async function iqaDisagreements(deps: AppDeps, actor: Actor) {
  const differing = (await completedIqaPairs(deps, actor.organisationId)).filter(
    (p) => p.first.verdict !== p.second.verdict,
  );
  const attemptIds = [...new Set(differing.map((p) => p.attemptId))];
  const attemptRows =
    attemptIds.length === 0
      ? []
      : await deps.db.select().from(attempts).where(inArray(attempts.id, attemptIds));
  const names = await userNames(deps.db, [
    ...attemptRows.map((a) => a.learnerId),
    ...differing.flatMap((p) => [p.first.assessorId, p.second.assessorId]),
  ]);
  return differing.flatMap((p) => {
    const attempt = attemptRows.find((a) => a.id === p.attemptId);
    if (!attempt) return [];
    const rubric = deps.content.rubrics.find(
      (r) => r.id === p.rubricId && r.version === p.rubricVersion,
    );
    const named = (x: IqaPair['first']) => ({ ...x, assessorName: names.get(x.assessorId) ?? '' });
    return [
      {
        sampleId: p.sampleId,
        ...attemptSummary(deps, attempt, names),
        rubric: { id: p.rubricId, version: p.rubricVersion, title: rubric?.title ?? '' },
        criterion: {
          id: p.criterionId,
          title: rubric?.criteria.find((c) => c.id === p.criterionId)?.title ?? p.criterionId,
        },
        first: named(p.first),
        second: named(p.second),
        completedAt: p.completedAt.toISOString(),
      },
    ];
  });
}
