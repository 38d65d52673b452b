import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonDepth, MAX_JSON_DEPTH } from '#api/middleware/json-depth.ts';
import { createTestApp, signIn, TEST_PASSWORD, type TestApp } from '#tests/helpers/test-app.ts';
import { seedDemoIfEmpty } from '#api/services/demo-seed.ts';

describe('jsonDepth', () => {
  it('counts nesting and ignores brackets inside strings', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"text":"[[[[{{{{ \\" ]]"}')).toBe(1);
  });
});

describe('the JSON depth limit', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await seedDemoIfEmpty(t.deps, TEST_PASSWORD);
  });
  afterEach(() => t.close());

  it('refuses a deeply nested body before validation and still accepts normal bodies', async () => {
    const cookie = await signIn(t.app, 'admin@demo.rapport.test');
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    const send = (body: string) =>
      t.app.request('/api/admin/users', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body,
      });
    const refused = await send(
      `{"email":"a@demo.rapport.test","name":"A","roles":["learner"],"x":${deep}}`,
    );
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      `JSON nested deeper than ${MAX_JSON_DEPTH} levels is not accepted.`,
    );
    const ok = await send('{"email":"b@demo.rapport.test","name":"B","roles":["learner"]}');
    expect(ok.status).toBe(201);
  });
});
