// The alert outbox and the inbox, kept in the collector's store (SQLite or PostgreSQL) so that a
// restart resends what was pending, several collector instances share one queue, and every status
// change a person makes is kept with who made it and when.
//
// One row per answer that needs a person: the alert's delivery state (status, due_at, attempts,
// lease) and the inbox state (open → contacted → resolved, a note). `inbox_changes` is the audit trail.
import { registerMigrations } from '../store/index.mjs';
import { join, sql } from '../store/sql.mjs';

/** @typedef {import('./dispatcher.mjs').OutboxItem} OutboxItem */
/** @typedef {import('../store/queries.mjs').Driver} Driver */

export const INBOX_STATUSES = /** @type {const} */ (['open', 'contacted', 'resolved']);
/** @typedef {typeof INBOX_STATUSES[number]} InboxStatus */

/** Longest note a person can keep on an item. */
export const NOTE_MAX = 2000;

// Columns that differ only in type between the two dialects; STRICT SQLite has INTEGER, PostgreSQL BIGINT for ms times.
/** @param {'INTEGER' | 'BIGINT'} time @param {string} serial @param {string} strict */
const outboxTables = (time, serial, strict) => [
  `CREATE TABLE alert_outbox (
    id               TEXT PRIMARY KEY,
    widget           TEXT NOT NULL,
    type             TEXT NOT NULL,
    session_id       TEXT NOT NULL,
    reason           TEXT NOT NULL,
    event            TEXT NOT NULL,
    received_at      ${time} NOT NULL,
    due_at           ${time} NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    status           TEXT NOT NULL,
    comment          TEXT,
    replies_to       TEXT,
    last_error       TEXT,
    sent_at          ${time},
    lease_until      ${time} NOT NULL DEFAULT 0,
    inbox_status     TEXT NOT NULL DEFAULT 'open',
    note             TEXT NOT NULL DEFAULT '',
    changed_by       TEXT,
    changed_at       ${time},
    first_contact_at ${time}
  )${strict}`,
  'CREATE INDEX alert_outbox_due ON alert_outbox (status, due_at)',
  'CREATE INDEX alert_outbox_inbox ON alert_outbox (inbox_status, received_at DESC)',
  'CREATE INDEX alert_outbox_widget ON alert_outbox (widget, received_at DESC)',
  'CREATE INDEX alert_outbox_session ON alert_outbox (session_id)',
  `CREATE TABLE inbox_changes (
    seq         ${serial},
    item_id     TEXT NOT NULL,
    at          ${time} NOT NULL,
    by          TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    note        TEXT NOT NULL
  )${strict}`,
  'CREATE INDEX inbox_changes_item ON inbox_changes (item_id, seq)',
];

export const ALERT_MIGRATIONS = [
  {
    namespace: 'alerts',
    version: 1,
    name: 'alert outbox, inbox status and its audit trail',
    sqlite: outboxTables('INTEGER', 'INTEGER PRIMARY KEY AUTOINCREMENT', ' STRICT').join(';\n'),
    postgres: outboxTables('BIGINT', 'BIGSERIAL PRIMARY KEY', '').join(';\n'),
  },
];
registerMigrations(ALERT_MIGRATIONS);

/** @param {any} row @returns {OutboxItem} */
function outboxItem(row) {
  return {
    id: row.id,
    reason: row.reason,
    event: JSON.parse(row.event),
    receivedAt: new Date(Number(row.received_at)).toISOString(),
    dueAt: Number(row.due_at),
    attempts: Number(row.attempts),
    status: row.status,
    ...(row.comment ? { comment: row.comment } : {}),
    ...(row.replies_to ? { repliesTo: JSON.parse(row.replies_to) } : {}),
    ...(row.last_error ? { lastError: row.last_error } : {}),
    ...(row.sent_at == null ? {} : { sentAt: Number(row.sent_at) }),
  };
}

/**
 * The outbox the dispatcher uses, on a store's driver.
 * @param {{ kind: 'sqlite' | 'postgres', driver: Driver }} store
 * @returns {import('./dispatcher.mjs').AlertOutbox}
 */
export function storeOutbox({ kind, driver }) {
  return {
    async add(items) {
      for (const item of items) {
        await driver.run(sql`
          INSERT INTO alert_outbox (id, widget, type, session_id, reason, event, received_at, due_at, attempts, status, comment, replies_to)
          VALUES (${item.id}, ${item.event.widget}, ${item.event.type}, ${item.event.context.sessionId}, ${item.reason},
                  ${JSON.stringify(item.event)}, ${Date.parse(item.receivedAt)}, ${item.dueAt}, ${item.attempts}, ${item.status},
                  ${item.comment ?? null}, ${item.repliesTo ? JSON.stringify(item.repliesTo) : null})
          ON CONFLICT (id) DO NOTHING`);
      }
    },
    async get(id) {
      const [row] = await driver.all(sql`SELECT * FROM alert_outbox WHERE id = ${id}`);
      return row ? outboxItem(row) : undefined;
    },
    async attachComment(id, comment) {
      // Kept for the inbox whenever it comes; it reaches the alert only while that has not gone out.
      const { changes } = await driver.run(sql`UPDATE alert_outbox SET comment = ${comment} WHERE id = ${id}`);
      if (!changes) return false;
      const [row] = await driver.all(sql`SELECT status, attempts FROM alert_outbox WHERE id = ${id}`);
      return row?.status === 'pending' && Number(row.attempts) === 0;
    },
    async merge(id) {
      const [row] = await driver.all(
        sql`UPDATE alert_outbox SET status = 'merged' WHERE id = ${id} AND status = 'pending' AND attempts = 0 RETURNING *`,
      );
      return row ? outboxItem(row) : undefined;
    },
    async claimDue(now, limit, leaseMs) {
      // A lease hands each due item to one collector at a time; PostgreSQL skips rows another
      // instance is claiming this instant, SQLite serialises writers anyway.
      const lock = kind === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
      const rows = await driver.all(sql`
        UPDATE alert_outbox SET lease_until = ${now + leaseMs}
        WHERE id IN (
          SELECT id FROM alert_outbox
          WHERE status = 'pending' AND due_at <= ${now} AND lease_until <= ${now}
          ORDER BY due_at LIMIT ${limit} ${lock})
        RETURNING *`);
      return rows.map(outboxItem).sort((a, b) => a.dueAt - b.dueAt);
    },
    async update(id, update) {
      const sets = [sql`lease_until = 0`];
      if (update.status !== undefined) sets.push(sql`status = ${update.status}`);
      if (update.dueAt !== undefined) sets.push(sql`due_at = ${update.dueAt}`);
      if (update.attempts !== undefined) sets.push(sql`attempts = ${update.attempts}`);
      if ('lastError' in update) sets.push(sql`last_error = ${update.lastError ?? null}`);
      if (update.sentAt !== undefined) sets.push(sql`sent_at = ${update.sentAt}`);
      await driver.run(sql`UPDATE alert_outbox SET ${join(sets, ', ')} WHERE id = ${id}`);
    },
  };
}

/**
 * @typedef {object} InboxItem
 * @property {string} id
 * @property {string} widget
 * @property {string} type
 * @property {string} reason
 * @property {import('../../../src/context/event.js').FeedbackEvent} event
 * @property {import('../../../src/context/event.js').FeedbackEvent} [repliesTo]
 * @property {string} [comment]
 * @property {string} receivedAt
 * @property {InboxStatus} status
 * @property {string} note
 * @property {string} [changedBy]
 * @property {string} [changedAt]
 * @property {string} [firstContactAt]
 * @property {{ status: string, attempts: number, error?: string, sentAt?: string }} alert
 * @property {{ at: string, by: string, from: string, to: string, note: string }[]} history
 */

/** @param {unknown} value @returns {number | null} */
const time = (value) => (value == null ? null : Number(value));
/** @param {number | null} ms */
const iso = (ms) => (ms == null ? undefined : new Date(ms).toISOString());

/**
 * The inbox: answers that need a person, newest first, with their status and history.
 * @param {{ driver: Driver }} store
 */
export function storeInbox({ driver }) {
  return {
    /**
     * @param {{ status?: InboxStatus, widget?: string, limit?: number }} [filter]
     * @returns {Promise<InboxItem[]>}
     */
    async list({ status, widget, limit = 100 } = {}) {
      // A feeling folded into the call back request that followed it is shown with that request.
      const where = [sql`status <> 'merged'`];
      if (status) where.push(sql`inbox_status = ${status}`);
      if (widget) where.push(sql`widget = ${widget}`);
      const condition = join(where, ' AND ');
      const rows = await driver.all(sql`
        SELECT * FROM alert_outbox WHERE ${condition}
        ORDER BY received_at DESC, id DESC LIMIT ${Math.min(Math.max(1, limit), 500)}`);
      const ids = rows.map((row) => row.id);
      /** @type {Map<string, InboxItem['history']>} */
      const history = new Map(ids.map((id) => [id, []]));
      if (ids.length) {
        const list = join(ids.map((id) => sql`${id}`), ', ');
        const changes = await driver.all(sql`SELECT * FROM inbox_changes WHERE item_id IN (${list}) ORDER BY seq`);
        for (const change of changes) {
          history.get(change.item_id)?.push({
            at: /** @type {string} */ (iso(Number(change.at))),
            by: change.by,
            from: change.from_status,
            to: change.to_status,
            note: change.note,
          });
        }
      }
      return rows.map((row) => ({
        id: row.id,
        widget: row.widget,
        type: row.type,
        reason: row.reason,
        event: JSON.parse(row.event),
        ...(row.replies_to ? { repliesTo: JSON.parse(row.replies_to) } : {}),
        ...(row.comment ? { comment: row.comment } : {}),
        receivedAt: /** @type {string} */ (iso(Number(row.received_at))),
        status: row.inbox_status,
        note: row.note,
        ...(row.changed_by ? { changedBy: row.changed_by, changedAt: iso(time(row.changed_at)) } : {}),
        ...(row.first_contact_at == null ? {} : { firstContactAt: iso(time(row.first_contact_at)) }),
        alert: {
          status: row.status,
          attempts: Number(row.attempts),
          ...(row.last_error ? { error: row.last_error } : {}),
          ...(row.sent_at == null ? {} : { sentAt: iso(time(row.sent_at)) }),
        },
        history: history.get(row.id) ?? [],
      }));
    },

    /**
     * Moves an item to `status` and/or keeps a note, recording who did it and when.
     * The first move away from `open` is the first contact.
     * @param {string} id
     * @param {{ status?: InboxStatus, note?: string, by: string, now?: number }} change
     * @returns {Promise<boolean>} false when there is no such item
     */
    async update(id, { status, note, by, now = Date.now() }) {
      const [row] = await driver.all(sql`SELECT inbox_status, note, first_contact_at FROM alert_outbox WHERE id = ${id}`);
      if (!row) return false;
      const to = status ?? row.inbox_status;
      const text = note ?? row.note;
      const firstContact = row.first_contact_at == null && to !== 'open' ? now : time(row.first_contact_at);
      await driver.run(sql`
        UPDATE alert_outbox SET inbox_status = ${to}, note = ${text}, changed_by = ${by}, changed_at = ${now},
          first_contact_at = ${firstContact}
        WHERE id = ${id}`);
      await driver.run(sql`
        INSERT INTO inbox_changes (item_id, at, by, from_status, to_status, note)
        VALUES (${id}, ${now}, ${by}, ${row.inbox_status}, ${to}, ${text})`);
      return true;
    },

    /**
     * Time from answer to first contact: the median over the most recent contacted items
     * (bounded), and how many are still open.
     * @returns {Promise<{ medianMs: number | null, contacted: number, open: number }>}
     */
    async contactStats() {
      const rows = await driver.all(sql`
        SELECT first_contact_at - received_at AS wait FROM alert_outbox
        WHERE first_contact_at IS NOT NULL ORDER BY first_contact_at DESC LIMIT 1000`);
      const waits = rows.map((row) => Number(row.wait)).sort((a, b) => a - b);
      const [{ n }] = await driver.all(sql`SELECT count(*) AS n FROM alert_outbox WHERE inbox_status = 'open' AND status <> 'merged'`);
      const middle = Math.floor(waits.length / 2);
      const medianMs = waits.length === 0 ? null : waits.length % 2 ? waits[middle] : Math.round((waits[middle - 1] + waits[middle]) / 2);
      return { medianMs, contacted: waits.length, open: Number(n) };
    },

    /**
     * Erasure: forgets the items of these answers or this visitor, history included.
     * @param {{ ids?: string[], sessionId?: string }} request
     */
    async erase({ ids = [], sessionId }) {
      const doomed = new Set(ids);
      if (sessionId) {
        for (const row of await driver.all(sql`SELECT id FROM alert_outbox WHERE session_id = ${sessionId}`)) doomed.add(row.id);
      }
      for (const id of doomed) {
        await driver.run(sql`DELETE FROM inbox_changes WHERE item_id = ${id}`);
        await driver.run(sql`DELETE FROM alert_outbox WHERE id = ${id}`);
      }
      return { erased: doomed.size };
    },
  };
}
