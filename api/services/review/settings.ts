/**
 * Organisation settings of assessment an admin may change: the share of sign-offs sampled for
 * IQA second marking. Each change is audited.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { organisations } from '../../db/schema.ts';
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
