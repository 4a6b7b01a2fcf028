import { describe, expect, it } from 'vitest';
import type { FeedbackEvent } from '../../src/context/event.js';
import { utf8Length } from '../../src/internal/utf8.js';
import { BODY_MAX_BYTES, packBodies } from '../../src/transport/bodies.js';
import { makeEvent } from '../support/events.js';

const items = (events: FeedbackEvent[]) => events.map((event) => ({ event }));
const ids = (carried: Array<{ event: FeedbackEvent }>) => carried.map((item) => item.event.id);

describe('packBodies', () => {
  it('packs events into v1 bodies that each stay under 64 KB', () => {
    const events = Array.from({ length: 300 }, () => makeEvent('rating', { metadata: { note: 'x'.repeat(500) } }));
    const bodies = packBodies(items(events), new Date());
    expect(bodies.length).toBeGreaterThan(1);
    const carriedIds: string[] = [];
    for (const { body, bytes, items: carried } of bodies) {
      expect(utf8Length(body)).toBeLessThanOrEqual(BODY_MAX_BYTES);
      expect(bytes).toBe(utf8Length(body));
      const parsed = JSON.parse(body);
      expect(parsed.v).toBe(1);
      expect(parsed.events.map((e: { id: string }) => e.id)).toEqual(ids(carried));
      carriedIds.push(...ids(carried));
    }
    expect(carriedIds).toEqual(events.map((e) => e.id));
  });

  it('counts bytes, not characters, for non-ASCII text', () => {
    const events = Array.from({ length: 40 }, () => makeEvent('rating', { metadata: { note: '😀'.repeat(1000) } }));
    for (const { body } of packBodies(items(events), new Date())) {
      expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(BODY_MAX_BYTES);
    }
  });

  it('fills each body as far as the byte limit allows, so a fetch batch and a beacon carry the same events', () => {
    const events = Array.from({ length: 10 }, () => makeEvent('rating', { metadata: { note: 'x'.repeat(20_000) } }));
    const beaconBodies = packBodies(items(events), new Date(0));
    // The first body a fetch would send (one body, no count limit here) is the first beacon body.
    const [fetchBody] = packBodies(items(events), new Date(0), { maxBodies: 1 });
    expect(fetchBody.body).toBe(beaconBodies[0].body);
    expect(fetchBody.full).toBe(true);
    // Three 20 KB events fit under 64 KB, a fourth does not.
    expect(beaconBodies.map((b) => b.items.length)).toEqual([3, 3, 3, 1]);
    expect(beaconBodies.map((b) => b.full)).toEqual([true, true, true, false]);
  });

  it('closes a body at maxEvents and keeps to maxBodies and accept', () => {
    const events = Array.from({ length: 7 }, () => makeEvent());
    const bodies = packBodies(items(events), new Date(), { maxEvents: 2, maxBodies: 2, accept: (item) => item.event.id !== events[0].id });
    expect(bodies.map((b) => ids(b.items))).toEqual([ids(items(events.slice(1, 3))), ids(items(events.slice(3, 5)))]);
    expect(bodies.every((b) => b.full)).toBe(true);
  });

  it('gives an event too large for any body a body of its own, and says how large', () => {
    const huge = makeEvent('rating', { metadata: { note: 'x'.repeat(70_000) } });
    const small = makeEvent();
    const bodies = packBodies(items([small, huge, small]), new Date());
    expect(bodies.map((b) => ids(b.items))).toEqual([[small.id], [huge.id], [small.id]]);
    expect(bodies[1].bytes).toBeGreaterThan(BODY_MAX_BYTES);
    expect(bodies[0].bytes).toBeLessThan(BODY_MAX_BYTES);
  });

  it('serializes each event once, however many bodies and retries carry it', () => {
    const item = { event: makeEvent() };
    const stringify = JSON.stringify;
    let calls = 0;
    JSON.stringify = ((...args: Parameters<typeof stringify>) => {
      if (args[0] === item.event) calls += 1;
      return stringify(...args);
    }) as typeof JSON.stringify;
    try {
      packBodies([item], new Date());
      packBodies([item], new Date(), { maxBodies: 1 });
    } finally {
      JSON.stringify = stringify;
    }
    expect(calls).toBe(1);
  });
});
