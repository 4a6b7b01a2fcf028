// Schema for wire format v1 (README "Wire format", src/context/event.ts), written out by hand:
// the rules are few, and a hand-written check can name the exact field that is wrong.

/** @typedef {import('../../src/context/event.js').FeedbackEvent} FeedbackEvent */
/** @typedef {import('../../src/context/event.js').FeedbackBatch} FeedbackBatch */

/**
 * @typedef {{ ok: true, batch: FeedbackBatch } | { ok: false, field: string, message: string }} BatchCheck
 */

export const EVENT_TYPES = /** @type {const} */ (['rating', 'feeling', 'comment', 'callback']);
export const VITAL_NAMES = /** @type {const} */ (['LCP', 'INP', 'CLS', 'FCP', 'TTFB']);
export const VITAL_RATINGS = /** @type {const} */ (['good', 'needs-improvement', 'poor']);

/** Limits a well-behaved client stays far inside; they keep one bad client from filling the store. */
export const LIMITS = {
  /** Most events in one request (the transport batches 20 by default). */
  eventsPerBatch: 500,
  /** Identifiers: widget ids, scale names, feeling ids, time zones, locales. */
  name: 200,
  /** URLs and referrers. */
  url: 2048,
  /** Comment text: the library caps at 1,000 by default; a site may raise it. */
  commentText: 5000,
  callbackName: 200,
  callbackTopic: 500,
  /** Serialised `metadata`. */
  metadata: 8192,
  /** Nesting of objects and arrays in the whole body; the wire format needs 5. */
  depth: 32,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// ISO 8601 date-time with a zone, as Date#toISOString() and most servers write it.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
// The library sends phones normalised: an optional leading + and 7 to 15 digits.
const NORMALISED_PHONE = /^\+?\d{7,15}$/;

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

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @param {unknown} value @param {string} field @returns {Record<string, unknown>} */
function object(value, field) {
  if (!isObject(value)) throw new SchemaError(field, 'must be an object');
  return value;
}

/**
 * @param {unknown} value
 * @param {string} field
 * @param {{ max: number, allowEmpty?: boolean }} options
 * @returns {string}
 */
function string(value, field, { max, allowEmpty = false }) {
  if (typeof value !== 'string') throw new SchemaError(field, 'must be a string');
  if (!allowEmpty && value.trim() === '') throw new SchemaError(field, 'must not be empty');
  if (value.length > max) throw new SchemaError(field, `must be at most ${max} characters`);
  return value;
}

/** @param {unknown} value @param {string} field @returns {number} */
function finiteNumber(value, field) {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new SchemaError(field, 'must be a finite number');
  return value;
}

/** @param {unknown} value @param {string} field @returns {string} */
function uuid(value, field) {
  if (typeof value !== 'string' || !UUID.test(value)) throw new SchemaError(field, 'must be a UUID');
  return value;
}

/** @param {unknown} value @param {string} field @returns {string} */
function isoDateTime(value, field) {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw new SchemaError(field, 'must be an ISO 8601 date-time, e.g. 2025-01-31T12:00:00.000Z');
  }
  return value;
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
function checkRating(value, field) {
  const rating = object(value, field);
  string(rating.scale, `${field}.scale`, { max: LIMITS.name });
  const min = finiteNumber(rating.min, `${field}.min`);
  const max = finiteNumber(rating.max, `${field}.max`);
  if (max < min) throw new SchemaError(`${field}.max`, 'must not be less than min');
  const score = finiteNumber(rating.value, `${field}.value`);
  if (score < min || score > max) throw new SchemaError(`${field}.value`, `must be between min (${min}) and max (${max})`);
}

/** @param {unknown} value @param {string} field */
function checkFeeling(value, field) {
  const feeling = object(value, field);
  string(feeling.id, `${field}.id`, { max: LIMITS.name });
  finiteNumber(feeling.score, `${field}.score`);
}

/** @param {unknown} value @param {string} field */
function checkComment(value, field) {
  const comment = object(value, field);
  string(comment.text, `${field}.text`, { max: LIMITS.commentText });
  uuid(comment.replyTo, `${field}.replyTo`);
}

/** @param {unknown} value @param {string} field */
function checkCallback(value, field) {
  const callback = object(value, field);
  string(callback.name, `${field}.name`, { max: LIMITS.callbackName });
  if (typeof callback.phone !== 'string' || !NORMALISED_PHONE.test(callback.phone)) {
    throw new SchemaError(`${field}.phone`, 'must be a normalised phone number: an optional + and 7 to 15 digits');
  }
  string(callback.window, `${field}.window`, { max: LIMITS.name });
  string(callback.topic, `${field}.topic`, { max: LIMITS.callbackTopic, allowEmpty: true });
  if (callback.consent !== true) throw new SchemaError(`${field}.consent`, 'must be true');
  string(callback.timeZone, `${field}.timeZone`, { max: LIMITS.name });
  if (callback.replyTo !== undefined) uuid(callback.replyTo, `${field}.replyTo`);
}

/** @param {unknown} value @param {string} field */
function checkContext(value, field) {
  const context = object(value, field);
  string(context.url, `${field}.url`, { max: LIMITS.url, allowEmpty: true });
  string(context.referrer, `${field}.referrer`, { max: LIMITS.url, allowEmpty: true });
  string(context.locale, `${field}.locale`, { max: LIMITS.name });
  const viewport = object(context.viewport, `${field}.viewport`);
  finiteNumber(viewport.width, `${field}.viewport.width`);
  finiteNumber(viewport.height, `${field}.viewport.height`);
  string(context.sessionId, `${field}.sessionId`, { max: LIMITS.name });
  if (context.vitals === undefined) return;
  const vitals = object(context.vitals, `${field}.vitals`);
  for (const [name, vital] of Object.entries(vitals)) {
    const vitalField = `${field}.vitals.${name}`;
    oneOf(name, vitalField, VITAL_NAMES);
    const measured = object(vital, vitalField);
    finiteNumber(measured.value, `${vitalField}.value`);
    oneOf(measured.rating, `${vitalField}.rating`, VITAL_RATINGS);
  }
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

/** The payload each type must carry, and how to check it. */
const PAYLOADS = {
  rating: checkRating,
  feeling: checkFeeling,
  comment: checkComment,
  callback: checkCallback,
};

/** @param {unknown} value @param {string} field */
function checkEvent(value, field) {
  const event = object(value, field);
  uuid(event.id, `${field}.id`);
  const type = oneOf(event.type, `${field}.type`, EVENT_TYPES);
  string(event.widget, `${field}.widget`, { max: LIMITS.name });
  isoDateTime(event.createdAt, `${field}.createdAt`);
  if (event[type] === undefined) throw new SchemaError(`${field}.${type}`, `is required for a "${type}" event`);
  for (const payload of EVENT_TYPES) {
    if (event[payload] !== undefined) PAYLOADS[payload](event[payload], `${field}.${payload}`);
  }
  checkContext(event.context, `${field}.context`);
  if (event.metadata !== undefined) {
    object(event.metadata, `${field}.metadata`);
    if (JSON.stringify(event.metadata).length > LIMITS.metadata) {
      throw new SchemaError(`${field}.metadata`, `must serialise to at most ${LIMITS.metadata} characters`);
    }
  }
}

/**
 * Checks a parsed request body against wire format v1. A batch is all or
 * nothing: one bad event rejects the request, and the answer names it.
 * Unknown keys are kept (a newer client may add fields) and stored as received.
 *
 * @param {unknown} body
 * @returns {BatchCheck}
 */
export function validateBatch(body) {
  try {
    const batch = object(body, 'body');
    if (nestsDeeperThan(batch, LIMITS.depth)) throw new SchemaError('body', `must not nest deeper than ${LIMITS.depth} levels`);
    if (batch.v !== 1) throw new SchemaError('v', 'must be 1 (wire format v1)');
    isoDateTime(batch.sentAt, 'sentAt');
    if (!Array.isArray(batch.events)) throw new SchemaError('events', 'must be an array');
    if (batch.events.length === 0) throw new SchemaError('events', 'must contain at least one event');
    if (batch.events.length > LIMITS.eventsPerBatch) {
      throw new SchemaError('events', `must contain at most ${LIMITS.eventsPerBatch} events`);
    }
    batch.events.forEach((event, index) => checkEvent(event, `events[${index}]`));
    return { ok: true, batch: /** @type {FeedbackBatch} */ (/** @type {unknown} */ (batch)) };
  } catch (error) {
    if (error instanceof SchemaError) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}
