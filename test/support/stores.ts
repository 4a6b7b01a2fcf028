import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres, type PostgresCluster } from './postgres.mjs';

/** Every collector suite runs once per store (docs/collector.md, "Storage"). */
export const STORE_KINDS = ['sqlite', 'postgres'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export interface StoreLocation {
  dbPath?: string;
  databaseUrl?: string;
}

/**
 * Registers beforeAll/afterAll hooks that provide empty stores of one kind:
 * a SQLite file in a temp directory, or a fresh database in a throwaway
 * PostgreSQL cluster (started once for the file).
 */
export function storeFixture(kind: StoreKind) {
  let dir = '';
  let cluster: PostgresCluster | undefined;
  let made = 0;
  let shared: string | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `feelback-${kind}-`));
    if (kind === 'postgres') cluster = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    cluster?.close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
  return {
    get cluster() {
      if (!cluster) throw new Error('no PostgreSQL cluster for this store kind');
      return cluster;
    },
    get dir() {
      return dir;
    },
    /**
     * An empty store: a new SQLite file, or the file's one PostgreSQL database
     * with its events truncated (creating a database per test costs ~0.4 s).
     */
    async empty(): Promise<StoreLocation> {
      if (kind === 'sqlite') return this.fresh();
      shared ??= await cluster!.createDatabase('shared');
      await cluster!.query('shared', "DO $$ BEGIN IF to_regclass('events') IS NOT NULL THEN TRUNCATE events; END IF; END $$");
      return { databaseUrl: shared };
    },
    /** A new store location that has never been opened (no schema yet). */
    async fresh(): Promise<StoreLocation> {
      made++;
      if (kind === 'sqlite') return { dbPath: join(dir, `store-${made}`, 'feedback.sqlite') };
      return { databaseUrl: await cluster!.createDatabase(`test_${made}`) };
    },
  };
}
