import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FILE_POOL_SIZE, openLibsqlClient } from '#api/db/client.node.ts';

describe('openLibsqlClient on a local file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rapport-db-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  // Statements started together run on different pooled connections; each must have the settings.
  const onEvery = async (url: string, opts: { synchronous?: 'normal' | 'full' }) => {
    const client = await openLibsqlClient(url, undefined, opts);
    try {
      const read = (pragma: string) =>
        Promise.all(
          Array.from({ length: FILE_POOL_SIZE * 2 }, () => client.execute(`PRAGMA ${pragma}`)),
        ).then((all) => [...new Set(all.map((r) => Number(Object.values(r.rows[0]!)[0])))]);
      return {
        synchronous: await read('synchronous'),
        foreignKeys: await read('foreign_keys'),
      };
    } finally {
      client.close();
    }
  };

  it('runs WAL with synchronous NORMAL and foreign keys on every connection', async () => {
    const settings = await onEvery(`file:${join(dir, 'a.db')}`, {});
    expect({ synchronous: settings.synchronous, foreignKeys: settings.foreignKeys }).toEqual({
      synchronous: [1],
      foreignKeys: [1],
    });
  });

  it('runs synchronous FULL on every connection when asked', async () => {
    const settings = await onEvery(`file:${join(dir, 'b.db')}`, { synchronous: 'full' });
    expect(settings.synchronous).toEqual([2]);
  });
});
