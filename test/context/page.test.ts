import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageContext, pageUrl, referrerUrl, resetSessionId, sessionId } from '../../src/context/page.js';

describe('pageUrl', () => {
  it('sends origin and path only by default: tokens in the query or hash stay on the page', () => {
    expect(pageUrl('https://shop.example/orders/42?token=abc&email=a%40b.c#access_token=xyz')).toBe(
      'https://shop.example/orders/42',
    );
  });

  it('keeps query and hash when the site opts in', () => {
    expect(pageUrl('https://shop.example/search?q=shoes#results', true)).toBe('https://shop.example/search?q=shoes#results');
  });

  it('never sends a user name or password, even with the query opted in', () => {
    expect(pageUrl('https://alice:hunter2@shop.example/a?b=1', true)).toBe('https://shop.example/a?b=1');
    expect(pageUrl('https://alice:hunter2@shop.example/a')).toBe('https://shop.example/a');
  });

  it('gives an empty string for something that is not a URL', () => {
    expect(pageUrl('not a url')).toBe('');
  });
});

describe('referrerUrl', () => {
  const referrer = 'https://search.example/results?q=my+account+number#top';

  it('sends only the origin by default', () => {
    expect(referrerUrl(referrer)).toBe('https://search.example');
    expect(referrerUrl(referrer, 'origin')).toBe('https://search.example');
    expect(referrerUrl(referrer, true)).toBe('https://search.example');
  });

  it('"full" keeps the path; the query and hash only with includeQuery', () => {
    expect(referrerUrl(referrer, 'full')).toBe('https://search.example/results');
    expect(referrerUrl(referrer, 'full', true)).toBe(referrer);
  });

  it('"none" and false send nothing', () => {
    expect(referrerUrl(referrer, 'none')).toBe('');
    expect(referrerUrl(referrer, false)).toBe('');
  });

  it('an empty or broken referrer is sent as an empty string', () => {
    expect(referrerUrl('')).toBe('');
    expect(referrerUrl('::::')).toBe('');
  });
});

describe('sessionId', () => {
  beforeEach(() => {
    sessionStorage.clear();
    resetSessionId();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    sessionStorage.clear();
    resetSessionId();
  });

  it('is a random UUID, the same for every event of the tab, and kept in sessionStorage (no cookie)', () => {
    const first = sessionId();
    expect(first).toBeUuidV4();
    expect(sessionId()).toBe(first);
    expect(sessionStorage.getItem('feelback:session')).toBe(first);
    expect(document.cookie).toBe('');
  });

  it('survives a reload of the tab: a fresh page reads the stored id', () => {
    const first = sessionId();
    resetSessionId(); // what a reload does to module memory
    expect(sessionId()).toBe(first);
  });

  it('a new tab (empty sessionStorage, fresh memory) gets a different id', () => {
    const first = sessionId();
    sessionStorage.clear();
    resetSessionId();
    expect(sessionId()).not.toBe(first);
  });

  it('falls back to a stable in-memory id when sessionStorage throws', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const first = sessionId();
    expect(first).toBeUuidV4();
    expect(sessionId()).toBe(first);
  });

  it('keeps the same id when storage fills up mid-page', () => {
    const first = sessionId();
    sessionStorage.clear();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(sessionId()).toBe(first);
  });

  it('ignores a stored value that is not an id it wrote', () => {
    sessionStorage.setItem('feelback:session', '<script>');
    const id = sessionId();
    expect(id).toBeUuidV4();
    expect(sessionStorage.getItem('feelback:session')).toBe(id);
  });
});

describe('pageContext', () => {
  it('carries the stripped URL, locale, viewport and session id', () => {
    history.replaceState(null, '', '/checkout/done?order=123&email=x%40y.z#paid');
    const context = pageContext('fr', {});
    expect(context.url).toBe(`${location.origin}/checkout/done`);
    expect(context.locale).toBe('fr');
    expect(context.viewport).toEqual({ width: innerWidth, height: innerHeight });
    expect(context.sessionId).toBe(sessionId());
    expect(pageContext('fr', { includeQuery: true }).url).toBe(`${location.origin}/checkout/done?order=123&email=x%40y.z#paid`);
  });
});
