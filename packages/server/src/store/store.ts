/**
 * Opens the database: embedded PGlite (a folder on disk, nothing to install) by default, or
 * PostgreSQL when a URL is given. Both speak the same SQL, so everything above this file is
 * written once. Also owns the cross-instance notification channel (LISTEN/NOTIFY on both).
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface Store {
  db: Db;
  backend: 'pglite' | 'postgres';
  /** Calls `onPayload` for every NOTIFY on `channel`, from any instance sharing the database. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL connection string; when absent, PGlite in `dataDir` (or in memory). */
  databaseUrl?: string;
  dataDir?: string;
  inMemory?: boolean;
  poolSize?: number;
}

const INT8_OID = 20;

export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : await openPGlite(options);
  await migrate(store.db);
  return store;
}

function openPostgres(connectionString: string, max: number): Store {
  // Sequence numbers and counts are int8; they stay far below 2^53.
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format),
  };
  const pool = new pg.Pool({ connectionString, max, types });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const listeners: pg.Client[] = [];
  return {
    db,
    backend: 'postgres',
    async listen(channel, onPayload) {
      const client = new pg.Client({ connectionString });
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) onPayload(message.payload ?? '');
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listeners.push(client);
      return async () => {
        listeners.splice(listeners.indexOf(client), 1);
        await client.end();
      };
    },
    async close() {
      await Promise.all(listeners.map((client) => client.end()));
      await db.destroy();
    },
  };
}

async function openPGlite(options: StoreOptions): Promise<Store> {
  let dataDir: string | undefined;
  if (!options.inMemory) {
    dataDir = options.dataDir ?? './data/pglite';
    mkdirSync(dataDir, { recursive: true });
  }
  const pglite = new PGlite({ dataDir, parsers: { [INT8_OID]: Number } });
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    backend: 'pglite',
    async listen(channel, onPayload) {
      const unlisten = await pglite.listen(channel, onPayload);
      return unlisten;
    },
    async close() {
      await db.destroy();
    },
  };
}

async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
