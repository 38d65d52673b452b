/**
 * A learner's portfolio across every standard pack: their submitted, non-void attempts with the
 * criteria an assessor decided `met` (current decisions only), fed to the sufficiency rules.
 */
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps.ts';
import { attempts } from '../../db/schema.ts';
import { currentDecisions, loadReviewStates } from '../review/state.ts';
import { packPortfolio, type EvidencedInteraction } from './sufficiency.ts';

/** The learner's confirmed interactions. */
export async function learnerInteractions(
  deps: AppDeps,
  learnerId: string,
): Promise<EvidencedInteraction[]> {
  const rows = await deps.db
    .select()
    .from(attempts)
    .where(and(eq(attempts.learnerId, learnerId), eq(attempts.status, 'submitted')));
  const states = await loadReviewStates(
    deps.db,
    rows.map((r) => r.id),
  );
  const out: EvidencedInteraction[] = [];
  for (const a of rows) {
    const state = states.get(a.id);
    const scenario = deps.content.scenarios.find((s) => s.id === a.scenarioId);
    if (!state || state.voided || !scenario) continue;
    const persona = deps.content.personas.find((p) => p.id === a.personaId);
    const met = new Set<string>();
    for (const d of currentDecisions(state.decisions).values())
      if (d.verdict === 'met') met.add(`${d.rubricId}#${d.criterionId}`);
    if (state.decisions.length === 0) continue;
    out.push({
      attemptId: a.id,
      scenarioId: a.scenarioId,
      interactionType: scenario.interactionType,
      traits: persona?.traits ?? [],
      met,
    });
  }
  return out;
}

/** The portfolio of a learner: one entry per standard pack. */
export async function learnerPortfolio(deps: AppDeps, learnerId: string) {
  const interactions = await learnerInteractions(deps, learnerId);
  return {
    learnerId,
    confirmedInteractions: interactions.length,
    standards: deps.content.rubrics
      .filter((r) => r.standard !== null)
      .map((pack) => packPortfolio(pack, interactions)),
  };
}
