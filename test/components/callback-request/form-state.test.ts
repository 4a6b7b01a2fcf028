import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildCallbackPayload,
  emptyValues,
  invalidFields,
  isLikelyBot,
  nextStatus,
  validateCallback,
  visitorTimeZone,
  type CallbackFormValues,
  type RequestAction,
  type RequestStatus,
} from '../../../src/components/callback-request/form-state.js';

const WINDOWS = ['asap', 'morning', 'afternoon', 'evening'];
const good: CallbackFormValues = {
  name: '  Ada Lovelace ',
  phone: '+44 (0)20 7946-0958',
  window: 'afternoon',
  topic: '  My order arrived broken\u0007 ',
  consent: true,
};

describe('validateCallback', () => {
  it('accepts a complete request', () => {
    expect(validateCallback(good, WINDOWS)).toEqual({});
  });

  it('names each problem with a specific message, in form order', () => {
    const errors = validateCallback({ ...emptyValues('asap'), name: '  ', phone: '12 34' }, WINDOWS);
    expect(invalidFields(errors)).toEqual(['name', 'phone', 'consent']);
    expect(errors.name).toEqual({ key: 'nameRequired' });
    expect(errors.phone).toEqual({ key: 'phoneLength', values: { min: 7, max: 15 } });
    expect(errors.consent).toEqual({ key: 'consentRequired' });
  });

  it.each([
    ['', 'phoneRequired'],
    ['call me', 'phoneCharacters'],
    ['0207+9460958', 'phonePlus'],
    ['1234567890123456', 'phoneLength'],
  ])('phone %j → %s', (phone, key) => {
    expect(validateCallback({ ...good, phone }, WINDOWS).phone?.key).toBe(key);
  });

  it('refuses a best time outside the offered set', () => {
    expect(validateCallback({ ...good, window: 'midnight' }, WINDOWS).window).toEqual({ key: 'windowRequired' });
  });

  it('caps the topic at 500 characters, counting an emoji as one', () => {
    expect(validateCallback({ ...good, topic: '😀'.repeat(500) }, WINDOWS).topic).toBeUndefined();
    expect(validateCallback({ ...good, topic: 'x'.repeat(501) }, WINDOWS).topic).toEqual({
      key: 'topicTooLong',
      values: { max: 500 },
    });
  });
});

describe('buildCallbackPayload', () => {
  it('normalises the phone, cleans the text and carries time zone and replyTo', () => {
    expect(buildCallbackPayload(good, { timeZone: 'Europe/London', replyTo: 'feeling-1' })).toEqual({
      name: 'Ada Lovelace',
      phone: '+442079460958',
      window: 'afternoon',
      topic: 'My order arrived broken',
      consent: true,
      timeZone: 'Europe/London',
      replyTo: 'feeling-1',
    });
  });

  it('leaves replyTo out on its own and refuses values that are not valid', () => {
    expect(buildCallbackPayload(good, { timeZone: 'UTC' })).not.toHaveProperty('replyTo');
    expect(buildCallbackPayload({ ...good, consent: false }, { timeZone: 'UTC' })).toBeUndefined();
    expect(buildCallbackPayload({ ...good, phone: '123' }, { timeZone: 'UTC' })).toBeUndefined();
  });
});

describe('isLikelyBot', () => {
  const base = { honeypot: '', shownAt: 10_000, minFillMs: 1500 };

  it('lets a person through once the minimum fill time has passed', () => {
    expect(isLikelyBot({ ...base, now: 11_500 })).toBe(false);
    expect(isLikelyBot({ ...base, now: 60_000 })).toBe(false);
  });

  it('flags a submission faster than a person could fill the form', () => {
    expect(isLikelyBot({ ...base, now: 11_499 })).toBe(true);
  });

  it('flags a filled honeypot however slow', () => {
    expect(isLikelyBot({ ...base, honeypot: 'http://spam.example', now: 99_000 })).toBe(true);
  });

  it('turns the time check off with 0', () => {
    expect(isLikelyBot({ ...base, minFillMs: 0, now: 10_000 })).toBe(false);
  });
});

describe('nextStatus', () => {
  const submit: RequestAction = { type: 'submit' };
  const sent: RequestAction = { type: 'sent' };
  const retrying: RequestAction = { type: 'error', willRetry: true };
  const gaveUp: RequestAction = { type: 'error', willRetry: false };
  const refused: RequestAction = { type: 'refused' };

  it.each<[RequestStatus, RequestAction, RequestStatus]>([
    ['editing', submit, 'sending'],
    ['sending', sent, 'confirmed'],
    ['sending', retrying, 'still-trying'],
    ['still-trying', retrying, 'still-trying'],
    ['still-trying', sent, 'confirmed'],
    ['sending', gaveUp, 'failed'],
    ['still-trying', gaveUp, 'failed'],
    ['sending', refused, 'not-sent'],
    ['failed', refused, 'not-sent'],
    ['failed', submit, 'sending'],
    ['not-sent', submit, 'sending'],
    ['failed', sent, 'confirmed'],
    ['confirmed', { type: 'reset' }, 'editing'],
    // Actions that do not apply change nothing.
    ['editing', sent, 'editing'],
    ['editing', gaveUp, 'editing'],
    ['sending', submit, 'sending'],
    ['confirmed', submit, 'confirmed'],
    ['confirmed', gaveUp, 'confirmed'],
  ])('%s + %j → %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });
});

describe('visitorTimeZone', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('asks Temporal where the browser has it, without starting Intl.DateTimeFormat (its first use loads locale data)', () => {
    vi.stubGlobal('Temporal', { Now: { timeZoneId: () => 'Asia/Tokyo' } });
    const intl = vi.spyOn(Intl, 'DateTimeFormat');
    expect(visitorTimeZone()).toBe('Asia/Tokyo');
    expect(intl).not.toHaveBeenCalled();
  });

  it('falls back to Intl without Temporal, or when Temporal throws', () => {
    const fromIntl = Intl.DateTimeFormat().resolvedOptions().timeZone;
    vi.stubGlobal('Temporal', undefined);
    expect(visitorTimeZone()).toBe(fromIntl);
    vi.stubGlobal('Temporal', {
      Now: {
        timeZoneId: () => {
          throw new RangeError('no time zone');
        },
      },
    });
    expect(visitorTimeZone()).toBe(fromIntl);
  });

  it("is '' when neither can say", () => {
    vi.stubGlobal('Temporal', undefined);
    vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(() => {
      throw new Error('no Intl data');
    });
    expect(visitorTimeZone()).toBe('');
  });
});
