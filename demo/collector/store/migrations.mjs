// Versioned schema migrations for both stores, and the way other collector
// modules (alerts, the inbox…) add their own tables.
//
// Each migration is applied once, in order, inside one transaction together
// with the record that it ran (`schema_migrations`), so a crash mid-way leaves
// the schema as it was. Two collectors starting at once do not race: SQLite
// takes the write lock first (BEGIN IMMEDIATE), PostgreSQL a transaction-level
// advisory lock; the second waits, then finds everything applied.
//
// Adding tables from another module:
//
//   import { registerMigrations } from './store/index.mjs';
//   registerMigrations([
//     { namespace: 'alerts', version: 1, name: 'outbox',
//       sqlite: 'CREATE TABLE alert_outbox (…) STRICT',
//       postgres: 'CREATE TABLE alert_outbox (…)' },
//   ]);
//
// before `openStore()` runs (or pass the same list as `openStore({ migrations })`).
// Versions count up from 1 within a namespace and are never edited once shipped:
// change a table with a new version. A step may be a function instead of SQL:
// `(db) => void` for SQLite (better-sqlite3, synchronous), `async (client) => void`
// for PostgreSQL (a pg client inside the migration's transaction).

import { canonicalEvent } from '../validate.mjs';
import { eventRow, EVENT_COLUMNS } from './rows.mjs';

/**
 * @typedef {object} Migration
 * @property {string} namespace the module that owns the tables, e.g. `alerts`
 * @property {number} version 1, 2, 3 … within the namespace
 * @property {string} name what it does, for the record
 * @property {string | ((db: import('better-sqlite3').Database) => void)} sqlite
 * @property {string | ((client: import('pg').PoolClient) => Promise<void>)} postgres
 */

/** The collector's own tables come first; other namespaces follow in the order they registered. */
export const CORE_NAMESPACE = 'feedback';

// PostgreSQL advisory lock key for migrations: the bytes of "feelback" as a bigint.
export const MIGRATION_LOCK_KEY = '7378415080697848683';

const EVENTS_INDEXES = [
  // Paging and the per-day series: newest first by the server's clock.
  'CREATE INDEX events_by_received ON events (received_at DESC, id DESC)',
  'CREATE INDEX events_by_widget ON events (widget, received_at DESC, id DESC)',
  'CREATE INDEX events_by_type ON events (type, received_at DESC, id DESC)',
  // Each visitor's latest answer per widget; launcher response rates; erasure by session.
  'CREATE INDEX events_by_session ON events (session_id, widget, type, received_at)',
];

/**
 * The `events` table in one dialect: the columns are the same, only the
 * integer, real and table-option spellings differ.
 * @param {{ bigint: string, real: string, options: string }} types
 */
const eventsTable = ({ bigint, real, options }) => `
  CREATE TABLE events (
    id            TEXT PRIMARY KEY,
    type          TEXT NOT NULL,
    widget        TEXT NOT NULL,
    session_id    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    received_at   ${bigint} NOT NULL,
    rating_scale  TEXT,
    rating_value  ${real},
    rating_min    ${real},
    rating_max    ${real},
    feeling_id    TEXT,
    satisfaction  ${real},
    lcp_rating    TEXT,
    inp_rating    TEXT,
    launcher_id   TEXT,
    redacted      INTEGER NOT NULL DEFAULT 0,
    body          TEXT NOT NULL
  )${options};
  ${EVENTS_INDEXES.join(';\n')};
`;

const SQLITE_EVENTS = eventsTable({ bigint: 'INTEGER', real: 'REAL', options: ' STRICT' });
const POSTGRES_EVENTS = eventsTable({ bigint: 'BIGINT', real: 'DOUBLE PRECISION', options: '' });

/**
 * The first schema. A SQLite file written by feelback 0.1.0 (one `events`
 * table holding each event as received) is carried over: every row is made
 * canonical as if it arrived today, keeping its received time; rows that no
 * longer pass the wire-format check are left out.
 * @param {import('better-sqlite3').Database} db
 */
function sqliteEventsV1(db) {
  const legacy = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
  if (!legacy) {
    db.exec(SQLITE_EVENTS);
    return;
  }
  db.exec('ALTER TABLE events RENAME TO events_0_1');
  for (const index of ['events_by_time', 'events_by_widget', 'events_by_type']) db.exec(`DROP INDEX IF EXISTS ${index}`);
  db.exec(SQLITE_EVENTS);
  const insert = db.prepare(
    `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (id) DO NOTHING`,
  );
  // In pages by rowid: better-sqlite3 cannot write while a read of the same connection is open.
  const page = db.prepare('SELECT rowid, body, received_at FROM events_0_1 WHERE rowid > ? ORDER BY rowid LIMIT 500');
  for (let after = 0; ; ) {
    const rows = /** @type {{ rowid: number, body: string, received_at: string }[]} */ (page.all(after));
    if (rows.length === 0) break;
    for (const row of rows) {
      let event;
      try {
        event = canonicalEvent(JSON.parse(row.body));
      } catch {
        continue;
      }
      const receivedAt = Date.parse(row.received_at);
      const values = eventRow(event, Number.isNaN(receivedAt) ? Date.now() : receivedAt);
      insert.run(EVENT_COLUMNS.map((column) => values[column]));
    }
    after = rows[rows.length - 1].rowid;
  }
  db.exec('DROP TABLE events_0_1');
}

/** @type {Migration[]} */
export const CORE_MIGRATIONS = [
  { namespace: CORE_NAMESPACE, version: 1, name: 'canonical events', sqlite: sqliteEventsV1, postgres: POSTGRES_EVENTS },
];

/** @type {Migration[]} */
const registered = [];

/**
 * Adds migrations that every store opened afterwards applies (after the
 * collector's own). Registering the same namespace and version twice is a
 * mistake and throws, unless it is the very same migration object.
 * @param {Migration[]} migrations
 */
export function registerMigrations(migrations) {
  for (const migration of migrations) {
    checkMigration(migration);
    const same = registered.find((m) => m.namespace === migration.namespace && m.version === migration.version);
    if (same === migration) continue;
    if (same) throw new Error(`migration ${migration.namespace} v${migration.version} is registered twice`);
    registered.push(migration);
  }
}

/** @param {Migration} migration */
function checkMigration(migration) {
  const { namespace, version, name, sqlite, postgres } = migration;
  if (typeof namespace !== 'string' || !/^[a-z][a-z0-9_-]*$/.test(namespace)) {
    throw new Error(`migration namespace must be a lower-case name, not ${JSON.stringify(namespace)}`);
  }
  if (!Number.isInteger(version) || version < 1) throw new Error(`migration ${namespace} version must be a whole number ≥ 1`);
  if (typeof name !== 'string' || name === '') throw new Error(`migration ${namespace} v${version} needs a name`);
  for (const [dialect, step] of [['sqlite', sqlite], ['postgres', postgres]]) {
    if (typeof step !== 'string' && typeof step !== 'function') {
      throw new Error(`migration ${namespace} v${version} needs a ${dialect} step (SQL text or a function)`);
    }
  }
}

/**
 * Every migration a store applies, in order: the collector's own, then the
 * registered ones and `extra`, each namespace in version order.
 * @param {Migration[]} [extra]
 * @returns {Migration[]}
 */
export function allMigrations(extra = []) {
  extra.forEach(checkMigration);
  const list = [...CORE_MIGRATIONS, ...registered, ...extra.filter((m) => !registered.includes(m))];
  const namespaces = [...new Set(list.map((m) => m.namespace))];
  const ordered = namespaces.flatMap((namespace) =>
    list.filter((m) => m.namespace === namespace).sort((a, b) => a.version - b.version),
  );
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i].namespace === ordered[i - 1].namespace && ordered[i].version === ordered[i - 1].version) {
      throw new Error(`migration ${ordered[i].namespace} v${ordered[i].version} is given twice`);
    }
  }
  return ordered;
}

const MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    namespace  TEXT NOT NULL,
    version    INTEGER NOT NULL,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    PRIMARY KEY (namespace, version)
  )`;

/**
 * Applies what is missing, in one IMMEDIATE transaction (the write lock is
 * taken before anything is read, so a second process waits its turn).
 * @param {import('better-sqlite3').Database} db
 * @param {Migration[]} migrations
 * @returns {string[]} what was applied, as `namespace vN name`
 */
export function migrateSqlite(db, migrations) {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(`${MIGRATIONS_TABLE} STRICT`);
    const applied = new Set(
      /** @type {{ namespace: string, version: number }[]} */ (db.prepare('SELECT namespace, version FROM schema_migrations').all()).map(
        (row) => `${row.namespace} ${row.version}`,
      ),
    );
    const record = db.prepare('INSERT INTO schema_migrations (namespace, version, name, applied_at) VALUES (?, ?, ?, ?)');
    /** @type {string[]} */
    const done = [];
    for (const migration of migrations) {
      if (applied.has(`${migration.namespace} ${migration.version}`)) continue;
      if (typeof migration.sqlite === 'function') migration.sqlite(db);
      else db.exec(migration.sqlite);
      record.run(migration.namespace, migration.version, migration.name, new Date().toISOString());
      done.push(`${migration.namespace} v${migration.version} ${migration.name}`);
    }
    db.exec('COMMIT');
    return done;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Applies what is missing in one transaction that first takes an advisory
 * lock, so collectors starting together apply each migration once.
 * @param {import('pg').PoolClient} client
 * @param {Migration[]} migrations
 * @returns {Promise<string[]>}
 */
export async function migratePostgres(client, migrations) {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query('SELECT namespace, version FROM schema_migrations');
    const applied = new Set(rows.map((row) => `${row.namespace} ${row.version}`));
    /** @type {string[]} */
    const done = [];
    for (const migration of migrations) {
      if (applied.has(`${migration.namespace} ${migration.version}`)) continue;
      if (typeof migration.postgres === 'function') await migration.postgres(client);
      else await client.query(migration.postgres);
      await client.query('INSERT INTO schema_migrations (namespace, version, name, applied_at) VALUES ($1, $2, $3, $4)', [
        migration.namespace,
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
      done.push(`${migration.namespace} v${migration.version} ${migration.name}`);
    }
    await client.query('COMMIT');
    return done;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
