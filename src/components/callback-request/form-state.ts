/**
 * The callback form's rules as pure functions: validation, the payload, the
 * bot check and the request's states. The element only renders them.
 */
import type { CallbackPayload } from '../../context/event.js';
import { countCharacters, sanitizeText } from '../../context/text.js';
import type { CallbackRequestMessage } from './strings.js';
import { checkPhone, PHONE_MAX_DIGITS, PHONE_MIN_DIGITS, type PhoneProblem } from './phone.js';

/** Longest topic sent, in characters. */
export const TOPIC_MAX_LENGTH = 500;
/** Longest name sent, in characters. */
export const NAME_MAX_LENGTH = 100;
/** Default minimum time between showing the form and a submission a person could make, in ms. */
export const DEFAULT_MIN_FILL_MS = 1500;

/** One choice of when to call: `id` goes on the wire, `label` is shown, `when` completes "We'll call you …". */
export interface CallbackWindowOption {
  id: string;
  label: string;
  when?: string;
}

/** What the visitor typed, as the form holds it. */
export interface CallbackFormValues {
  name: string;
  phone: string;
  window: string;
  topic: string;
  consent: boolean;
}

export type CallbackField = keyof CallbackFormValues;

/** The order fields appear in, which is the order focus looks for the first invalid one. */
export const FIELD_ORDER: readonly CallbackField[] = ['name', 'phone', 'window', 'topic', 'consent'];

/** A message id and its placeholder values, so the element can localise it. */
export interface FieldError {
  key: CallbackRequestMessage;
  values?: Record<string, string | number>;
}

export type FieldErrors = Partial<Record<CallbackField, FieldError>>;

const PHONE_MESSAGES: Record<PhoneProblem, CallbackRequestMessage> = {
  empty: 'phoneRequired',
  characters: 'phoneCharacters',
  plus: 'phonePlus',
  'too-short': 'phoneLength',
  'too-long': 'phoneLength',
};

export function emptyValues(window = ''): CallbackFormValues {
  return { name: '', phone: '', window, topic: '', consent: false };
}

/** The problem with one field, or `undefined` when it is fine. */
export function validateField(
  field: CallbackField,
  values: CallbackFormValues,
  windowIds: readonly string[],
): FieldError | undefined {
  switch (field) {
    case 'name':
      return sanitizeText(values.name, NAME_MAX_LENGTH) === '' ? { key: 'nameRequired' } : undefined;
    case 'phone': {
      const phone = checkPhone(values.phone);
      if (phone.valid) return undefined;
      return { key: PHONE_MESSAGES[phone.problem], values: { min: PHONE_MIN_DIGITS, max: PHONE_MAX_DIGITS } };
    }
    case 'window':
      return windowIds.includes(values.window) ? undefined : { key: 'windowRequired' };
    case 'topic':
      return countCharacters(values.topic.trim()) > TOPIC_MAX_LENGTH
        ? { key: 'topicTooLong', values: { max: TOPIC_MAX_LENGTH } }
        : undefined;
    case 'consent':
      return values.consent ? undefined : { key: 'consentRequired' };
  }
}

/** Every field's problem; an empty object means the form may be sent. */
export function validateCallback(values: CallbackFormValues, windowIds: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of FIELD_ORDER) {
    const error = validateField(field, values, windowIds);
    if (error) errors[field] = error;
  }
  return errors;
}

/** The invalid fields in form order; focus goes to the first. */
export function invalidFields(errors: FieldErrors): CallbackField[] {
  return FIELD_ORDER.filter((field) => errors[field] !== undefined);
}

/** The wire payload for values that passed `validateCallback`; `undefined` if they did not. */
export function buildCallbackPayload(
  values: CallbackFormValues,
  extra: { timeZone: string; replyTo?: string },
): CallbackPayload | undefined {
  const phone = checkPhone(values.phone);
  if (!phone.valid || !values.consent) return undefined;
  const name = sanitizeText(values.name, NAME_MAX_LENGTH);
  if (name === '') return undefined;
  const payload: CallbackPayload = {
    name,
    phone: phone.normalized,
    window: values.window,
    topic: sanitizeText(values.topic, TOPIC_MAX_LENGTH),
    consent: true,
    timeZone: extra.timeZone,
  };
  if (extra.replyTo) payload.replyTo = extra.replyTo;
  return payload;
}

/**
 * Whether a submission looks automated: the hidden honeypot was filled, or the
 * form was sent faster than a person could fill it. Such a submission is
 * dropped silently, so a bot learns nothing to adapt to.
 */
export function isLikelyBot(check: { honeypot: string; shownAt: number; now: number; minFillMs: number }): boolean {
  if (check.honeypot.trim() !== '') return true;
  return check.now - check.shownAt < check.minFillMs;
}

/** What `visitorTimeZone` reads of Temporal, where the browser has it. */
interface TemporalNow {
  Now?: { timeZoneId?(): string };
}

/**
 * The visitor's IANA time zone, or '' where the browser cannot say. Temporal
 * first: `Temporal.Now.timeZoneId()` answers in well under a millisecond,
 * while the first `Intl.DateTimeFormat` on a page loads the locale data and
 * took 50–80 ms in Chromium, on the way to the form's first render.
 */
export function visitorTimeZone(): string {
  try {
    const fromTemporal = (globalThis as { Temporal?: TemporalNow }).Temporal?.Now?.timeZoneId?.();
    if (fromTemporal) return fromTemporal;
  } catch {
    // Fall back to Intl.
  }
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    return '';
  }
}

/**
 * The request's life: `editing` → `sending` → `confirmed`; `still-trying`
 * while the transport retries on its own; `failed` when it gave up and
 * `not-sent` when nothing was handed over (no endpoint, or a listener
 * cancelled `feelback-submit`). The last two keep the values and allow a retry.
 */
export type RequestStatus = 'editing' | 'sending' | 'still-trying' | 'failed' | 'not-sent' | 'confirmed';

export type RequestAction =
  | { type: 'submit' }
  | { type: 'sent' }
  | { type: 'error'; willRetry: boolean }
  | { type: 'refused' }
  | { type: 'reset' };

const IN_FLIGHT: readonly RequestStatus[] = ['sending', 'still-trying'];

/** The next status; an action that does not apply leaves the status as it is. */
export function nextStatus(status: RequestStatus, action: RequestAction): RequestStatus {
  switch (action.type) {
    case 'submit':
      return status === 'editing' || status === 'failed' || status === 'not-sent' ? 'sending' : status;
    case 'sent':
      // A late success after a reported failure still means someone will call.
      return IN_FLIGHT.includes(status) || status === 'failed' ? 'confirmed' : status;
    case 'error':
      if (!IN_FLIGHT.includes(status)) return status;
      return action.willRetry ? 'still-trying' : 'failed';
    case 'refused':
      // Nothing reached the transport, whatever was reported on the way (e.g. "no endpoint").
      return IN_FLIGHT.includes(status) || status === 'failed' ? 'not-sent' : status;
    case 'reset':
      return 'editing';
  }
}

/** Whether the form is waiting on the transport (fields locked, button disabled). */
export function isInFlight(status: RequestStatus): boolean {
  return IN_FLIGHT.includes(status);
}
