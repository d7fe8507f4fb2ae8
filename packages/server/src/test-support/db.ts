/**
 * Fresh databases for tests: an in-memory PGlite, or a uniquely named database on the
 * machine's real PostgreSQL (dropped afterwards). PostgreSQL being down fails the test run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../store/store.js';

export type Backend = 'pglite' | 'postgres';
export const BACKENDS: Backend[] = ['pglite', 'postgres'];

export const POSTGRES_ADMIN_URL =
  process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** Set for PostgreSQL: lets a test start several server processes on one database. */
  databaseUrl?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<Required<TestDatabase>> {
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface TestStore extends Store {
  /** Closes the store and drops its database. */
  dispose(): Promise<void>;
}

export async function openTestStore(backend: Backend): Promise<TestStore> {
  if (backend === 'pglite') {
    const store = await openStore({ inMemory: true });
    return { ...store, dispose: () => store.close() };
  }
  const database = await createTestDatabase();
  // Dropping the database ends its connections on purpose; that is not worth reporting.
  const store = await openStore({
    databaseUrl: database.databaseUrl,
    poolSize: 5,
    log: () => undefined,
  });
  return {
    ...store,
    async dispose() {
      await store.close();
      await database.drop();
    },
  };
}
