import { EVENT_TYPES, validateBatch } from './validate.mjs';
import { securityHeaders, sendJson, sendRetryLater } from '../http/respond.mjs';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('../http/rate-limit.mjs').RateLimiter} RateLimiter */

/**
 * The store as the collector uses it: demo/collector/store/index.mjs, or
 * anything with these methods (results and deleteEvents optional).
 * @typedef {Pick<import('./store/index.mjs').FeedbackStore, 'insertBatch' | 'listEvents'> & Partial<Pick<import('./store/index.mjs').FeedbackStore, 'results' | 'deleteEvents'>>} CollectorStore
 */

/** Beacon bodies stay under 64 KB (README, "Delivery"); the collector accepts no more. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Beyond this much unread body the connection is cut instead of drained. */
const MAX_DRAIN_BYTES = 1024 * 1024;
const MAX_LIMIT = 1000;
/** One page of `GET /api/events` stops before this much JSON (the store enforces it). */
export const MAX_PAGE_BYTES = 1024 * 1024;
/** What a client is told to wait while the database is away (the transport honours Retry-After). */
export const STORE_RETRY_AFTER_SECONDS = 5;
/** Most ids one erasure request may name. */
const MAX_ERASE_IDS = 100;

// fetch sends application/json; navigator.sendBeacon with a string sends
// text/plain, which needs no CORS preflight (README, "Wire format").
const ACCEPTED_MEDIA_TYPES = new Set(['application/json', 'text/plain']);

/**
 * @typedef {object} CollectorOptions
 * @property {CollectorStore} store
 * @property {string[]} [corsOrigins] origins allowed to post from another site; `*` allows any
 * @property {RateLimiter} [callbackLimiter] callback requests per client
 * @property {string} [client] the client's rate-limit key
 * @property {(line: string) => void} [log]
 * @property {(events: import('../../src/context/event.js').FeedbackEvent[], receivedAt: string) => Promise<void>} [onStored]
 *   runs after every stored batch (duplicates included) before the 200, e.g. to queue alerts; must be idempotent on the event id
 */

/**
 * The media type without parameters, lower-cased: `text/plain;charset=UTF-8` → `text/plain`.
 * @param {string | undefined} header
 */
function mediaType(header) {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Reads the body up to `limit` bytes. Past it, the rest is read and thrown
 * away (so the client sees the 413 rather than a reset) up to a bound, then the
 * connection is cut.
 *
 * @param {IncomingMessage} req
 * @param {number} [limit]
 * @returns {Promise<Buffer | 'too-large'>}
 */
export function readBody(req, limit = MAX_BODY_BYTES) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_DRAIN_BYTES) {
      resolve('too-large');
      return;
    }
    /** @type {Buffer[]} */
    const chunks = [];
    let received = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      received += chunk.length;
      if (received <= limit) chunks.push(chunk);
      else if (received > MAX_DRAIN_BYTES) {
        req.pause();
        resolve('too-large');
      }
    });
    req.on('end', () => resolve(received > limit ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('the client closed the connection before the body ended'));
    });
  });
}

/**
 * Decides whether a request's origin may post answers. Requests without an
 * `Origin` (curl, server to server) and same-origin requests always may.
 * Only `POST /api/feedback` and its preflight ever carry CORS headers: other
 * sites may send answers, never read them.
 *
 * @param {IncomingMessage} req
 * @param {string[]} allowList
 * @returns {{ allowed: boolean, headers: Record<string, string> }}
 */
export function corsFor(req, allowList) {
  const origin = req.headers.origin;
  if (!origin) return { allowed: true, headers: {} };
  const sameOrigin = req.headers.host !== undefined && isSameOrigin(origin, req.headers.host);
  const listed = allowList.includes('*') || allowList.includes(origin);
  if (!sameOrigin && !listed) return { allowed: false, headers: { vary: 'Origin' } };
  return {
    allowed: true,
    // Retry-After is not a CORS-safelisted response header: without the
    // expose, a transport on another site could not honour a 429.
    headers: { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'Retry-After', vary: 'Origin' },
  };
}

/** @param {string} origin @param {string} host */
function isSameOrigin(origin, host) {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * `OPTIONS /api/feedback`: the preflight a cross-origin `fetch` with
 * `content-type: application/json` sends first.
 *
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {string[]} allowList
 */
export function handlePreflight(req, res, allowList) {
  const { allowed, headers } = corsFor(req, allowList);
  if (!allowed) {
    sendJson(res, 403, { error: `origin ${req.headers.origin} is not allowed (CORS_ORIGINS)` }, { kind: 'shared', headers });
    return;
  }
  res.writeHead(204, {
    ...securityHeaders('shared'),
    ...headers,
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': 'content-type',
    'access-control-max-age': '86400',
  });
  res.end();
}

/**
 * `POST /api/feedback`: accepts a v1 batch as JSON or as a text/plain beacon,
 * validates every event, and stores the batch in one transaction; ids already
 * stored are acknowledged but not stored again, so a client's retry is safe.
 *
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {CollectorOptions} options
 */
export async function handleFeedback(req, res, { store, corsOrigins = [], callbackLimiter, client = '', log = () => {}, onStored }) {
  const { allowed, headers: cors } = corsFor(req, corsOrigins);
  /** @param {number} status @param {unknown} body @param {Record<string, string>} [extra] */
  const answer = (status, body, extra = {}) => sendJson(res, status, body, { kind: 'shared', headers: { ...cors, ...extra } });
  if (!allowed) {
    req.resume();
    answer(403, { error: `origin ${req.headers.origin} is not allowed (CORS_ORIGINS)` });
    return;
  }
  const type = mediaType(req.headers['content-type']);
  if (!ACCEPTED_MEDIA_TYPES.has(type)) {
    req.resume();
    answer(415, { error: `content-type must be application/json or text/plain, not "${type || 'missing'}"` });
    return;
  }
  const body = await readBody(req);
  if (body === 'too-large') {
    answer(413, { error: `body must be at most ${MAX_BODY_BYTES} bytes` }, { connection: 'close' });
    if (!req.complete) res.on('finish', () => req.destroy());
    return;
  }
  let parsed;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (error) {
    answer(400, { error: `body is not valid JSON: ${/** @type {Error} */ (error).message}` });
    return;
  }
  const check = validateBatch(parsed);
  if (!check.ok) {
    answer(400, { error: check.message, field: check.field });
    return;
  }
  const events = check.batch.events;
  // A callback request is a person's name and phone number, and a promise of
  // a call: far fewer per client than ratings. The whole batch waits, so the
  // transport retries it as one after Retry-After.
  const callbacks = events.filter((event) => event.type === 'callback').length;
  const callbackTake = callbackLimiter?.take(client, callbacks) ?? { ok: true };
  if (!callbackTake.ok) {
    log(`429 for ${client}: ${callbacks} callback request(s) over RATE_LIMIT_CALLBACK`);
    sendRetryLater(res, 429, callbackTake.retryAfterSeconds, 'too many callback requests from this address; try again later', { kind: 'shared', headers: cors });
    return;
  }
  let outcome;
  try {
    // The server's clock, once per request: ordering, paging and charts use it, never the client's createdAt.
    const receivedAt = new Date().toISOString();
    outcome = await store.insertBatch(events, { receivedAt });
    // Before the 200: if the process dies in between, the client's retry (a duplicate) runs this again.
    if (onStored) await onStored(events, receivedAt);
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code !== 'STORE_UNAVAILABLE') throw error;
    // Answered here rather than by the server's net so the CORS headers come along:
    // a transport on another site can read Retry-After only with them.
    log(`database unavailable, answered 503: ${/** @type {Error} */ (error).message}`);
    sendRetryLater(res, 503, STORE_RETRY_AFTER_SECONDS, 'the database is unavailable; try again shortly', { kind: 'shared', headers: cors });
    return;
  }
  const { stored, duplicates } = outcome;
  log(`stored ${stored} event(s)${duplicates ? `, ${duplicates} already stored` : ''}`);
  answer(200, { accepted: events.length, stored, duplicates });
}

/**
 * `GET /api/events?widget=ID&type=TYPE&limit=N&cursor=C`: stored events,
 * newest first, one page at a time (`nextCursor` fetches the next page).
 *
 * @param {ServerResponse} res
 * @param {URL} url
 * @param {CollectorStore} store
 */
export async function handleListEvents(res, url, store) {
  const widget = url.searchParams.get('widget') || undefined;
  const type = url.searchParams.get('type') || undefined;
  const cursor = url.searchParams.get('cursor') || undefined;
  const limitParam = url.searchParams.get('limit');
  if (type !== undefined && !EVENT_TYPES.includes(/** @type {any} */ (type))) {
    sendJson(res, 400, { error: `type must be one of ${EVENT_TYPES.join(', ')}`, field: 'type' }, { kind: 'private' });
    return;
  }
  const limit = limitParam === null || limitParam === '' ? 100 : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    sendJson(res, 400, { error: `limit must be a whole number from 1 to ${MAX_LIMIT}`, field: 'limit' }, { kind: 'private' });
    return;
  }
  if (cursor !== undefined && cursor.length > 512) {
    sendJson(res, 400, { error: 'cursor is not one this collector gave out', field: 'cursor' }, { kind: 'private' });
    return;
  }
  const page = await badQueryAs400(res, 'cursor', () => store.listEvents({ widget, type, limit, cursor, maxBytes: MAX_PAGE_BYTES }));
  if (page === undefined) return;
  sendJson(res, 200, { events: page.events, nextCursor: page.nextCursor ?? null }, { kind: 'private' });
}

/**
 * Runs a store query, answering 400 when the store refuses the query itself
 * (a cursor it never gave out, a date it cannot use).
 * @template T
 * @param {ServerResponse} res
 * @param {string} field
 * @param {() => T | Promise<T>} query
 * @returns {Promise<T | undefined>} undefined once answered
 */
async function badQueryAs400(res, field, query) {
  try {
    return await query();
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error).code;
    if (code !== 'BAD_CURSOR' && code !== 'BAD_QUERY') throw error;
    sendJson(res, 400, { error: /** @type {Error} */ (error).message, field }, { kind: 'private' });
    return undefined;
  }
}

/**
 * `GET /api/results?widget=ID&since=ISO`: the aggregates the results page
 * draws, computed by the store.
 *
 * @param {ServerResponse} res
 * @param {URL} url
 * @param {CollectorStore} store
 */
export async function handleResults(res, url, store) {
  if (typeof store.results !== 'function') {
    sendJson(res, 501, { error: 'this store does not compute results' }, { kind: 'private' });
    return;
  }
  const widget = url.searchParams.get('widget') || undefined;
  const since = url.searchParams.get('since') || undefined;
  if (widget !== undefined && widget.length > 200) {
    sendJson(res, 400, { error: 'widget must be at most 200 characters', field: 'widget' }, { kind: 'private' });
    return;
  }
  if (since !== undefined && (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(since) || Number.isNaN(Date.parse(since)))) {
    sendJson(res, 400, { error: 'since must be an ISO date, e.g. 2026-01-31', field: 'since' }, { kind: 'private' });
    return;
  }
  const results = await badQueryAs400(res, 'since', () => /** @type {NonNullable<CollectorStore['results']>} */ (store.results)({ widget, since }));
  if (results !== undefined) sendJson(res, 200, results, { kind: 'private' });
}

/**
 * Reads what an erasure request names: event ids, or a session id.
 * @param {URLSearchParams} params
 * @returns {{ ok: true, query: { ids?: string[], sessionId?: string } } | { ok: false, message: string }}
 */
export function erasureQuery(params) {
  const ids = params.getAll('id').flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  const sessionId = (params.get('sessionId') ?? '').trim();
  if (ids.length === 0 && !sessionId) return { ok: false, message: 'name the event id (id=…) or the session id (sessionId=…) to erase' };
  if (ids.length > 0 && sessionId) return { ok: false, message: 'erase by id or by sessionId, not both at once' };
  if (ids.length > MAX_ERASE_IDS) return { ok: false, message: `at most ${MAX_ERASE_IDS} ids at once` };
  if (ids.some((id) => !/^[0-9a-f-]{1,64}$/i.test(id))) return { ok: false, message: 'an id is a UUID, e.g. 0f8fad5b-d9cb-469f-a165-70867728950e' };
  if (sessionId.length > 200) return { ok: false, message: 'sessionId must be at most 200 characters' };
  return { ok: true, query: ids.length ? { ids: ids.map((id) => id.toLowerCase()) } : { sessionId } };
}

/**
 * `DELETE /api/events?id=…` or `?sessionId=…`: a visitor's erasure request.
 *
 * @param {ServerResponse} res
 * @param {URL} url
 * @param {CollectorStore} store
 * @param {(line: string) => void} log
 * @param {(query: { ids?: string[], sessionId?: string }) => Promise<void>} [afterErase] erases what other modules keep of the same answers
 */
export async function handleErase(res, url, store, log, afterErase) {
  if (typeof store.deleteEvents !== 'function') {
    sendJson(res, 501, { error: 'this store cannot erase events' }, { kind: 'private' });
    return;
  }
  const check = erasureQuery(url.searchParams);
  if (!check.ok) {
    sendJson(res, 400, { error: check.message }, { kind: 'private' });
    return;
  }
  const { deleted } = await store.deleteEvents(check.query);
  if (afterErase) await afterErase(check.query);
  log(`erased ${deleted} event(s) by ${check.query.ids ? 'id' : 'session id'}`);
  sendJson(res, 200, { deleted }, { kind: 'private' });
}
