import { type PostgresServer, stopPostgresServer } from '../../../src/store/postgres/throwaway-server';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { aftercarePostgres?: PostgresServer }).aftercarePostgres;
  if (server) stopPostgresServer(server);
}
