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
  /** Calls `onPayload` for every NOTIFY on `channel`, from any instance sharing the database;
   * with `null` after a lost connection came back (notifications may have been missed). */
  listen(
    channel: string,
    onPayload: (payload: string | null) => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL connection string; when absent, PGlite in `dataDir` (or in memory). */
  databaseUrl?: string;
  dataDir?: string;
  inMemory?: boolean;
  poolSize?: number;
  /** Where connection trouble is reported (it is survived, not thrown). */
  log?: StoreLog;
}

export type StoreLog = (message: string, error: unknown) => void;

const INT8_OID = 20;

export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl
    ? openPostgres(
        options.databaseUrl,
        options.poolSize ?? 10,
        options.log ?? ((message, error) => console.error(message, error)),
      )
    : await openPGlite(options);
  await migrate(store.db);
  return store;
}

function openPostgres(connectionString: string, max: number, log: StoreLog): Store {
  // Sequence numbers and counts are int8; they stay far below 2^53.
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format),
  };
  const pool = new pg.Pool({ connectionString, max, types });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool opens a new one on next use.
  pool.on('error', (error) => log('idle database connection lost', error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const listeners = new Set<PostgresListener>();
  return {
    db,
    backend: 'postgres',
    async listen(channel, onPayload) {
      const listener = new PostgresListener(connectionString, channel, onPayload, log);
      await listener.start();
      listeners.add(listener);
      return async () => {
        listeners.delete(listener);
        await listener.stop();
      };
    },
    async close() {
      await Promise.all([...listeners].map((listener) => listener.stop()));
      listeners.clear();
      await db.destroy();
    },
  };
}

/**
 * A dedicated LISTEN connection that reconnects when lost. Notifications sent while it was
 * down are gone, so after reconnecting it reports `null`: "re-check everything".
 */
class PostgresListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly onPayload: (payload: string | null) => void,
    private readonly log: StoreLog,
  ) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.onPayload(message.payload ?? '');
    });
    client.on('error', (error) => {
      this.log(`LISTEN ${this.channel} connection lost`, error);
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(this.channel)}`);
    this.client = client;
  }

  private lost(client: pg.Client): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.scheduleReconnect(1000);
  }

  private scheduleReconnect(delayMs: number): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.stopped) return;
      this.start()
        .then(() => this.onPayload(null))
        .catch((error: unknown) => {
          this.log(`LISTEN ${this.channel} reconnect failed`, error);
          this.scheduleReconnect(Math.min(delayMs * 2, 30_000));
        });
    }, delayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end();
  }
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
