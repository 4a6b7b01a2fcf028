// The embedded store: one SQLite file through better-sqlite3. Its calls are
// synchronous (and fast: a batch is one local transaction); they are wrapped
// in the async FeedbackStore interface that the PostgreSQL store shares.

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreUnavailableError } from './errors.mjs';
import { allMigrations, migrateSqlite } from './migrations.mjs';
import * as queries from './queries.mjs';
import { EVENT_COLUMNS, eventRow, receivedAtMs, uniqueById } from './rows.mjs';
import { forSqlite } from './sql.mjs';

/** @typedef {import('./index.mjs').FeedbackStore} FeedbackStore */

// Errors that mean "not now" rather than "never": another process holds the
// write lock past busy_timeout, or the disk is full or failing.
const UNAVAILABLE = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_CANTOPEN']);

/**
 * @template T
 * @param {() => T} work
 * @returns {Promise<T>}
 */
async function guarded(work) {
  try {
    return work();
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error).code ?? '';
    if (UNAVAILABLE.has(code) || [...UNAVAILABLE].some((prefix) => code.startsWith(`${prefix}_`))) {
      throw new StoreUnavailableError(`the SQLite database is unavailable (${code})`, error);
    }
    throw error;
  }
}

/**
 * Opens (creating when needed) the SQLite file at `path` and brings its
 * schema up to date.
 *
 * Durability: WAL with `synchronous = FULL`, so a batch the collector answered
 * 2xx for has reached the disk, and a crash mid-batch leaves either the whole
 * transaction or none of it.
 *
 * @param {{ dbPath: string, migrations?: import('./migrations.mjs').Migration[], log?: (line: string) => void }} options
 * @returns {Promise<FeedbackStore & { path: string, db: import('better-sqlite3').Database }>}
 */
export async function openSqliteStore({ dbPath, migrations, log = () => {} }) {
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    const applied = migrateSqlite(db, allMigrations(migrations));
    for (const line of applied) log(`database: applied migration ${line}`);
  } catch (error) {
    db.close();
    throw error;
  }

  const insert = db.prepare(
    `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})
     ON CONFLICT (id) DO NOTHING`,
  );
  const insertAll = db.transaction(
    /** @param {import('../validate.mjs').CanonicalEvent[]} events @param {number} receivedAt */
    (events, receivedAt) => {
      let stored = 0;
      for (const event of uniqueById(events)) {
        const row = eventRow(event, receivedAt);
        stored += insert.run(EVENT_COLUMNS.map((column) => row[column])).changes;
      }
      return { stored, duplicates: events.length - stored };
    },
  );

  /** @type {Map<string, import('better-sqlite3').Statement>} */
  const statements = new Map();
  /** @param {import('./sql.mjs').Sql} query */
  function prepared(query) {
    const { text, values } = forSqlite(query);
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text);
      // Statements are keyed by their text; the few shapes the queries take keep this small.
      if (statements.size < 500) statements.set(text, statement);
    }
    return { statement, values };
  }

  /** @type {queries.Driver} */
  const driver = {
    all: (query) =>
      guarded(() => {
        const { statement, values } = prepared(query);
        return statement.all(values);
      }),
    run: (query) =>
      guarded(() => {
        const { statement, values } = prepared(query);
        return { changes: statement.run(values).changes };
      }),
  };

  let closed = false;
  return {
    kind: 'sqlite',
    // The SQL runner, for collector modules with tables of their own (alerts, the inbox).
    driver,
    path: dbPath,
    db,
    insertBatch: (events, { receivedAt = new Date().toISOString() } = {}) =>
      guarded(() => insertAll.immediate(events, receivedAtMs(receivedAt))),
    listEvents: (query) => queries.listEvents(driver, query),
    results: (options) => queries.results(driver, options),
    deleteEvents: (request) => queries.deleteEvents(driver, request),
    expire: (options) => queries.expire(driver, options),
    count: () => queries.count(driver),
    ping: () => guarded(() => void db.prepare('SELECT 1').get()),
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
