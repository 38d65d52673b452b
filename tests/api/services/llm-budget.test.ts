/**
 * The budget service: usage months are UTC, the reset is the next UTC month, concurrent usage
 * records are all counted (atomic upsert), months are kept apart, and the check refuses at
 * exactly the budget.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { llmUsage } from '#api/db/schema.ts';
import { AppError } from '#api/lib/errors.ts';
import {
  assertBudgetLeft,
  budgetView,
  recordLlmUsage,
  secondsToNextMonth,
  setMonthlyBudget,
  usageMonth,
} from '#api/services/llm-budget.ts';
import { createOrganisation } from '#api/services/accounts.ts';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';

describe('usage months', () => {
  it('are UTC calendar months, resetting at the next UTC month', () => {
    expect(usageMonth(new Date('2026-12-31T23:59:59.999Z'))).toBe('2026-12');
    expect(usageMonth(new Date('2027-01-01T00:00:00.000Z'))).toBe('2027-01');
    expect(secondsToNextMonth(new Date('2026-12-31T23:59:00.000Z'))).toBe(60);
    expect(secondsToNextMonth(new Date('2026-02-01T00:00:00.000Z'))).toBe(28 * 86_400);
  });
});

describe('the budget service', () => {
  let t: TestApp;
  let dir: string;
  const org = 'org_budget';
  const tokens = (inputTokens: number, outputTokens: number, cachedInputTokens = 0) => ({
    inputTokens,
    outputTokens,
    cachedInputTokens,
  });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rapport-budget-'));
    // A file database, so concurrent upserts really run on separate connections.
    t = await createTestApp({ databaseUrl: `file:${join(dir, 'budget.db')}` });
    await createOrganisation(t.db, { id: org, name: 'Budget Org', slug: 'budget' });
  });
  afterEach(async () => {
    t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts every one of many concurrent records, and skips zero usage', async () => {
    await Promise.all(
      Array.from({ length: 40 }, () => recordLlmUsage(t.deps, org, tokens(100, 10, 60))),
    );
    await recordLlmUsage(t.deps, org, tokens(0, 0, 0));
    const rows = await t.db.select().from(llmUsage);
    expect(rows.map(({ updatedAt: _, ...r }) => r)).toEqual([
      {
        organisationId: org,
        month: '2026-11',
        inputTokens: 4_000,
        cachedInputTokens: 2_400,
        outputTokens: 400,
      },
    ]);
  });

  it('keeps months apart, so a new month starts from zero', async () => {
    await setMonthlyBudget(t.deps, org, 1_000);
    await recordLlmUsage(t.deps, org, tokens(990, 10));
    await expect(assertBudgetLeft(t.deps, org)).rejects.toThrow(AppError);
    t.clock.advance(8 * 86_400_000); // into December
    await assertBudgetLeft(t.deps, org);
    expect(await budgetView(t.deps, org)).toEqual({
      month: '2026-12',
      budget: 1_000,
      inputTokens: 0,
      cachedInputTokens: 0,
      outputTokens: 0,
      usedTokens: 0,
      remainingTokens: 1_000,
      exhausted: false,
    });
  });

  it('allows spend up to one token below the budget and refuses at it (cached tokens are part of input)', async () => {
    await setMonthlyBudget(t.deps, org, 500);
    await recordLlmUsage(t.deps, org, tokens(400, 99, 300));
    await assertBudgetLeft(t.deps, org);
    await recordLlmUsage(t.deps, org, tokens(0, 1));
    const err = await assertBudgetLeft(t.deps, org).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect([(err as AppError).code, (err as AppError).status]).toEqual(['BUDGET_EXHAUSTED', 429]);
    expect(await setMonthlyBudget(t.deps, org, null)).toBe(500);
    await assertBudgetLeft(t.deps, org);
  });
});
