import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { CORE_CRITERIA } from '../../../web/src/coach/labels.ts';

describe('coach labels', () => {
  it("lists the core pack's criteria as rubrics/core-webchat.yaml defines them", () => {
    const pack = z
      .object({ criteria: z.array(z.object({ id: z.string(), title: z.string() })) })
      .parse(parse(readFileSync('rubrics/core-webchat.yaml', 'utf8')));
    expect(CORE_CRITERIA).toEqual(pack.criteria.map(({ id, title }) => ({ id, title })));
  });
});
