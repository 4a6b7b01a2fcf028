import { describe, expect, it } from 'vitest';
import {
  compileUrlRules,
  DAY_MS,
  isExitIntent,
  isSampledIn,
  matchesUrl,
  parseDelay,
  parseSample,
  parseScroll,
  RageClickDetector,
  refusal,
  scrolledPercent,
  type OpenRules,
} from '../../../src/components/launcher/decide.js';

const matches = (spec: string, path: string, query = '') => matchesUrl(compileUrlRules(spec), path, query);

describe('URL rules', () => {
  it('match every page when none are given', () => {
    expect(matches('', '/anything')).toBe(true);
  });

  it('match globs against the path, * spanning slashes', () => {
    expect(matches('/checkout/thanks*', '/checkout/thanks')).toBe(true);
    expect(matches('/checkout/thanks*', '/checkout/thanks/42')).toBe(true);
    expect(matches('/checkout/thanks*', '/checkout')).toBe(false);
    expect(matches('/docs/*/faq', '/docs/a/b/faq')).toBe(true);
    expect(matches('/', '/pricing')).toBe(false);
  });

  it('ignore the query unless the pattern has one', () => {
    expect(matches('/search', '/search', '?q=shoes')).toBe(true);
    expect(matches('/search?q=*', '/search', '?q=shoes')).toBe(true);
    expect(matches('/search?q=*', '/search', '')).toBe(false);
    expect(matches('/search?plan=pro', '/search', '?plan=free')).toBe(false);
  });

  it('exclude with a leading !, which wins over any include', () => {
    expect(matches('!/admin/*', '/admin/users')).toBe(false);
    expect(matches('!/admin/*', '/shop')).toBe(true);
    expect(matches('/* !/account/*', '/account/settings')).toBe(false);
    expect(matches('/* !/account/*', '/cart')).toBe(true);
  });

  it('treat regexp characters literally', () => {
    expect(matches('/a.b', '/a.b')).toBe(true);
    expect(matches('/a.b', '/axb')).toBe(false);
    expect(matches('/(x)+', '/(x)+')).toBe(true);
  });

  it('report invalid patterns, skip them, and match nothing when none is usable', () => {
    const invalid: string[] = [];
    const rules = compileUrlRules('checkout/* /cart !', (pattern) => invalid.push(pattern));
    expect(invalid).toEqual(['checkout/*', '!']);
    expect(matchesUrl(rules, '/cart')).toBe(true);
    expect(matchesUrl(rules, '/checkout/1')).toBe(false);
    const none = compileUrlRules('checkout/*', () => {});
    expect(matchesUrl(none, '/checkout/1')).toBe(false);
    expect(matchesUrl(none, '/')).toBe(false);
  });
});

describe('sampling', () => {
  it('parses shares between 0 and 1, and percentages', () => {
    expect(parseSample('0.25')).toBe(0.25);
    expect(parseSample('25%')).toBe(0.25);
    expect(parseSample('1')).toBe(1);
    expect(parseSample('0')).toBe(0);
    for (const bad of ['1.5', '-0.1', 'abc', 'NaN', '']) expect(parseSample(bad), bad).toBeUndefined();
  });

  it('asks the visitors whose stable draw falls within the share', () => {
    expect(isSampledIn(0.1, 0.25)).toBe(true);
    expect(isSampledIn(0.3, 0.25)).toBe(false);
    expect(isSampledIn(0.99, undefined)).toBe(true);
    expect(isSampledIn(0, 0)).toBe(false);
  });
});

describe('refusal (the waits, sampling and one-at-a-time)', () => {
  const now = Date.UTC(2026, 0, 10);
  const base: OpenRules = { now, record: { draw: 0.5 }, page: {}, answeredDays: 90, dismissedDays: 7, recontactDays: 1, anotherOpen: false };

  it('allows a first visit', () => {
    expect(refusal(base)).toBeUndefined();
  });

  it('keeps a visitor outside the sample out, on every check', () => {
    expect(refusal({ ...base, sample: 0.25 })).toBe('sampled-out');
    expect(refusal({ ...base, sample: 0.75 })).toBeUndefined();
  });

  it('waits answered-days after an answer, then asks again', () => {
    const record = { draw: 0.5, answeredAt: now - 89 * DAY_MS };
    expect(refusal({ ...base, record })).toBe('answered');
    expect(refusal({ ...base, record, now: now + 2 * DAY_MS })).toBeUndefined();
    expect(refusal({ ...base, record, answeredDays: 0 })).toBeUndefined();
  });

  it('waits dismissed-days after a dismiss: not forever', () => {
    const record = { draw: 0.5, dismissedAt: now - 6 * DAY_MS };
    expect(refusal({ ...base, record })).toBe('dismissed');
    expect(refusal({ ...base, record, now: now + DAY_MS })).toBeUndefined();
  });

  it('holds every launcher for the re-contact wait after any one opened', () => {
    expect(refusal({ ...base, page: { openedAt: now - 3_600_000 } })).toBe('recontact');
    expect(refusal({ ...base, page: { openedAt: now - DAY_MS } })).toBeUndefined();
    expect(refusal({ ...base, page: { openedAt: now - 60_000 }, recontactDays: 0 })).toBeUndefined();
  });

  it('never opens over another open launcher', () => {
    expect(refusal({ ...base, recontactDays: 0, anotherOpen: true })).toBe('another-open');
  });
});

describe('trigger helpers', () => {
  it('parses delay seconds and scroll percentages, rejecting nonsense', () => {
    expect(parseDelay('3')).toBe(3000);
    expect(parseDelay('0.5')).toBe(500);
    expect(parseDelay('-1')).toBeUndefined();
    expect(parseDelay('soon')).toBeUndefined();
    expect(parseScroll('50')).toBe(50);
    expect(parseScroll('75%')).toBe(75);
    expect(parseScroll('150')).toBeUndefined();
    expect(parseScroll('')).toBeUndefined();
  });

  it('measures scroll depth by the bottom of the viewport', () => {
    expect(scrolledPercent(0, 800, 800)).toBe(100);
    expect(scrolledPercent(0, 500, 1000)).toBe(50);
    expect(scrolledPercent(500, 500, 1000)).toBe(100);
  });

  it('sees exit intent only when the pointer leaves through the top', () => {
    expect(isExitIntent(-2, true)).toBe(true);
    expect(isExitIntent(0, true)).toBe(true);
    expect(isExitIntent(300, true)).toBe(false);
    expect(isExitIntent(-2, false)).toBe(false);
  });

  it('detects rage clicks: three quick clicks on one spot, not slow or scattered ones', () => {
    const rage = new RageClickDetector();
    expect(rage.add({ x: 10, y: 10, time: 0 })).toBe(false);
    expect(rage.add({ x: 12, y: 11, time: 200 })).toBe(false);
    expect(rage.add({ x: 11, y: 9, time: 400 })).toBe(true);

    const slow = new RageClickDetector();
    expect([0, 800, 1600].map((time) => slow.add({ x: 0, y: 0, time }))).toEqual([false, false, false]);
    const scattered = new RageClickDetector();
    expect([0, 100, 200].map((time, i) => scattered.add({ x: i * 200, y: 0, time }))).toEqual([false, false, false]);
  });
});
