import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STORE_RETRY_AFTER_SECONDS, erasureQuery, handleErase, handleFeedback, handleListEvents, handlePreflight, handleResults, corsFor, readBody } from './collector/collector.mjs';
import { openStore } from './collector/store/index.mjs';
// Registers the alert tables' migrations, so it comes before openStore runs.
import { readAlertConfig, startAlerts } from './collector/alerts/index.mjs';
import { createAuth, generateAdminToken, isSameOriginRequest } from './http/auth.mjs';
import { clientKey, addressKey, isHttps } from './http/client-address.mjs';
import { DEFAULT_CONNECTIONS, DEFAULT_LIMITS, DEFAULT_MAX_HEADER_BYTES, DEFAULT_TIMEOUTS } from './http/config.mjs';
import { createHostCheck, defaultAllowedHosts } from './http/hosts.mjs';
import { erasePage, signInPage, signOutPage } from './http/pages.mjs';
import { createRateLimiter, parseRate } from './http/rate-limit.mjs';
import { rawErrorResponse, redirect, securityHeaders, sendHtml, sendJson, sendRetryLater } from './http/respond.mjs';

const DEMO_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(DEMO_DIR, '..');
const PUBLIC = join(DEMO_DIR, 'public');
// chart.js's package exports do not expose its UMD build by path, so find it beside the main entry.
const CHART_DIST = dirname(createRequire(import.meta.url).resolve('chart.js'));

const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** A sign-in or erasure form is a few hundred bytes. */
const MAX_FORM_BYTES = 4096;

/**
 * @typedef {object} StaticRoute
 * @property {string} file
 * @property {string} type
 * @property {import('./http/respond.mjs').ResponseKind} kind
 * @property {boolean} [admin] only for the signed-in admin
 * @property {string} [missing] the message when the file is not there
 */

/**
 * Every file the server serves, by URL path. A fixed table rather than a
 * directory mapping, so no request path can reach any other file.
 * @type {Record<string, StaticRoute>}
 */
const STATIC_ROUTES = {
  '/': { file: join(PUBLIC, 'index.html'), type: HTML, kind: 'page' },
  '/results': { file: join(PUBLIC, 'results.html'), type: HTML, kind: 'private-page', admin: true },
  '/demo.css': { file: join(PUBLIC, 'demo.css'), type: CSS, kind: 'public' },
  '/demo.mjs': { file: join(PUBLIC, 'demo.mjs'), type: JS, kind: 'public' },
  '/results.mjs': { file: join(PUBLIC, 'results.mjs'), type: JS, kind: 'public' },
  '/inbox': { file: join(PUBLIC, 'inbox.html'), type: HTML, kind: 'private-page', admin: true },
  '/inbox.mjs': { file: join(PUBLIC, 'inbox.mjs'), type: JS, kind: 'public' },
  '/inbox.css': { file: join(PUBLIC, 'inbox.css'), type: CSS, kind: 'public' },
  '/feelback.min.js': {
    file: join(ROOT, 'dist', 'feelback.min.js'),
    type: JS,
    kind: 'shared',
    missing: 'dist/feelback.min.js is missing: run `npm run build` (npm start does it for you).',
  },
  '/vendor/chart.umd.min.js': { file: join(CHART_DIST, 'chart.umd.min.js'), type: JS, kind: 'public' },
};

// Files the bundle import()s relative to its own URL: locale tables and shared chunks
// (see rollup.config.mjs). A name pattern with no slashes or dots before the extension
// keeps this to files directly inside those two folders.
const BUNDLE_CHUNK = /^\/(locales\/[A-Za-z0-9_-]+\.js|internal\/[A-Za-z0-9_-]+\.min\.js)$/;

/** @param {string} path @returns {StaticRoute | undefined} */
function staticRouteFor(path) {
  if (Object.hasOwn(STATIC_ROUTES, path)) return STATIC_ROUTES[path];
  const chunk = BUNDLE_CHUNK.exec(path);
  return chunk ? { file: join(ROOT, 'dist', chunk[1]), type: JS, kind: 'shared' } : undefined;
}

/**
 * @typedef {object} RateLimits
 * @property {string | import('./http/rate-limit.mjs').Rate | null} [requests] every request, per client
 * @property {string | import('./http/rate-limit.mjs').Rate | null} [feedback] `POST /api/feedback`, per client
 * @property {string | import('./http/rate-limit.mjs').Rate | null} [callback] callback requests (events), per client
 * @property {string | import('./http/rate-limit.mjs').Rate | null} [signin] sign-in attempts and wrong tokens, per client
 */

/**
 * @typedef {object} DemoServerOptions
 * @property {number} [port] default 8080; 0 picks a free port
 * @property {string} [host] default 127.0.0.1
 * @property {string} [dbPath] default ./data/feedback.sqlite
 * @property {string} [databaseUrl] postgres://…: store events in PostgreSQL instead of SQLite
 * @property {string[]} [corsOrigins] origins allowed to post answers from another site
 * @property {string} [adminToken] the token that reads answers; made up (and returned) when left out
 * @property {string[]} [allowedHosts] `Host` values served; default the bound host and the loopback names, with the port
 * @property {string} [publicUrl] the address people open the collector at, for the inbox links in alerts; default `http://<bound address>:<port>`
 * @property {boolean} [trustProxy] take the client address and scheme from `X-Forwarded-For`/`-Proto` (behind a reverse proxy only)
 * @property {RateLimits} [rateLimits] `<count>/<window>` strings (e.g. `60/1m`), or null for no limit
 * @property {{ headersMs?: number, requestMs?: number, keepAliveMs?: number }} [timeouts]
 * @property {{ max?: number, perClient?: number }} [connections] open connections, in all and per client
 * @property {number} [maxHeaderBytes] larger request headers are answered 431; default 16 KB
 * @property {{ retentionDays?: number, personalDataDays?: number }} [retention] passed to the store's `expire()`
 * @property {number} [retentionIntervalMs] how often expiry runs; default hourly
 * @property {AlertOptions} [alerts] alerts and the inbox; default: `readAlertConfig({})` (the built-in receiver)
 * @property {(line: string) => void} [log] default: nothing
 */

/**
 * @typedef {object} AlertOptions
 * @property {import('./collector/alerts/config.mjs').AlertConfig} [config] from `readAlertConfig(process.env)`
 * @property {typeof fetch} [fetch] how webhooks are posted (tests)
 * @property {number} [pollMs] how often the outbox is looked at for due alerts; default 1 s
 * @property {(attempts: number) => number} [retryDelay] ms before retrying a failed webhook; default exponential from 5 s
 */

/**
 * @typedef {object} DemoServer
 * @property {string} url e.g. http://127.0.0.1:8080
 * @property {number} port
 * @property {string} adminToken the token for `Authorization: Bearer` and the sign-in page
 * @property {boolean} adminTokenGenerated whether the token was made up because none was given
 * @property {string[]} allowedHosts
 * @property {import('./collector/store/index.mjs').FeedbackStore} store
 * @property {import('node:http').Server} server
 * @property {string} alertDestination where alerts go, for the start-up banner
 * @property {() => Promise<void>} close stops the server and closes the database
 */

/**
 * @typedef {object} RequestContext
 * @property {import('node:http').IncomingMessage} req
 * @property {import('node:http').ServerResponse} res
 * @property {URL} url
 * @property {string} client the client's rate-limit key
 * @property {string} origin this site's origin as the request reached it
 * @property {boolean} https
 * @property {import('./http/auth.mjs').Authentication} auth
 */

/** @param {string | import('./http/rate-limit.mjs').Rate | null | undefined} value @param {string} fallback */
function rateOf(value, fallback) {
  if (value === null) return undefined;
  if (value === undefined) return parseRate(fallback);
  return typeof value === 'string' ? parseRate(value) : value;
}

/** Where a sign-in may send the browser next: a path on this site, nothing else. @param {string | null} next */
function safeNext(next) {
  return next && next.length <= 200 && /^\/(?![/\\])[^\s\\]*$/.test(next) ? next : '/results';
}

/**
 * Starts the demo: the demo page, the results page and the reference
 * collector, backed by a SQLite file. See docs/collector.md.
 *
 * @param {DemoServerOptions} [options]
 * @returns {Promise<DemoServer>}
 */
export async function startDemoServer({
  port = 8080,
  host = '127.0.0.1',
  dbPath = join(process.cwd(), 'data', 'feedback.sqlite'),
  databaseUrl,
  corsOrigins = [],
  adminToken,
  allowedHosts,
  publicUrl: configuredPublicUrl,
  trustProxy = false,
  rateLimits = {},
  timeouts = {},
  connections = {},
  maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES,
  retention,
  retentionIntervalMs = 60 * 60 * 1000,
  alerts: alertOptions = {},
  log = () => {},
} = {}) {
  const alertConfig = alertOptions.config ?? readAlertConfig({});
  const token = adminToken || generateAdminToken();
  const auth = createAuth({ adminToken: token });
  const limiters = {
    requests: createRateLimiter(rateOf(rateLimits.requests, DEFAULT_LIMITS.requests)),
    feedback: createRateLimiter(rateOf(rateLimits.feedback, DEFAULT_LIMITS.feedback)),
    callback: createRateLimiter(rateOf(rateLimits.callback, DEFAULT_LIMITS.callback)),
    signin: createRateLimiter(rateOf(rateLimits.signin, DEFAULT_LIMITS.signin)),
  };
  const headersMs = timeouts.headersMs ?? DEFAULT_TIMEOUTS.headersMs;
  const requestMs = Math.max(timeouts.requestMs ?? DEFAULT_TIMEOUTS.requestMs, headersMs);
  const keepAliveMs = timeouts.keepAliveMs ?? DEFAULT_TIMEOUTS.keepAliveMs;
  const maxConnections = connections.max ?? DEFAULT_CONNECTIONS.max;
  const perClientConnections = connections.perClient ?? DEFAULT_CONNECTIONS.perClient;

  const store = await openStore({ dbPath, databaseUrl, log });
  /**
   * Started once the server listens (its URL goes into the alerts' inbox links); no request is
   * handled before then.
   * @type {ReturnType<typeof startAlerts> | undefined}
   */
  let alerts;
  /** @type {(hostHeader: string | undefined) => boolean} */
  let hostAllowed = () => false;

  /**
   * A route is a handler per method; `admin` routes need the admin token or a session.
   * @typedef {{ admin?: boolean, page?: boolean, changes?: boolean, run: (context: RequestContext) => unknown }} Handler
   * @type {Record<string, Record<string, Handler>>}
   */
  const ROUTES = {
    '/api/feedback': {
      POST: { run: ({ req, res, client }) => feedback(req, res, client) },
      OPTIONS: { run: ({ req, res }) => handlePreflight(req, res, corsOrigins) },
    },
    '/api/events': {
      GET: { admin: true, run: ({ res, url }) => handleListEvents(res, url, store) },
      DELETE: { admin: true, changes: true, run: ({ res, url }) => handleErase(res, url, store, log, eraseAlerts) },
    },
    '/api/inbox': {
      GET: { admin: true, run: async ({ res, url }) => answerInbox(res, await inboxOf().list(url)) },
      POST: { admin: true, changes: true, run: (context) => updateInbox(context) },
    },
    '/api/inbox/stats': {
      GET: { admin: true, run: async ({ res }) => sendJson(res, 200, await inboxOf().contactStats(), { kind: 'private' }) },
    },
    '/api/results': {
      GET: { admin: true, run: ({ res, url }) => handleResults(res, url, store) },
    },
    '/api/session': {
      GET: { admin: true, run: ({ res, auth: who }) => sendJson(res, 200, sessionInfo(who), { kind: 'private' }) },
    },
    '/signin': {
      GET: { run: ({ res, url }) => sendHtml(res, 200, signInPage({ next: safeNext(url.searchParams.get('next')) })) },
      POST: { run: (context) => signIn(context) },
    },
    '/signout': {
      GET: { run: (context) => signOutForm(context) },
      POST: { run: (context) => signOut(context) },
    },
    '/erase': {
      GET: { admin: true, page: true, run: ({ res, auth: who }) => sendHtml(res, 200, erasePage({ csrfToken: csrfOf(who) })) },
      POST: { admin: true, page: true, changes: true, run: (context) => eraseByForm(context) },
    },
  };

  function inboxOf() {
    if (!alerts) throw new Error('alerts are not running');
    return alerts;
  }

  /** @param {import('node:http').ServerResponse} res @param {{ status: number, body: unknown }} answer */
  function answerInbox(res, { status, body }) {
    return sendJson(res, status, body, { kind: 'private' });
  }

  /** @param {{ ids?: string[], sessionId?: string }} query */
  async function eraseAlerts(query) {
    await alerts?.erase(query);
  }

  /** `POST /api/inbox` `{ id, status?, note? }` as JSON. @param {RequestContext} context */
  async function updateInbox({ req, res, auth: who }) {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      req.resume();
      return sendJson(res, 415, { error: 'send the change as application/json' }, { kind: 'private' });
    }
    const body = await readBody(req, MAX_FORM_BYTES * 4);
    if (body === 'too-large') {
      sendJson(res, 413, { error: `a change is at most ${MAX_FORM_BYTES * 4} bytes` }, { kind: 'private', headers: { connection: 'close' } });
      if (!req.complete) res.on('finish', () => req.destroy());
      return undefined;
    }
    let parsed;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { error: 'the body is not JSON' }, { kind: 'private' });
    }
    // Who made the change, for the item's history: a person signed in on the page, or a script with the token.
    const by = who.via === 'cookie' ? 'admin' : 'admin (token)';
    return answerInbox(res, await inboxOf().update(parsed, by));
  }

  /** @param {import('./http/auth.mjs').Authentication} who */
  function sessionInfo(who) {
    return who.via === 'cookie'
      ? { via: 'cookie', csrfToken: auth.csrfToken(who.session), expiresAt: new Date(who.session.expiresAt).toISOString() }
      : { via: who.via };
  }

  /** @param {import('./http/auth.mjs').Authentication} who */
  function csrfOf(who) {
    return who.via === 'cookie' ? auth.csrfToken(who.session) : '';
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} client
   */
  function feedback(req, res, client) {
    const take = limiters.feedback.take(client);
    if (!take.ok) {
      req.resume();
      log(`429 for ${client}: POST /api/feedback over RATE_LIMIT_FEEDBACK`);
      return sendRetryLater(res, 429, take.retryAfterSeconds, 'too many answers from this address; try again later', {
        kind: 'shared',
        headers: corsFor(req, corsOrigins).headers,
      });
    }
    return handleFeedback(req, res, { store, corsOrigins, callbackLimiter: limiters.callback, client, log, onStored: (events, receivedAt) => inboxOf().onStored(events, receivedAt) });
  }

  /**
   * A url-encoded form body, or an answer already sent.
   * @param {RequestContext} context
   * @returns {Promise<URLSearchParams | undefined>}
   */
  async function readForm({ req, res }) {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      req.resume();
      sendJson(res, 415, { error: 'send the form as application/x-www-form-urlencoded' });
      return undefined;
    }
    const body = await readBody(req, MAX_FORM_BYTES);
    if (body === 'too-large') {
      sendJson(res, 413, { error: `a form is at most ${MAX_FORM_BYTES} bytes` }, { headers: { connection: 'close' } });
      if (!req.complete) res.on('finish', () => req.destroy());
      return undefined;
    }
    return new URLSearchParams(body.toString('utf8'));
  }

  /** @param {RequestContext} context */
  async function signIn(context) {
    const { req, res, client, origin, https } = context;
    if (!isSameOriginRequest(req, origin)) {
      req.resume();
      return sendHtml(res, 403, signInPage({ next: '/results', error: 'Sign in from this site’s own sign-in page.' }));
    }
    const take = limiters.signin.take(client);
    if (!take.ok) {
      req.resume();
      return sendHtml(res, 429, signInPage({ next: '/results', error: `Too many attempts: try again in ${take.retryAfterSeconds} s.` }), {
        headers: { 'retry-after': String(take.retryAfterSeconds) },
      });
    }
    const form = await readForm(context);
    if (!form) return undefined;
    const next = safeNext(form.get('next'));
    if (!auth.tokenMatches(form.get('token') ?? '')) {
      log(`failed sign-in from ${client}`);
      return sendHtml(res, 401, signInPage({ next, error: 'That is not the admin token.' }));
    }
    const { cookie } = auth.startSession(https);
    log(`signed in from ${client}`);
    return redirect(res, next, { 'set-cookie': cookie });
  }

  /** @param {RequestContext} context */
  function signOutForm({ res, auth: who }) {
    if (who.via !== 'cookie') return redirect(res, '/signin');
    return sendHtml(res, 200, signOutPage({ csrfToken: auth.csrfToken(who.session) }));
  }

  /** @param {RequestContext} context */
  async function signOut(context) {
    const { req, res, origin, auth: who } = context;
    if (who.via !== 'cookie') {
      req.resume();
      return redirect(res, '/signin', { 'set-cookie': auth.endSession(undefined) });
    }
    if (!isSameOriginRequest(req, origin)) {
      req.resume();
      return sendJson(res, 403, { error: 'cross-site request refused' }, { kind: 'private' });
    }
    const form = await readForm(context);
    if (!form) return undefined;
    if (!auth.csrfTokenMatches(who.session, form.get('csrf') ?? undefined)) {
      return sendJson(res, 403, { error: 'the form is stale: reload the page and try again' }, { kind: 'private' });
    }
    return redirect(res, '/signin', { 'set-cookie': auth.endSession(who.session) });
  }

  /** @param {RequestContext} context */
  async function eraseByForm(context) {
    const { res, auth: who } = context;
    const form = await readForm(context);
    if (!form) return undefined;
    const csrfToken = csrfOf(who);
    if (who.via === 'cookie' && !auth.csrfTokenMatches(who.session, form.get('csrf') ?? undefined)) {
      return sendHtml(res, 403, erasePage({ csrfToken, error: 'The form is stale: try again.' }));
    }
    if (typeof store.deleteEvents !== 'function') {
      return sendHtml(res, 501, erasePage({ csrfToken, error: 'This store cannot erase events.' }));
    }
    const query = new URLSearchParams();
    for (const name of ['id', 'sessionId']) {
      const value = (form.get(name) ?? '').trim();
      if (value) query.set(name, value);
    }
    const check = erasureQuery(query);
    if (!check.ok) return sendHtml(res, 400, erasePage({ csrfToken, error: `${check.message[0].toUpperCase()}${check.message.slice(1)}.` }));
    const { deleted } = await store.deleteEvents(check.query);
    await eraseAlerts(check.query);
    log(`erased ${deleted} event(s) by ${check.query.ids ? 'id' : 'session id'}`);
    return sendHtml(res, 200, erasePage({ csrfToken, done: `Erased ${deleted} event${deleted === 1 ? '' : 's'}.` }));
  }

  /** @param {RequestContext} context @param {StaticRoute} route */
  async function serveFile({ req, res, url }, route) {
    let content;
    try {
      content = await readFile(route.file);
    } catch {
      if (!route.missing && BUNDLE_CHUNK.test(url.pathname)) return sendJson(res, 404, { error: `nothing at ${url.pathname}` });
      return sendJson(res, 503, { error: route.missing ?? `${url.pathname} is not available` });
    }
    res.writeHead(200, {
      ...securityHeaders(route.kind),
      'content-type': route.type,
      'content-length': content.length,
      'cache-control': route.admin ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : content);
    return undefined;
  }

  /**
   * Checks the admin's credentials for `handler`, answering when they fall short.
   * @param {RequestContext} context
   * @param {{ page?: boolean, changes?: boolean }} handler
   * @returns {boolean} whether the handler may run
   */
  function admitted(context, { page = false, changes = false }) {
    const { req, res, url, client, auth: who } = context;
    if (who.via === 'bad-token') {
      // A wrong token counts as a sign-in attempt, so guessing is as slow as on the form.
      const take = limiters.signin.take(client);
      req.resume();
      if (!take.ok) sendRetryLater(res, 429, take.retryAfterSeconds, 'too many wrong tokens from this address; try again later', { kind: 'private' });
      else sendJson(res, 401, { error: 'wrong admin token' }, { kind: 'private', headers: { 'www-authenticate': 'Bearer realm="feelback", error="invalid_token"' } });
      return false;
    }
    if (who.via === 'none') {
      req.resume();
      if (page && req.method === 'GET') redirect(res, `/signin?next=${encodeURIComponent(url.pathname)}`);
      else sendJson(res, 401, { error: 'sign in at /signin, or send Authorization: Bearer <ADMIN_TOKEN>' }, { kind: 'private', headers: { 'www-authenticate': 'Bearer realm="feelback"' } });
      return false;
    }
    if (who.via === 'cookie' && changes) {
      // The cookie is SameSite=Strict already; a change also needs this site's
      // Origin and, outside forms (checked with the form body), the CSRF token.
      const csrfHeader = req.headers['x-csrf-token'];
      const tokenOk = page || auth.csrfTokenMatches(who.session, typeof csrfHeader === 'string' ? csrfHeader : undefined);
      if (!isSameOriginRequest(req, context.origin) || !tokenOk) {
        req.resume();
        sendJson(res, 403, { error: 'cross-site request refused: send X-CSRF-Token from GET /api/session' }, { kind: 'private' });
        return false;
      }
    }
    return true;
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<unknown>}
   */
  async function route(req, res) {
    let url;
    try {
      url = new URL(req.url ?? '/', 'http://collector.invalid');
    } catch {
      req.resume();
      return sendJson(res, 400, { error: 'the request target is not a URL path' });
    }
    // `//other/x` parses as a URL of another host: not a path on this one.
    if (url.host !== 'collector.invalid') {
      req.resume();
      return sendJson(res, 400, { error: 'the request target is not a URL path' });
    }
    if (!hostAllowed(req.headers.host)) {
      req.resume();
      log(`421 for Host: ${String(req.headers.host).slice(0, 100)}`);
      return sendJson(res, 421, { error: 'this collector does not serve that host name (ALLOWED_HOSTS)' }, { headers: { connection: 'close' } });
    }
    const path = url.pathname;
    const client = clientKey(req, trustProxy);
    const general = limiters.requests.take(client);
    if (!general.ok) {
      req.resume();
      const cors = path === '/api/feedback' ? corsFor(req, corsOrigins).headers : {};
      return sendRetryLater(res, 429, general.retryAfterSeconds, 'too many requests from this address; try again later', {
        kind: path === '/api/feedback' ? 'shared' : 'public',
        headers: cors,
      });
    }
    if (path === '/favicon.ico') {
      res.writeHead(204, { ...securityHeaders('public'), 'cache-control': 'max-age=86400' });
      return res.end();
    }
    const https = isHttps(req, trustProxy);
    /** @type {RequestContext} */
    const context = { req, res, url, client, https, origin: `${https ? 'https' : 'http'}://${req.headers.host}`, auth: auth.authenticate(req) };

    const methods = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
    if (methods) {
      const method = req.method === 'HEAD' && methods.GET ? 'GET' : req.method ?? 'GET';
      const handler = Object.hasOwn(methods, method) ? methods[method] : undefined;
      if (!handler) {
        req.resume();
        const allow = Object.keys(methods).join(', ');
        return sendJson(res, 405, { error: `use ${allow}` }, { headers: { allow } });
      }
      if (handler.admin && !admitted(context, handler)) return undefined;
      return handler.run(context);
    }

    const file = staticRouteFor(path);
    if (!file) {
      req.resume();
      return sendJson(res, 404, { error: `nothing at ${path}` });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      return sendJson(res, 405, { error: 'use GET' }, { headers: { allow: 'GET' } });
    }
    if (file.admin && !admitted(context, { page: true })) return undefined;
    return serveFile(context, file);
  }

  const server = createServer(
    {
      headersTimeout: headersMs,
      requestTimeout: requestMs,
      keepAliveTimeout: keepAliveMs,
      maxHeaderSize: maxHeaderBytes,
      // Node checks the two timeouts above on this interval (30 s by default).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersMs / 4))),
    },
    (req, res) => {
      Promise.resolve(route(req, res)).catch((error) => {
        if (error?.code === 'STORE_UNAVAILABLE') {
          log(`database unavailable answering ${req.method} ${url(req)}: ${error.message}`);
          if (!res.headersSent) return sendRetryLater(res, 503, STORE_RETRY_AFTER_SECONDS, 'the database is unavailable; try again shortly');
          return res.destroy();
        }
        // Bad input is answered in the handlers; this is the net for everything else,
        // so no request can take the server down.
        log(`error answering ${req.method} ${url(req)}: ${error?.message ?? error}`);
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.destroy();
        return undefined;
      });
    },
  );
  server.maxConnections = maxConnections;

  /** @param {import('node:http').IncomingMessage} req */
  const url = (req) => String(req.url).slice(0, 200);

  // One client may hold only so many connections, so idle sockets from one
  // address cannot use up `maxConnections` and shut everyone else out. Behind a
  // trusted proxy every connection is the proxy's, so only the total applies.
  /** @type {Map<string, number>} */
  const openPerClient = new Map();
  server.on('connection', (socket) => {
    if (trustProxy) return;
    const key = addressKey(socket.remoteAddress ?? 'unknown');
    const open = (openPerClient.get(key) ?? 0) + 1;
    if (open > perClientConnections) {
      socket.destroy();
      return;
    }
    openPerClient.set(key, open);
    socket.once('close', () => {
      const left = (openPerClient.get(key) ?? 1) - 1;
      if (left <= 0) openPerClient.delete(key);
      else openPerClient.set(key, left);
    });
  });

  server.on('clientError', (/** @type {NodeJS.ErrnoException} */ error, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, reason, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', `request headers must be at most ${maxHeaderBytes} bytes`]
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'the request took too long to arrive']
          : [400, 'Bad Request', 'malformed HTTP request'];
    // Written, then closed outright: a half-closed socket would stay open for
    // as long as a client that never reads nor closes cares to keep it.
    socket.end(rawErrorResponse(status, reason, message), () => socket.destroy());
    setTimeout(() => socket.destroy(), 1000).unref();
  });

  try {
    await new Promise((done, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => {
        server.off('error', fail);
        done(undefined);
      });
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const hosts = allowedHosts?.length ? allowedHosts : defaultAllowedHosts(host, address.port);
  hostAllowed = createHostCheck(hosts);
  const boundUrl = `http://${shownHost}:${address.port}`;
  const publicUrl = configuredPublicUrl ?? boundUrl;
  alerts = startAlerts({
    store,
    config: alertConfig,
    publicUrl,
    log,
    ...(alertOptions.fetch ? { fetch: alertOptions.fetch } : {}),
    ...(alertOptions.pollMs === undefined ? {} : { pollMs: alertOptions.pollMs }),
    ...(alertOptions.retryDelay ? { retryDelay: alertOptions.retryDelay } : {}),
  });

  /** @type {NodeJS.Timeout | undefined} */
  let retentionTimer;
  if (retention && (retention.retentionDays || retention.personalDataDays)) {
    const expire = async () => {
      /** @type {any} */
      const expiring = store;
      if (typeof expiring.expire !== 'function') {
        log('RETENTION_DAYS is set but this store cannot expire events');
        return;
      }
      try {
        const { deleted, redacted } = await expiring.expire({ now: new Date(), ...retention });
        if (deleted || redacted) log(`retention: deleted ${deleted} event(s), removed personal data from ${redacted}`);
      } catch (error) {
        log(`retention: expiry failed: ${/** @type {Error} */ (error).message}`);
      }
    };
    void expire();
    retentionTimer = setInterval(expire, retentionIntervalMs);
    retentionTimer.unref();
  }

  return {
    url: boundUrl,
    port: address.port,
    adminToken: token,
    adminTokenGenerated: !adminToken,
    allowedHosts: hosts,
    store,
    server,
    alertDestination: alerts.destination,
    async close() {
      clearInterval(retentionTimer);
      server.closeAllConnections();
      await new Promise((done) => server.close(() => done(undefined)));
      await alerts?.stop();
      await store.close();
    },
  };
}
