import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FeedbackEvent } from '../../../src/context/event.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
};

export interface ReceivedRequest {
  path: string;
  contentType: string;
  body: string;
  events: FeedbackEvent[];
}

/** Decides how the collector answers a request: a status, `'reset'` to cut the connection, or `'hang'`. */
export type Responder = (request: ReceivedRequest, attempt: number) => number | 'reset' | 'hang' | { status: number; headers?: Record<string, string> };

export interface TestServer {
  origin: string;
  /** Every POST that reached the collector, accepted or not. */
  requests: ReceivedRequest[];
  /** Events from requests answered 2xx, in arrival order. */
  accepted: FeedbackEvent[];
  /** Replaces how POSTs are answered (default: 204). */
  respond(responder: Responder): void;
  /** Serves `html` at `path`, with optional response headers (e.g. a CSP). */
  page(path: string, html: string, headers?: Record<string, string>): void;
  /** Resolves once at least `count` events have been accepted. */
  waitForAccepted(count: number, timeoutMs?: number): Promise<FeedbackEvent[]>;
  close(): Promise<void>;
}

/**
 * A static file server rooted at the repository plus a collector at any path
 * starting with `/collect`, answering as the test's responder says.
 */
export async function startServer(): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const accepted: FeedbackEvent[] = [];
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const hanging = new Set<ServerResponse>();
  let responder: Responder = () => 204;
  let attempt = 0;
  const waiters = new Set<() => void>();

  async function handleCollect(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    let events: FeedbackEvent[];
    try {
      events = JSON.parse(body).events ?? [];
    } catch {
      events = [];
    }
    const received: ReceivedRequest = {
      path: req.url ?? '',
      contentType: req.headers['content-type'] ?? '',
      body,
      events,
    };
    requests.push(received);
    const answer = responder(received, attempt++);
    if (answer === 'reset') {
      req.socket.destroy();
      return;
    }
    if (answer === 'hang') {
      hanging.add(res);
      return;
    }
    const { status, headers } = typeof answer === 'number' ? { status: answer, headers: {} } : answer;
    if (status >= 200 && status < 300) {
      accepted.push(...events);
      for (const wake of waiters) wake();
    }
    res.writeHead(status, { 'access-control-allow-origin': '*', ...headers });
    res.end();
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const custom = pages.get(path);
    if (custom) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store', ...custom.headers });
      res.end(custom.html);
      return;
    }
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const content = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(content);
    } catch {
      res.writeHead(404).end();
    }
  }

  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type',
      });
      res.end();
      return;
    }
    const handler = req.method === 'POST' && (req.url ?? '').startsWith('/collect') ? handleCollect : handleStatic;
    handler(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    accepted,
    respond(next) {
      responder = next;
      attempt = 0;
    },
    page(path, html, headers = {}) {
      pages.set(path, { html, headers });
    },
    waitForAccepted(count, timeoutMs = 10_000) {
      return new Promise((done, fail) => {
        const check = () => {
          if (accepted.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            done(accepted.slice());
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          fail(new Error(`expected ${count} accepted events, got ${accepted.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      for (const res of hanging) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
