/**
 * /api/admin — people and roles of the admin's own organisation. Invites create an account with
 * a one-time password shown once to the admin (no email is sent from an air-gapped install).
 * Also the organisation's IQA setting (share of sign-offs sampled for second marking).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { ROLES } from '../db/schema.ts';
import { AppError } from '../lib/errors.ts';
import { validate } from '../lib/validate.ts';
import { actorOf, requireRoles } from '../middleware/guards.ts';
import { createAccount, listOrganisationUsers, setRoles } from '../services/accounts.ts';
import { sessionCacheFor } from '../middleware/session-cache.ts';
import { appendAudit } from '../services/audit.ts';
import { budgetView, setMonthlyBudget } from '../services/llm-budget.ts';
import { generatePassword } from '../services/passwords.ts';
import {
  feedbackSettings,
  feedbackSettingsInput,
  iqaSettings,
  iqaSettingsInput,
  updateFeedbackSettings,
  updateIqaSettings,
} from '../services/review/settings.ts';

const rolesSchema = z.array(z.enum(ROLES)).min(1, 'give at least one role').max(ROLES.length);

/** A monthly token budget: a positive whole number, or null for no cap. */
const budgetSchema = z.strictObject({
  budget: z.number().int().positive().max(1_000_000_000_000).nullable(),
});

const inviteSchema = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(120),
  roles: rolesSchema,
});

export const adminRoutes = new Hono<AppEnv>()
  .use(requireRoles('admin'))
  .get('/llm-budget', async (c) => c.json(await budgetView(c.var.deps, actorOf(c).organisationId)))
  .put('/llm-budget', validate('json', budgetSchema), async (c) => {
    const actor = actorOf(c);
    const deps = c.var.deps;
    const { budget } = c.req.valid('json');
    const before = await setMonthlyBudget(deps, actor.organisationId, budget);
    await appendAudit(deps.db, deps.clock, {
      organisationId: actor.organisationId,
      actorId: actor.userId,
      action: 'organisation.llm_budget_changed',
      entityType: 'organisation',
      entityId: actor.organisationId,
      before: { llmMonthlyTokenBudget: before },
      after: { llmMonthlyTokenBudget: budget },
    });
    return c.json(await budgetView(deps, actor.organisationId));
  })
  .get('/users', async (c) => {
    const actor = actorOf(c);
    return c.json({ users: await listOrganisationUsers(c.var.deps.db, actor.organisationId) });
  })
  .post('/users', validate('json', inviteSchema), async (c) => {
    const actor = actorOf(c);
    const { auth, db, clock } = c.var.deps;
    const body = c.req.valid('json');
    const password = generatePassword();
    const { id } = await createAccount(auth, db, {
      ...body,
      password,
      organisationId: actor.organisationId,
    });
    await appendAudit(db, clock, {
      organisationId: actor.organisationId,
      actorId: actor.userId,
      action: 'user.invited',
      entityType: 'user',
      entityId: id,
      after: { email: body.email.toLowerCase(), roles: body.roles },
    });
    return c.json(
      {
        user: { id, name: body.name, email: body.email.toLowerCase(), roles: body.roles },
        oneTimePassword: password,
      },
      201,
    );
  })
  .put(
    '/users/:id/roles',
    validate('param', z.strictObject({ id: z.string().min(1).max(64) })),
    validate('json', z.strictObject({ roles: rolesSchema })),
    async (c) => {
      const actor = actorOf(c);
      const { db, clock } = c.var.deps;
      const { id } = c.req.valid('param');
      const { roles } = c.req.valid('json');
      if (id === actor.userId && !roles.includes('admin')) {
        throw new AppError('CONFLICT', 'You cannot remove your own admin role; ask another admin.');
      }
      const change = await setRoles(db, actor.organisationId, id, roles);
      sessionCacheFor(c.var.deps).forgetUser(id);
      await appendAudit(db, clock, {
        organisationId: actor.organisationId,
        actorId: actor.userId,
        action: 'user.roles_changed',
        entityType: 'user',
        entityId: id,
        before: { roles: change.before },
        after: { roles: change.after },
      });
      return c.json({ id, roles: change.after });
    },
  )
  .get('/settings/iqa', async (c) => c.json(await iqaSettings(c.var.deps, actorOf(c))))
  .put('/settings/iqa', validate('json', iqaSettingsInput), async (c) =>
    c.json(await updateIqaSettings(c.var.deps, actorOf(c), c.req.valid('json'))),
  )
  .get('/settings/feedback', async (c) => c.json(await feedbackSettings(c.var.deps, actorOf(c))))
  .put('/settings/feedback', validate('json', feedbackSettingsInput), async (c) =>
    c.json(await updateFeedbackSettings(c.var.deps, actorOf(c), c.req.valid('json'))),
  );
