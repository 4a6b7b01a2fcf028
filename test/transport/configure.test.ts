import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, resetConfig } from '../../src/config.js';
import { transportFor } from '../../src/transport/registry.js';
import { createTransport } from '../../src/transport/transport.js';
import { makeEvent } from '../support/events.js';
import { ENDPOINT, FakeStorage, fakeServer, leftByEarlierPage, recordEvents, setOnline } from './support.js';

let storage: FakeStorage;
let server: ReturnType<typeof fakeServer>;

beforeEach(() => {
  vi.useFakeTimers();
  storage = new FakeStorage();
  server = fakeServer(storage);
  setOnline(true);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('configure() wires the page-wide transport', () => {
  it('sends what an earlier page load left in storage as soon as configure() names the endpoint, before any new answer', async () => {
    const event = makeEvent();
    const earlier = () => createTransport({ endpoint: ENDPOINT, fetch: server.fetch, storage, sendBeacon: () => false, random: () => 0.5 });
    const before = await leftByEarlierPage(server, earlier, [event]);

    configure({ endpoint: ENDPOINT, transport: { fetch: server.fetch, storage } });
    await vi.advanceTimersByTimeAsync(100);
    expect(server.requests.slice(before).flatMap((r) => r.ids)).toEqual([event.id]);
    expect(storage.storedIds()).toEqual([]);
  });

  it('applies its transport options and follows consent changes', async () => {
    configure({
      endpoint: ENDPOINT,
      consent: 'pending',
      transport: { fetch: server.fetch, storage, flushIntervalMs: 0, headers: { 'x-site': 'shop' } },
    });
    const event = makeEvent();
    transportFor(ENDPOINT).send(event);
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.requests).toHaveLength(0);

    configure({ consent: 'granted' });
    await vi.advanceTimersByTimeAsync(10);
    expect(server.deliveredIds).toEqual([event.id]);
    expect(server.requests[0].init.headers).toMatchObject({ 'x-site': 'shop' });
  });

  it('loses nothing when new transport options reach the shared transport', async () => {
    server.answerAlways(503);
    configure({ endpoint: ENDPOINT, transport: { fetch: server.fetch, storage, flushIntervalMs: 0 } });
    const stored = makeEvent('rating');
    const memoryOnly = makeEvent('callback');
    transportFor(ENDPOINT).send(stored);
    transportFor(ENDPOINT).send(memoryOnly);
    await vi.advanceTimersByTimeAsync(10);
    server.answerAlways(204);
    const before = server.requests.length;
    configure({ transport: { batchSize: 5 } });
    await vi.advanceTimersByTimeAsync(100);
    const delivered = new Set(server.requests.slice(before).flatMap((r) => r.ids));
    expect(delivered).toEqual(new Set([stored.id, memoryOnly.id]));
    expect(transportFor(ENDPOINT).pending()).toBe(0);
  });

  it('keeps memory-only events (personal data) through new options, and sends them', async () => {
    server.answerAlways(503);
    configure({ endpoint: ENDPOINT, transport: { fetch: server.fetch, storage, flushIntervalMs: 0 } });
    const callback = makeEvent('callback');
    transportFor(ENDPOINT).send(callback);
    await vi.advanceTimersByTimeAsync(10);
    expect(storage.storedIds()).toEqual([]);
    server.answerAlways(204);
    const before = server.requests.length;
    configure({ transport: { maxRetries: 3 } });
    await vi.advanceTimersByTimeAsync(10);
    expect(server.requests.slice(before).flatMap((r) => r.ids)).toEqual([callback.id]);
  });
});

describe('configure() updates the live shared transport in place', () => {
  it('keeps the same transport, its queued events and its listeners, and applies the new options to them', async () => {
    server.answerAlways(503);
    configure({ endpoint: ENDPOINT, transport: { fetch: server.fetch, storage, flushIntervalMs: 0, random: () => 0.5 } });
    const shared = transportFor(ENDPOINT);
    const log = recordEvents(shared);
    const events = [makeEvent(), makeEvent('callback')];
    for (const event of events) shared.send(event);
    await vi.advanceTimersByTimeAsync(10);
    expect(shared.pending()).toBe(2);

    const second = fakeServer(storage);
    configure({ transport: { fetch: second.fetch, headers: { 'x-site': 'shop' } } });
    expect(transportFor(ENDPOINT)).toBe(shared);
    expect(shared.pending()).toBe(2);
    await vi.advanceTimersByTimeAsync(10);
    // The new request function and headers carry the events queued before the change.
    expect(new Set(second.deliveredIds)).toEqual(new Set(events.map((e) => e.id)));
    expect(second.requests[0].init.headers).toMatchObject({ 'x-site': 'shop' });
    // Listeners added before the change hear the outcome: one error each for the 503, then one sent each.
    expect(log.filter((entry) => entry.type === 'sent').map((entry) => entry.detail.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(shared.pending()).toBe(0);
    expect(storage.storedIds()).toEqual([]);
  });

  it('applies new limits to later sends without dropping what is queued', async () => {
    configure({ endpoint: ENDPOINT, transport: { fetch: server.fetch, storage, flushIntervalMs: 60_000 } });
    const shared = transportFor(ENDPOINT);
    const log = recordEvents(shared);
    const queued = [makeEvent(), makeEvent(), makeEvent()];
    for (const event of queued) shared.send(event);
    configure({ transport: { batchSize: 2, flushIntervalMs: 60_000 } });
    await vi.advanceTimersByTimeAsync(10);
    // Given a fresh try at once, in batches of the new size.
    expect(server.requests.map((r) => r.ids.length)).toEqual([2, 1]);
    expect(server.deliveredIds).toEqual(queued.map((e) => e.id));
    expect(log.filter((entry) => entry.type !== 'sent')).toEqual([]);
  });

  it('moves the queue when persist changes to memory, taking it out of storage', async () => {
    server.answerAlways(503);
    configure({ endpoint: ENDPOINT, transport: { fetch: server.fetch, storage, flushIntervalMs: 0 } });
    const shared = transportFor(ENDPOINT);
    const event = makeEvent();
    shared.send(event);
    await vi.advanceTimersByTimeAsync(10);
    expect(storage.storedIds()).toEqual([event.id]);
    configure({ transport: { persist: 'memory' } });
    await vi.advanceTimersByTimeAsync(10);
    expect(storage.storedIds()).toEqual([]);
    expect(shared.pending()).toBe(1);
    server.answerAlways(204);
    await shared.flush();
    expect(server.deliveredIds.at(-1)).toBe(event.id);
    expect(shared.pending()).toBe(0);
  });
});

describe('the shared transport listens to the page once', () => {
  it('50 answers through one endpoint add one set of page-lifecycle listeners, and destroying it removes them', async () => {
    const live = new Map<string, number>();
    const count = (target: EventTarget, name: string) => {
      const { addEventListener, removeEventListener } = target;
      const add = vi.spyOn(target, 'addEventListener');
      const remove = vi.spyOn(target, 'removeEventListener');
      add.mockImplementation(function (this: EventTarget, type, listener, options) {
        live.set(`${name}:${type}`, (live.get(`${name}:${type}`) ?? 0) + 1);
        return addEventListener.call(this, type, listener, options);
      });
      remove.mockImplementation(function (this: EventTarget, type, listener, options) {
        live.set(`${name}:${type}`, (live.get(`${name}:${type}`) ?? 0) - 1);
        return removeEventListener.call(this, type, listener, options);
      });
      return () => {
        add.mockRestore();
        remove.mockRestore();
      };
    };
    const restore = [count(window, 'window'), count(document, 'document')];
    try {
      configure({ endpoint: ENDPOINT, transport: { fetch: server.fetch, storage } });
      for (let i = 0; i < 50; i++) {
        transportFor(ENDPOINT).send(makeEvent());
        await vi.advanceTimersByTimeAsync(10);
      }
      await vi.advanceTimersByTimeAsync(5000);
      expect(server.requests.flatMap((r) => r.ids)).toHaveLength(50);
      const lifecycle = ['document:visibilitychange', 'window:pagehide', 'window:pageshow', 'window:online'];
      expect(lifecycle.map((key) => live.get(key) ?? 0)).toEqual([1, 1, 1, 1]);
      resetConfig();
      expect(lifecycle.map((key) => live.get(key) ?? 0)).toEqual([0, 0, 0, 0]);
    } finally {
      for (const stop of restore) stop();
    }
  });
});
