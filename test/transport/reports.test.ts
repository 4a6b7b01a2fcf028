import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetWarnings } from '../../src/internal/warn.js';
import { createTransport } from '../../src/transport/transport.js';
import type { Transport, TransportOptions } from '../../src/transport/types.js';
import { makeEvent } from '../support/events.js';
import { ENDPOINT, FakeStorage, fakeServer, setOnline } from './support.js';

let storage: FakeStorage;
let server: ReturnType<typeof fakeServer>;
let transports: Transport[] = [];

function transport(options: Partial<TransportOptions> = {}): Transport {
  const created = createTransport({ endpoint: ENDPOINT, fetch: server.fetch, storage, sendBeacon: () => true, random: () => 0.5, ...options });
  transports.push(created);
  return created;
}

/** Every report per event id, as the delivery controller hears them (sent and error only). */
function reportsPerEvent(t: Transport) {
  const reports = new Map<string, Array<{ type: 'sent' | 'retry' | 'final'; error?: string }>>();
  const add = (id: string, report: { type: 'sent' | 'retry' | 'final'; error?: string }) =>
    reports.set(id, [...(reports.get(id) ?? []), report]);
  t.addEventListener('sent', (e) => add(e.detail.id, { type: 'sent' }));
  t.addEventListener('error', (e) => add(e.detail.id, { type: e.detail.willRetry ? 'retry' : 'final', error: e.detail.error }));
  return reports;
}

const finals = (reports: ReturnType<typeof reportsPerEvent>, id: string) =>
  (reports.get(id) ?? []).filter((report) => report.type !== 'retry');

beforeEach(() => {
  vi.useFakeTimers();
  storage = new FakeStorage();
  server = fakeServer(storage);
  setOnline(true);
  resetWarnings();
});

afterEach(() => {
  for (const created of transports) created.destroy();
  transports = [];
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('exactly one final report per event', () => {
  it('ends every event with one sent or one error (willRetry false) that says why, whatever the cause', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = transport({ maxQueue: 3, maxRetries: 1, flushIntervalMs: 0 });
    const reports = reportsPerEvent(t);
    const rejected = makeEvent();
    const retriedOut = makeEvent();
    const delivered = makeEvent();
    server.answer(400, 503, 503, 204);
    t.send(rejected);
    await vi.advanceTimersByTimeAsync(0);
    t.send(retriedOut);
    await vi.advanceTimersByTimeAsync(10_000);
    t.send(delivered);
    await vi.advanceTimersByTimeAsync(10);

    const slow = transport({ endpoint: `${ENDPOINT}/slow`, maxQueue: 2, flushIntervalMs: 60_000, consent: 'pending' });
    const slowReports = reportsPerEvent(slow);
    const pushedOut = makeEvent();
    const heldThenDenied = makeEvent();
    const newest = makeEvent();
    for (const event of [pushedOut, heldThenDenied, newest]) slow.send(event);
    slow.setConsent('denied');
    const afterDenial = makeEvent();
    slow.send(afterDenial);

    const throwing = transport({ endpoint: `${ENDPOINT}/t`, transform: () => { throw new Error('bad'); } });
    const throwingReports = reportsPerEvent(throwing);
    const untransformable = makeEvent();
    throwing.send(untransformable);

    const bad = transport({ endpoint: 'ftp://collect.example' });
    const badReports = reportsPerEvent(bad);
    const unsendable = makeEvent();
    bad.send(unsendable);

    const memoryOnly = transport({ endpoint: `${ENDPOINT}/m`, flushIntervalMs: 60_000 });
    const memoryReports = reportsPerEvent(memoryOnly);
    const callback = makeEvent('callback');
    const stored = makeEvent();
    memoryOnly.send(callback);
    memoryOnly.send(stored);
    await vi.advanceTimersByTimeAsync(0);
    memoryOnly.destroy();
    const afterDestroy = makeEvent();
    memoryOnly.send(afterDestroy);

    const expected: Array<[ReturnType<typeof reportsPerEvent>, string, 'sent' | string]> = [
      [reports, rejected.id, 'HTTP 400'],
      [reports, retriedOut.id, 'gave up after 1 retries'],
      [reports, delivered.id, 'sent'],
      [slowReports, pushedOut.id, 'queue full (2)'],
      [slowReports, heldThenDenied.id, 'consent denied'],
      [slowReports, newest.id, 'consent denied'],
      [slowReports, afterDenial.id, 'consent denied'],
      [throwingReports, untransformable.id, 'transform threw'],
      [badReports, unsendable.id, '"ftp://collect.example" is not an http(s) URL'],
      [memoryReports, callback.id, 'destroyed'],
      [memoryReports, afterDestroy.id, 'destroyed'],
    ];
    for (const [log, id, outcome] of expected) {
      const final = finals(log, id);
      expect(final, `${outcome} (${id})`).toHaveLength(1);
      if (outcome === 'sent') expect(final[0].type).toBe('sent');
      else expect(final[0]).toMatchObject({ type: 'final', error: expect.stringContaining(outcome) });
    }
    // The retried event heard its retry before its one final report.
    expect(reports.get(retriedOut.id)!.map((r) => r.type)).toEqual(['retry', 'final']);
    // A stored event is not over when its transport is: the next page sends it.
    expect(memoryReports.get(stored.id)).toBeUndefined();
    expect(storage.storedIds(`feelback:queue:${ENDPOINT}/m`)).toEqual([stored.id]);
  });

  it('still fires the deprecated dropped once per drop, after the error, and warns once that it is deprecated', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    server.answerAlways(400);
    const t = transport({ flushIntervalMs: 0 });
    const order: string[] = [];
    t.addEventListener('error', () => order.push('error'));
    t.addEventListener('dropped', (e) => order.push(`dropped: ${e.detail.reason}`));
    t.addEventListener('dropped', () => order.push('second listener'));
    t.send(makeEvent());
    t.send(makeEvent());
    await vi.advanceTimersByTimeAsync(10);
    const reason = `HTTP 400 from ${ENDPOINT} (not retried)`;
    expect(order).toEqual(['error', `dropped: ${reason}`, 'second listener', 'error', `dropped: ${reason}`, 'second listener']);
    expect(warn.mock.calls.filter(([message]) => String(message).includes('"dropped" is deprecated'))).toHaveLength(1);
  });
});

describe('the cost of making a transport', () => {
  it('reads and writes no storage until a task later, when it looks for what an earlier page left', async () => {
    const getItem = vi.spyOn(storage, 'getItem');
    const setItem = vi.spyOn(storage, 'setItem');
    const left = makeEvent();
    storage.data.set(`feelback:queue:${ENDPOINT}`, JSON.stringify({ v: 2, owners: { gone: { until: 0, segments: [0] } } }));
    storage.data.set(`feelback:queue:${ENDPOINT}|gone|0`, JSON.stringify([{ a: 0, e: left }]));
    transport();
    expect(getItem).not.toHaveBeenCalled();
    expect(setItem).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(getItem).toHaveBeenCalled();
    expect(server.deliveredIds).toEqual([left.id]);
  });

  it('probes localStorage only when storage is first needed, not when made', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const t = transport({ storage: undefined });
    expect(setItem).not.toHaveBeenCalled();
    t.send(makeEvent());
    expect(setItem).toHaveBeenCalledWith('feelback:probe', '1');
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests).toHaveLength(1);
    localStorage.clear();
  });
});
