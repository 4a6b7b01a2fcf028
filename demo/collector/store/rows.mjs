// How a canonical event becomes a row: its JSON as the body, and beside it the
// few columns that the aggregate queries group, filter and sort on.

/** @typedef {import('../validate.mjs').CanonicalEvent} CanonicalEvent */

/** Columns written on insert, in this order (both stores). */
export const EVENT_COLUMNS = /** @type {const} */ ([
  'id',
  'type',
  'widget',
  'session_id',
  'created_at',
  'received_at',
  'rating_scale',
  'rating_value',
  'rating_min',
  'rating_max',
  'feeling_id',
  'satisfaction',
  'lcp_rating',
  'inp_rating',
  'launcher_id',
  'body',
]);

/**
 * Any rating or feeling on one 0–100 scale, so different widgets can be
 * averaged together (the results page's "sentiment against performance").
 * Feeling scores are clamped to the built-in −2…+2.
 * @param {CanonicalEvent} event
 * @returns {number | null}
 */
export function satisfaction(event) {
  if (event.type === 'rating' && event.rating) {
    const { value, min, max } = event.rating;
    return max === min ? null : ((value - min) / (max - min)) * 100;
  }
  if (event.type === 'feeling' && event.feeling) {
    return ((Math.max(-2, Math.min(2, event.feeling.score)) + 2) / 4) * 100;
  }
  return null;
}

/**
 * @param {CanonicalEvent} event
 * @param {number} receivedAt milliseconds since the epoch, the server's clock
 * @returns {Record<typeof EVENT_COLUMNS[number], string | number | null>}
 */
export function eventRow(event, receivedAt) {
  return {
    id: event.id,
    type: event.type,
    widget: event.widget,
    session_id: event.context.sessionId,
    created_at: event.createdAt,
    received_at: receivedAt,
    rating_scale: event.rating?.scale ?? null,
    rating_value: event.rating?.value ?? null,
    rating_min: event.rating?.min ?? null,
    rating_max: event.rating?.max ?? null,
    feeling_id: event.feeling?.id ?? null,
    satisfaction: satisfaction(event),
    lcp_rating: event.context.vitals?.LCP?.rating ?? null,
    inp_rating: event.context.vitals?.INP?.rating ?? null,
    launcher_id: event.launcher?.id ?? null,
    body: JSON.stringify(event),
  };
}

/**
 * A stored event as the read API returns it: the canonical event and the
 * server's `receivedAt`.
 * @param {{ body: string, received_at: number | string }} row
 * @returns {import('./index.mjs').StoredEvent}
 */
export function storedEvent(row) {
  return { ...JSON.parse(row.body), receivedAt: new Date(Number(row.received_at)).toISOString() };
}

/**
 * Keeps the first of each id (ids are lower-cased by the validator), so a
 * batch that repeats an event stores it once.
 * @param {CanonicalEvent[]} events
 */
export function uniqueById(events) {
  const seen = new Set();
  return events.filter((event) => (seen.has(event.id) ? false : (seen.add(event.id), true)));
}

/** The server's receive time as stored: whole milliseconds since the epoch. @param {string | Date | number} receivedAt */
export function receivedAtMs(receivedAt) {
  const ms = receivedAt instanceof Date ? receivedAt.getTime() : typeof receivedAt === 'number' ? receivedAt : Date.parse(receivedAt);
  if (!Number.isFinite(ms)) throw new TypeError(`receivedAt must be a date, not ${String(receivedAt)}`);
  return Math.trunc(ms);
}
