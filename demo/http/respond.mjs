/**
 * Every answer the collector sends goes through here, so every one carries
 * the security headers, JSON and errors included.
 */

/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * The pages run under a strict policy: scripts and styles from files on this
 * origin only, no inline script, no eval, forms post only here, never framed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * What a response is, for the headers it needs:
 * - `page`: HTML; CSP, its own browsing context group, sent with same-origin referrers (so forms carry `Origin`).
 * - `private`: anything behind the admin token; never cached, never read by another site.
 * - `public`: the demo's own files and errors; same-origin only.
 * - `shared`: what other sites may use: `POST /api/feedback` and the widget bundle.
 * @typedef {'page' | 'private-page' | 'private' | 'public' | 'shared'} ResponseKind
 */

/**
 * @param {ResponseKind} kind
 * @returns {Record<string, string>}
 */
export function securityHeaders(kind) {
  /** @type {Record<string, string>} */
  const headers = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cross-origin-resource-policy': kind === 'shared' ? 'cross-origin' : 'same-origin',
    'referrer-policy': kind === 'page' || kind === 'private-page' ? 'same-origin' : 'no-referrer',
  };
  if (kind === 'page' || kind === 'private-page') {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['cross-origin-opener-policy'] = 'same-origin';
  } else {
    // Nothing but a page should ever render: a JSON answer opened as a document gets no scripts and no frames.
    headers['content-security-policy'] = "default-src 'none'; frame-ancestors 'none'; sandbox";
  }
  if (kind === 'private' || kind === 'private-page') headers['cache-control'] = 'no-store';
  return headers;
}

/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {{ kind?: ResponseKind, headers?: Record<string, string | string[]> }} [options]
 */
export function sendJson(res, status, body, { kind = 'public', headers = {} } = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders(kind),
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(res.req?.method === 'HEAD' ? undefined : text);
}

/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {string} html
 * @param {{ kind?: 'page' | 'private-page', headers?: Record<string, string | string[]> }} [options]
 */
export function sendHtml(res, status, html, { kind = 'private-page', headers = {} } = {}) {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, {
    ...securityHeaders(kind),
    'content-type': 'text/html; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}

/**
 * A 303 to a path on this site.
 * @param {ServerResponse} res
 * @param {string} location
 * @param {Record<string, string | string[]>} [headers]
 */
export function redirect(res, location, headers = {}) {
  res.writeHead(303, { ...securityHeaders('private'), location, 'content-length': 0, ...headers });
  res.end();
}

/**
 * `429`/`503` with `Retry-After` in whole seconds.
 * @param {ServerResponse} res
 * @param {429 | 503} status
 * @param {number} seconds
 * @param {string} message
 * @param {{ kind?: ResponseKind, headers?: Record<string, string> }} [options]
 */
export function sendRetryLater(res, status, seconds, message, { kind = 'public', headers = {} } = {}) {
  sendJson(res, status, { error: message, retryAfterSeconds: seconds }, { kind, headers: { ...headers, 'retry-after': String(seconds) } });
}

/**
 * The raw answer for a request node's parser refused (it never reached a
 * handler): status line, security headers, a one-line JSON body, close.
 * @param {number} status
 * @param {string} reason
 * @param {string} message
 */
export function rawErrorResponse(status, reason, message) {
  const body = JSON.stringify({ error: message });
  const headers = {
    ...securityHeaders('public'),
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    connection: 'close',
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${status} ${reason}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}
