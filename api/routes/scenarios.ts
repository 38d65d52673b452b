/**
 * GET /api/scenarios — what a learner may practise: each scenario's learner-visible brief, never
 * its hidden facts or persona card.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../deps.ts';
import { requireRoles } from '../middleware/guards.ts';

export const scenarioRoutes = new Hono<AppEnv>().get(
  '/',
  requireRoles('learner', 'coach', 'designer', 'admin'),
  (c) => {
    const { content } = c.var.deps;
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
      };
    });
    return c.json({ scenarios });
  },
);
