import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handleFeedback, handleListEvents, handlePreflight, handleResults, sendJson } from './collector/collector.mjs';
import { openStore } from './collector/store/index.mjs';

const DEMO_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(DEMO_DIR, '..');
const PUBLIC = join(DEMO_DIR, 'public');
// chart.js's package exports do not expose its UMD build by path, so find it beside the main entry.
const CHART_DIST = dirname(createRequire(import.meta.url).resolve('chart.js'));

const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/**
 * Every file the server serves, by URL path. A fixed table rather than a
 * directory mapping, so no request path can reach any other file.
 * @type {Record<string, { file: string, type: string, missing?: string }>}
 */
const STATIC_ROUTES = {
  '/': { file: join(PUBLIC, 'index.html'), type: HTML },
  '/results': { file: join(PUBLIC, 'results.html'), type: HTML },
  '/demo.css': { file: join(PUBLIC, 'demo.css'), type: CSS },
  '/demo.mjs': { file: join(PUBLIC, 'demo.mjs'), type: JS },
  '/results.mjs': { file: join(PUBLIC, 'results.mjs'), type: JS },
  '/feelback.min.js': {
    file: join(ROOT, 'dist', 'feelback.min.js'),
    type: JS,
    missing: 'dist/feelback.min.js is missing: run `npm run build` (npm start does it for you).',
  },
  '/vendor/chart.umd.min.js': { file: join(CHART_DIST, 'chart.umd.min.js'), type: JS },
};

// Files the bundle import()s relative to its own URL: locale tables and shared chunks
// (see rollup.config.mjs). A name pattern with no slashes or dots before the extension
// keeps this to files directly inside those two folders.
const BUNDLE_CHUNK = /^\/(locales\/[A-Za-z0-9_-]+\.js|internal\/[A-Za-z0-9_-]+\.min\.js)$/;

/** @param {string} path */
function routeFor(path) {
  if (Object.hasOwn(STATIC_ROUTES, path)) return STATIC_ROUTES[path];
  const chunk = BUNDLE_CHUNK.exec(path);
  return chunk ? { file: join(ROOT, 'dist', chunk[1]), type: JS } : undefined;
}

// The pages run under a strict policy: scripts and styles from files on this
// origin only, no inline script, no eval.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * @typedef {object} DemoServerOptions
 * @property {number} [port] default 8080; 0 picks a free port
 * @property {string} [host] default 127.0.0.1
 * @property {string} [dbPath] default ./data/feedback.sqlite
 * @property {string} [databaseUrl] postgres://…: store events in PostgreSQL instead of SQLite
 * @property {string[]} [corsOrigins] origins allowed to use the API from another site
 * @property {(line: string) => void} [log] default: nothing
 */

/**
 * @typedef {object} DemoServer
 * @property {string} url e.g. http://127.0.0.1:8080
 * @property {number} port
 * @property {import('./collector/store/index.mjs').FeedbackStore} store
 * @property {import('node:http').Server} server
 * @property {() => Promise<void>} close stops the server and closes the database
 */

/**
 * Starts the demo: the demo page, the results page and the reference
 * collector, backed by a SQLite file.
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
  log = () => {},
} = {}) {
  const store = await openStore({ dbPath, databaseUrl, log });
  const collector = { store, corsOrigins, log };

  /** @type {import('node:http').RequestListener} */
  async function route(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === '/api/feedback') {
      if (req.method === 'POST') return handleFeedback(req, res, collector);
      if (req.method === 'OPTIONS') return handlePreflight(req, res, corsOrigins);
      return sendJson(res, 405, { error: 'use POST' }, { allow: 'POST, OPTIONS' });
    }
    if (path === '/api/events') {
      if (req.method === 'GET' || req.method === 'HEAD') return handleListEvents(req, res, url, collector);
      if (req.method === 'OPTIONS') return handlePreflight(req, res, corsOrigins);
      return sendJson(res, 405, { error: 'use GET' }, { allow: 'GET' });
    }
    if (path === '/api/results') {
      if (req.method === 'GET' || req.method === 'HEAD') return handleResults(req, res, url, collector);
      return sendJson(res, 405, { error: 'use GET' }, { allow: 'GET' });
    }
    if (path === '/favicon.ico') {
      res.writeHead(204, { 'cache-control': 'max-age=86400' });
      return res.end();
    }
    const route = routeFor(path);
    if (!route) return sendJson(res, 404, { error: `nothing at ${path}` });
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'use GET' }, { allow: 'GET' });
    let content;
    try {
      content = await readFile(route.file);
    } catch {
      if (!route.missing && BUNDLE_CHUNK.test(path)) return sendJson(res, 404, { error: `nothing at ${path}` });
      return sendJson(res, 503, { error: route.missing ?? `${path} is not available` });
    }
    res.writeHead(200, {
      'content-type': route.type,
      'content-length': content.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      ...(route.type === HTML ? { 'content-security-policy': CONTENT_SECURITY_POLICY, 'referrer-policy': 'same-origin' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  const server = createServer((req, res) => {
    Promise.resolve(route(req, res)).catch((error) => {
      // Bad input is answered in the handlers; this is the net for everything else,
      // so no request can take the server down.
      log(`error answering ${req.method} ${req.url}: ${error?.message ?? error}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
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

  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    store,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(() => done(undefined)));
      await store.close();
    },
  };
}
