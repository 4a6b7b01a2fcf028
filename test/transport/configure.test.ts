import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, transportFor } from '../../src/config.js';
import { createTransport, resetHandover } from '../../src/transport/transport.js';
import { ENDPOINT, FakeStorage, fakeServer, makeEvent, setOnline } from './support.js';

let storage: FakeStorage;
let server: ReturnType<typeof fakeServer>;

beforeEach(() => {
  vi.useFakeTimers();
  storage = new FakeStorage();
  server = fakeServer(storage);
  setOnline(true);
});

afterEach(() => {
  resetHandover();
  vi.useRealTimers();
});

describe('configure() wires the page-wide transport', () => {
  it('sends what an earlier page load left in storage as soon as configure() names the endpoint, before any new answer', async () => {
    server.answerAlways(503);
    const earlier = createTransport({ endpoint: ENDPOINT, fetch: server.fetch, storage, sendBeacon: () => false, random: () => 0.5 });
    const event = makeEvent();
    earlier.send(event);
    await vi.advanceTimersByTimeAsync(1000);
    window.dispatchEvent(new Event('pagehide'));
    earlier.destroy();
    server.answerAlways(204);
    const before = server.requests.length;

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

  it('loses nothing when new transport options replace the shared transport', async () => {
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

  it('hands memory-only events (personal data) to the replacement, which sends them', async () => {
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
