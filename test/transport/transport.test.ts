import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTransport } from '../../src/transport/transport.js';
import type { Transport, TransportOptions } from '../../src/transport/types.js';
import { makeEvent } from '../support/events.js';
import { ENDPOINT, FakeStorage, fakeServer, leftByEarlierPage, QUEUE_KEY, quotaError, recordEvents, setOnline, setVisibility } from './support.js';

let transports: Transport[] = [];
let storage: FakeStorage;
let server: ReturnType<typeof fakeServer>;
let beacons: Array<{ url: string; body: string }>;

function transport(options: Partial<TransportOptions> = {}): Transport {
  const created = createTransport({
    endpoint: ENDPOINT,
    fetch: server.fetch,
    storage,
    sendBeacon: (url, body) => {
      beacons.push({ url, body });
      return true;
    },
    random: () => 0.5,
    ...options,
  });
  transports.push(created);
  return created;
}

const beaconIds = () => beacons.flatMap((beacon) => JSON.parse(beacon.body).events.map((e: { id: string }) => e.id));

beforeEach(() => {
  vi.useFakeTimers();
  storage = new FakeStorage();
  server = fakeServer(storage);
  beacons = [];
  setOnline(true);
});

afterEach(() => {
  for (const created of transports) created.destroy();
  transports = [];
  vi.useRealTimers();
});

describe('queue store', () => {
  it('writes an event to storage before its first request leaves', async () => {
    const t = transport();
    const event = makeEvent();
    t.send(event);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].storedAtSend).toContain(event.id);
  });

  it('removes an event from storage only after a 2xx, and reports sent once', async () => {
    const t = transport();
    const log = recordEvents(t);
    const event = makeEvent();
    server.answer(503);
    t.send(event);
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.storedIds()).toEqual([event.id]);
    expect(t.pending()).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests).toHaveLength(2);
    expect(storage.storedIds()).toEqual([]);
    expect(t.pending()).toBe(0);
    expect(log.filter((entry) => entry.type === 'sent')).toEqual([{ type: 'sent', detail: { id: event.id } }]);
  });

  it('sends events an earlier page load left in storage', async () => {
    const events = [makeEvent(), makeEvent()];
    const before = await leftByEarlierPage(server, () => transport(), events);

    transport();
    await vi.advanceTimersByTimeAsync(100);
    expect(server.requests.slice(before).flatMap((r) => r.ids)).toEqual(events.map((e) => e.id));
    expect(storage.storedIds()).toEqual([]);
  });

  it('keeps at most maxQueue events, dropping the oldest with an error', async () => {
    const t = transport({ maxQueue: 3, flushIntervalMs: 5000 });
    const log = recordEvents(t);
    const events = [makeEvent(), makeEvent(), makeEvent(), makeEvent()];
    for (const event of events) t.send(event);
    expect(t.pending()).toBe(3);
    expect(log).toEqual([
      { type: 'error', detail: { id: events[0].id, error: 'queue full (3): oldest event dropped', willRetry: false } },
      { type: 'dropped', detail: { id: events[0].id, reason: 'queue full (3): oldest event dropped' } },
    ]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.deliveredIds).toEqual(events.slice(1).map((e) => e.id));
  });

  it('keeps delivering from memory when storage is full (QuotaExceededError)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    storage.failWrites = quotaError();
    const t = transport();
    const event = makeEvent();
    t.send(event);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.deliveredIds).toEqual([event.id]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('storage is full'));
  });

  it('falls back to memory when storage throws on access', async () => {
    const throwing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {},
    };
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = transport({ storage: throwing });
    const event = makeEvent();
    t.send(event);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.deliveredIds).toEqual([event.id]);
  });

  it("persist: 'memory' never touches storage", async () => {
    const t = transport({ persist: 'memory' });
    server.answer(503);
    t.send(makeEvent());
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.data.size).toBe(0);
    expect(t.pending()).toBe(1);
  });

  it('keeps callback events (personal data) out of storage unless the site opts in', async () => {
    server.answerAlways(503);
    const t = transport();
    const callback = makeEvent('callback');
    const rating = makeEvent('rating');
    t.send(callback);
    t.send(rating);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.deliveredIds).toEqual([callback.id, rating.id]);
    expect(storage.storedIds()).toEqual([rating.id]);

    const optedIn = transport({ endpoint: `${ENDPOINT}/2`, persistPersonalData: true });
    const second = makeEvent('callback');
    optedIn.send(second);
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.storedIds(`feelback:queue:${ENDPOINT}/2`)).toEqual([second.id]);
  });
});

describe('retries', () => {
  it.each([
    ['a network error', 'network' as const, 'network error sending to'],
    ['408', 408, 'HTTP 408 from'],
    ['429', 429, 'HTTP 429 from'],
    ['500', 500, 'HTTP 500 from'],
    ['503', 503, 'HTTP 503 from'],
  ])('retries after %s, with the same id, until delivered', async (_, answer, message) => {
    const t = transport();
    const log = recordEvents(t);
    const event = makeEvent();
    server.answer(answer);
    t.send(event);
    await vi.advanceTimersByTimeAsync(1000);
    expect(log[0]).toMatchObject({ type: 'error', detail: { id: event.id, willRetry: true } });
    expect(log[0].detail.error).toContain(message);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests.map((r) => r.ids)).toEqual([[event.id], [event.id]]);
    expect(log.at(-1)).toEqual({ type: 'sent', detail: { id: event.id } });
  });

  it('retries a request that times out', async () => {
    const t = transport({ timeoutMs: 3000 });
    const log = recordEvents(t);
    server.answer('hang');
    const event = makeEvent();
    t.send(event);
    await vi.advanceTimersByTimeAsync(1000 + 3000);
    expect(log[0].detail).toMatchObject({ id: event.id, status: 0, willRetry: true });
    expect(log[0].detail.error).toContain('within 3000 ms');
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.deliveredIds).toEqual([event.id, event.id]);
    expect(t.pending()).toBe(0);
  });

  it('waits an exponential, fully jittered delay between attempts', async () => {
    // random 0.5 → half of 1 s, 2 s, 4 s windows.
    const t = transport({ flushIntervalMs: 0 });
    server.answer(503, 503, 503);
    t.send(makeEvent());
    await vi.advanceTimersByTimeAsync(0);
    const times = [Date.now()];
    for (const wait of [499, 1, 999, 1, 1999, 1]) {
      const before = server.requests.length;
      await vi.advanceTimersByTimeAsync(wait);
      if (server.requests.length > before) times.push(Date.now());
    }
    expect(times.map((time) => time - times[0])).toEqual([0, 500, 1500, 3500]);
  });

  it('honours Retry-After', async () => {
    const t = transport({ flushIntervalMs: 0 });
    server.answer({ status: 429, retryAfter: '30' });
    t.send(makeEvent());
    await vi.advanceTimersByTimeAsync(29_999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after maxRetries with an error that says why, then dropped', async () => {
    server.answerAlways(503);
    const t = transport({ maxRetries: 2, flushIntervalMs: 0 });
    const log = recordEvents(t);
    const event = makeEvent();
    t.send(event);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(3);
    const reason = `gave up after 2 retries: HTTP 503 from ${ENDPOINT}`;
    expect(log.slice(-2)).toEqual([
      { type: 'error', detail: { id: event.id, error: reason, status: 503, willRetry: false } },
      { type: 'dropped', detail: { id: event.id, reason } },
    ]);
    expect(storage.storedIds()).toEqual([]);
  });

  it('a 4xx for a request of several: each answer goes on its own, and only the one the endpoint refuses is dropped', async () => {
    const t = transport({ flushIntervalMs: 0 });
    const log = recordEvents(t);
    const [good, bad, alsoGood] = [makeEvent(), makeEvent(), makeEvent()];
    // The batch is refused; then, one by one, the endpoint takes the good ones and refuses the bad one.
    server.answer(400, 204, 400, 204);
    t.send(good);
    t.send(bad);
    t.send(alsoGood);
    await vi.advanceTimersByTimeAsync(100);
    expect(server.requests.map((request) => request.ids)).toEqual([[good.id, bad.id, alsoGood.id], [good.id], [bad.id], [alsoGood.id]]);
    expect(log.filter((entry) => entry.type === 'sent').map((entry) => entry.detail.id)).toEqual([good.id, alsoGood.id]);
    expect(log.filter((entry) => entry.type === 'error')).toEqual([
      { type: 'error', detail: { id: bad.id, error: `HTTP 400 from ${ENDPOINT} (not retried)`, status: 400, willRetry: false } },
    ]);
    expect(t.pending()).toBe(0);

    // Later answers are batched again.
    const [one, two] = [makeEvent(), makeEvent()];
    t.send(one);
    t.send(two);
    await vi.advanceTimersByTimeAsync(100);
    expect(server.requests.at(-1)!.ids).toEqual([one.id, two.id]);
  });

  it('drops at once on another 4xx, naming the status', async () => {
    server.answer(400);
    const t = transport();
    const log = recordEvents(t);
    const event = makeEvent();
    t.send(event);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(1);
    const reason = `HTTP 400 from ${ENDPOINT} (not retried)`;
    expect(log).toEqual([
      { type: 'error', detail: { id: event.id, error: reason, status: 400, willRetry: false } },
      { type: 'dropped', detail: { id: event.id, reason } },
    ]);
    expect(storage.storedIds()).toEqual([]);
  });
});

describe('requests', () => {
  it('POSTs the v1 body as JSON with the site headers', async () => {
    const t = transport({ headers: { authorization: 'Bearer k' } });
    const event = makeEvent();
    t.send(event);
    await vi.advanceTimersByTimeAsync(1000);
    const [request] = server.requests;
    expect(request.url).toBe(ENDPOINT);
    expect(request.init.method).toBe('POST');
    expect(request.init.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer k' });
    expect(request.batch).toMatchObject({ v: 1, events: [event] });
    expect(typeof request.batch.sentAt).toBe('string');
  });

  it('batches events that arrive within the flush interval into one request', async () => {
    const t = transport({ flushIntervalMs: 1000 });
    const events = [makeEvent(), makeEvent(), makeEvent()];
    t.send(events[0]);
    await vi.advanceTimersByTimeAsync(400);
    t.send(events[1]);
    t.send(events[2]);
    await vi.advanceTimersByTimeAsync(599);
    expect(server.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests.map((r) => r.ids)).toEqual([events.map((e) => e.id)]);
  });

  it('sends a full batch without waiting, at most batchSize events per request', async () => {
    const t = transport({ batchSize: 2, flushIntervalMs: 60_000 });
    const events = [makeEvent(), makeEvent(), makeEvent(), makeEvent(), makeEvent()];
    for (const event of events) t.send(event);
    await vi.advanceTimersByTimeAsync(10);
    expect(server.requests.map((r) => r.ids.length)).toEqual([2, 2]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.deliveredIds).toEqual(events.map((e) => e.id));
  });

  it('uses keepalive only while in-flight keepalive bodies stay under 60 KB', async () => {
    const t = transport({ batchSize: 1, flushIntervalMs: 0 });
    t.send(makeEvent());
    t.send(makeEvent('rating', { metadata: { note: 'b'.repeat(70_000) } }));
    await vi.advanceTimersByTimeAsync(10);
    expect(server.requests.map((r) => r.init.keepalive)).toEqual([true, false]);
    expect(t.pending()).toBe(0);
  });

  it('keeps each request body under 64 KB, as the reference collector accepts, splitting a batch by size', async () => {
    const t = transport({ flushIntervalMs: 0 });
    const log = recordEvents(t);
    const events = Array.from({ length: 5 }, () => makeEvent('rating', { metadata: { note: 'x'.repeat(20_000) } }));
    for (const event of events) t.send(event);
    await vi.advanceTimersByTimeAsync(5_000);
    for (const request of server.requests) expect(new TextEncoder().encode(String(request.init.body)).length).toBeLessThan(64 * 1024);
    expect(new Set(server.deliveredIds)).toEqual(new Set(events.map((e) => e.id)));
    expect(log.filter((entry) => entry.type === 'dropped')).toEqual([]);
    expect(t.pending()).toBe(0);
  });

  it('flush() sends what is queued now, without waiting for the batch window', async () => {
    const t = transport({ flushIntervalMs: 60_000 });
    const event = makeEvent();
    t.send(event);
    await t.flush();
    expect(server.deliveredIds).toEqual([event.id]);
    expect(server.requests[0].storedAtSend).toContain(event.id);
  });

  it('flush() during an outage tries each event once, keeping it queued for its backoff', async () => {
    server.answerAlways(503);
    const t = transport({ flushIntervalMs: 60_000, maxRetries: 2 });
    const log = recordEvents(t);
    const event = makeEvent();
    t.send(event);
    await t.flush();
    expect(server.requests).toHaveLength(1);
    expect(log).toEqual([{ type: 'error', detail: expect.objectContaining({ id: event.id, willRetry: true }) }]);
    expect(t.pending()).toBe(1);
    expect(storage.storedIds()).toEqual([event.id]);
  });

  it('runs transform before queueing: redacts, or skips without an error on null', async () => {
    const t = transport({
      transform: (event) => (event.type === 'comment' ? null : { ...event, metadata: { redacted: true } }),
    });
    const log = recordEvents(t);
    t.send(makeEvent('comment'));
    const kept = makeEvent();
    t.send(kept);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests.map((r) => r.batch.events)).toEqual([[{ ...kept, metadata: { redacted: true } }]]);
    expect(log.filter((entry) => entry.type !== 'sent')).toEqual([]);
  });
});

describe('page lifecycle', () => {
  afterEach(() => setVisibility('visible'));

  it('on visibilitychange→hidden, sends what is pending by beacon as text and keeps it stored', async () => {
    server.answerAlways('hang');
    const t = transport({ flushIntervalMs: 60_000 });
    const events = [makeEvent(), makeEvent()];
    for (const event of events) t.send(event);
    setVisibility('hidden');
    expect(beacons).toHaveLength(1);
    expect(beacons[0].url).toBe(ENDPOINT);
    expect(typeof beacons[0].body).toBe('string');
    expect(JSON.parse(beacons[0].body)).toMatchObject({ v: 1, events });
    expect(storage.storedIds()).toEqual(events.map((e) => e.id));
    expect(t.pending()).toBe(2);
  });

  it('on pagehide, beacons in-flight and queued events, split under 64 KB, and never listens to unload', async () => {
    const added = vi.spyOn(window, 'addEventListener');
    server.answerAlways('hang');
    const t = transport({ flushIntervalMs: 0, batchSize: 1 });
    const events = Array.from({ length: 6 }, () => makeEvent('rating', { metadata: { note: 'x'.repeat(20_000) } }));
    for (const event of events) t.send(event);
    await vi.advanceTimersByTimeAsync(10);
    expect(server.requests.length).toBeGreaterThan(0);
    window.dispatchEvent(new Event('pagehide'));
    expect(beacons.length).toBeGreaterThan(1);
    for (const beacon of beacons) expect(new TextEncoder().encode(beacon.body).length).toBeLessThan(64 * 1024);
    expect(beaconIds()).toEqual(events.map((e) => e.id));
    expect(storage.storedIds()).toEqual(events.map((e) => e.id));
    const types = added.mock.calls.map(([type]) => type);
    expect(types).toContain('pagehide');
    expect(types).not.toContain('unload');
    expect(types).not.toContain('beforeunload');
  });

  it('an event too large for a beacon does not keep the others from being beaconed', () => {
    const sent: string[] = [];
    const t = transport({
      flushIntervalMs: 60_000,
      sendBeacon: (_url, body) => {
        if (new TextEncoder().encode(body).length > 64 * 1024) return false; // as a browser refuses it
        sent.push(...JSON.parse(body).events.map((e: { id: string }) => e.id));
        return true;
      },
    });
    const huge = makeEvent('rating', { metadata: { note: 'x'.repeat(70_000) } });
    const small = makeEvent();
    t.send(huge);
    t.send(small);
    window.dispatchEvent(new Event('pagehide'));
    expect(sent).toEqual([small.id]);
    expect(t.pending()).toBe(2);
  });

  it('does not beacon the same events twice for hidden then pagehide', () => {
    const t = transport({ flushIntervalMs: 60_000 });
    t.send(makeEvent());
    setVisibility('hidden');
    window.dispatchEvent(new Event('pagehide'));
    expect(beacons).toHaveLength(1);
  });

  it('resumes after a back/forward cache restore (pageshow persisted)', async () => {
    server.answerAlways(503);
    const t = transport({ flushIntervalMs: 0 });
    const event = makeEvent();
    t.send(event);
    await vi.advanceTimersByTimeAsync(0);
    window.dispatchEvent(new Event('pagehide'));
    server.answerAlways(204);
    const restored = new Event('pageshow') as Event & { persisted: boolean };
    Object.defineProperty(restored, 'persisted', { value: true });
    window.dispatchEvent(restored);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests.map((r) => r.ids)).toEqual([[event.id], [event.id]]);
    expect(t.pending()).toBe(0);
    // Still listening after the restore: hiding the page beacons again.
    t.send(makeEvent());
    setVisibility('hidden');
    expect(beacons).toHaveLength(2);
  });

  it('pauses while offline and flushes on online', async () => {
    const t = transport({ flushIntervalMs: 0 });
    setOnline(false);
    const event = makeEvent();
    t.send(event);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(0);
    expect(storage.storedIds()).toEqual([event.id]);
    setOnline(true);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(server.deliveredIds).toEqual([event.id]);
  });

  it('back online, answers that failed while the network was down go at once, not after their backoff', async () => {
    const t = transport({ flushIntervalMs: 0, backoffBaseMs: 20_000, backoffCapMs: 60_000 });
    server.answer('network', 'network');
    const event = makeEvent();
    t.send(event);
    // Two failed attempts: the next one waits out a backoff of up to 40 s.
    await vi.advanceTimersByTimeAsync(20_000);
    expect(server.requests).toHaveLength(2);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests).toHaveLength(3);
    expect(server.requests[2]!.ids).toEqual([event.id]);
    expect(t.pending()).toBe(0);
  });

  it('visible again after a tab switch, a failed answer keeps its backoff (switching tabs does not spend its retries)', async () => {
    const t = transport({ flushIntervalMs: 0, backoffBaseMs: 20_000, backoffCapMs: 60_000 });
    server.answerAlways(503);
    t.send(makeEvent());
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests).toHaveLength(1);
    for (let i = 0; i < 9; i++) {
      setVisibility('hidden');
      setVisibility('visible');
      await vi.advanceTimersByTimeAsync(10);
    }
    // Only the page-hide beacons went out meanwhile: no fetch before the backoff ends.
    expect(server.requests).toHaveLength(1);
    expect(t.pending()).toBe(1);
  });

  it('back online, a Retry-After the server asked for still holds', async () => {
    const t = transport({ flushIntervalMs: 0 });
    server.answer({ status: 503, retryAfter: '30' });
    const event = makeEvent();
    t.send(event);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests).toHaveLength(1);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(server.requests).toHaveLength(2);
    expect(t.pending()).toBe(0);
  });

  it('destroy() when storage refuses the final write: the unwritten answer ends with a final error, not in silence', async () => {
    const t = transport({ flushIntervalMs: 60_000 });
    const log = recordEvents(t);
    t.send(makeEvent());
    await vi.advanceTimersByTimeAsync(0);
    const unwritten = makeEvent();
    t.send(unwritten);
    storage.failWrites = quotaError();
    t.destroy();
    expect(storage.storedIds()).not.toContain(unwritten.id);
    expect(log.filter((entry) => entry.type === 'error').map((entry) => entry.detail)).toEqual([
      { id: unwritten.id, error: 'transport was destroyed; event not sent', willRetry: false },
    ]);
  });

  it('destroy() after storage failed later: answers already stored wait for the next page and are not reported lost', async () => {
    const t = transport({ flushIntervalMs: 60_000 });
    const log = recordEvents(t);
    const stored = makeEvent();
    t.send(stored);
    await vi.advanceTimersByTimeAsync(0);
    expect(storage.storedIds()).toEqual([stored.id]);
    storage.failWrites = quotaError();
    const memoryOnly = makeEvent();
    t.send(memoryOnly);
    await vi.advanceTimersByTimeAsync(0);
    t.destroy();
    expect(log.filter((entry) => entry.type === 'error').map((entry) => entry.detail.id)).toEqual([memoryOnly.id]);
    expect(storage.storedIds()).toEqual([stored.id]);
  });

  it('destroy() removes page listeners and timers; stored events wait for the next transport', async () => {
    const t = transport({ flushIntervalMs: 1000 });
    const event = makeEvent();
    t.send(event);
    await vi.advanceTimersByTimeAsync(10);
    t.destroy();
    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(beacons).toHaveLength(0);
    expect(server.requests).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(storage.storedIds()).toEqual([event.id]);
  });
});

describe('cross-tab', () => {
  it('two tabs loading together do not both resend the events an earlier page left', async () => {
    const events = [makeEvent(), makeEvent(), makeEvent()];
    const before = await leftByEarlierPage(server, () => transport({ endpoint: ENDPOINT }), events);

    const tabA = transport();
    const tabB = transport();
    await vi.advanceTimersByTimeAsync(5000);
    const resent = server.requests.slice(before).flatMap((r) => r.ids);
    expect(resent.sort()).toEqual(events.map((e) => e.id).sort());
    expect(tabA.pending() + tabB.pending()).toBe(0);
  });

  it('a claim stored further ahead than one lease (damaged, or a clock that jumped back) counts as run out: its events are sent, no timer spins', async () => {
    const event = makeEvent();
    storage.data.set(QUEUE_KEY, JSON.stringify({ v: 2, owners: { gone: { until: 1e300, segments: [0] } } }));
    storage.data.set(`${QUEUE_KEY}|gone|0`, JSON.stringify([{ a: 0, e: event }]));
    const reads = vi.spyOn(storage, 'getItem');
    transport();
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads.mock.calls.length).toBeLessThan(20);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(server.requests.flatMap((request) => request.ids)).toContain(event.id);
  });

  it("a tab that crashed (no pagehide) has its events sent by another once its claim runs out", async () => {
    server.answerAlways(503);
    const crashed = transport({ flushIntervalMs: 60_000 });
    const events = [makeEvent(), makeEvent()];
    for (const event of events) crashed.send(event);
    await vi.advanceTimersByTimeAsync(10);
    // What storage held when that tab's process died: its claim still runs for a while.
    const leftBehind = new FakeStorage();
    for (const [key, value] of storage.data) leftBehind.data.set(key, value);
    crashed.destroy();
    storage = leftBehind;
    server.answerAlways(204);
    const before = server.requests.length;

    const survivor = transport();
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.requests.slice(before)).toEqual([]);
    await vi.advanceTimersByTimeAsync(6000);
    expect(server.requests.slice(before).flatMap((r) => r.ids)).toEqual(events.map((e) => e.id));
    expect(survivor.pending()).toBe(0);
    expect(storage.storedIds()).toEqual([]);
  });

  it("a tab keeps another live tab's stored events when it writes", async () => {
    server.answerAlways(503);
    const tabA = transport();
    const tabB = transport();
    const a = makeEvent();
    const b = makeEvent();
    tabA.send(a);
    tabB.send(b);
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.storedIds().sort()).toEqual([a.id, b.id].sort());
    server.answerAlways(204);
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.requests.filter((r) => r.ids.includes(a.id)).length).toBe(2);
    expect(storage.storedIds()).toEqual([]);
  });
});

describe('consent', () => {
  it("'pending' holds events in memory and sends nothing; 'granted' releases them", async () => {
    const t = transport({ consent: 'pending', flushIntervalMs: 0 });
    const event = makeEvent();
    t.send(event);
    await vi.advanceTimersByTimeAsync(60_000);
    setVisibility('hidden');
    setVisibility('visible');
    expect(server.requests).toHaveLength(0);
    expect(beacons).toHaveLength(0);
    expect(storage.storedIds()).toEqual([]);
    expect(t.pending()).toBe(1);
    t.setConsent('granted');
    await vi.advanceTimersByTimeAsync(10);
    expect(server.deliveredIds).toEqual([event.id]);
  });

  it("'denied' drops held events and refuses new ones, saying so", async () => {
    const t = transport({ consent: 'pending' });
    const log = recordEvents(t);
    const held = makeEvent();
    t.send(held);
    t.setConsent('denied');
    const later = makeEvent();
    t.send(later);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(0);
    expect(t.pending()).toBe(0);
    expect(log.filter((e) => e.type === 'dropped').map((e) => e.detail)).toEqual([
      { id: held.id, reason: 'consent denied: event not sent' },
      { id: later.id, reason: 'consent denied: event not sent' },
    ]);
  });
});

describe('bad endpoint', () => {
  it('warns, never throws, and reports every event as dropped naming the endpoint', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = transport({ endpoint: 'javascript:alert(1)' });
    const log = recordEvents(t);
    const event = makeEvent();
    t.send(event);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('javascript:alert(1)'));
    expect(log.map((e) => e.type)).toEqual(['error', 'dropped']);
    expect(log[0].detail).toMatchObject({ id: event.id, willRetry: false });
    expect(String(log[1].detail.reason)).toContain('"javascript:alert(1)" is not an http(s) URL');
    expect(server.requests).toHaveLength(0);
  });
});

it('stores each endpoint under its own namespace, in segments a write rewrites only when they change', async () => {
  const t = transport({ flushIntervalMs: 60_000, maxQueue: 1000, batchSize: 1000 });
  const other = transport({ endpoint: `${ENDPOINT}/other`, flushIntervalMs: 60_000 });
  const events = Array.from({ length: 120 }, () => makeEvent());
  for (const event of events) t.send(event);
  other.send(makeEvent());
  const setItem = vi.spyOn(storage, 'setItem');
  await vi.advanceTimersByTimeAsync(0);
  expect(storage.storedIds()).toEqual(events.map((e) => e.id));
  expect(storage.storedIds(`${QUEUE_KEY}/other`)).toHaveLength(1);
  for (const key of storage.data.keys()) expect(key.startsWith('feelback:queue:')).toBe(true);
  // 120 sends: three segments and a manifest per endpoint, not a write per event.
  expect(setItem.mock.calls.length).toBeLessThanOrEqual(8);
  setItem.mockClear();
  t.send(makeEvent());
  await vi.advanceTimersByTimeAsync(0);
  const written = setItem.mock.calls.map(([key]) => key).filter((key) => key !== QUEUE_KEY && key.startsWith(QUEUE_KEY));
  expect(written).toHaveLength(1);
});
