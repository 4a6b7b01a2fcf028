import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { startDemoServer, type DemoServer } from '../../demo/app.mjs';
import { openStore } from '../../demo/collector/store/index.mjs';
import type { FeedbackBatch, FeedbackEvent, FeelbackRatingEvent } from '../../src/context/event.js';
import { eventBuilders, type EventFields } from '../support/events.js';
import { STORE_KINDS, storeFixture, type StoreLocation } from '../support/stores.js';

// Answers from the checkout, where pages load well but respond slowly.
const { ratingEvent, feelingEvent, commentEvent, callbackEvent, shownEvent, dismissedEvent } = eventBuilders({
  rating: { scale: 'nps', value: 9, min: 0, max: 10 },
  context: { vitals: { LCP: { value: 1800, rating: 'good' }, INP: { value: 350, rating: 'needs-improvement' } } },
});

// Reads need the admin token, and one test client posts far more than a visitor
// would: every server here gets a known token and no per-client rate limits.
const ADMIN_TOKEN = 'collector-tests-admin-token';
const SERVER_OPTIONS: object = { adminToken: ADMIN_TOKEN, rateLimits: { requests: null, feedback: null, callback: null } };

function batch(events: unknown[]): FeedbackBatch {
  return { v: 1, sentAt: new Date().toISOString(), events: events as FeedbackEvent[] };
}

describe.each(STORE_KINDS)('collector on %s', (kind) => {
  const stores = storeFixture(kind);
  let location: StoreLocation;
  let demo: DemoServer;

  async function post(body: string, contentType = 'application/json', headers: Record<string, string> = {}) {
    const response = await fetch(`${demo.url}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  /** Reading answers needs the admin token. */
  const admin = () => ({ authorization: `Bearer ${demo.adminToken}` });

  async function listEvents(query = ''): Promise<Array<FeedbackEvent & { receivedAt: string }>> {
    const response = await fetch(`${demo.url}/api/events${query}`, { headers: admin() });
    expect(response.status).toBe(200);
    return (await response.json()).events;
  }

  const corsOrigins = ['https://shop.example'];

  // One server per store kind, emptied before each test: starting a collector on
  // PostgreSQL (new connections, the migration check) costs more than the tests.
  beforeEach(async () => {
    if (!demo) {
      location = await stores.empty();
      demo = await startDemoServer({ port: 0, ...location, corsOrigins, ...SERVER_OPTIONS });
      return;
    }
    const store = demo.store as unknown as { db?: { exec(sql: string): void }; pool?: { query(sql: string): Promise<unknown> } };
    if (store.db) store.db.exec('DELETE FROM events');
    else await store.pool!.query('TRUNCATE events');
  });

  afterAll(async () => {
    await demo?.close();
  });

  describe('POST /api/feedback', () => {
    it('stores a valid batch and answers 2xx with what it stored', async () => {
      const events = [ratingEvent(), ratingEvent({ widget: 'search', rating: { scale: 'stars', value: 2, min: 1, max: 5 } })];
      const answer = await post(JSON.stringify(batch(events)));
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ accepted: 2, stored: 2, duplicates: 0 });
      const stored = await listEvents();
      expect(stored.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
      const { receivedAt, ...first } = stored.find((event) => event.id === events[0].id)!;
      expect(first).toEqual(events[0]);
      expect(Math.abs(Date.parse(receivedAt) - Date.now())).toBeLessThan(60_000);
    });

    it('accepts every payload type, comments, callbacks and launcher events included', async () => {
      const rating = ratingEvent();
      const launcher = { id: 'checkout-launcher', display: 'popover', trigger: 'delay' };
      const events = [
        rating,
        feelingEvent({ feeling: { id: 'frustrated', score: -1 } }),
        commentEvent({ comment: { text: 'Checkout was slow', replyTo: rating.id } }),
        callbackEvent({
          callback: { name: 'Ada', phone: '+441234567890', window: 'morning', topic: '', consent: true, timeZone: 'Europe/London' },
        }),
        shownEvent({ launcher }),
        dismissedEvent({ launcher: { ...launcher, reason: 'escape' } }),
      ].map((event) => JSON.parse(JSON.stringify(event)));
      const answer = await post(JSON.stringify(batch(events)));
      expect(answer.status).toBe(200);
      expect(await demo.store.count()).toBe(6);
      const dismissed = (await listEvents('?type=dismissed'))[0] as unknown as { launcher: unknown };
      expect(dismissed.launcher).toEqual({ ...launcher, reason: 'escape' });
    });

    it('accepts the longest answers the library can send: a 10,000-character comment, an emoji topic of 500, no time zone, a long URL', async () => {
      const rating = ratingEvent({ context: { ...ratingEvent().context, url: `https://shop.example/search?q=${'x'.repeat(3000)}` } });
      const comment = commentEvent({ comment: { text: 'é'.repeat(9_999) + '!', replyTo: rating.id } });
      const callback = callbackEvent({
        callback: { name: 'Ada', phone: '+441234567890', window: 'morning', topic: '🙂'.repeat(500), consent: true, timeZone: '' },
      });
      const answer = await post(JSON.stringify(batch([rating, comment, callback])));
      expect(answer.status).toBe(200);
      const stored = await listEvents();
      const url = stored.find((event) => event.id === rating.id)!.context.url;
      expect(url).toHaveLength(2048);
      expect(rating.context.url.startsWith(url)).toBe(true);
      expect(stored.find((event) => event.id === callback.id)!.callback).toMatchObject({ topic: '🙂'.repeat(500), timeZone: '' });
      expect(Array.from(stored.find((event) => event.id === comment.id)!.comment!.text)).toHaveLength(10_000);

      const tooLong = await post(JSON.stringify(batch([commentEvent({ comment: { text: 'x'.repeat(10_001), replyTo: rating.id } })])));
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error).toMatch(/comment\.text.*at most 10000 characters/);
    });

    it('stores a resent event once and still acknowledges it', async () => {
      const event = ratingEvent();
      const body = JSON.stringify(batch([event]));
      expect((await post(body)).body).toEqual({ accepted: 1, stored: 1, duplicates: 0 });
      const again = await post(body, 'text/plain;charset=UTF-8');
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ accepted: 1, stored: 0, duplicates: 1 });
      expect(await demo.store.count()).toBe(1);
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
      expect(await demo.store.count()).toBe(0);
    });

    const callbackWith = (callback: Record<string, unknown>) => callbackEvent({ callback: callback as never });
    const badBatches: Array<[string, () => unknown, string]> = [
      ['a body that is not an object', () => [1, 2], 'body'],
      ['another wire format version', () => ({ ...batch([ratingEvent()]), v: 2 }), 'v'],
      ['a missing sentAt', () => ({ v: 1, events: [ratingEvent()] }), 'sentAt'],
      ['events that are not an array', () => ({ ...batch([]), events: {} }), 'events'],
      ['no events', () => batch([]), 'events'],
      ['an id that is not a UUID', () => batch([ratingEvent({ id: 'abc' })]), 'events[0].id'],
      ['an unknown type', () => batch([ratingEvent({ type: 'vote' as never })]), 'events[0].type'],
      ['an empty widget', () => batch([ratingEvent({ widget: '' })]), 'events[0].widget'],
      ['a widget of control characters only', () => batch([ratingEvent({ widget: '\u0000\u001b\u0007' })]), 'events[0].widget'],
      ['a createdAt that is not a date', () => batch([ratingEvent({ createdAt: 'yesterday' })]), 'events[0].createdAt'],
      ['a createdAt of 30 February', () => batch([ratingEvent({ createdAt: '2026-02-30T10:00:00.000Z' })]), 'events[0].createdAt'],
      ['a createdAt at hour 24', () => batch([ratingEvent({ createdAt: '2026-03-01T24:00:00Z' })]), 'events[0].createdAt'],
      ['a sentAt of 31 April', () => ({ ...batch([ratingEvent()]), sentAt: '2026-04-31T00:00:00Z' }), 'sentAt'],
      ['a rating event without rating', () => batch([ratingEvent({ rating: undefined })]), 'events[0].rating'],
      [
        'a score outside its scale',
        () => batch([ratingEvent(), ratingEvent({ rating: { scale: 'stars', value: 6, min: 1, max: 5 } })]),
        'events[1].rating.value',
      ],
      ['a score that is a string', () => batch([ratingEvent({ rating: { scale: 'nps', value: '9' as never, min: 0, max: 10 } })]), 'events[0].rating.value'],
      [
        'a callback without consent',
        () => batch([callbackWith({ name: 'Ada', phone: '+441234567890', window: 'asap', topic: '', consent: false, timeZone: 'UTC' })]),
        'events[0].callback.consent',
      ],
      [
        'a phone that is not normalised',
        () => batch([callbackWith({ name: 'Ada', phone: 'call me', window: 'asap', topic: '', consent: true, timeZone: 'UTC' })]),
        'events[0].callback.phone',
      ],
      ['a comment without replyTo', () => batch([commentEvent({ comment: { text: 'hi' } as never })]), 'events[0].comment.replyTo'],
      ['a missing context', () => batch([{ ...ratingEvent(), context: undefined }]), 'events[0].context'],
      [
        'an unknown vital rating',
        () => batch([ratingEvent({ context: { ...ratingEvent().context, vitals: { LCP: { value: 1, rating: 'fine' as never } } } })]),
        'events[0].context.vitals.LCP.rating',
      ],
      ['a shown event without launcher', () => batch([shownEvent({ launcher: undefined })]), 'events[0].launcher'],
      [
        'a launcher with an unknown display',
        () => batch([shownEvent({ launcher: { id: 'l', display: 'banner', trigger: 'delay' } })]),
        'events[0].launcher.display',
      ],
      [
        'metadata nested deeper than 8 levels',
        () => batch([ratingEvent({ metadata: { a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } } })]),
        'events[0].metadata',
      ],
    ];

    it.each(badBatches)('answers 400 naming the field for %s, and stores nothing', async (_name, makeBody, field) => {
      const answer = await post(JSON.stringify(makeBody()));
      expect(answer.status).toBe(400);
      expect(answer.body.field).toBe(field);
      expect(answer.body.error).toContain(field);
      expect(await demo.store.count()).toBe(0);
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
      expect(await demo.store.count()).toBe(0);
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
      expect(await demo.store.count()).toBe(0);
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
      expect(await demo.store.count()).toBe(1);
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
      expect(await demo.store.count()).toBe(0);
    });
  });

  describe('GET /api/events', () => {
    it('filters by widget and type, newest received first, up to limit', async () => {
      const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();
      const events = [
        ratingEvent({ widget: 'a' }),
        ratingEvent({ widget: 'a' }),
        feelingEvent({ widget: 'a', feeling: { id: 'happy', score: 1 } }),
        ratingEvent({ widget: 'b' }),
      ];
      const received = [1, 3, 2, 4];
      for (const [index, event] of events.entries()) {
        await demo.store.insertBatch([event], { receivedAt: at(received[index]) });
      }
      const receivedOf = async (query: string) => (await listEvents(query)).map((event) => event.receivedAt);
      expect(await receivedOf('')).toEqual([at(4), at(3), at(2), at(1)]);
      expect(await receivedOf('?widget=a')).toEqual([at(3), at(2), at(1)]);
      expect(await receivedOf('?widget=a&type=rating')).toEqual([at(3), at(1)]);
      expect(await receivedOf('?widget=a&limit=1')).toEqual([at(3)]);
    });

    it('answers 400 for a bad limit, type or cursor', async () => {
      for (const query of ['?limit=0', '?limit=abc', '?limit=100000', '?type=vote', '?cursor=nonsense']) {
        const response = await fetch(`${demo.url}/api/events${query}`, { headers: admin() });
        expect(response.status, query).toBe(400);
      }
    });

    it('pages with a cursor: every event once, in order, while new events arrive', async () => {
      const start = Date.UTC(2026, 5, 1);
      const events = Array.from({ length: 25 }, () => ratingEvent());
      // Five batches, five events each received in the same millisecond: ties are broken by id.
      for (let i = 0; i < 5; i++) {
        await demo.store.insertBatch(events.slice(i * 5, i * 5 + 5), { receivedAt: new Date(start + i * 1000) });
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await fetch(`${demo.url}/api/events?limit=7${cursor ? `&cursor=${cursor}` : ''}`, { headers: admin() });
        const page = (await response.json()) as { events: Array<{ id: string; receivedAt: string }>; nextCursor: string | null };
        seen.push(...page.events.map((event) => event.id));
        cursor = page.nextCursor;
        if (pages++ === 0) await demo.store.insertBatch([ratingEvent()], { receivedAt: new Date(start + 10_000) });
      } while (cursor);
      expect(pages).toBe(4);
      expect(new Set(seen).size).toBe(25);
      expect(seen.sort()).toEqual(events.map((event) => event.id).sort());
    });

    it('stops a page before its byte bound, and the cursor carries on from there', async () => {
      const text = 'x'.repeat(4000);
      const rating = ratingEvent();
      const comments = Array.from({ length: 12 }, () =>
        commentEvent({ comment: { text, replyTo: rating.id } }),
      );
      await demo.store.insertBatch(comments);
      const first = await demo.store.listEvents({ limit: 100, maxBytes: 20_000 });
      expect(first.events.length).toBeGreaterThan(0);
      expect(first.events.length).toBeLessThan(12);
      expect(Buffer.byteLength(JSON.stringify(first.events))).toBeLessThanOrEqual(20_000);
      const rest = await demo.store.listEvents({ limit: 100, cursor: first.nextCursor });
      expect([...first.events, ...rest.events].map((event) => event.id).sort()).toEqual(comments.map((event) => event.id).sort());
      expect(rest.nextCursor).toBeNull();
    });
  });

  describe('canonical storage', () => {
    it('stores only the fields of the wire format: unknown fields are dropped, not stored', async () => {
      const event = ratingEvent();
      const padded = {
        ...event,
        padding: 'x'.repeat(20_000),
        rating: { ...event.rating, extra: 'y'.repeat(1000) },
        context: { ...event.context, fingerprint: 'z'.repeat(1000), vitals: { ...event.context.vitals, XYZ: { value: 1, rating: 'good' } } },
        feeling: { id: 'happy', score: 1 },
      };
      expect((await post(JSON.stringify(batch([padded])))).status).toBe(200);
      const [stored] = await listEvents();
      const { receivedAt: _receivedAt, ...kept } = stored;
      expect(kept).toEqual(event);
      expect(JSON.stringify(stored)).not.toMatch(/xxxx|yyyy|zzzz|XYZ/);
    });

    it('cleans control characters and lone surrogates out of stored text', async () => {
      const rating = ratingEvent({ widget: 'check\u0000out\u001b' });
      const comment = commentEvent({
        comment: { text: 'slow\u0007 page\u0000\ud800 but 🙂 fine\nthanks\u009b', replyTo: rating.id },
        metadata: { plan: 'pro\u0000\udfff', 'ke\u0001y': 1 },
      });
      // JSON.stringify writes lone surrogates as \ud800 escapes, as a hostile client would send them.
      expect((await post(JSON.stringify(batch([rating, comment])))).status).toBe(200);
      const stored = await listEvents();
      const storedComment = stored.find((event) => event.type === 'comment')!;
      expect(storedComment.comment?.text).toBe('slow page but 🙂 fine\nthanks');
      expect(storedComment.metadata).toEqual({ plan: 'pro', key: 1 });
      expect(stored.find((event) => event.type === 'rating')?.widget).toBe('checkout');
    });

    it('refuses an impossible date and writes a real one back in UTC', async () => {
      expect((await post(JSON.stringify(batch([ratingEvent({ createdAt: '2026-02-30T10:00:00.000Z' })])))).status).toBe(400);
      expect((await post(JSON.stringify(batch([ratingEvent({ createdAt: '2028-02-29T23:30:00+02:00' })])))).status).toBe(200);
      expect((await listEvents())[0].createdAt).toBe('2028-02-29T21:30:00.000Z');
    });

    it("orders by the server's receivedAt: an event dated 9999 does not push real answers off the first page", async () => {
      const future = ratingEvent({ createdAt: '9999-12-31T23:59:59.000Z' });
      expect((await post(JSON.stringify(batch([future])))).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const real = ratingEvent();
      expect((await post(JSON.stringify(batch([real])))).status).toBe(200);
      expect((await listEvents('?limit=1')).map((event) => event.id)).toEqual([real.id]);
    });
  });

  describe('results', () => {
    async function results(query = '') {
      const response = await fetch(`${demo.url}/api/results${query}`, { headers: admin() });
      expect(response.status).toBe(200);
      return response.json();
    }

    it('counts a visitor whose clock is wrong on the day the answer arrived', async () => {
      const late = feelingEvent({ feeling: { id: 'happy', score: 1 }, createdAt: '2001-01-01T00:00:00.000Z' });
      expect((await post(JSON.stringify(batch([late])))).status).toBe(200);
      const summary = await results();
      expect(summary.counts.feeling).toBe(1);
      const bucket = summary.feelings.series.find((point: { counts: Record<string, number> }) => point.counts.happy === 1);
      expect(Date.now() - Date.parse(bucket.start)).toBeLessThan(24 * 60 * 60 * 1000);
    });

    it("counts each visitor's latest answer per widget by arrival; a forged createdAt or sessionId changes nothing else", async () => {
      const visitor = randomUUID();
      const context = { ...ratingEvent().context, sessionId: visitor };
      const nps = (value: number, extra: EventFields<FeelbackRatingEvent> = {}) =>
        ratingEvent({ context, rating: { scale: 'nps', value, min: 0, max: 10 }, ...extra });
      // The visitor answers on two widgets; someone re-posts with their sessionId, dated 9999.
      await post(JSON.stringify(batch([nps(3), nps(8, { widget: 'search' })])));
      await new Promise((resolve) => setTimeout(resolve, 5));
      await post(JSON.stringify(batch([nps(0, { createdAt: '9999-12-31T00:00:00.000Z' })])));
      await new Promise((resolve) => setTimeout(resolve, 5));
      // The visitor changes their mind: arriving last, this is the answer that counts.
      await post(JSON.stringify(batch([nps(10, { createdAt: '2020-01-01T00:00:00.000Z' })])));
      // Another visitor is untouched.
      await post(JSON.stringify(batch([ratingEvent({ rating: { scale: 'nps', value: 7, min: 0, max: 10 } })])));
      const summary = await results();
      const chart = (widget: string) => summary.ratings.find((item: { widget: string }) => item.widget === widget);
      expect(chart('checkout').distribution).toEqual([
        { value: 7, count: 1 },
        { value: 10, count: 1 },
      ]);
      expect(chart('search').distribution).toEqual([{ value: 8, count: 1 }]);
      expect(summary.answers).toEqual({ received: 5, counted: 3 });
    });

    it('buckets by the UTC day each answer arrived, one point per day from the first to today', async () => {
      const now = new Date(Date.UTC(2026, 6, 10, 15));
      const day = (n: number) => new Date(Date.UTC(2026, 6, n, 23, 30));
      const feeling = (id: string) => feelingEvent({ feeling: { id, score: 1 }, createdAt: '2030-01-01T00:00:00.000Z' });
      await demo.store.insertBatch([feeling('happy'), feeling('happy')], { receivedAt: day(7) });
      await demo.store.insertBatch([feeling('angry')], { receivedAt: day(9) });
      const summary = await demo.store.results({ now });
      expect(summary.bucket).toBe('day');
      expect(summary.feelings.series).toEqual([
        { start: '2026-07-07T00:00:00.000Z', counts: { happy: 2 } },
        { start: '2026-07-08T00:00:00.000Z', counts: {} },
        { start: '2026-07-09T00:00:00.000Z', counts: { angry: 1 } },
        { start: '2026-07-10T00:00:00.000Z', counts: {} },
      ]);
      expect(summary.series.map((point) => point.feeling)).toEqual([2, 0, 1, 0]);
      // Answers outside the window are not counted.
      expect((await demo.store.results({ now, since: day(8) })).counts.feeling).toBe(1);
    });

    it('stays bounded when feelings are dated on hundreds of different days', async () => {
      const events = Array.from({ length: 300 }, (_, day) =>
        feelingEvent({
          feeling: { id: `feeling-${day % 40}`, score: 1 },
          createdAt: new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString(),
        }),
      );
      for (let i = 0; i < 300; i += 100) expect((await post(JSON.stringify(batch(events.slice(i, i + 100))))).status).toBe(200);
      const summary = await results();
      expect(summary.counts.feeling).toBe(300);
      // All arrived now: one bucket, not 300; and at most 12 named feelings plus "other".
      expect(summary.feelings.series).toHaveLength(1);
      expect(summary.feelings.totals.length).toBeLessThanOrEqual(13);
      expect(summary.feelings.totals.reduce((sum: number, item: { count: number }) => sum + item.count, 0)).toBe(300);
    });

    it('puts vitals beside sentiment and rates each launcher shown → answered → dismissed', async () => {
      const launcher = { id: 'exit-survey', display: 'modal', trigger: 'exit-intent' };
      const visitors = [randomUUID(), randomUUID(), randomUUID()];
      const on = (sessionId: string, extra: Record<string, unknown>) =>
        ({ ...ratingEvent({ widget: 'exit', context: { ...ratingEvent().context, sessionId } }), ...extra }) as FeedbackEvent;
      const shown = visitors.map((sessionId) => on(sessionId, { type: 'shown', rating: undefined, launcher }));
      await post(JSON.stringify(batch(shown)));
      await new Promise((resolve) => setTimeout(resolve, 5));
      await post(
        JSON.stringify(
          batch([
            on(visitors[0], { type: 'feeling', rating: undefined, feeling: { id: 'angry', score: -2 }, context: { ...ratingEvent().context, sessionId: visitors[0], vitals: { LCP: { value: 5000, rating: 'poor' } } } }),
            on(visitors[1], { type: 'dismissed', rating: undefined, launcher: { ...launcher, reason: 'close' } }),
            on(randomUUID(), { rating: { scale: 'stars', value: 5, min: 1, max: 5 }, context: { ...ratingEvent().context, vitals: { LCP: { value: 900, rating: 'good' } } } }),
          ]),
        ),
      );
      const summary = await results();
      expect(summary.launchers).toEqual([
        { id: 'exit-survey', widget: 'exit', visitors: 3, shown: 3, answered: 1, dismissed: 1, dismissEvents: 1, responseRate: 1 / 3 },
      ]);
      const lcp = Object.fromEntries(summary.vitals.LCP.map((row: { rating: string }) => [row.rating, row]));
      expect(lcp.poor).toEqual({ rating: 'poor', answers: 1, average: 0 });
      expect(lcp.good).toEqual({ rating: 'good', answers: 1, average: 100 });
    });

    it('lists the latest comments with the answer they follow, and callback requests', async () => {
      const rating = ratingEvent({ rating: { scale: 'stars', value: 2, min: 1, max: 5 } });
      const comment = commentEvent({ comment: { text: 'Too slow', replyTo: rating.id } });
      const callback = callbackEvent({
        callback: { name: 'Ada', phone: '+441234567890', window: 'evening', topic: 'refund', consent: true, timeZone: 'Europe/London' },
      });
      await post(JSON.stringify(batch([rating, comment, callback])));
      const summary = await results();
      expect(summary.comments).toMatchObject([{ id: comment.id, text: 'Too slow', answer: { type: 'rating', rating: rating.rating } }]);
      expect(summary.callbacks).toMatchObject([{ id: callback.id, name: 'Ada', phone: '+441234567890', window: 'evening', redacted: false }]);
    });
  });

  describe('erasure and retention', () => {
    it("deletes by event id and by session id (a visitor's erasure request)", async () => {
      const keep = ratingEvent();
      const byId = ratingEvent();
      const sessionId = randomUUID();
      const session = [ratingEvent({ context: { ...keep.context, sessionId } }), ratingEvent({ widget: 'other', context: { ...keep.context, sessionId } })];
      await demo.store.insertBatch([keep, byId, ...session]);
      expect(await demo.store.deleteEvents({ ids: [byId.id.toUpperCase()] })).toEqual({ deleted: 1 });
      expect(await demo.store.deleteEvents({ sessionId })).toEqual({ deleted: 2 });
      expect((await listEvents()).map((event) => event.id)).toEqual([keep.id]);
      await expect(demo.store.deleteEvents({})).rejects.toThrow(/ids or sessionId/);
    });

    it('expires old events, and redacts callback requests sooner while their ratings still count', async () => {
      const day = 86_400_000;
      const now = new Date(Date.UTC(2026, 6, 1));
      const old = ratingEvent();
      const recentRating = ratingEvent();
      const callback = callbackEvent({
        callback: { name: 'Ada', phone: '+441234567890', window: 'asap', topic: 'my order 123', consent: true, timeZone: 'UTC' },
      });
      await demo.store.insertBatch([old], { receivedAt: new Date(now.getTime() - 400 * day) });
      await demo.store.insertBatch([recentRating, callback], { receivedAt: new Date(now.getTime() - 40 * day) });
      expect(await demo.store.expire({ now, retentionDays: 365, personalDataDays: 30 })).toEqual({ deleted: 1, redacted: 1 });
      const stored = await demo.store.listEvents();
      expect(stored.events.map((event) => event.id).sort()).toEqual([recentRating.id, callback.id].sort());
      const redacted = stored.events.find((event) => event.id === callback.id)!;
      expect(redacted.callback).toEqual({ window: 'asap', consent: true, timeZone: 'UTC' });
      expect(redacted.redacted).toBe(true);
      expect(JSON.stringify(stored)).not.toMatch(/Ada|441234567890|order 123/);
      // Running it again finds nothing more to do.
      expect(await demo.store.expire({ now, retentionDays: 365, personalDataDays: 30 })).toEqual({ deleted: 0, redacted: 0 });
    });
  });

  describe('storage', () => {
    it('keeps events across a restart on the same store', async () => {
      const event = ratingEvent();
      await post(JSON.stringify(batch([event])));
      await demo.close();
      demo = await startDemoServer({ port: 0, ...location, corsOrigins, ...SERVER_OPTIONS });
      expect((await listEvents()).map((stored) => stored.id)).toEqual([event.id]);
      expect((await post(JSON.stringify(batch([event])))).body).toEqual({ accepted: 1, stored: 0, duplicates: 1 });
    });

    it('stores a batch all or nothing: a failure mid-batch stores none of it', async () => {
      const good = ratingEvent();
      const broken = { ...ratingEvent(), context: undefined } as unknown as FeedbackEvent;
      await expect(demo.store.insertBatch([good, broken])).rejects.toThrow();
      expect(await demo.store.count()).toBe(0);
      expect(await demo.store.insertBatch([good])).toEqual({ stored: 1, duplicates: 0 });
    });

    it('dedupes across two collectors on one store that receive the same batch at once', async () => {
      const second = await startDemoServer({ port: 0, ...location, ...SERVER_OPTIONS });
      try {
        const events = Array.from({ length: 20 }, () => ratingEvent());
        const body = JSON.stringify(batch(events));
        const send = (url: string) =>
          fetch(`${url}/api/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.json());
        const answers = await Promise.all([send(demo.url), send(second.url), send(demo.url), send(second.url)]);
        expect(answers.every((answer) => answer.accepted === 20)).toBe(true);
        expect(answers.reduce((sum, answer) => sum + answer.stored, 0)).toBe(20);
        expect(await demo.store.count()).toBe(20);
      } finally {
        await second.close();
      }
    });

    it('applies migrations once when two collectors start on one store at once, and runs registered ones', async () => {
      const fresh = await stores.fresh();
      const log: string[] = [];
      const migration = {
        namespace: 'test-inbox',
        version: 1,
        name: 'inbox items',
        sqlite: 'CREATE TABLE inbox_items (id TEXT PRIMARY KEY, state TEXT NOT NULL) STRICT',
        postgres: 'CREATE TABLE inbox_items (id TEXT PRIMARY KEY, state TEXT NOT NULL)',
      };
      const open = () => openStore({ ...fresh, migrations: [migration], log: (line) => log.push(line) });
      const [a, b] = await Promise.all([open(), open()]);
      await Promise.all([a.close(), b.close()]);
      const again = await open();
      await again.close();
      // demo/app.mjs registers the alerts' own migration (demo/collector/alerts/outbox-store.mjs) on import.
      expect(log.sort()).toEqual([
        'database: applied migration alerts v1 alert outbox, inbox status and its audit trail',
        'database: applied migration feedback v1 canonical events',
        'database: applied migration test-inbox v1 inbox items',
      ]);
    });
  });
});
