import { describe, expect, it } from 'vitest';
import { utf8Length } from '../../src/internal/utf8.js';
import { BEACON_MAX_BYTES, splitIntoBeaconBodies } from '../../src/transport/beacon.js';
import { makeEvent } from './support.js';

describe('splitIntoBeaconBodies', () => {
  it('packs events into v1 bodies that each stay under 64 KB', () => {
    const events = Array.from({ length: 300 }, () => makeEvent('rating', { metadata: { note: 'x'.repeat(500) } }));
    const bodies = splitIntoBeaconBodies(events);
    expect(bodies.length).toBeGreaterThan(1);
    const ids: string[] = [];
    for (const { body, events: carried } of bodies) {
      expect(utf8Length(body)).toBeLessThanOrEqual(BEACON_MAX_BYTES);
      const parsed = JSON.parse(body);
      expect(parsed.v).toBe(1);
      expect(parsed.events.map((e: { id: string }) => e.id)).toEqual(carried.map((e) => e.id));
      ids.push(...carried.map((e) => e.id));
    }
    expect(ids).toEqual(events.map((e) => e.id));
  });

  it('counts bytes, not characters, for non-ASCII text', () => {
    const events = Array.from({ length: 40 }, () => makeEvent('rating', { metadata: { note: '😀'.repeat(1000) } }));
    for (const { body } of splitIntoBeaconBodies(events)) {
      expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(BEACON_MAX_BYTES);
    }
  });
});
