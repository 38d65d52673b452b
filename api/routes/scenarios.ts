/**
 * GET /api/scenarios — what a learner may practise: each scenario's learner-visible brief, never
 * its hidden facts or persona card, and whether a coach assigned it to them (with a due date).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../deps.ts';
import { actorOf, requireRoles } from '../middleware/guards.ts';
import { hasRole } from '../lib/actor.ts';
import { learnerAssignments } from '../services/coach/assignments.ts';

export const scenarioRoutes = new Hono<AppEnv>().get(
  '/',
  requireRoles('learner', 'coach', 'designer', 'admin'),
  async (c) => {
    const { content } = c.var.deps;
    const actor = actorOf(c);
    const assigned = hasRole(actor, 'learner')
      ? await learnerAssignments(c.var.deps, actor)
      : new Map<string, { dueDate: string }>();
    const scenarios = content.scenarios.map((s) => {
      const persona = content.personas.find((p) => p.id === s.persona);
      return {
        id: s.id,
        title: s.title,
        industry: s.industry,
        interactionType: s.interactionType,
        brief: s.brief,
        customerName: persona?.name ?? '',
        traits: persona?.traits ?? [],
        rubrics: s.rubrics,
        assigned: assigned.has(s.id),
        dueDate: assigned.get(s.id)?.dueDate ?? null,
      };
    });
    return c.json({ scenarios });
  },
);
