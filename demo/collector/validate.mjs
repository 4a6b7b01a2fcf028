// Schema for wire format v1 (DESIGN §4, README "Wire format", src/context/event.ts), written out by hand:
// the rules are few, and a hand-written check can name the exact field that is wrong.
//
// A batch that passes comes back *canonical*: rebuilt field by field from what the wire format
// defines, so nothing else a client sends is ever stored (DESIGN §8: "unknown fields dropped").
// Text is cleaned of control characters and lone surrogates, ids are lower-cased, dates are real
// calendar dates written back in UTC. The store keeps exactly this, beside its own `receivedAt`.

/** @typedef {import('../../src/context/event.js').FeedbackEvent} FeedbackEvent */
/** @typedef {import('../../src/context/event.js').FeedbackBatch} FeedbackBatch */

/**
 * A wire-format event as the collector stores it. The launcher's `shown` and
 * `dismissed` events (DESIGN §4, §7) carry `launcher`.
 * @typedef {Omit<FeedbackEvent, 'type'> & {
 *   type: EventType,
 *   launcher?: { id: string, display: string, trigger: string, reason?: string },
 * }} CanonicalEvent
 */

/**
 * @typedef {{ ok: true, batch: { v: 1, sentAt: string, events: CanonicalEvent[] } }
 *   | { ok: false, field: string, message: string }} BatchCheck
 */

export const EVENT_TYPES = /** @type {const} */ (['rating', 'feeling', 'comment', 'callback', 'shown', 'dismissed']);
/** @typedef {typeof EVENT_TYPES[number]} EventType */
/** Event types that are a visitor's answer (counted once per visitor, widget and type on the results page). */
export const ANSWER_TYPES = /** @type {const} */ (['rating', 'feeling']);
export const VITAL_NAMES = /** @type {const} */ (['LCP', 'INP', 'CLS', 'FCP', 'TTFB']);
export const VITAL_RATINGS = /** @type {const} */ (['good', 'needs-improvement', 'poor']);
export const LAUNCHER_DISPLAYS = /** @type {const} */ (['popover', 'modal', 'tab', 'inline']);

/** Limits a well-behaved client stays far inside; they keep one bad client from filling the store. */
export const LIMITS = {
  /** Most events in one request (the transport batches 20 by default). */
  eventsPerBatch: 500,
  /** Identifiers: widget ids, scale names, feeling ids, time zones, locales, session ids. */
  name: 200,
  /** URLs and referrers: longer ones (a site that sends query strings) are cut to this, not refused. */
  url: 2048,
  /** Comment text: the library caps at 1,000 by default; a site may raise it to 10,000 (`maxlength`). */
  commentText: 10_000,
  callbackName: 200,
  callbackTopic: 500,
  /** Serialised `metadata`, after cleaning. */
  metadata: 8192,
  /** Nesting inside `metadata` (a flat object of page facts is what sites send). */
  metadataDepth: 8,
  /** Nesting of objects and arrays in the whole body; the wire format needs 5. */
  depth: 32,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// ISO 8601 date-time with a zone, as Date#toISOString() and most servers write it.
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;
// The library sends phones normalised: an optional leading + and 7 to 15 digits.
const NORMALISED_PHONE = /^\+?\d{7,15}$/;

// C0 and C1 controls. Free text keeps tab, line feed and carriage return, which people type;
// single-line names keep none.
// eslint-disable-next-line no-control-regex
const CONTROLS_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS_IN_NAME = /[\u0000-\u001F\u007F-\u009F]/g;
// A high surrogate not followed by a low one, or a low one not preceded by a high one: not
// text, and invalid in UTF-8 (PostgreSQL refuses it, browsers show U+FFFD).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

class SchemaError extends Error {
  /**
   * @param {string} field
   * @param {string} message
   */
  constructor(field, message) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

/**
 * Removes control characters and lone surrogates.
 * @param {string} text
 * @param {{ multiline?: boolean }} [options] keep tabs and line breaks (free text)
 */
export function cleanText(text, { multiline = false } = {}) {
  return text.replace(multiline ? CONTROLS_IN_TEXT : CONTROLS_IN_NAME, '').replace(LONE_SURROGATE, '');
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @param {unknown} value @param {string} field @returns {Record<string, unknown>} */
function object(value, field) {
  if (!isObject(value)) throw new SchemaError(field, 'must be an object');
  return value;
}

/** Characters as the library counts them (src/context/text.ts): an emoji is one, not two UTF-16 units. */
function characterCount(/** @type {string} */ text) {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * A cleaned string (see `cleanText`), checked for length after cleaning, in
 * characters as the library counts them. With `cut`, a longer one is cut to
 * `max` characters instead of refused (URLs: the answer matters more).
 * @param {unknown} value
 * @param {string} field
 * @param {{ max: number, allowEmpty?: boolean, multiline?: boolean, cut?: boolean }} options
 * @returns {string}
 */
function string(value, field, { max, allowEmpty = false, multiline = false, cut = false }) {
  if (typeof value !== 'string') throw new SchemaError(field, 'must be a string');
  const cleaned = cleanText(value, { multiline });
  if (!allowEmpty && cleaned.trim() === '') throw new SchemaError(field, 'must not be empty');
  if (cleaned.length > max && characterCount(cleaned) > max) {
    if (cut) return Array.from(cleaned).slice(0, max).join('');
    throw new SchemaError(field, `must be at most ${max} characters`);
  }
  return cleaned;
}

/** @param {unknown} value @param {string} field @returns {number} */
function finiteNumber(value, field) {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new SchemaError(field, 'must be a finite number');
  return value;
}

/** @param {unknown} value @param {string} field @returns {string} */
function uuid(value, field) {
  if (typeof value !== 'string' || !UUID.test(value)) throw new SchemaError(field, 'must be a UUID');
  return value.toLowerCase();
}

/** @param {number} year @param {number} month 1–12 */
function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A real ISO 8601 date-time (no 30 February, no hour 25), returned in UTC as
 * `Date#toISOString()` writes it, so text order is time order.
 * @param {unknown} value @param {string} field @returns {string}
 */
export function isoDateTime(value, field) {
  const invalid = () => new SchemaError(field, 'must be an ISO 8601 date-time, e.g. 2025-01-31T12:00:00.000Z');
  const match = typeof value === 'string' ? ISO_DATE_TIME.exec(value) : null;
  if (!match) throw invalid();
  const [year, month, day, hour, minute, second, offsetHour, offsetMinute] = match.slice(1).map((part) => Number(part ?? 0));
  const real =
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) &&
    hour <= 23 && minute <= 59 && second <= 59 && offsetHour <= 23 && offsetMinute <= 59;
  const time = Date.parse(/** @type {string} */ (value));
  if (!real || Number.isNaN(time)) throw invalid();
  const utcYear = new Date(time).getUTCFullYear();
  if (utcYear < 1000 || utcYear > 9999) throw invalid();
  return new Date(time).toISOString();
}

/**
 * @template {string} T
 * @param {unknown} value @param {string} field @param {readonly T[]} allowed
 * @returns {T}
 */
function oneOf(value, field, allowed) {
  if (!allowed.includes(/** @type {T} */ (value))) {
    throw new SchemaError(field, `must be one of ${allowed.map((item) => JSON.stringify(item)).join(', ')}`);
  }
  return /** @type {T} */ (value);
}

/** @param {unknown} value @param {string} field */
function rating(value, field) {
  const given = object(value, field);
  const scale = string(given.scale, `${field}.scale`, { max: LIMITS.name });
  const min = finiteNumber(given.min, `${field}.min`);
  const max = finiteNumber(given.max, `${field}.max`);
  if (max < min) throw new SchemaError(`${field}.max`, 'must not be less than min');
  const score = finiteNumber(given.value, `${field}.value`);
  if (score < min || score > max) throw new SchemaError(`${field}.value`, `must be between min (${min}) and max (${max})`);
  return { scale, value: score, min, max };
}

/** @param {unknown} value @param {string} field */
function feeling(value, field) {
  const given = object(value, field);
  return { id: string(given.id, `${field}.id`, { max: LIMITS.name }), score: finiteNumber(given.score, `${field}.score`) };
}

/** @param {unknown} value @param {string} field */
function comment(value, field) {
  const given = object(value, field);
  return {
    text: string(given.text, `${field}.text`, { max: LIMITS.commentText, multiline: true }),
    replyTo: uuid(given.replyTo, `${field}.replyTo`),
  };
}

/** @param {unknown} value @param {string} field */
function callback(value, field) {
  const given = object(value, field);
  const name = string(given.name, `${field}.name`, { max: LIMITS.callbackName });
  if (typeof given.phone !== 'string' || !NORMALISED_PHONE.test(given.phone)) {
    throw new SchemaError(`${field}.phone`, 'must be a normalised phone number: an optional + and 7 to 15 digits');
  }
  const window = string(given.window, `${field}.window`, { max: LIMITS.name });
  const topic = string(given.topic, `${field}.topic`, { max: LIMITS.callbackTopic, allowEmpty: true, multiline: true });
  if (given.consent !== true) throw new SchemaError(`${field}.consent`, 'must be true');
  // Empty when the visitor's browser could not say (form-state.ts, visitorTimeZone()).
  const timeZone = string(given.timeZone, `${field}.timeZone`, { max: LIMITS.name, allowEmpty: true });
  /** @type {NonNullable<FeedbackEvent['callback']>} */
  const canonical = { name, phone: given.phone, window, topic, consent: true, timeZone };
  if (given.replyTo !== undefined) canonical.replyTo = uuid(given.replyTo, `${field}.replyTo`);
  return canonical;
}

/** @param {unknown} value @param {string} field */
function launcher(value, field) {
  const given = object(value, field);
  /** @type {NonNullable<CanonicalEvent['launcher']>} */
  const canonical = {
    id: string(given.id, `${field}.id`, { max: LIMITS.name }),
    display: oneOf(given.display, `${field}.display`, LAUNCHER_DISPLAYS),
    // Trigger and reason names are open-ended (DESIGN §7 may add triggers); they are names, bounded like names.
    trigger: string(given.trigger, `${field}.trigger`, { max: LIMITS.name }),
  };
  if (given.reason !== undefined) canonical.reason = string(given.reason, `${field}.reason`, { max: LIMITS.name });
  return canonical;
}

/** @param {unknown} value @param {string} field */
function context(value, field) {
  const given = object(value, field);
  const viewport = object(given.viewport, `${field}.viewport`);
  /** @type {FeedbackEvent['context']} */
  const canonical = {
    url: string(given.url, `${field}.url`, { max: LIMITS.url, allowEmpty: true, cut: true }),
    referrer: string(given.referrer, `${field}.referrer`, { max: LIMITS.url, allowEmpty: true, cut: true }),
    locale: string(given.locale, `${field}.locale`, { max: LIMITS.name }),
    viewport: {
      width: finiteNumber(viewport.width, `${field}.viewport.width`),
      height: finiteNumber(viewport.height, `${field}.viewport.height`),
    },
    sessionId: string(given.sessionId, `${field}.sessionId`, { max: LIMITS.name }),
  };
  if (given.vitals === undefined) return canonical;
  const vitals = object(given.vitals, `${field}.vitals`);
  /** @type {NonNullable<FeedbackEvent['context']['vitals']>} */
  const kept = {};
  // Metrics a later web-vitals may add are dropped, not refused: the answer they came with still counts.
  for (const name of VITAL_NAMES) {
    if (vitals[name] === undefined) continue;
    const vitalField = `${field}.vitals.${name}`;
    const measured = object(vitals[name], vitalField);
    kept[name] = {
      value: finiteNumber(measured.value, `${vitalField}.value`),
      rating: oneOf(measured.rating, `${vitalField}.rating`, VITAL_RATINGS),
    };
  }
  canonical.vitals = kept;
  return canonical;
}

/**
 * `metadata` is the site's own (DESIGN §4): kept, but as plain JSON with its
 * text cleaned, and bounded in nesting and size.
 * @param {unknown} value @param {string} field
 */
function metadata(value, field) {
  object(value, field);
  /** @param {unknown} item @param {number} depth @returns {unknown} */
  const copy = (item, depth) => {
    if (typeof item === 'string') return cleanText(item, { multiline: true });
    if (typeof item === 'number') return Number.isFinite(item) ? item : null;
    if (typeof item === 'boolean' || item === null) return item;
    if (depth >= LIMITS.metadataDepth) throw new SchemaError(field, `must not nest deeper than ${LIMITS.metadataDepth} levels`);
    if (Array.isArray(item)) return item.map((child) => copy(child, depth + 1));
    // Object.fromEntries defines own properties, so a key named __proto__ stays a plain key.
    return Object.fromEntries(
      Object.entries(/** @type {object} */ (item)).map(([key, child]) => [cleanText(key), copy(child, depth + 1)]),
    );
  };
  const canonical = /** @type {Record<string, unknown>} */ (copy(value, 0));
  if (JSON.stringify(canonical).length > LIMITS.metadata) {
    throw new SchemaError(field, `must serialise to at most ${LIMITS.metadata} characters`);
  }
  return canonical;
}

/**
 * Whether `value` nests deeper than `limit`. Iterative: a recursive walk (or
 * JSON.stringify) of a 60 KB `[[[[…]]]]` overflows the stack.
 * @param {unknown} value @param {number} limit
 */
function nestsDeeperThan(value, limit) {
  /** @type {Array<[unknown, number]>} */
  const stack = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = /** @type {[unknown, number]} */ (stack.pop());
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The payload each type carries, and how to make it canonical. An event keeps
 * only its own type's payload: a rating event's stray `callback` is not stored.
 */
const PAYLOADS = {
  rating: { key: 'rating', canonical: rating },
  feeling: { key: 'feeling', canonical: feeling },
  comment: { key: 'comment', canonical: comment },
  callback: { key: 'callback', canonical: callback },
  shown: { key: 'launcher', canonical: launcher },
  dismissed: { key: 'launcher', canonical: launcher },
};

/**
 * One event, checked and rebuilt from wire-format fields only.
 * @param {unknown} value @param {string} field
 * @returns {CanonicalEvent}
 */
export function canonicalEvent(value, field = 'event') {
  const given = object(value, field);
  const id = uuid(given.id, `${field}.id`);
  const type = oneOf(given.type, `${field}.type`, EVENT_TYPES);
  const widget = string(given.widget, `${field}.widget`, { max: LIMITS.name });
  const createdAt = isoDateTime(given.createdAt, `${field}.createdAt`);
  const payload = PAYLOADS[type];
  if (given[payload.key] === undefined) throw new SchemaError(`${field}.${payload.key}`, `is required for a "${type}" event`);
  const canonical = /** @type {CanonicalEvent} */ ({ id, type, widget, createdAt });
  /** @type {any} */ (canonical)[payload.key] = payload.canonical(given[payload.key], `${field}.${payload.key}`);
  canonical.context = context(given.context, `${field}.context`);
  if (given.metadata !== undefined) canonical.metadata = metadata(given.metadata, `${field}.metadata`);
  return canonical;
}

/**
 * Checks a parsed request body against wire format v1. A batch is all or
 * nothing: one bad event rejects the request, and the answer names it.
 * The events come back canonical (see the top of this file).
 *
 * @param {unknown} body
 * @returns {BatchCheck}
 */
export function validateBatch(body) {
  try {
    const batch = object(body, 'body');
    if (nestsDeeperThan(batch, LIMITS.depth)) throw new SchemaError('body', `must not nest deeper than ${LIMITS.depth} levels`);
    if (batch.v !== 1) throw new SchemaError('v', 'must be 1 (wire format v1)');
    const sentAt = isoDateTime(batch.sentAt, 'sentAt');
    if (!Array.isArray(batch.events)) throw new SchemaError('events', 'must be an array');
    if (batch.events.length === 0) throw new SchemaError('events', 'must contain at least one event');
    if (batch.events.length > LIMITS.eventsPerBatch) {
      throw new SchemaError('events', `must contain at most ${LIMITS.eventsPerBatch} events`);
    }
    const events = batch.events.map((event, index) => canonicalEvent(event, `events[${index}]`));
    return { ok: true, batch: { v: 1, sentAt, events } };
  } catch (error) {
    if (error instanceof SchemaError) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}
