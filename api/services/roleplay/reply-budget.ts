/**
 * The token budget around one LLM persona reply: checked before the model is called, charged
 * with the provider's usage once the reply is stored. The offline engine is never budgeted.
 */
import type { AppDeps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { assertBudgetLeft, recordLlmUsage, type TokenCounts } from '../llm-budget.ts';

/** Throws BUDGET_EXHAUSTED when an LLM persona may not reply for this organisation. */
export async function checkReplyBudget(deps: AppDeps, organisationId: string): Promise<void> {
  if (deps.persona.mode !== 'llm') return;
  await assertBudgetLeft(deps, organisationId);
}

/**
 * Charges a finished reply's tokens to the organisation's month. The reply is already stored, so
 * a failed count is logged rather than failing the reply.
 */
export async function recordReplyUsage(
  deps: AppDeps,
  organisationId: string,
  usage: TokenCounts,
): Promise<void> {
  try {
    await recordLlmUsage(deps, organisationId, usage);
  } catch (err) {
    deps.logger.warn('llm usage not recorded', {
      organisationId,
      error: err instanceof Error ? err.message : String(err),
    });
  }
}

/** The message to show for a reply refused by the budget, or null for any other failure. */
export function budgetFailure(err: unknown): string | null {
  return err instanceof AppError && err.code === 'BUDGET_EXHAUSTED' ? err.message : null;
}
