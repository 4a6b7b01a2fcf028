import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** @typedef {import('../../src/context/event.js').FeedbackEvent} FeedbackEvent */

/**
 * @typedef {object} EventQuery
 * @property {string} [widget]
 * @property {string} [type]
 * @property {number} [limit]
 */

/**
 * @typedef {object} FeedbackStore
 * @property {(events: FeedbackEvent[]) => { stored: number, duplicates: number }} insertBatch
 *   Stores a batch in one transaction; events whose id is already stored are skipped.
 * @property {(query?: EventQuery) => FeedbackEvent[]} listEvents Newest first (by `createdAt`).
 * @property {() => number} count
 * @property {() => void} close
 * @property {string} path
 */

// One row per event id. The event is kept whole, as received, in `body`; the
// columns beside it are only what queries filter and sort on.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    id          TEXT PRIMARY KEY,
    type        TEXT NOT NULL,
    widget      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    received_at TEXT NOT NULL,
    body        TEXT NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS events_by_time ON events (created_at DESC);
  CREATE INDEX IF NOT EXISTS events_by_widget ON events (widget, created_at DESC);
  CREATE INDEX IF NOT EXISTS events_by_type ON events (type, created_at DESC);
`;

/**
 * Opens (creating when needed) the SQLite file at `path` and its schema.
 *
 * Durability: WAL with `synchronous = FULL`, so a batch the collector answered
 * 2xx for has reached the disk, and a crash mid-batch leaves either the whole
 * transaction or none of it.
 *
 * @param {string} path a file path, or `:memory:`
 * @returns {FeedbackStore}
 */
export function openStore(path) {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const insert = db.prepare(
    `INSERT INTO events (id, type, widget, created_at, received_at, body)
     VALUES (@id, @type, @widget, @createdAt, @receivedAt, @body)
     ON CONFLICT (id) DO NOTHING`,
  );
  const countAll = db.prepare('SELECT count(*) AS n FROM events').pluck();

  const insertAll = db.transaction(
    /** @param {FeedbackEvent[]} events */
    (events) => {
      const receivedAt = new Date().toISOString();
      let stored = 0;
      for (const event of events) {
        const result = insert.run({
          id: event.id.toLowerCase(),
          type: event.type,
          widget: event.widget,
          // Normalised to UTC so that text order is time order, whatever offset the client wrote.
          createdAt: new Date(event.createdAt).toISOString(),
          receivedAt,
          body: JSON.stringify(event),
        });
        stored += result.changes;
      }
      return { stored, duplicates: events.length - stored };
    },
  );

  /** @type {Map<string, import('better-sqlite3').Statement>} */
  const listStatements = new Map();
  /** @param {boolean} byWidget @param {boolean} byType */
  function listStatement(byWidget, byType) {
    const key = `${byWidget}:${byType}`;
    let statement = listStatements.get(key);
    if (!statement) {
      const where = [byWidget && 'widget = @widget', byType && 'type = @type'].filter(Boolean);
      statement = db
        .prepare(
          `SELECT body FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY created_at DESC, rowid DESC LIMIT @limit`,
        )
        .pluck();
      listStatements.set(key, statement);
    }
    return statement;
  }

  return {
    path,
    insertBatch: (events) => insertAll.immediate(events),
    listEvents({ widget, type, limit = 100 } = {}) {
      const rows = /** @type {string[]} */ (listStatement(Boolean(widget), Boolean(type)).all({ widget, type, limit }));
      return rows.map((row) => JSON.parse(row));
    },
    count: () => /** @type {number} */ (countAll.get()),
    close: () => db.close(),
  };
}
