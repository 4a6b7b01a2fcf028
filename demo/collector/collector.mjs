import { EVENT_TYPES, validateBatch } from './validate.mjs';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./store/index.mjs').FeedbackStore} FeedbackStore */

/** Beacon bodies stay under 64 KB (README, "Delivery"); the collector accepts no more. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Beyond this much unread body the connection is cut instead of drained. */
const MAX_DRAIN_BYTES = 1024 * 1024;
const MAX_LIMIT = 1000;
/** Seconds a client waits before retrying while the database is away (the transport honours Retry-After). */
export const STORE_RETRY_AFTER_SECONDS = 5;

// fetch sends application/json; navigator.sendBeacon with a string sends
// text/plain, which needs no CORS preflight (README, "Wire format").
const ACCEPTED_MEDIA_TYPES = new Set(['application/json', 'text/plain']);

/**
 * @typedef {object} CollectorOptions
 * @property {FeedbackStore} store
 * @property {string[]} [corsOrigins] origins allowed to post from another site; `*` allows any
 * @property {(line: string) => void} [log]
 */

/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/**
 * The media type without parameters, lower-cased: `text/plain;charset=UTF-8` → `text/plain`.
 * @param {string | undefined} header
 */
function mediaType(header) {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Reads the body up to `MAX_BODY_BYTES`. Past it, the rest is read and thrown
 * away (so the client sees the 413 rather than a reset) up to a bound, then the
 * connection is cut.
 *
 * @param {IncomingMessage} req
 * @returns {Promise<Buffer | 'too-large'>}
 */
function readBody(req) {
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
      if (received <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (received > MAX_DRAIN_BYTES) {
        req.pause();
        resolve('too-large');
      }
    });
    req.on('end', () => resolve(received > MAX_BODY_BYTES ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('the client closed the connection before the body ended'));
    });
  });
}

/**
 * Decides whether a request's origin may use the API. Requests without an
 * `Origin` (curl, server to server) and same-origin requests always may.
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
  return { allowed: true, headers: { 'access-control-allow-origin': origin, vary: 'Origin' } };
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
    sendJson(res, 403, { error: `origin ${req.headers.origin} is not allowed (CORS_ORIGINS)` }, headers);
    return;
  }
  res.writeHead(204, {
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
export async function handleFeedback(req, res, { store, corsOrigins = [], log = () => {} }) {
  const { allowed, headers: cors } = corsFor(req, corsOrigins);
  if (!allowed) {
    req.resume();
    sendJson(res, 403, { error: `origin ${req.headers.origin} is not allowed (CORS_ORIGINS)` }, cors);
    return;
  }
  const type = mediaType(req.headers['content-type']);
  if (!ACCEPTED_MEDIA_TYPES.has(type)) {
    req.resume();
    sendJson(res, 415, { error: `content-type must be application/json or text/plain, not "${type || 'missing'}"` }, cors);
    return;
  }
  const body = await readBody(req);
  if (body === 'too-large') {
    sendJson(res, 413, { error: `body must be at most ${MAX_BODY_BYTES} bytes` }, { ...cors, connection: 'close' });
    if (!req.complete) res.on('finish', () => req.destroy());
    return;
  }
  let parsed;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (error) {
    sendJson(res, 400, { error: `body is not valid JSON: ${/** @type {Error} */ (error).message}` }, cors);
    return;
  }
  const check = validateBatch(parsed);
  if (!check.ok) {
    sendJson(res, 400, { error: check.message, field: check.field }, cors);
    return;
  }
  let outcome;
  try {
    // The server's clock, once per request: ordering, paging and charts use it, never the client's createdAt.
    outcome = await store.insertBatch(check.batch.events, { receivedAt: new Date().toISOString() });
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code !== 'STORE_UNAVAILABLE') throw error;
    log(`database unavailable, answered 503: ${/** @type {Error} */ (error).message}`);
    sendJson(res, 503, { error: 'the database is unavailable; retry later' }, { ...cors, 'retry-after': String(STORE_RETRY_AFTER_SECONDS) });
    return;
  }
  const { stored, duplicates } = outcome;
  log(`stored ${stored} event(s)${duplicates ? `, ${duplicates} already stored` : ''}`);
  sendJson(res, 200, { accepted: check.batch.events.length, stored, duplicates }, cors);
}

/**
 * `GET /api/events?widget=ID&type=TYPE&limit=N`: stored events, newest first.
 *
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {URL} url
 * @param {CollectorOptions} options
 */
export async function handleListEvents(req, res, url, { store, corsOrigins = [] }) {
  const { allowed, headers: cors } = corsFor(req, corsOrigins);
  if (!allowed) {
    sendJson(res, 403, { error: `origin ${req.headers.origin} is not allowed (CORS_ORIGINS)` }, cors);
    return;
  }
  const widget = url.searchParams.get('widget') || undefined;
  const type = url.searchParams.get('type') || undefined;
  const limitParam = url.searchParams.get('limit');
  if (type !== undefined && !EVENT_TYPES.includes(/** @type {any} */ (type))) {
    sendJson(res, 400, { error: `type must be one of ${EVENT_TYPES.join(', ')}`, field: 'type' }, cors);
    return;
  }
  const limit = limitParam === null || limitParam === '' ? 100 : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    sendJson(res, 400, { error: `limit must be a whole number from 1 to ${MAX_LIMIT}`, field: 'limit' }, cors);
    return;
  }
  const cursor = url.searchParams.get('cursor') || undefined;
  try {
    sendJson(res, 200, await store.listEvents({ widget, type, limit, cursor }), cors);
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error).code;
    if (code === 'BAD_CURSOR') return sendJson(res, 400, { error: /** @type {Error} */ (error).message, field: 'cursor' }, cors);
    if (code === 'STORE_UNAVAILABLE') {
      return sendJson(res, 503, { error: 'the database is unavailable; retry later' }, { ...cors, 'retry-after': String(STORE_RETRY_AFTER_SECONDS) });
    }
    throw error;
  }
}

/**
 * `GET /api/results?widget=ID&since=ISO`: the results page's aggregates (store.results()).
 *
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {URL} url
 * @param {CollectorOptions} options
 */
export async function handleResults(req, res, url, { store }) {
  const widget = url.searchParams.get('widget') || undefined;
  const since = url.searchParams.get('since') || undefined;
  try {
    sendJson(res, 200, await store.results({ widget, since }));
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error).code;
    if (code === 'BAD_QUERY') return sendJson(res, 400, { error: /** @type {Error} */ (error).message, field: 'since' });
    if (code === 'STORE_UNAVAILABLE') {
      return sendJson(res, 503, { error: 'the database is unavailable; retry later' }, { 'retry-after': String(STORE_RETRY_AFTER_SECONDS) });
    }
    throw error;
  }
}

export { sendJson };
