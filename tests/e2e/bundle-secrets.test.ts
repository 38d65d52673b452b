/** The built web bundle carries no secret, key or server-only setting (runs after build:web). */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = new URL('../../web/dist/', import.meta.url).pathname;

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)])),
  );
  return nested.flat();
}

describe('the web bundle', () => {
  it('contains no API key, auth secret or server-only setting names', async () => {
    const found: string[] = [];
    for (const file of await files(dist)) {
      const text = await readFile(file, 'utf8');
      for (const needle of [
        /sk-[A-Za-z0-9]{8,}/,
        /OPENAI_API_KEY/,
        /AUTH_SECRET/,
        /DATABASE_AUTH_TOKEN/,
        /rapport-development-secret/,
      ]) {
        if (needle.test(text)) found.push(`${file}: ${needle}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('has no inline script (the CSP forbids it)', async () => {
    const html = await readFile(join(dist, 'index.html'), 'utf8');
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
  });
});
