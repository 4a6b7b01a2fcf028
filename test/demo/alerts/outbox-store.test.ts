import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { openStore, type FeedbackStore } from '../../../demo/collector/store/index.mjs';
import { storeInbox, storeOutbox } from '../../../demo/collector/alerts/outbox-store.mjs';
import { createAlertDispatcher } from '../../../demo/collector/alerts/dispatcher.mjs';
import { readAlertConfig } from '../../../demo/collector/alerts/config.mjs';
import { STORE_KINDS, storeFixture } from '../../support/stores.js';
import { eventBuilders } from '../../support/events.js';

const { feelingEvent, callbackEvent } = eventBuilders({ context: { url: 'https://shop.example/pay', sessionId: 'visitor-1' } });

describe.each(STORE_KINDS)('alert outbox and inbox on %s', (kind) => {
  const stores = storeFixture(kind);
  const open: FeedbackStore[] = [];
  let server: Server | undefined;
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    server?.closeAllConnections();
    await new Promise((done) => server?.close(done) ?? done(undefined));
    server = undefined;
  });

  async function store(location?: Awaited<ReturnType<typeof stores.fresh>>) {
    const opened = await openStore(location ?? (await stores.fresh()));
    open.push(opened);
    return opened;
  }

  it('a restart resends the alerts that were pending, once each', async () => {
    const location = await stores.fresh();
    const first = await store(location);
    const config = readAlertConfig({ ALERT_COMMENT_WAIT: '0', ALERT_WEBHOOK_FORMAT: 'json' });
    const before = createAlertDispatcher({ outbox: storeOutbox(first), config, webhookUrl: 'http://127.0.0.1:9/down', inboxUrl: 'http://x/inbox' });
    const angry = feelingEvent({ feeling: { id: 'angry', score: -2 } });
    await before.onStored([angry, angry], new Date().toISOString());
    await first.close();

    const received: string[] = [];
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push(JSON.parse(body).alert.id);
        res.writeHead(200).end();
      });
    });
    await new Promise((done) => server!.listen(0, '127.0.0.1', () => done(undefined)));
    const second = await store(location);
    const after = createAlertDispatcher({
      outbox: storeOutbox(second),
      config,
      webhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
      inboxUrl: 'http://x/inbox',
    });
    await after.tick();
    await after.tick();
    expect(received).toEqual([angry.id]);
    expect(await storeOutbox(second).get(angry.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('two instances claiming at once never both get the same alert', async () => {
    const location = await stores.fresh();
    const a = storeOutbox(await store(location));
    const b = storeOutbox(await store(location));
    const items = Array.from({ length: 10 }, () => feelingEvent({ feeling: { id: 'angry', score: -2 } }));
    await a.add(items.map((event) => ({ id: event.id, reason: 'feels angry', event, receivedAt: new Date().toISOString(), dueAt: 0, attempts: 0, status: 'pending' as const })));
    const [first, second] = await Promise.all([a.claimDue(Date.now(), 10, 60_000), b.claimDue(Date.now(), 10, 60_000)]);
    const ids = [...first, ...second].map((item) => item.id);
    expect(ids.sort()).toEqual(items.map((item) => item.id).sort());
  });

  it('status changes and notes are kept with who made them, and survive a restart', async () => {
    const location = await stores.fresh();
    const first = await store(location);
    const callback = callbackEvent({ callback: { name: 'Ana', phone: '+4915112345678', window: 'afternoon', topic: '', consent: true, timeZone: 'Europe/Berlin' } });
    await storeOutbox(first).add([{ id: callback.id, reason: 'call back requested', event: callback, receivedAt: new Date(1_000_000).toISOString(), dueAt: 0, attempts: 0, status: 'pending' }]);
    const inbox = storeInbox(first);
    expect(await inbox.update(callback.id, { status: 'contacted', note: 'Left a voicemail', by: 'admin', now: 1_000_000 + 90_000 })).toBe(true);
    expect(await inbox.update(callback.id, { status: 'resolved', by: 'admin', now: 1_000_000 + 200_000 })).toBe(true);
    expect(await inbox.update(randomUUID(), { status: 'resolved', by: 'admin' })).toBe(false);
    await first.close();

    const reopened = storeInbox(await store(location));
    const [item] = await reopened.list();
    expect(item).toMatchObject({ id: callback.id, status: 'resolved', note: 'Left a voicemail', changedBy: 'admin', firstContactAt: new Date(1_090_000).toISOString() });
    expect(item.history.map((change) => `${change.from}→${change.to}`)).toEqual(['open→contacted', 'contacted→resolved']);
    expect(await reopened.list({ status: 'open' })).toEqual([]);
    expect(await reopened.contactStats()).toEqual({ medianMs: 90_000, contacted: 1, open: 0 });
    expect(await reopened.erase({ sessionId: 'visitor-1' })).toEqual({ erased: 1 });
    expect(await reopened.list()).toEqual([]);
  });
});
