// The collector's store: one interface, two implementations.
//
//   SQLite (better-sqlite3) at DB_PATH: the embedded default, `npm start` and nothing else.
//   PostgreSQL (pg) at DATABASE_URL: several collector processes sharing one database.
//
// Every method is async, resolves after the data is committed, and rejects
// with `code: 'STORE_UNAVAILABLE'` while the database cannot be reached (the
// HTTP layer answers 503 with Retry-After; the store reconnects by itself).
// See docs/collector.md, "Storage".

import { StoreConfigError } from './errors.mjs';
import { openPostgresStore } from './postgres.mjs';
import { openSqliteStore } from './sqlite.mjs';

export { StoreConfigError, StoreUnavailableError } from './errors.mjs';
export { registerMigrations } from './migrations.mjs';
export { LIST_BOUNDS, RESULT_BOUNDS } from './queries.mjs';

/** @typedef {import('../validate.mjs').CanonicalEvent} CanonicalEvent */
/** @typedef {import('./migrations.mjs').Migration} Migration */

/**
 * A canonical event as stored, with the server's receive time. `redacted` is
 * set once retention has removed a callback request's name, phone and topic.
 * @typedef {CanonicalEvent & { receivedAt: string, redacted?: true }} StoredEvent
 */

/**
 * @typedef {object} ListQuery
 * @property {string} [widget]
 * @property {string} [type]
 * @property {number} [limit] 1–1000, default 100
 * @property {string | null} [cursor] `nextCursor` of the previous page
 * @property {number} [maxBytes] stop before the page's JSON passes this (default 1 MB; one event always fits)
 */

/**
 * @typedef {Awaited<ReturnType<typeof import('./queries.mjs').results>>} ResultsSummary
 */

/**
 * @typedef {object} FeedbackStore
 * @property {'sqlite' | 'postgres'} kind
 * @property {(events: CanonicalEvent[], options?: { receivedAt?: string | Date }) => Promise<{ stored: number, duplicates: number }>} insertBatch
 *   One transaction, resolved after commit; an id already stored (or repeated in the batch) is a duplicate, not an error.
 * @property {(query?: ListQuery) => Promise<{ events: StoredEvent[], nextCursor: string | null }>} listEvents
 *   Newest first by `receivedAt` (then id). A bad cursor rejects with `code: 'BAD_CURSOR'`.
 * @property {(options?: { widget?: string, since?: string | Date, now?: Date }) => Promise<ResultsSummary>} results
 *   The results page's aggregates, computed in SQL with bounded work and output.
 * @property {(request: { ids?: string[], sessionId?: string }) => Promise<{ deleted: number }>} deleteEvents
 *   Erasure: the events with these ids, and every event of this session.
 * @property {(options?: { now?: Date, retentionDays?: number, personalDataDays?: number }) => Promise<{ deleted: number, redacted: number }>} expire
 *   Retention: deletes old events; redacts callback requests' personal fields sooner.
 * @property {() => Promise<number>} count
 * @property {() => Promise<void>} ping resolves when the database answers
 * @property {import('./queries.mjs').Driver} driver runs `sql` queries, for collector modules with tables of their own
 * @property {() => Promise<void>} close
 */

/**
 * @typedef {object} StoreOptions
 * @property {string} [dbPath] SQLite file (or `:memory:`), used when `databaseUrl` is not set
 * @property {string} [databaseUrl] `postgres://…`: selects PostgreSQL
 * @property {number} [poolSize] PostgreSQL connections per collector process (default DATABASE_POOL_SIZE or 10)
 * @property {Migration[]} [migrations] further migrations for this store (see migrations.mjs)
 * @property {(line: string) => void} [log]
 */

/**
 * Opens the store the configuration names and brings its schema up to date.
 * Rejects with a `StoreConfigError` (print its message; no stack) when
 * DATABASE_URL is malformed or its database cannot be reached.
 *
 * @param {StoreOptions} options
 * @returns {Promise<FeedbackStore>}
 */
export async function openStore({ dbPath, databaseUrl, poolSize, migrations, log } = {}) {
  if (databaseUrl) {
    const size = poolSize ?? poolSizeFromEnvironment();
    return openPostgresStore({ databaseUrl, poolSize: size, migrations, log });
  }
  if (!dbPath) throw new TypeError('openStore needs dbPath (SQLite) or databaseUrl (PostgreSQL)');
  return openSqliteStore({ dbPath, migrations, log });
}

function poolSizeFromEnvironment() {
  const given = process.env.DATABASE_POOL_SIZE;
  if (given === undefined || given === '') return 10;
  const size = Number(given);
  if (!Number.isInteger(size) || size < 1 || size > 1000) {
    throw new StoreConfigError(`DATABASE_POOL_SIZE="${given}" is not a number of connections (1–1000).`);
  }
  return size;
}
