import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#tests/helpers/test-app.ts';
import { buildWorld, type World } from '#tests/helpers/world.ts';

describe('export scopes', () => {
  let t: TestApp;
  let w: World;
  beforeEach(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterEach(() => t.close());

  it("lists the organisation's learners and groups and every standard, by name", async () => {
    const res = await t.app.request('/api/review/export-scopes', {
      headers: { cookie: w.cookies.assessor ?? '' },
    });
    expect(res.status).toBe(200);
    const standards = t.deps.content.rubrics
      .map((r) => ({
        id: r.id,
        version: r.version,
        title: r.title,
        code: r.standard?.code ?? null,
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
    expect(await res.json()).toEqual({
      learners: [
        { id: w.ids.learner, name: 'Lee Learner' },
        { id: w.ids.otherLearner, name: 'Olive Other' },
      ],
      groups: [
        { id: 'grp_demo', name: 'Demo team' },
        { id: 'grp_other', name: 'Other team' },
      ],
      standards,
    });
  });
});
