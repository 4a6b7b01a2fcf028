import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAlertDispatcher, memoryOutbox } from '../../../demo/collector/alerts/dispatcher.mjs';
import { readAlertConfig } from '../../../demo/collector/alerts/config.mjs';
import { verifySignature, SIGNATURE_HEADER } from '../../../demo/collector/alerts/signature.mjs';
import { eventBuilders } from '../../support/events.js';

const SECRET = 'k'.repeat(32);
let server: Server | undefined;
const dispatchers: { stop(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.stop()));
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done) ?? done(undefined));
  server = undefined;
});

/** A real webhook receiver on loopback; `failFirst` answers 503 that many times before accepting. */
async function startReceiver({ failFirst = 0 } = {}) {
  const accepted: { body: any; raw: string; headers: IncomingHttpHeaders }[] = [];
  let posts = 0;
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      posts += 1;
      if (posts <= failFirst) return void res.writeHead(503).end();
      accepted.push({ body: JSON.parse(raw), raw, headers: req.headers });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise((done) => server!.listen(0, '127.0.0.1', () => done(undefined)));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/hook`, accepted, posts: () => posts };
}

const { ratingEvent, feelingEvent, commentEvent, callbackEvent } = eventBuilders({
  context: { url: 'https://shop.example/pay', sessionId: 's1', vitals: { INP: { value: 640, rating: 'poor' } } },
});

function dispatcherFor(url: string, outbox = memoryOutbox(), env: Record<string, string> = {}) {
  const dispatcher = createAlertDispatcher({
    outbox,
    config: readAlertConfig({ ALERT_COMMENT_WAIT: '0.15', ALERT_WEBHOOK_SECRET: SECRET, ALERT_WEBHOOK_FORMAT: 'json', ...env }),
    webhookUrl: url,
    inboxUrl: 'http://127.0.0.1/inbox',
    pollMs: 20,
    retryDelay: () => 30,
  });
  dispatchers.push(dispatcher);
  return { dispatcher, outbox };
}

async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((done) => setTimeout(done, 10));
  }
}

describe('alert dispatcher against a real webhook receiver', () => {
  it('an angry feeling followed by a comment gives one alert carrying both, signed', async () => {
    const hook = await startReceiver();
    const { dispatcher } = dispatcherFor(hook.url);
    dispatcher.start();
    const angry = feelingEvent({ feeling: { id: 'angry', score: -2 } });
    await dispatcher.onStored([angry], new Date().toISOString());
    await dispatcher.onStored([commentEvent({ comment: { text: 'Checkout froze twice', replyTo: angry.id } })], new Date().toISOString());
    await until(() => hook.accepted.length === 1);
    await new Promise((done) => setTimeout(done, 200));
    expect(hook.accepted).toHaveLength(1);
    const { alert } = hook.accepted[0].body;
    expect(alert).toMatchObject({ id: angry.id, reason: 'feels angry', what: { feeling: 'angry', score: -2, comment: 'Checkout froze twice' }, who: null });
    expect(alert.where.vitals).toEqual({ INP: 'poor' });
    expect(verifySignature(SECRET, hook.accepted[0].raw, hook.accepted[0].headers[SIGNATURE_HEADER] as string)).toBe(true);
    expect(verifySignature(SECRET, hook.accepted[0].raw.replace('angry', 'happy'), hook.accepted[0].headers[SIGNATURE_HEADER] as string)).toBe(false);
  });

  it('a happy feeling gives no alert', async () => {
    const hook = await startReceiver();
    const { dispatcher, outbox } = dispatcherFor(hook.url);
    dispatcher.start();
    await dispatcher.onStored([feelingEvent({ feeling: { id: 'happy', score: 1 } })], new Date().toISOString());
    await new Promise((done) => setTimeout(done, 300));
    expect(hook.posts()).toBe(0);
    expect(outbox.items.size).toBe(0);
  });

  it('a receiver that fails three times then succeeds still gets exactly one alert', async () => {
    const hook = await startReceiver({ failFirst: 3 });
    const { dispatcher, outbox } = dispatcherFor(hook.url);
    dispatcher.start();
    const callback = callbackEvent({ callback: { name: 'Ana', phone: '+4915112345678', window: 'asap', topic: '', consent: true, timeZone: 'Europe/Berlin' } });
    await dispatcher.onStored([callback], new Date().toISOString());
    // The same batch again (a transport retry): still one alert.
    await dispatcher.onStored([callback], new Date().toISOString());
    await until(() => hook.accepted.length === 1);
    await new Promise((done) => setTimeout(done, 200));
    expect(hook.posts()).toBe(4);
    expect(hook.accepted).toHaveLength(1);
    expect(new Set(hook.accepted.map((a) => a.headers['x-feelback-delivery']))).toEqual(new Set([callback.id]));
    expect(outbox.items.get(callback.id)).toMatchObject({ status: 'sent', attempts: 4 });
  });

  it('a restart resends what was pending', async () => {
    const hook = await startReceiver();
    const outbox = memoryOutbox();
    const first = dispatcherFor('http://127.0.0.1:9/unreachable', outbox).dispatcher;
    await first.onStored([ratingEvent({ rating: { scale: 'nps', value: 2, min: 0, max: 10 } })], new Date().toISOString());
    await first.stop();
    const second = dispatcherFor(hook.url, outbox).dispatcher;
    second.start();
    await until(() => hook.accepted.length === 1);
    expect(hook.accepted[0].body.alert.reason).toBe('NPS detractor (2 of 10)');
  });

  it('a webhook answering 4xx is marked failed with the reason, not retried forever', async () => {
    server = createServer((_req, res) => res.writeHead(404).end());
    await new Promise((done) => server!.listen(0, '127.0.0.1', () => done(undefined)));
    const url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/gone`;
    const { dispatcher, outbox } = dispatcherFor(url);
    dispatcher.start();
    const frustrated = feelingEvent({ feeling: { id: 'frustrated', score: -1 } });
    await dispatcher.onStored([frustrated], new Date().toISOString());
    await until(() => outbox.items.get(frustrated.id)?.status === 'failed');
    expect(outbox.items.get(frustrated.id)).toMatchObject({ attempts: 1, lastError: expect.stringContaining('HTTP 404') });
  });

  it('a call back that follows an angry feeling folds it into one alert', async () => {
    const hook = await startReceiver();
    const { dispatcher, outbox } = dispatcherFor(hook.url, memoryOutbox(), { ALERT_WEBHOOK_FORMAT: 'slack' });
    dispatcher.start();
    const angry = feelingEvent({ feeling: { id: 'angry', score: -2 } });
    await dispatcher.onStored([angry], new Date().toISOString());
    const callback = callbackEvent({ callback: { name: 'Ana', phone: '+4915112345678', window: 'afternoon', topic: 'refund', consent: true, timeZone: 'Europe/Berlin', replyTo: angry.id } });
    await dispatcher.onStored([callback], new Date().toISOString());
    await until(() => hook.accepted.length === 1);
    await new Promise((done) => setTimeout(done, 250));
    expect(hook.accepted).toHaveLength(1);
    expect(hook.accepted[0].body.text).toContain('Ana asks for a call back on checkout');
    expect(JSON.stringify(hook.accepted[0].body.blocks)).toContain('angry');
    expect(outbox.items.get(angry.id)?.status).toBe('merged');
  });
});
