import { createBatch, type FeedbackEvent } from '../context/event.js';
import { utf8Length } from '../internal/utf8.js';

/**
 * Browsers refuse a beacon (and a keepalive fetch) once the bodies still in
 * flight from the page pass 64 KiB (Fetch standard, "keepalive" quota), so each
 * body stays below it with room for the envelope.
 */
export const BEACON_MAX_BYTES = 64 * 1024 - 512;

/** One beacon's body and the events it carries. */
export interface BeaconBody {
  body: string;
  events: FeedbackEvent[];
}

/**
 * Packs events into as few v1 bodies as fit under `maxBytes` each, in order.
 * An event too large for any body on its own gets a body of its own anyway:
 * the beacon will be refused and the event stays queued for a later fetch.
 */
export function splitIntoBeaconBodies(events: FeedbackEvent[], maxBytes = BEACON_MAX_BYTES, now = new Date()): BeaconBody[] {
  const envelope = JSON.stringify(createBatch([], now));
  const head = envelope.slice(0, -3); // `{"v":1,"sentAt":"…","events":`
  const overhead = utf8Length(envelope);
  const bodies: BeaconBody[] = [];
  let parts: string[] = [];
  let group: FeedbackEvent[] = [];
  let size = overhead;
  const close = () => {
    bodies.push({ body: `${head}[${parts.join(',')}]}`, events: group });
    parts = [];
    group = [];
    size = overhead;
  };
  for (const event of events) {
    const json = JSON.stringify(event);
    const bytes = utf8Length(json);
    if (parts.length > 0 && size + 1 + bytes > maxBytes) close();
    size += bytes + (parts.length > 0 ? 1 : 0);
    parts.push(json);
    group.push(event);
  }
  if (parts.length > 0) close();
  return bodies;
}
