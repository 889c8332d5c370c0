import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/load-config';
import { DatabaseError } from '../../src/store/database-error';
import { openStore } from '../../src/store/open-store';
import { createTestSchema, describeWithPostgres } from '../support/postgres/test-schema';

describe('openStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aftercare-open-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens SQLite at DATABASE_PATH when DATABASE_URL is not set', async () => {
    const store = await openStore(loadConfig({ DATABASE_PATH: path.join(dir, 'bot.db') }));
    expect(store.kind).toBe('sqlite');
    await store.close();
  });

  it('names DATABASE_URL, and not its password, when the server cannot be reached', async () => {
    const config = loadConfig({ DATABASE_PATH: path.join(dir, 'bot.db'), DATABASE_URL: 'postgres://bot:s3cret@127.0.0.1:1/aftercare' });
    const failure = await openStore(config).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseError);
    expect((failure as Error).message).toMatch(/^check DATABASE_URL: cannot use the PostgreSQL database \(.*ECONNREFUSED/);
    expect((failure as Error).message).not.toContain('s3cret');
  });

  describeWithPostgres()('with PostgreSQL', () => {
    it('opens PostgreSQL when DATABASE_URL is set, keeping the asker-key secret in a file beside DATABASE_PATH', async () => {
      const schema = await createTestSchema();
      try {
        const config = loadConfig({ DATABASE_PATH: path.join(dir, 'data', 'bot.db'), DATABASE_URL: schema.url });
        const store = await openStore(config);
        const again = await openStore(config);
        expect(store.kind).toBe('postgres');
        expect(again.askerKey('slack', 'U1')).toBe(store.askerKey('slack', 'U1'));
        await Promise.all([store.close(), again.close()]);
      } finally {
        await schema.drop();
      }
    });
  });
});
