import { provideTestPostgres } from './global-setup';

/** Where the PostgreSQL half of the store tests runs, on machines with and without PostgreSQL. */
describe('the tests\' PostgreSQL', () => {
  it('uses TEST_DATABASE_URL when set, starting nothing', async () => {
    const env = { TEST_DATABASE_URL: 'postgres://ci@db:5432/test' };
    expect(await provideTestPostgres(env, '/no/such/bin')).toBeNull();
    expect(env).toEqual({ TEST_DATABASE_URL: 'postgres://ci@db:5432/test' });
  });

  it('without PostgreSQL skips the half and says why, on a developer machine', async () => {
    const env: NodeJS.ProcessEnv = {};
    expect(await provideTestPostgres(env, null)).toBeNull();
    expect(env.AFTERCARE_PG_SKIP).toMatch(/no TEST_DATABASE_URL and no initdb\/pg_ctl/);
  });

  it('without PostgreSQL fails in CI', async () => {
    await expect(provideTestPostgres({ CI: 'true' }, null)).rejects.toThrow(/CI=true: the PostgreSQL store tests must run/);
  });
});
