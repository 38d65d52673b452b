/**
 * Organisation settings of assessment an admin may change: the share of sign-offs sampled for
 * IQA second marking, and whether learners see AI feedback before an assessor confirms it.
 * Each change is audited.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { organisations } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { appendAudit } from '../audit.ts';
import { iqaSamplePercent } from './iqa-sample.ts';

/** Request body of the IQA settings. */
export const iqaSettingsInput = z.strictObject({
  iqaSamplePercent: z.number().int().min(0).max(100),
});

/** The organisation's IQA settings. */
export async function iqaSettings(deps: Pick<AppDeps, 'db'>, actor: Actor) {
  return { iqaSamplePercent: await iqaSamplePercent(deps, actor.organisationId) };
}

/** Changes the IQA sample percentage; returns the new settings. */
export async function updateIqaSettings(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: z.infer<typeof iqaSettingsInput>,
) {
  const before = await iqaSamplePercent(deps, actor.organisationId);
  await deps.db
    .update(organisations)
    .set({ iqaSamplePercent: input.iqaSamplePercent })
    .where(eq(organisations.id, actor.organisationId));
  await appendAudit(deps.db, deps.clock, {
    organisationId: actor.organisationId,
    actorId: actor.userId,
    action: 'organisation.iqa_settings_changed',
    entityType: 'organisation',
    entityId: actor.organisationId,
    before: { iqaSamplePercent: before },
    after: { iqaSamplePercent: input.iqaSamplePercent },
  });
  return { iqaSamplePercent: input.iqaSamplePercent };
}

/** Request body of the feedback setting. */
export const feedbackSettingsInput = z.strictObject({
  feedbackVisibility: z.enum(['provisional', 'after_confirmation']),
});
type FeedbackSettings = z.infer<typeof feedbackSettingsInput>;

async function readFeedbackSettings(
  deps: Pick<AppDeps, 'db'>,
  organisationId: string,
): Promise<FeedbackSettings> {
  const [row] = await deps.db
    .select({ feedbackVisibility: organisations.feedbackVisibility })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!row) throw new AppError('NOT_FOUND', 'Organisation not found.');
  return row;
}

/** Whether the organisation's learners see AI feedback at once (provisional) or only confirmed. */
export async function feedbackSettings(deps: Pick<AppDeps, 'db'>, actor: Actor) {
  return readFeedbackSettings(deps, actor.organisationId);
}

/** Changes when learners see AI feedback; returns the new setting. */
export async function updateFeedbackSettings(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: FeedbackSettings,
): Promise<FeedbackSettings> {
  const before = await readFeedbackSettings(deps, actor.organisationId);
  await deps.db
    .update(organisations)
    .set({ feedbackVisibility: input.feedbackVisibility })
    .where(eq(organisations.id, actor.organisationId));
  await appendAudit(deps.db, deps.clock, {
    organisationId: actor.organisationId,
    actorId: actor.userId,
    action: 'organisation.feedback_settings_changed',
    entityType: 'organisation',
    entityId: actor.organisationId,
    before,
    after: input,
  });
  return { feedbackVisibility: input.feedbackVisibility };
}
