// The shared store: PostgreSQL through pg (node-postgres), for several collector
// processes behind one load balancer. Dedupe is the primary key on `id`
// (INSERT … ON CONFLICT (id) DO NOTHING), so two collectors that receive the
// same batch at once store each event once; a batch is one statement, so it
// is committed whole (or not at all) before the collector answers 2xx.

import pg from 'pg';
import { StoreConfigError, StoreUnavailableError } from './errors.mjs';
import { allMigrations, migratePostgres } from './migrations.mjs';
import * as queries from './queries.mjs';
import { EVENT_COLUMNS, eventRow, receivedAtMs, uniqueById } from './rows.mjs';
import { forPostgres } from './sql.mjs';

/** @typedef {import('./index.mjs').FeedbackStore} FeedbackStore */

/** How long to wait for a connection, and for one query, before calling the database unavailable. */
export const POSTGRES_TIMEOUTS = { connectMs: 3000, queryMs: 15000 };

// count(*) and sums are BIGINT, which pg returns as text to be exact; every
// count here fits a double, so read them as numbers.
const TYPES = {
  /** @param {number} oid @param {any} [format] */
  getTypeParser(oid, format) {
    if (oid === 20 || oid === 1700) return (/** @type {string | null} */ value) => (value === null ? null : Number(value));
    return pg.types.getTypeParser(oid, format);
  },
};

// Node network errors and PostgreSQL SQLSTATEs that mean the database is away
// for now: class 08 (connection exception), 57P0x (shutting down, starting
// up), 53300 (too many connections).
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOENT']);
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '53000']);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection (is )?closed|Client has encountered a connection error|not queryable/i;

/** @param {unknown} error */
export function isUnavailable(error) {
  const { code = '', message = '' } = /** @type {{ code?: string, message?: string }} */ (error ?? {});
  return NETWORK_CODES.has(code) || code.startsWith('08') || UNAVAILABLE_STATES.has(code) || UNAVAILABLE_MESSAGES.test(message);
}

/**
 * @template T
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
async function guarded(work) {
  try {
    return await work();
  } catch (error) {
    if (isUnavailable(error)) {
      throw new StoreUnavailableError(`PostgreSQL is unavailable: ${/** @type {Error} */ (error).message}`, error);
    }
    throw error;
  }
}

/**
 * Reads DATABASE_URL, or says in one sentence what is wrong with it. The
 * password never appears in a message.
 * @param {string} databaseUrl
 */
export function parseDatabaseUrl(databaseUrl) {
  const example = 'postgres://user:password@localhost:5432/feelback';
  let url;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new StoreConfigError(`DATABASE_URL is not a URL; expected one like ${example}.`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new StoreConfigError(
      `DATABASE_URL must start with postgres:// (got ${url.protocol}//…); expected one like ${example}. Leave it unset to use SQLite at DB_PATH.`,
    );
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(the user name)';
  const host = url.hostname || url.searchParams.get('host') || 'localhost';
  const where = `${host}:${url.port || 5432}`;
  const user = decodeURIComponent(url.username) || '(the system user)';
  if (url.password) url.password = '***';
  return { where, user, database, shown: url.toString() };
}

/**
 * One sentence for a failed first connection, naming the variable.
 * @param {any} error @param {ReturnType<typeof parseDatabaseUrl>} target
 */
function startError(error, target) {
  const code = error?.code ?? '';
  const reason = (() => {
    if (code === 'ECONNREFUSED') return `nothing answers at ${target.where} (connection refused): is PostgreSQL running?`;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host in ${target.where} cannot be found`;
    if (code === 'ENOENT') return `no PostgreSQL socket at ${target.where}`;
    if (/timeout/i.test(error?.message ?? '')) return `no answer from ${target.where} within ${POSTGRES_TIMEOUTS.connectMs / 1000} s`;
    if (code === '28P01' || code === '28000') return `PostgreSQL refused user "${target.user}": ${error.message}`;
    if (code === '3D000') return `database "${target.database}" does not exist on ${target.where}: create it first (createdb)`;
    return `cannot use PostgreSQL at ${target.where}: ${error?.message ?? error}`;
  })();
  return new StoreConfigError(`DATABASE_URL (${target.shown}): ${reason}${/[.?!]$/.test(reason) ? '' : '.'}`);
}

/**
 * Connects, checks the connection once (a typo or a stopped server is one
 * clear StoreConfigError here, not a failure on the first answer), and brings
 * the schema up to date under an advisory lock.
 *
 * @param {{ databaseUrl: string, poolSize?: number, migrations?: import('./migrations.mjs').Migration[], log?: (line: string) => void }} options
 * @returns {Promise<FeedbackStore & { pool: import('pg').Pool }>}
 */
export async function openPostgresStore({ databaseUrl, poolSize = 10, migrations, log = () => {} }) {
  const target = parseDatabaseUrl(databaseUrl);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    connectionTimeoutMillis: POSTGRES_TIMEOUTS.connectMs,
    query_timeout: POSTGRES_TIMEOUTS.queryMs,
    idleTimeoutMillis: 30_000,
    application_name: 'feelback-collector',
    types: TYPES,
  });
  // An idle connection that the server drops (restart, failover) emits here;
  // unhandled, it would end the process. The pool replaces it on next use.
  let lostLogged = 0;
  pool.on('error', (error) => {
    if (Date.now() - lostLogged > 10_000) log(`database: connection lost (${error.message}); reconnecting on next use`);
    lostLogged = Date.now();
  });

  let client;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => {});
    throw startError(error, target);
  }
  try {
    const applied = await migratePostgres(client, allMigrations(migrations));
    for (const line of applied) log(`database: applied migration ${line}`);
  } catch (error) {
    client.release(true);
    await pool.end().catch(() => {});
    throw isUnavailable(error) ? startError(error, target) : error;
  }
  client.release();

  /** @type {queries.Driver} */
  const driver = {
    all: (query) =>
      guarded(async () => {
        const { text, values } = forPostgres(query);
        return (await pool.query(text, values)).rows;
      }),
    run: (query) =>
      guarded(async () => {
        const { text, values } = forPostgres(query);
        return { changes: (await pool.query(text, values)).rowCount ?? 0 };
      }),
  };

  let closed = false;
  return {
    kind: 'postgres',
    // The SQL runner, for collector modules with tables of their own (alerts, the inbox).
    driver,
    pool,
    async insertBatch(events, { receivedAt = new Date().toISOString() } = {}) {
      const at = receivedAtMs(receivedAt);
      const unique = uniqueById(events);
      if (unique.length === 0) return { stored: 0, duplicates: events.length };
      /** @type {unknown[]} */
      const values = [];
      const tuples = unique.map((event) => {
        const row = eventRow(event, at);
        const placeholders = EVENT_COLUMNS.map((column) => {
          values.push(row[column]);
          return `$${values.length}`;
        });
        return `(${placeholders.join(', ')})`;
      });
      // One multi-row statement: atomic, and committed (autocommit) before
      // pg resolves, so the 2xx that follows is only sent for stored rows.
      const text = `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (id) DO NOTHING`;
      const stored = await guarded(async () => (await pool.query(text, values)).rowCount ?? 0);
      return { stored, duplicates: events.length - stored };
    },
    listEvents: (query) => queries.listEvents(driver, query),
    results: (options) => queries.results(driver, options),
    deleteEvents: (request) => queries.deleteEvents(driver, request),
    expire: (options) => queries.expire(driver, options),
    count: () => queries.count(driver),
    ping: () => guarded(async () => void (await pool.query('SELECT 1'))),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
