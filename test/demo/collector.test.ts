import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startDemoServer, type DemoServer } from '../../demo/app.mjs';
import { openStore } from '../../demo/collector/store.mjs';
import type { FeedbackBatch, FeedbackEvent } from '../../src/context/event.js';

let dir: string;
let dbPath: string;
let demo: DemoServer;

function ratingEvent(overrides: Partial<FeedbackEvent> = {}): FeedbackEvent {
  return {
    id: randomUUID(),
    type: 'rating',
    widget: 'checkout',
    createdAt: new Date().toISOString(),
    rating: { scale: 'nps', value: 9, min: 0, max: 10 },
    context: {
      url: 'https://shop.example/checkout',
      referrer: '',
      locale: 'en',
      viewport: { width: 1280, height: 800 },
      sessionId: randomUUID(),
      vitals: { LCP: { value: 1800, rating: 'good' }, INP: { value: 350, rating: 'needs-improvement' } },
    },
    ...overrides,
  };
}

function batch(events: unknown[]): FeedbackBatch {
  return { v: 1, sentAt: new Date().toISOString(), events: events as FeedbackEvent[] };
}

async function post(body: string, contentType = 'application/json', headers: Record<string, string> = {}) {
  const response = await fetch(`${demo.url}/api/feedback`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

function admin(): Record<string, string> {
  return { authorization: `Bearer ${demo.adminToken}` };
}

async function listEvents(query = ''): Promise<FeedbackEvent[]> {
  const response = await fetch(`${demo.url}/api/events${query}`, { headers: admin() });
  expect(response.status).toBe(200);
  return response.json();
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'feelback-collector-'));
  dbPath = join(dir, 'nested', 'feedback.sqlite');
  demo = await startDemoServer({ port: 0, dbPath, corsOrigins: ['https://shop.example'] });
});

afterEach(async () => {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('POST /api/feedback', () => {
  it('stores a valid batch and answers 2xx with what it stored', async () => {
    const events = [ratingEvent(), ratingEvent({ widget: 'search', rating: { scale: 'stars', value: 2, min: 1, max: 5 } })];
    const answer = await post(JSON.stringify(batch(events)));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ accepted: 2, stored: 2, duplicates: 0 });
    const stored = await listEvents();
    expect(stored.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
    expect(stored.find((event) => event.id === events[0].id)).toEqual(events[0]);
  });

  it('accepts every payload type, comments and callbacks included', async () => {
    const rating = ratingEvent();
    const events = [
      rating,
      ratingEvent({ type: 'feeling', rating: undefined, feeling: { id: 'frustrated', score: -1 } }),
      ratingEvent({ type: 'comment', rating: undefined, comment: { text: 'Checkout was slow', replyTo: rating.id } }),
      ratingEvent({
        type: 'callback',
        rating: undefined,
        callback: { name: 'Ada', phone: '+441234567890', window: 'morning', topic: '', consent: true, timeZone: 'Europe/London' },
      }),
    ].map((event) => JSON.parse(JSON.stringify(event)));
    const answer = await post(JSON.stringify(batch(events)));
    expect(answer.status).toBe(200);
    expect(demo.store.count()).toBe(4);
  });

  it('stores a resent event once and still acknowledges it', async () => {
    const event = ratingEvent();
    const body = JSON.stringify(batch([event]));
    expect((await post(body)).body).toEqual({ accepted: 1, stored: 1, duplicates: 0 });
    const again = await post(body, 'text/plain;charset=UTF-8');
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ accepted: 1, stored: 0, duplicates: 1 });
    expect(demo.store.count()).toBe(1);
  });

  it('stores an id repeated inside one batch once', async () => {
    const event = ratingEvent();
    const answer = await post(JSON.stringify(batch([event, event, { ...event, id: event.id.toUpperCase() }])));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ accepted: 3, stored: 1, duplicates: 2 });
    expect(await listEvents()).toHaveLength(1);
  });

  it('accepts a text/plain body, as navigator.sendBeacon sends it', async () => {
    const event = ratingEvent();
    const answer = await post(JSON.stringify(batch([event])), 'text/plain;charset=UTF-8');
    expect(answer.status).toBe(200);
    expect((await listEvents()).map((stored) => stored.id)).toEqual([event.id]);
  });

  it('answers 400 for a body that is not JSON, and stores nothing', async () => {
    const answer = await post('{"v":1,"events":[', 'text/plain');
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(/not valid JSON/);
    expect(demo.store.count()).toBe(0);
  });

  const badBatches: Array<[string, () => unknown, string]> = [
    ['a body that is not an object', () => [1, 2], 'body'],
    ['another wire format version', () => ({ ...batch([ratingEvent()]), v: 2 }), 'v'],
    ['a missing sentAt', () => ({ v: 1, events: [ratingEvent()] }), 'sentAt'],
    ['events that are not an array', () => ({ ...batch([]), events: {} }), 'events'],
    ['no events', () => batch([]), 'events'],
    ['an id that is not a UUID', () => batch([ratingEvent({ id: 'abc' })]), 'events[0].id'],
    ['an unknown type', () => batch([ratingEvent({ type: 'vote' as never })]), 'events[0].type'],
    ['an empty widget', () => batch([ratingEvent({ widget: '' })]), 'events[0].widget'],
    ['a createdAt that is not a date', () => batch([ratingEvent({ createdAt: 'yesterday' })]), 'events[0].createdAt'],
    ['a rating event without rating', () => batch([ratingEvent({ rating: undefined })]), 'events[0].rating'],
    [
      'a score outside its scale',
      () => batch([ratingEvent(), ratingEvent({ rating: { scale: 'stars', value: 6, min: 1, max: 5 } })]),
      'events[1].rating.value',
    ],
    ['a score that is a string', () => batch([ratingEvent({ rating: { scale: 'nps', value: '9' as never, min: 0, max: 10 } })]), 'events[0].rating.value'],
    [
      'a callback without consent',
      () =>
        batch([
          ratingEvent({
            type: 'callback',
            rating: undefined,
            callback: { name: 'Ada', phone: '+441234567890', window: 'asap', topic: '', consent: false as never, timeZone: 'UTC' },
          }),
        ]),
      'events[0].callback.consent',
    ],
    [
      'a phone that is not normalised',
      () =>
        batch([
          ratingEvent({
            type: 'callback',
            rating: undefined,
            callback: { name: 'Ada', phone: 'call me', window: 'asap', topic: '', consent: true, timeZone: 'UTC' },
          }),
        ]),
      'events[0].callback.phone',
    ],
    ['a comment without replyTo', () => batch([ratingEvent({ type: 'comment', rating: undefined, comment: { text: 'hi' } as never })]), 'events[0].comment.replyTo'],
    ['a missing context', () => batch([{ ...ratingEvent(), context: undefined }]), 'events[0].context'],
    [
      'an unknown vital rating',
      () => batch([ratingEvent({ context: { ...ratingEvent().context, vitals: { LCP: { value: 1, rating: 'fine' as never } } } })]),
      'events[0].context.vitals.LCP.rating',
    ],
  ];

  it.each(badBatches)('answers 400 naming the field for %s, and stores nothing', async (_name, makeBody, field) => {
    const answer = await post(JSON.stringify(makeBody()));
    expect(answer.status).toBe(400);
    expect(answer.body.field).toBe(field);
    expect(answer.body.error).toContain(field);
    expect(demo.store.count()).toBe(0);
  });

  it('answers 400, not 500, for a body nested deep enough to overflow a recursive walk', async () => {
    const event = JSON.stringify(ratingEvent()).slice(0, -1);
    const deep = `{"v":1,"sentAt":"${new Date().toISOString()}","events":[${event},"metadata":{"x":${'['.repeat(25_000)}${']'.repeat(25_000)}}}]}`;
    const answer = await post(deep);
    expect(answer.status).toBe(400);
    expect(answer.body.field).toBe('body');
    expect((await post(JSON.stringify(batch([ratingEvent()])))).status).toBe(200);
  });

  it('answers 413 for a body over 64 KB, and stores nothing', async () => {
    const event = ratingEvent({ metadata: { padding: 'x'.repeat(70 * 1024) } });
    const answer = await post(JSON.stringify(batch([event])), 'text/plain');
    expect(answer.status).toBe(413);
    expect(demo.store.count()).toBe(0);
  });

  it('answers 413 rather than resetting for a body of several megabytes', async () => {
    const answer = await post('x'.repeat(3 * 1024 * 1024));
    expect(answer.status).toBe(413);
  });

  it('answers 415 for other content types and for none', async () => {
    const body = JSON.stringify(batch([ratingEvent()]));
    expect((await post(body, 'application/x-www-form-urlencoded')).status).toBe(415);
    const noType = await new Promise<number>((done, fail) => {
      const req = request(`${demo.url}/api/feedback`, { method: 'POST' }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      req.on('error', fail);
      req.end(body);
    });
    expect(noType).toBe(415);
    expect(demo.store.count()).toBe(0);
  });

  it('keeps serving after a client hangs up mid-body', async () => {
    await new Promise<void>((done) => {
      const req = request(`${demo.url}/api/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '1000' },
      });
      req.on('error', () => done());
      req.write('{"v":1,"events":[', () => {
        req.destroy();
        done();
      });
    });
    const answer = await post(JSON.stringify(batch([ratingEvent()])));
    expect(answer.status).toBe(200);
    expect(demo.store.count()).toBe(1);
  });
});

describe('CORS', () => {
  it('allows a listed origin and answers its preflight', async () => {
    const preflight = await fetch(`${demo.url}/api/feedback`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    const answer = await post(JSON.stringify(batch([ratingEvent()])), 'application/json', { origin: 'https://shop.example' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });

  it('refuses an origin not on the list, even for a beacon that skips the preflight', async () => {
    const answer = await post(JSON.stringify(batch([ratingEvent()])), 'text/plain', { origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(demo.store.count()).toBe(0);
  });
});

describe('GET /api/events', () => {
  it('filters by widget and type, newest first, up to limit', async () => {
    const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();
    const events = [
      ratingEvent({ widget: 'a', createdAt: at(1) }),
      ratingEvent({ widget: 'a', createdAt: at(3) }),
      ratingEvent({ widget: 'a', createdAt: at(2), type: 'feeling', rating: undefined, feeling: { id: 'happy', score: 1 } }),
      ratingEvent({ widget: 'b', createdAt: at(4) }),
    ];
    expect((await post(JSON.stringify(batch(events)))).status).toBe(200);
    expect((await listEvents()).map((event) => event.createdAt)).toEqual([at(4), at(3), at(2), at(1)]);
    expect((await listEvents('?widget=a')).map((event) => event.createdAt)).toEqual([at(3), at(2), at(1)]);
    expect((await listEvents('?widget=a&type=rating')).map((event) => event.createdAt)).toEqual([at(3), at(1)]);
    expect((await listEvents('?widget=a&limit=1')).map((event) => event.createdAt)).toEqual([at(3)]);
  });

  it('answers 400 for a bad limit or type', async () => {
    for (const query of ['?limit=0', '?limit=abc', '?limit=100000', '?type=vote']) {
      const response = await fetch(`${demo.url}/api/events${query}`, { headers: admin() });
      expect(response.status, query).toBe(400);
    }
  });
});

describe('storage', () => {
  it('keeps events across a restart on the same file', async () => {
    const event = ratingEvent();
    await post(JSON.stringify(batch([event])));
    await demo.close();
    demo = await startDemoServer({ port: 0, dbPath });
    expect((await listEvents()).map((stored) => stored.id)).toEqual([event.id]);
    expect((await post(JSON.stringify(batch([event])))).body).toEqual({ accepted: 1, stored: 0, duplicates: 1 });
  });

  it('stores a batch all or nothing: a failure mid-batch rolls back the events before it', () => {
    const store = openStore(join(dir, 'atomic.sqlite'));
    try {
      const good = ratingEvent();
      // An impossible date makes the insert of the second event throw, after the first was written.
      const broken = ratingEvent({ createdAt: 'not a date' });
      expect(() => store.insertBatch([good, broken])).toThrow();
      expect(store.count()).toBe(0);
      expect(store.insertBatch([good])).toEqual({ stored: 1, duplicates: 0 });
    } finally {
      store.close();
    }
  });
});
