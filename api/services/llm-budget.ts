/**
 * Per-organisation LLM token budgets. Every model call's provider-reported usage is added to the
 * organisation's row for the current UTC month (one atomic upsert, so concurrent replies and
 * gradings never lose a count), and an LLM persona reply or grading is refused up front once
 * input + output tokens for the month reach the budget. Offline engines are never budgeted.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { llmUsage, organisations } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import type { EngineChunk, PersonaEngine, RespondInput } from '../roleplay/engine.ts';

/** Tokens one model call (or one chain of calls) used, as the provider reported them. */
export interface TokenCounts {
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
}

/** What the budget service needs from AppDeps. */
export interface BudgetDeps {
  db: Db;
  clock: Clock;
}

/** The message learners, designers and admins see when the month's budget is spent. */
export const BUDGET_EXHAUSTED_MESSAGE =
  "Your organisation's monthly AI budget is used up; an admin can raise it on the admin page, or it resets at the start of next month.";

/** The usage month of `date`: `YYYY-MM` in UTC. */
export function usageMonth(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** Whole seconds from `date` to the start of the next UTC month (the budget's reset). */
export function secondsToNextMonth(date: Date): number {
  const next = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  return Math.max(1, Math.ceil((next - date.getTime()) / 1000));
}

/** Adds one call's tokens to the organisation's current month (atomic; zero usage is skipped). */
export async function recordLlmUsage(
  deps: BudgetDeps,
  organisationId: string,
  usage: TokenCounts,
): Promise<void> {
  if (usage.inputTokens + usage.cachedInputTokens + usage.outputTokens === 0) return;
  const now = deps.clock.now();
  await deps.db
    .insert(llmUsage)
    .values({
      organisationId,
      month: usageMonth(now),
      inputTokens: usage.inputTokens,
      cachedInputTokens: usage.cachedInputTokens,
      outputTokens: usage.outputTokens,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [llmUsage.organisationId, llmUsage.month],
      set: {
        inputTokens: sql`${llmUsage.inputTokens} + excluded.input_tokens`,
        cachedInputTokens: sql`${llmUsage.cachedInputTokens} + excluded.cached_input_tokens`,
        outputTokens: sql`${llmUsage.outputTokens} + excluded.output_tokens`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

/** The organisation's budget and this month's usage, as the admin page shows it. */
export interface BudgetView {
  month: string;
  /** Tokens per month (input + output); null = no cap. */
  budget: number | null;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  /** Input + output, the figure the budget is checked against. */
  usedTokens: number;
  /** Tokens left this month; null when there is no cap. */
  remainingTokens: number | null;
  exhausted: boolean;
}

/**
 * Reads the organisation's budget and current-month usage in one statement (it runs before
 * every LLM persona reply, so it is on the path of each chat turn).
 */
export async function budgetView(deps: BudgetDeps, organisationId: string): Promise<BudgetView> {
  const month = usageMonth(deps.clock.now());
  const [found] = await deps.db
    .select({
      budget: organisations.llmMonthlyTokenBudget,
      inputTokens: llmUsage.inputTokens,
      cachedInputTokens: llmUsage.cachedInputTokens,
      outputTokens: llmUsage.outputTokens,
    })
    .from(organisations)
    .leftJoin(
      llmUsage,
      and(eq(llmUsage.organisationId, organisations.id), eq(llmUsage.month, month)),
    )
    .where(eq(organisations.id, organisationId));
  if (!found) throw new AppError('NOT_FOUND', 'No such organisation.');
  const { budget } = found;
  const inputTokens = found.inputTokens ?? 0;
  const cachedInputTokens = found.cachedInputTokens ?? 0;
  const outputTokens = found.outputTokens ?? 0;
  const usedTokens = inputTokens + outputTokens;
  return {
    month,
    budget,
    inputTokens,
    cachedInputTokens,
    outputTokens,
    usedTokens,
    remainingTokens: budget === null ? null : Math.max(0, budget - usedTokens),
    exhausted: budget !== null && usedTokens >= budget,
  };
}

/**
 * Throws BUDGET_EXHAUSTED (429, Retry-After = the month's reset) when the organisation has used
 * its month's tokens. Call before starting any LLM persona reply or LLM grading.
 */
export async function assertBudgetLeft(deps: BudgetDeps, organisationId: string): Promise<void> {
  const view = await budgetView(deps, organisationId);
  if (!view.exhausted) return;
  throw new AppError('BUDGET_EXHAUSTED', BUDGET_EXHAUSTED_MESSAGE, {
    retryAfter: secondsToNextMonth(deps.clock.now()),
    month: view.month,
  });
}

/** Sets (or clears, with null) the organisation's monthly token budget; returns the old one. */
export async function setMonthlyBudget(
  deps: BudgetDeps,
  organisationId: string,
  budget: number | null,
): Promise<number | null> {
  const [before] = await deps.db
    .select({ budget: organisations.llmMonthlyTokenBudget })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!before) throw new AppError('NOT_FOUND', 'No such organisation.');
  await deps.db
    .update(organisations)
    .set({ llmMonthlyTokenBudget: budget })
    .where(eq(organisations.id, organisationId));
  return before.budget;
}

/**
 * Wraps a persona engine so the usage of every finished reply is added up in `total` (for
 * callers that play several turns at once, like the playground, and record them afterwards).
 */
export function meteredEngine(engine: PersonaEngine): {
  engine: PersonaEngine;
  total: TokenCounts;
} {
  const total: TokenCounts = { inputTokens: 0, cachedInputTokens: 0, outputTokens: 0 };
  async function* respond(input: RespondInput): AsyncIterable<EngineChunk> {
    for await (const chunk of engine.respond(input)) {
      if (chunk.type === 'done') {
        total.inputTokens += chunk.usage.inputTokens;
        total.cachedInputTokens += chunk.usage.cachedInputTokens;
        total.outputTokens += chunk.usage.outputTokens;
      }
      yield chunk;
    }
  }
  return { engine: { mode: engine.mode, open: (cards) => engine.open(cards), respond }, total };
}
