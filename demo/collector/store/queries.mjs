// The read side of both stores, written once: paging, the results aggregates,
// erasure and retention. Every query here is plain SQL that SQLite and
// PostgreSQL both run (window functions, row values, integer division on
// BIGINT/INTEGER columns); each store supplies a driver that runs it.
//
// Time is always the server's: `received_at` (milliseconds since the epoch,
// set once per request by the collector). The client's `createdAt` is stored
// in the event but never sorts, pages or buckets anything, so a visitor whose
// clock is wrong counts on the day the answer arrived, and one who writes
// 9999-12-31 cannot push real answers off the first page.

import { sql, join } from './sql.mjs';
import { storedEvent } from './rows.mjs';
import { EVENT_TYPES } from '../validate.mjs';

/**
 * @typedef {object} Driver
 * @property {(query: import('./sql.mjs').Sql) => Promise<any[]>} all
 * @property {(query: import('./sql.mjs').Sql) => Promise<{ changes: number }>} run
 */

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** Bounds that keep one `results()` call small whatever the data holds. */
export const RESULT_BOUNDS = {
  /** Default window, and the longest one: the series has at most this many days. */
  defaultDays: 90,
  maxDays: 366,
  /** When everything in the window arrived within this long, the series is hourly (a demo session). */
  hourlyWithin: 48 * HOUR,
  /** Rating charts (widget × scale); the most answered first. */
  ratingGroups: 50,
  /** Distinct scores over all rating charts. */
  ratingValues: 5000,
  /** Feelings shown by name; the rest are summed as `other`. */
  feelings: 12,
  launchers: 50,
  comments: 20,
  callbacks: 50,
};

export const LIST_BOUNDS = {
  defaultLimit: 100,
  maxLimit: 1000,
  /** Default byte bound of one page of `listEvents` (JSON of the events). */
  defaultMaxBytes: 1024 * 1024,
};

/** A cursor names the last event of a page; the next page starts after it. @param {{ received_at: number, id: string }} row */
function encodeCursor(row) {
  return Buffer.from(JSON.stringify([Number(row.received_at), row.id])).toString('base64url');
}

/** @param {string} cursor @returns {[number, string]} */
function decodeCursor(cursor) {
  try {
    const [receivedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Number.isSafeInteger(receivedAt) && typeof id === 'string' && id.length <= 64) return [receivedAt, id];
  } catch {
    // fall through
  }
  throw Object.assign(new Error('cursor is not one this collector gave out'), { code: 'BAD_CURSOR', field: 'cursor' });
}

/** @param {{ widget?: string, type?: string }} filter */
function filters({ widget, type }) {
  /** @type {import('./sql.mjs').Sql[]} */
  const where = [];
  if (widget !== undefined) where.push(sql`widget = ${widget}`);
  if (type !== undefined) where.push(sql`type = ${type}`);
  return where;
}

/**
 * @param {Driver} driver
 * @param {{ widget?: string, type?: string, limit?: number, cursor?: string | null, maxBytes?: number }} [query]
 */
export async function listEvents(driver, { widget, type, limit = LIST_BOUNDS.defaultLimit, cursor, maxBytes = LIST_BOUNDS.defaultMaxBytes } = {}) {
  const pageSize = Math.max(1, Math.min(LIST_BOUNDS.maxLimit, Math.floor(limit)));
  let after = cursor ? decodeCursor(cursor) : null;
  /** @type {import('./index.mjs').StoredEvent[]} */
  const events = [];
  let bytes = 2;
  let more = false;
  // Fetched in chunks, so a page cut short by the byte bound never reads far past it.
  while (events.length < pageSize) {
    const want = Math.min(pageSize - events.length, 200);
    const where = filters({ widget, type });
    if (after) where.push(sql`(received_at, id) < (${after[0]}, ${after[1]})`);
    const rows = await driver.all(sql`
      SELECT id, received_at, body, redacted FROM events
      ${where.length ? sql`WHERE ${join(where, ' AND ')}` : sql``}
      ORDER BY received_at DESC, id DESC LIMIT ${want + 1}`);
    let stoppedForBytes = false;
    for (const row of rows.slice(0, want)) {
      const event = storedEvent(row);
      const size = Buffer.byteLength(JSON.stringify(event)) + 1;
      if (events.length > 0 && bytes + size > maxBytes) {
        stoppedForBytes = true;
        break;
      }
      events.push(event);
      bytes += size;
      after = [Number(row.received_at), row.id];
    }
    if (stoppedForBytes) {
      more = true;
      break;
    }
    if (rows.length <= want) break;
    more = events.length >= pageSize;
  }
  const last = after && more ? encodeCursor({ received_at: after[0], id: after[1] }) : null;
  return { events, nextCursor: last };
}

/**
 * The window a `results()` call covers: `since` (default 90 days back),
 * never more than 366 days, up to `now`.
 * @param {{ since?: string | Date, now?: Date }} options
 */
function resultWindow({ since, now = new Date() }) {
  const until = now.getTime();
  const earliest = until - RESULT_BOUNDS.maxDays * DAY;
  const asked = since === undefined ? until - RESULT_BOUNDS.defaultDays * DAY : new Date(since).getTime();
  if (Number.isNaN(asked)) throw Object.assign(new Error('since must be a date'), { code: 'BAD_QUERY', field: 'since' });
  return { from: Math.max(earliest, asked), until };
}

/**
 * Everything the results page shows, computed by the database with bounded
 * work and bounded output: no event list is shipped to the browser.
 *
 * Ratings and feelings count each visitor's latest answer per widget (by the
 * server's clock): a visitor who changes their mind is counted once, and
 * re-posting with someone's sessionId can only replace that visitor's answer
 * on that widget, never another event.
 *
 * @param {Driver} driver
 * @param {{ widget?: string, since?: string | Date, now?: Date }} [options]
 */
export async function results(driver, { widget, since, now } = {}) {
  const { from, until } = resultWindow({ since, now });
  const inWindow = join([sql`received_at >= ${from}`, sql`received_at <= ${until}`, ...filters({ widget })], ' AND ');
  const latest = sql`WITH latest AS (
      SELECT type, widget, rating_scale, rating_min, rating_max, rating_value, feeling_id, satisfaction,
             lcp_rating, inp_rating, received_at,
             ROW_NUMBER() OVER (PARTITION BY type, widget, session_id ORDER BY received_at DESC, id DESC) AS position
      FROM events WHERE type IN ('rating', 'feeling') AND ${inWindow}
    )`;

  const [first] = await driver.all(sql`SELECT min(received_at) AS first FROM events WHERE ${inWindow}`);
  const firstAt = first?.first === null || first?.first === undefined ? until : Number(first.first);
  const bucketMs = until - firstAt <= RESULT_BOUNDS.hourlyWithin ? HOUR : DAY;

  const typeRows = await driver.all(sql`SELECT type, count(*) AS n FROM events WHERE ${inWindow} GROUP BY type`);
  const counts = /** @type {Record<import('../validate.mjs').EventType, number>} */ (
    Object.fromEntries(EVENT_TYPES.map((type) => [type, 0]))
  );
  for (const row of typeRows) counts[/** @type {import('../validate.mjs').EventType} */ (row.type)] = Number(row.n);
  const totalEvents = Object.values(counts).reduce((sum, n) => sum + n, 0);

  const [answerRow] = await driver.all(sql`${latest}
    SELECT count(*) AS received, sum(CASE WHEN position = 1 THEN 1 ELSE 0 END) AS counted FROM latest`);

  const ratingRows = await driver.all(sql`${latest}
    SELECT widget, rating_scale AS scale, rating_min AS min, rating_max AS max, rating_value AS value, count(*) AS n
    FROM latest WHERE position = 1 AND type = 'rating'
    GROUP BY widget, rating_scale, rating_min, rating_max, rating_value
    ORDER BY n DESC, widget, rating_scale, rating_min, rating_max, rating_value
    LIMIT ${RESULT_BOUNDS.ratingValues}`);

  const feelingTotals = await driver.all(sql`${latest}
    SELECT feeling_id AS feeling, count(*) AS n FROM latest WHERE position = 1 AND type = 'feeling'
    GROUP BY feeling_id ORDER BY n DESC, feeling_id LIMIT ${RESULT_BOUNDS.feelings + 1}`);
  const namedFeelings = feelingTotals.slice(0, RESULT_BOUNDS.feelings).map((row) => String(row.feeling));
  const feelingName = namedFeelings.length
    ? sql`CASE WHEN feeling_id IN (${join(namedFeelings.map((id) => sql`${id}`), ', ')}) THEN feeling_id ELSE NULL END`
    : sql`NULL`;
  const feelingRows = await driver.all(sql`${latest}
    SELECT received_at / CAST(${bucketMs} AS INTEGER) AS bucket, ${feelingName} AS feeling, count(*) AS n
    FROM latest WHERE position = 1 AND type = 'feeling' GROUP BY 1, 2`);
  const otherFeelings = feelingRows.filter((row) => row.feeling === null).reduce((sum, row) => sum + Number(row.n), 0);

  const seriesRows = await driver.all(sql`
    SELECT received_at / CAST(${bucketMs} AS INTEGER) AS bucket, type, count(*) AS n FROM events WHERE ${inWindow} GROUP BY 1, 2`);

  const vitalRows = await driver.all(sql`${latest}
    SELECT 'LCP' AS metric, lcp_rating AS rating, count(*) AS n, avg(satisfaction) AS average
      FROM latest WHERE position = 1 AND satisfaction IS NOT NULL GROUP BY lcp_rating
    UNION ALL
    SELECT 'INP' AS metric, inp_rating AS rating, count(*) AS n, avg(satisfaction) AS average
      FROM latest WHERE position = 1 AND satisfaction IS NOT NULL GROUP BY inp_rating`);

  // Per launcher, per visitor: shown (first time in the window) → answered on
  // the launcher's widget after that → dismissed after that.
  const launcherRows = await driver.all(sql`
    WITH shown AS (
      SELECT launcher_id, widget, session_id, min(received_at) AS first_shown, count(*) AS times
      FROM events WHERE type = 'shown' AND ${inWindow}
      GROUP BY launcher_id, widget, session_id
    )
    SELECT launcher_id AS launcher, widget, count(*) AS visitors, sum(times) AS shown,
      sum(CASE WHEN EXISTS (
        SELECT 1 FROM events a WHERE a.session_id = shown.session_id AND a.widget = shown.widget
          AND a.type IN ('rating', 'feeling', 'callback') AND a.received_at >= shown.first_shown
      ) THEN 1 ELSE 0 END) AS answered,
      sum(CASE WHEN EXISTS (
        SELECT 1 FROM events d WHERE d.session_id = shown.session_id AND d.widget = shown.widget
          AND d.type = 'dismissed' AND d.launcher_id = shown.launcher_id AND d.received_at >= shown.first_shown
      ) THEN 1 ELSE 0 END) AS dismissed
    FROM shown GROUP BY launcher_id, widget
    ORDER BY visitors DESC, launcher_id, widget LIMIT ${RESULT_BOUNDS.launchers}`);
  const dismissRows = await driver.all(sql`
    SELECT launcher_id AS launcher, widget, count(*) AS n FROM events WHERE type = 'dismissed' AND ${inWindow}
    GROUP BY launcher_id, widget`);

  const commentRows = await driver.all(sql`
    SELECT id, received_at, body, redacted FROM events WHERE type = 'comment' AND ${inWindow}
    ORDER BY received_at DESC, id DESC LIMIT ${RESULT_BOUNDS.comments}`);
  const comments = commentRows.map(storedEvent);
  const repliedTo = [...new Set(comments.map((event) => event.comment?.replyTo).filter(Boolean))];
  const answerRows = repliedTo.length
    ? await driver.all(sql`SELECT id, received_at, body, redacted FROM events WHERE id IN (${join(repliedTo.map((id) => sql`${id}`), ', ')})`)
    : [];
  const answersById = new Map(answerRows.map((row) => [row.id, storedEvent(row)]));

  const callbackRows = await driver.all(sql`
    SELECT id, received_at, body, redacted FROM events WHERE type = 'callback' AND ${inWindow}
    ORDER BY received_at DESC, id DESC LIMIT ${RESULT_BOUNDS.callbacks}`);

  const buckets = bucketStarts(firstAt, until, bucketMs, totalEvents > 0);
  return {
    since: new Date(from).toISOString(),
    until: new Date(until).toISOString(),
    widget: widget ?? null,
    bucket: bucketMs === HOUR ? 'hour' : 'day',
    counts: { events: totalEvents, ...counts },
    answers: { received: Number(answerRow?.received ?? 0), counted: Number(answerRow?.counted ?? 0) },
    ratings: ratingCharts(ratingRows),
    feelings: {
      totals: [
        ...feelingTotals.slice(0, RESULT_BOUNDS.feelings).map((row) => ({ id: String(row.feeling), count: Number(row.n) })),
        ...(otherFeelings ? [{ id: 'other', count: otherFeelings }] : []),
      ],
      series: buckets.map((start) => ({
        start: new Date(start).toISOString(),
        counts: Object.fromEntries(
          feelingRows
            .filter((row) => Number(row.bucket) * bucketMs === start)
            .map((row) => [row.feeling === null ? 'other' : String(row.feeling), Number(row.n)]),
        ),
      })),
    },
    series: buckets.map(
      (start) =>
        /** @type {{ start: string } & Record<import('../validate.mjs').EventType, number>} */ ({
          start: new Date(start).toISOString(),
          ...Object.fromEntries(EVENT_TYPES.map((type) => [type, 0])),
          ...Object.fromEntries(
            seriesRows.filter((row) => Number(row.bucket) * bucketMs === start).map((row) => [row.type, Number(row.n)]),
          ),
        }),
    ),
    vitals: vitalsBySentiment(vitalRows),
    launchers: launcherRows.map((row) => {
      const visitors = Number(row.visitors);
      const answered = Number(row.answered);
      return {
        id: String(row.launcher),
        widget: String(row.widget),
        visitors,
        shown: Number(row.shown),
        answered,
        dismissed: Number(row.dismissed),
        dismissEvents: Number(dismissRows.find((d) => d.launcher === row.launcher && d.widget === row.widget)?.n ?? 0),
        responseRate: visitors ? answered / visitors : 0,
      };
    }),
    comments: comments.map((event) => ({
      id: event.id,
      widget: event.widget,
      text: event.comment?.text ?? '',
      receivedAt: event.receivedAt,
      answer: describeAnswer(answersById.get(event.comment?.replyTo)),
    })),
    callbacks: callbackRows.map(storedEvent).map((event) => ({
      id: event.id,
      widget: event.widget,
      receivedAt: event.receivedAt,
      name: event.callback?.name ?? '',
      phone: event.callback?.phone ?? '',
      window: event.callback?.window ?? '',
      timeZone: event.callback?.timeZone ?? '',
      topic: event.callback?.topic ?? '',
      redacted: event.redacted === true,
    })),
  };
}

/** @param {number} first @param {number} until @param {number} size @param {boolean} any */
function bucketStarts(first, until, size, any) {
  if (!any) return [];
  const starts = [];
  for (let start = Math.floor(first / size) * size; start <= until; start += size) starts.push(start);
  return starts;
}

/** @param {any[]} rows */
function ratingCharts(rows) {
  /** @type {Map<string, { widget: string, scale: string, min: number, max: number, answers: number, distribution: { value: number, count: number }[] }>} */
  const charts = new Map();
  for (const row of rows) {
    const key = JSON.stringify([row.widget, row.scale, Number(row.min), Number(row.max)]);
    let chart = charts.get(key);
    if (!chart) {
      chart = { widget: String(row.widget), scale: String(row.scale), min: Number(row.min), max: Number(row.max), answers: 0, distribution: [] };
      charts.set(key, chart);
    }
    chart.answers += Number(row.n);
    chart.distribution.push({ value: Number(row.value), count: Number(row.n) });
  }
  return [...charts.values()]
    .sort((a, b) => b.answers - a.answers || a.widget.localeCompare(b.widget) || a.scale.localeCompare(b.scale))
    .slice(0, RESULT_BOUNDS.ratingGroups)
    .map((chart) => ({ ...chart, distribution: chart.distribution.sort((a, b) => a.value - b.value) }));
}

const VITAL_BUCKETS = ['good', 'needs-improvement', 'poor', 'not measured'];

/** @param {any[]} rows */
function vitalsBySentiment(rows) {
  /** @param {string} metric */
  const forMetric = (metric) =>
    VITAL_BUCKETS.map((rating) => {
      const row = rows.find((r) => r.metric === metric && (r.rating ?? 'not measured') === rating);
      return { rating, answers: Number(row?.n ?? 0), average: row ? Math.round(Number(row.average) * 10) / 10 : null };
    });
  return { LCP: forMetric('LCP'), INP: forMetric('INP') };
}

/** @param {any} event */
function describeAnswer(event) {
  if (!event) return null;
  if (event.rating) return { type: 'rating', rating: event.rating };
  if (event.feeling) return { type: 'feeling', feeling: event.feeling };
  return { type: event.type };
}

/**
 * Erasure: deletes the events with these ids and every event of this session.
 * @param {Driver} driver
 * @param {{ ids?: string[], sessionId?: string }} request
 */
export async function deleteEvents(driver, { ids = [], sessionId } = {}) {
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
    throw Object.assign(new Error('ids must be a list of event ids'), { code: 'BAD_QUERY', field: 'ids' });
  }
  if (ids.length > LIST_BOUNDS.maxLimit) {
    throw Object.assign(new Error(`ids must hold at most ${LIST_BOUNDS.maxLimit} ids`), { code: 'BAD_QUERY', field: 'ids' });
  }
  if (ids.length === 0 && !sessionId) {
    throw Object.assign(new Error('name the events to delete: ids or sessionId'), { code: 'BAD_QUERY', field: 'ids' });
  }
  /** @type {import('./sql.mjs').Sql[]} */
  const which = [];
  if (ids.length) which.push(sql`id IN (${join(ids.map((id) => sql`${id.toLowerCase()}`), ', ')})`);
  if (sessionId) which.push(sql`session_id = ${sessionId}`);
  const { changes } = await driver.run(sql`DELETE FROM events WHERE ${join(which, ' OR ')}`);
  return { deleted: changes };
}

/**
 * Retention: deletes events received more than `retentionDays` ago, and
 * redacts callback requests (name, phone, topic) received more than
 * `personalDataDays` ago, keeping the rest of the event (so it still counts).
 * Either bound may be left out (or 0) to keep that data.
 *
 * @param {Driver} driver
 * @param {{ now?: Date, retentionDays?: number, personalDataDays?: number }} [options]
 */
export async function expire(driver, { now = new Date(), retentionDays, personalDataDays } = {}) {
  let deleted = 0;
  let redacted = 0;
  if (retentionDays && retentionDays > 0) {
    const cutoff = now.getTime() - retentionDays * DAY;
    deleted = (await driver.run(sql`DELETE FROM events WHERE received_at < ${cutoff}`)).changes;
  }
  if (personalDataDays && personalDataDays > 0) {
    const cutoff = now.getTime() - personalDataDays * DAY;
    for (;;) {
      const rows = await driver.all(sql`
        SELECT id, body FROM events WHERE type = 'callback' AND redacted = 0 AND received_at < ${cutoff}
        ORDER BY received_at, id LIMIT 500`);
      for (const row of rows) {
        const event = JSON.parse(row.body);
        const { name: _name, phone: _phone, topic: _topic, ...kept } = event.callback ?? {};
        const body = JSON.stringify({ ...event, callback: kept, redacted: true });
        redacted += (await driver.run(sql`UPDATE events SET body = ${body}, redacted = 1 WHERE id = ${row.id} AND redacted = 0`)).changes;
      }
      if (rows.length < 500) break;
    }
  }
  return { deleted, redacted };
}

/** @param {Driver} driver */
export async function count(driver) {
  const [row] = await driver.all(sql`SELECT count(*) AS n FROM events`);
  return Number(row.n);
}
