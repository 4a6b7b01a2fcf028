// Alerts end to end: answers posted to the real collector, alerts received by a real local
// webhook receiver over HTTP, inbox changes made through the API (docs/collector.md, "Alerts and the inbox").
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer, type DemoServer } from '../../demo/app.mjs';
import { readAlertConfig } from '../../demo/collector/alerts/config.mjs';
import { verifySignature } from '../../demo/collector/alerts/signature.mjs';
import type { FeedbackEvent } from '../../src/context/event.js';
import { STORE_KINDS, storeFixture, type StoreLocation } from '../support/stores.js';
import { eventBuilders } from '../support/events.js';

const ADMIN_TOKEN = 'alerts-e2e-admin-token-0123456789';
const SECRET = 'alerts-e2e-signing-secret-0123456789abcdef';
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A webhook receiver on a free loopback port; `answer` decides each response's status. */
async function startReceiver(answer: (attempt: number) => number = () => 204) {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = answer(deliveries.length + 1);
      deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status, status === 503 ? { 'retry-after': '0' } : {});
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/feelback`,
    deliveries,
    /** Alerts the receiver accepted. */
    accepted: () => deliveries.filter((delivery) => delivery.status < 300),
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

const VISITOR = 'visitor-1';
const { feelingEvent, commentEvent } = eventBuilders({
  context: { url: 'https://shop.example/pay', sessionId: VISITOR, vitals: { LCP: { value: 4100, rating: 'poor' } } },
});

const angry = (sessionId = VISITOR) => feelingEvent({ feeling: { id: 'angry', score: -2 }, context: { sessionId } });
const happy = () => feelingEvent({ feeling: { id: 'happy', score: 2 } });
const comment = (replyTo: string, text: string) => commentEvent({ comment: { text, replyTo } });

describe.each(STORE_KINDS)('alerts through the collector on %s', (kind) => {
  const stores = storeFixture(kind);
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close();
  });

  async function collector(location: StoreLocation, env: Record<string, string>, retryDelay = () => 50, publicUrl?: string): Promise<DemoServer> {
    const demo = await startDemoServer({
      port: 0,
      ...location,
      ...(publicUrl ? { publicUrl } : {}),
      adminToken: ADMIN_TOKEN,
      rateLimits: { requests: null, feedback: null, callback: null },
      alerts: { config: readAlertConfig({ ALERT_WEBHOOK_SECRET: SECRET, ALERT_COMMENT_WAIT: '0', ...env }), pollMs: 25, retryDelay },
    });
    const stop = demo.close.bind(demo);
    let closed: Promise<void> | undefined;
    const close = () => (closed ??= stop());
    cleanup.push(close);
    return Object.assign(demo, { close });
  }

  async function receiver(answer?: (attempt: number) => number) {
    const started = await startReceiver(answer);
    cleanup.push(() => started.close());
    return started;
  }

  async function post(demo: DemoServer, events: FeedbackEvent[]) {
    const response = await fetch(`${demo.url}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ v: 1, sentAt: new Date().toISOString(), events }),
    });
    expect(response.status).toBe(200);
  }

  async function inbox(demo: DemoServer, query = '') {
    const response = await fetch(`${demo.url}/api/inbox${query}`, { headers: admin });
    expect(response.status).toBe(200);
    return (await response.json()) as { items: Array<Record<string, any>>; widgets: string[]; stats: { medianMs: number | null; contacted: number; open: number } };
  }

  it('an angry feeling followed by its comment gives one alert carrying both (Slack shape by default)', async () => {
    const hook = await receiver();
    const demo = await collector(await stores.fresh(), { ALERT_WEBHOOK_URL: hook.url, ALERT_COMMENT_WAIT: '0.5' });
    const feeling = angry();
    await post(demo, [feeling]);
    await post(demo, [comment(feeling.id, 'The card form ate my order twice')]);
    await until(() => hook.deliveries.length === 1, 'the alert');
    await pause(400); // no second alert for the comment
    expect(hook.deliveries).toHaveLength(1);
    const body = JSON.parse(hook.deliveries[0].body);
    expect(body.text).toContain('angry');
    const blocks = JSON.stringify(body.blocks);
    expect(blocks).toContain('The card form ate my order twice');
    expect(blocks).toContain('https://shop.example/pay');
    expect(blocks).toContain(`${demo.url}/inbox#item-${feeling.id}`);
    expect(hook.deliveries[0].headers['x-feelback-delivery']).toBe(feeling.id);
  });

  it('links to the inbox at PUBLIC_URL when the collector has one (behind a proxy)', async () => {
    const hook = await receiver();
    const demo = await collector(await stores.fresh(), { ALERT_WEBHOOK_URL: hook.url, ALERT_WEBHOOK_FORMAT: 'json' }, undefined, 'https://feedback.example.com/collector');
    const feeling = angry();
    await post(demo, [feeling]);
    await until(() => hook.deliveries.length === 1, 'the alert');
    expect(hook.deliveries[0].body).toContain(`https://feedback.example.com/collector/inbox#item-${feeling.id}`);
    expect(hook.deliveries[0].body).not.toContain(demo.url);
  });

  it('a happy visitor gives no alert; the same angry batch posted twice gives one', async () => {
    const hook = await receiver();
    const demo = await collector(await stores.fresh(), { ALERT_WEBHOOK_URL: hook.url, ALERT_WEBHOOK_FORMAT: 'json' });
    const content = happy();
    await post(demo, [content, comment(content.id, 'Lovely checkout')]);
    const upset = angry();
    await post(demo, [upset]);
    await post(demo, [upset]); // the transport's retry of a batch that was stored
    await until(() => hook.deliveries.length >= 1, 'the angry alert');
    await pause(300);
    expect(hook.deliveries.map((delivery) => JSON.parse(delivery.body).alert.id)).toEqual([upset.id]);
    const { alert } = JSON.parse(hook.deliveries[0].body);
    expect(alert).toMatchObject({ reason: expect.any(String), who: null, what: { feeling: 'angry', score: -2 }, where: { vitals: { LCP: 'poor' } } });
    expect((await inbox(demo)).items.map((item) => item.id)).toEqual([upset.id]);
  });

  it('a receiver that fails three times then succeeds gets exactly one alert', async () => {
    const hook = await receiver((attempt) => (attempt <= 3 ? 503 : 200));
    const demo = await collector(await stores.fresh(), { ALERT_WEBHOOK_URL: hook.url, ALERT_WEBHOOK_FORMAT: 'json' });
    const upset = angry();
    await post(demo, [upset]);
    await until(() => hook.accepted().length === 1, 'the fourth attempt');
    await pause(300);
    expect(hook.deliveries.map((delivery) => delivery.status)).toEqual([503, 503, 503, 200]);
    expect(new Set(hook.deliveries.map((delivery) => delivery.headers['x-feelback-delivery']))).toEqual(new Set([upset.id]));
    const [item] = (await inbox(demo)).items;
    expect(item.alert).toMatchObject({ status: 'sent', attempts: 4 });
  });

  it('a receiver answering 4xx is not retried, and the inbox says why', async () => {
    const hook = await receiver(() => 410);
    const demo = await collector(await stores.fresh(), { ALERT_WEBHOOK_URL: hook.url });
    await post(demo, [angry()]);
    const item = await until(async () => (await inbox(demo)).items.find((found) => found.alert.status === 'failed'), 'the failure');
    expect(item.alert.error).toMatch(/410/);
    await pause(300);
    expect(hook.deliveries).toHaveLength(1);
  });

  it('a restart resends the alerts that were pending', async () => {
    const location = await stores.fresh();
    const down = await receiver(() => 503);
    // The first run tries once, and stops before its retry is due.
    const first = await collector(location, { ALERT_WEBHOOK_URL: down.url, ALERT_WEBHOOK_FORMAT: 'json' }, () => 500);
    const upset = angry();
    await post(first, [upset]);
    await until(() => down.deliveries.length === 1, 'the first attempt');
    await first.close();

    const up = await receiver();
    const second = await collector(location, { ALERT_WEBHOOK_URL: up.url, ALERT_WEBHOOK_FORMAT: 'json' });
    await until(() => up.deliveries.length === 1, 'the resent alert');
    await pause(300);
    expect(down.deliveries).toHaveLength(1);
    expect(up.deliveries.map((delivery) => JSON.parse(delivery.body).alert.id)).toEqual([upset.id]);
    expect((await inbox(second)).items[0].alert).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a restart resends an alert that was queued but never attempted', async () => {
    const location = await stores.fresh();
    const hook = await receiver();
    // The comment wait keeps the alert queued while the collector stops.
    const first = await collector(location, { ALERT_WEBHOOK_URL: hook.url, ALERT_WEBHOOK_FORMAT: 'json', ALERT_COMMENT_WAIT: '1' });
    const upset = angry();
    await post(first, [upset]);
    await first.close();
    expect(hook.deliveries).toHaveLength(0);

    await collector(location, { ALERT_WEBHOOK_URL: hook.url, ALERT_WEBHOOK_FORMAT: 'json', ALERT_COMMENT_WAIT: '1' });
    await until(() => hook.deliveries.length === 1, 'the resent alert');
    await pause(300);
    expect(hook.deliveries.map((delivery) => JSON.parse(delivery.body).alert.id)).toEqual([upset.id]);
  });

  it('the documented signature check accepts the alert and detects a wrong signature', async () => {
    const hook = await receiver();
    const demo = await collector(await stores.fresh(), { ALERT_WEBHOOK_URL: hook.url, ALERT_WEBHOOK_FORMAT: 'json' });
    await post(demo, [angry()]);
    await until(() => hook.deliveries.length === 1, 'the alert');
    const { headers, body } = hook.deliveries[0];
    const signature = headers['x-feelback-signature-256'] as string;
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(SECRET, body, signature)).toBe(true);
    expect(verifySignature(`${SECRET}x`, body, signature)).toBe(false);
    expect(verifySignature(SECRET, body.replace('angry', 'happy'), signature)).toBe(false);
    expect(verifySignature(SECRET, body, `sha256=${'0'.repeat(64)}`)).toBe(false);
    expect(verifySignature(SECRET, body, undefined)).toBe(false);
  });

  it('status changes and notes survive a restart, with who made them and when', async () => {
    const location = await stores.fresh();
    const hook = await receiver();
    const first = await collector(location, { ALERT_WEBHOOK_URL: hook.url });
    const upset = angry();
    await post(first, [upset]);
    const change = async (demo: DemoServer, body: unknown) =>
      fetch(`${demo.url}/api/inbox`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await change(first, { id: upset.id, status: 'contacted', note: 'Called, left a message' })).status).toBe(200);
    expect((await change(first, { id: upset.id, status: 'resolved', note: 'Refunded the double charge' })).status).toBe(200);
    expect((await change(first, { id: upset.id, status: 'closed' })).status).toBe(400);
    expect((await change(first, { id: randomUUID(), status: 'resolved' })).status).toBe(404);
    expect((await fetch(`${first.url}/api/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    await first.close();

    const second = await collector(location, { ALERT_WEBHOOK_URL: hook.url });
    expect((await inbox(second, '?status=open')).items).toEqual([]);
    const { items, stats } = await inbox(second, '?status=resolved');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: upset.id, status: 'resolved', note: 'Refunded the double charge', changedBy: 'admin (token)' });
    expect(items[0].history.map((step: any) => [step.from, step.to, step.note])).toEqual([
      ['open', 'contacted', 'Called, left a message'],
      ['contacted', 'resolved', 'Refunded the double charge'],
    ]);
    expect(stats.contacted).toBe(1);
    expect(stats.medianMs).toBeGreaterThanOrEqual(0);
    const statsCall = await fetch(`${second.url}/api/inbox/stats`, { headers: admin });
    expect(await statsCall.json()).toMatchObject({ contacted: 1, open: 0 });
  });

  it('erasing a visitor erases their inbox items', async () => {
    const hook = await receiver();
    const demo = await collector(await stores.fresh(), { ALERT_WEBHOOK_URL: hook.url });
    await post(demo, [angry('visitor-to-forget'), angry('visitor-to-keep')]);
    expect((await inbox(demo)).items).toHaveLength(2);
    const erase = await fetch(`${demo.url}/api/events?sessionId=visitor-to-forget`, { method: 'DELETE', headers: admin });
    expect(erase.status).toBe(200);
    expect((await inbox(demo)).items.map((item) => item.event.context.sessionId)).toEqual(['visitor-to-keep']);
  });
});

describe('alert settings at start', () => {
  const ROOT = fileURLToPath(new URL('../..', import.meta.url));

  async function start(env: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'feelback-alert-start-'));
    const child = spawn(process.execPath, [join(ROOT, 'demo', 'server.mjs')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: '0', DB_PATH: join(dir, 'feedback.sqlite'), ADMIN_TOKEN, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((done) => {
      const timer = setTimeout(() => {
        child.kill('SIGTERM');
      }, 15_000);
      child.once('exit', (exitCode) => {
        clearTimeout(timer);
        done(exitCode);
      });
    });
    rmSync(dir, { recursive: true, force: true });
    return { code, stdout, stderr: stderr.replace(/^dist\/feelback\.min\.js is missing.*\n/m, '') };
  }

  it.each([
    [{ ALERT_WEBHOOK_URL: 'hooks.example.com/x' }, /ALERT_WEBHOOK_URL="hooks\.example\.com\/x" is not a URL/],
    [{ ALERT_WEBHOOK_URL: 'ftp://hooks.example.com/x' }, /ALERT_WEBHOOK_URL=.* must be an http\(s\) URL/],
    [{ ALERT_WEBHOOK_URL: 'https://hooks.example.com/x', ALERT_WEBHOOK_SECRET: 'short' }, /ALERT_WEBHOOK_SECRET is 5 characters; use at least 32/],
  ])('%o is refused with one sentence and exit code 1', async (env, message) => {
    const { code, stdout, stderr } = await start(env);
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stdout).not.toContain('feelback demo:');
  }, 20_000);
});
