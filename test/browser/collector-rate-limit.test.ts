// The transport against the reference collector's rate limit, in Chromium:
// answers refused with 429 + Retry-After wait as asked, then all arrive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer, type DemoServer } from '../../demo/app.mjs';
import type { FeedbackEvent } from '../../src/context/event.js';
import { useBrowserSuite } from './support/suite.js';
import { answerOn, openTransportPage, pendingOn } from './support/transport-page.js';

const suite = useBrowserSuite({ closePage: true });

let demo: DemoServer;
let dir: string;
/** Every POST /api/feedback the collector answered: when, and with what. */
const posts: Array<{ at: number; status: number; retryAfter: string | undefined }> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'feelback-rate-limit-'));
  demo = await startDemoServer({
    port: 0,
    dbPath: join(dir, 'feedback.sqlite'),
    // The page is served by the suite's server, so it posts from another origin.
    corsOrigins: [suite.server.origin],
    // Two answers at once, then one a second.
    rateLimits: { feedback: '2/2s' },
  });
  demo.server.prependListener('request', (req, res) => {
    if (req.method !== 'POST' || req.url !== '/api/feedback') return;
    const at = Date.now();
    // The collector passes its headers to writeHead, where getHeader() cannot see them.
    let retryAfter: string | undefined;
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
    res.writeHead = ((...args: unknown[]) => {
      const headers = args.find((arg): arg is Record<string, unknown> => typeof arg === 'object' && arg !== null && !Array.isArray(arg));
      if (headers?.['retry-after'] !== undefined) retryAfter = String(headers['retry-after']);
      return writeHead(...args);
    }) as typeof res.writeHead;
    res.on('finish', () => posts.push({ at, status: res.statusCode, retryAfter }));
  });
});

afterAll(async () => {
  await demo?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function storedIds(): Promise<string[]> {
  const response = await fetch(`${demo.url}/api/events?limit=1000`, { headers: { authorization: `Bearer ${demo.adminToken}` } });
  const body = (await response.json()) as FeedbackEvent[] | { events: FeedbackEvent[] };
  return (Array.isArray(body) ? body : body.events).map((event) => event.id);
}

describe('the transport against the collector’s rate limit', () => {
  it('waits out 429 + Retry-After, then delivers every answer once the limit clears', async () => {
    await openTransportPage(suite, '/rate-limited.html', {
      title: 'rate limited',
      widget: 'rate-limit',
      // One answer per request, so the page makes many requests; short backoff, so
      // only Retry-After can explain a wait of a second.
      transport: { endpoint: `${demo.url}/api/feedback`, batchSize: 1, flushIntervalMs: 0, backoffBaseMs: 50, backoffCapMs: 200, maxRetries: 100 },
    });
    const ids = await answerOn(suite.page, 6);

    await expect.poll(async () => (await storedIds()).filter((id) => ids.includes(id)).length, { timeout: 20_000, interval: 250 }).toBe(ids.length);
    await expect.poll(() => pendingOn(suite.page)).toBe(0);

    const limited = posts.filter((post) => post.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((post) => post.retryAfter === '1')).toBe(true);
    // After each 429 the page waited the second it was told to before posting again.
    for (const refusal of limited) {
      const next = posts.find((post) => post.at > refusal.at);
      if (next) expect(next.at - refusal.at).toBeGreaterThanOrEqual(900);
    }
    expect(posts.filter((post) => post.status === 200)).toHaveLength(ids.length);
  });
});
