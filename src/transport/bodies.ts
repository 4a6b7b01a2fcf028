import { createBatch, type FeedbackEvent } from '../context/event.js';
import { utf8Length } from '../internal/utf8.js';

/**
 * Browsers refuse a beacon (and a keepalive fetch) once the bodies still in
 * flight from the page pass 64 KiB (Fetch standard, "keepalive" quota), and
 * collectors sized for beacons (the reference one) answer 413 past it, so
 * every body, fetch or beacon, stays below it with room for the envelope.
 */
export const BODY_MAX_BYTES = 64 * 1024 - 512;

/** A queued event with its JSON, serialized once for storage, every body and every retry that carries it. */
export interface Packable {
  event: FeedbackEvent;
  eventJson?: string;
  /** UTF-8 length of `eventJson`. */
  bytes?: number;
}

/** One v1 body and what it carries. */
export interface PackedBody<T extends Packable> {
  body: string;
  /** UTF-8 length of `body`. */
  bytes: number;
  items: T[];
  /** Closed by a limit (the next event did not fit, or `maxEvents`), not by running out of events. */
  full: boolean;
}

export interface PackLimits<T> {
  /** Most bytes per body; default `BODY_MAX_BYTES`. */
  maxBytes?: number;
  /** Most events per body; default no limit. */
  maxEvents?: number;
  /** Stop after this many bodies; default no limit. */
  maxBodies?: number;
  /** Which items may go; default all. */
  accept?: (item: T) => boolean;
}

/** The event's JSON, made on first use and kept. */
export function eventJson(item: Packable): string {
  return (item.eventJson ??= JSON.stringify(item.event));
}

/**
 * Packs items, in order, into as few v1 bodies (`{"v":1,"sentAt":…,"events":[…]}`)
 * as the limits allow: the one packer behind fetch and beacon bodies, so both
 * keep the same limits. An event too large for any body gets a body of its
 * own anyway (`bytes` says so): a beacon refuses it, a fetch without
 * keepalive can still carry it.
 */
export function packBodies<T extends Packable>(items: Iterable<T>, sentAt: Date, limits: PackLimits<T> = {}): Array<PackedBody<T>> {
  const { maxBytes = BODY_MAX_BYTES, maxEvents = Infinity, maxBodies = Infinity, accept } = limits;
  const envelope = JSON.stringify(createBatch([], sentAt));
  const head = envelope.slice(0, -3); // `{"v":1,"sentAt":"…","events":`
  const overhead = utf8Length(envelope);
  const bodies: Array<PackedBody<T>> = [];
  let open: T[] = [];
  let bytes = overhead;
  const close = (full: boolean) => {
    bodies.push({ body: `${head}[${open.map(eventJson).join(',')}]}`, bytes, items: open, full });
    open = [];
    bytes = overhead;
  };
  for (const item of items) {
    if (accept && !accept(item)) continue;
    eventJson(item);
    const size = (item.bytes ??= utf8Length(item.eventJson!));
    if (open.length > 0 && bytes + 1 + size > maxBytes) {
      close(true);
      if (bodies.length >= maxBodies) return bodies;
    }
    bytes += size + (open.length > 0 ? 1 : 0);
    open.push(item);
    if (open.length >= maxEvents) {
      close(true);
      if (bodies.length >= maxBodies) return bodies;
    }
  }
  if (open.length > 0) close(false);
  return bodies;
}
