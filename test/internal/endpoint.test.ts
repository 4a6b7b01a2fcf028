import { afterEach, describe, expect, it } from 'vitest';
import { resolveEndpoint } from '../../src/internal/endpoint.js';

const RealURL = globalThis.URL;

/** Counts `new URL(…)` calls while `run` runs. */
function countUrls(run: () => void): number {
  let count = 0;
  globalThis.URL = class extends RealURL {
    constructor(...args: ConstructorParameters<typeof URL>) {
      super(...args);
      count++;
    }
  } as typeof URL;
  try {
    run();
  } finally {
    globalThis.URL = RealURL;
  }
  return count;
}

afterEach(() => {
  globalThis.URL = RealURL;
  history.replaceState(null, '', '/');
});

describe('resolveEndpoint', () => {
  it('resolves relative endpoints against the page and refuses other schemes', () => {
    expect(resolveEndpoint('/collect')).toBe(new URL('/collect', document.baseURI).href);
    expect(resolveEndpoint(' https://collect.example.com/a ')).toBe('https://collect.example.com/a');
    expect(resolveEndpoint('javascript:alert(1)')).toBeUndefined();
    expect(resolveEndpoint('data:text/plain,x')).toBeUndefined();
    expect(resolveEndpoint('http://[bad')).toBeUndefined();
    expect(resolveEndpoint('  ')).toBeUndefined();
    expect(resolveEndpoint(null)).toBeUndefined();
  });

  it('parses one endpoint once for the page, however many widgets ask', () => {
    const value = `/collect-${Math.random()}`;
    let results: Array<string | undefined> = [];
    expect(countUrls(() => (results = Array.from({ length: 50 }, () => resolveEndpoint(value))))).toBe(1);
    expect(new Set(results)).toEqual(new Set([new URL(value, document.baseURI).href]));
    // A refused one is remembered too.
    expect(countUrls(() => Array.from({ length: 50 }, () => resolveEndpoint('javascript:void 0')))).toBeLessThanOrEqual(1);
  });

  it('resolves a relative endpoint anew when the page URL changes', () => {
    history.replaceState(null, '', '/shop/cart');
    expect(resolveEndpoint('collect')).toBe(new URL('/shop/collect', document.baseURI).href);
    history.replaceState(null, '', '/blog/post');
    expect(resolveEndpoint('collect')).toBe(new URL('/blog/collect', document.baseURI).href);
  });
});
