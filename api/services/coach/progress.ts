/**
 * A learner's progress over time, for their coach: per graded attempt (oldest first) how many
 * criteria were met, using the assessor's current decision where there is one and the AI
 * verdict otherwise (and saying which), plus the met rate per persona trait and per interaction
 * type. Void attempts count for nothing and are left out.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps.ts';
import { attempts } from '../../db/schema.ts';
import type { z } from 'zod';
import type { verdict as verdictSchema } from '../../transcript/schema.ts';
import {
  currentDecisions,
  decisionKey,
  latestGradingPerRubric,
  loadReviewStates,
  type AttemptReviewState,
} from '../review/state.ts';

/** Where an attempt's counts come from: all assessor decisions, all AI, or some of each. */
export type ProgressBasis = 'confirmed' | 'ai' | 'mixed';

/** One criterion's verdict as counted: the assessor's if decided, else the AI's. */
interface CountedVerdict {
  verdict: z.infer<typeof verdictSchema>;
  confirmed: boolean;
}

/**
 * The verdicts of an attempt's graded rubrics, one per criterion. A standard's criterion that
 * reuses a core criterion also judged in this attempt is counted once, under the core pack.
 */
export function countedVerdicts(
  deps: Pick<AppDeps, 'content'>,
  state: AttemptReviewState,
): CountedVerdict[] {
  const current = currentDecisions(state.decisions);
  const byKey = new Map<string, CountedVerdict>();
  for (const g of latestGradingPerRubric(state.gradings)) {
    if (g.row.status !== 'graded' || !g.result) continue;
    const pack = deps.content.rubrics.find(
      (r) => r.id === g.row.rubricId && r.version === g.row.rubricVersion,
    );
    for (const c of g.result.criteria) {
      const decision = current.get(decisionKey(g.row.id, c.id));
      const verdict = decision?.verdict ?? c.verdict;
      // A criterion the grader could not judge and nobody decided says nothing about progress.
      if (!verdict) continue;
      const reuses = pack?.criteria.find((d) => d.id === c.id)?.reuses;
      const key = reuses ?? `${g.row.rubricId}#${c.id}`;
      const seen = byKey.get(key);
      // A decided verdict outranks an AI one for the same (reused) criterion.
      if (!seen || (!seen.confirmed && decision))
        byKey.set(key, { verdict, confirmed: !!decision });
    }
  }
  return [...byKey.values()];
}

function basisOf(verdicts: readonly CountedVerdict[]): ProgressBasis {
  const confirmed = verdicts.filter((v) => v.confirmed).length;
  if (confirmed === 0) return 'ai';
  return confirmed === verdicts.length ? 'confirmed' : 'mixed';
}

interface Tally {
  attempts: number;
  met: number;
  total: number;
}

function addTo(tallies: Map<string, Tally>, key: string, met: number, total: number) {
  const t = tallies.get(key) ?? { attempts: 0, met: 0, total: 0 };
  tallies.set(key, { attempts: t.attempts + 1, met: t.met + met, total: t.total + total });
}

/** Tallies as a sorted list with the met rate (0–1, null when nothing was judged). */
function rates(tallies: Map<string, Tally>) {
  return [...tallies.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, t]) => ({
      key,
      ...t,
      metRate: t.total === 0 ? null : Math.round((t.met / t.total) * 1000) / 1000,
    }));
}

/** The progress of one learner (the caller has checked the actor may read them). */
export async function learnerProgress(
  deps: AppDeps,
  organisationId: string,
  learner: { id: string; name: string },
) {
  const rows = await deps.db
    .select()
    .from(attempts)
    .where(
      and(
        eq(attempts.learnerId, learner.id),
        eq(attempts.organisationId, organisationId),
        eq(attempts.status, 'submitted'),
      ),
    )
    .orderBy(asc(attempts.submittedAt));
  const states = await loadReviewStates(
    deps.db,
    rows.map((r) => r.id),
  );
  const byTrait = new Map<string, Tally>();
  const byType = new Map<string, Tally>();
  const points = [];
  for (const a of rows) {
    const state = states.get(a.id);
    if (!state || state.voided) continue;
    const verdicts = countedVerdicts(deps, state);
    if (verdicts.length === 0) continue;
    const scenario = deps.content.scenarios.find((s) => s.id === a.scenarioId);
    const persona = deps.content.personas.find((p) => p.id === a.personaId);
    const interactionType = scenario?.interactionType ?? null;
    const traits = persona?.traits ?? [];
    const met = verdicts.filter((v) => v.verdict === 'met').length;
    for (const trait of traits) addTo(byTrait, trait, met, verdicts.length);
    if (interactionType) addTo(byType, interactionType, met, verdicts.length);
    points.push({
      attemptId: a.id,
      date: (a.submittedAt ?? a.startedAt).toISOString(),
      scenario: { id: a.scenarioId, title: scenario?.title ?? a.scenarioId },
      interactionType,
      traits,
      met,
      total: verdicts.length,
      confirmed: verdicts.filter((v) => v.confirmed).length,
      basis: basisOf(verdicts),
    });
  }
  return {
    learner,
    attempts: points,
    byTrait: rates(byTrait).map(({ key, ...t }) => ({ trait: key, ...t })),
    byInteractionType: rates(byType).map(({ key, ...t }) => ({ interactionType: key, ...t })),
  };
}
