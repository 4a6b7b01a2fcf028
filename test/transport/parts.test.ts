import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetWarnings } from '../../src/internal/warn.js';
import { watchPageLifecycle } from '../../src/transport/lifecycle.js';
import { postBody } from '../../src/transport/request.js';
import { readSettings, TRANSPORT_DEFAULTS } from '../../src/transport/settings.js';
import { setVisibility } from './support.js';

beforeEach(() => {
  vi.useFakeTimers();
  resetWarnings();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('watchPageLifecycle', () => {
  afterEach(() => setVisibility('visible'));

  it('reports load a task later, hiding, pagehide, bfcache restore and online; stopping removes every listener', async () => {
    const calls: string[] = [];
    const stop = watchPageLifecycle({
      loaded: () => calls.push('loaded'),
      hidden: (final) => calls.push(final ? 'pagehide' : 'hidden'),
      resumed: (how) => calls.push(how),
    });
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    setVisibility('hidden');
    window.dispatchEvent(new Event('pagehide'));
    const restored = new Event('pageshow');
    Object.defineProperty(restored, 'persisted', { value: true });
    window.dispatchEvent(restored);
    window.dispatchEvent(new Event('pageshow')); // a first load, not a restore
    setVisibility('visible');
    window.dispatchEvent(new Event('online'));
    expect(calls).toEqual(['loaded', 'hidden', 'pagehide', 'restored', 'visible', 'online']);
    stop();
    setVisibility('hidden');
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(new Event('online'));
    expect(calls).toHaveLength(6);
  });

  it('stopped before the page loaded it, never reports the load', async () => {
    const loaded = vi.fn();
    watchPageLifecycle({ loaded, hidden: () => {}, resumed: () => {} })();
    await vi.advanceTimersByTimeAsync(100);
    expect(loaded).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('postBody', () => {
  const options = (fetch: typeof globalThis.fetch, signal = new AbortController().signal) => ({
    fetch,
    headers: { authorization: 'Bearer k' },
    keepalive: true,
    timeoutMs: 1000,
    signal,
  });

  it('POSTs JSON with the site headers and reads the status and Retry-After', async () => {
    const fetch = vi.fn(async () => ({ status: 429, headers: new Headers({ 'retry-after': '7' }) }) as Response);
    const result = await postBody('https://c.example/e', '{"v":1}', options(fetch));
    expect(result).toEqual({ status: 429, retryAfter: '7', error: 'HTTP 429 from https://c.example/e' });
    expect(fetch).toHaveBeenCalledWith('https://c.example/e', expect.objectContaining({
      method: 'POST',
      body: '{"v":1}',
      keepalive: true,
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
    }));
  });

  it('after a redirect, posts the body again where it led (a 302 turned the POST into an empty GET), warning once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fetch = vi.fn(async (url: string | URL | Request) =>
      (url === 'https://c.example/old'
        ? { status: 200, redirected: true, url: 'https://c.example/new', headers: new Headers() }
        : { status: 204, redirected: false, url: String(url), headers: new Headers() }) as Response,
    );
    const result = await postBody('https://c.example/old', '{"v":1}', options(fetch as typeof globalThis.fetch));
    expect(result.status).toBe(204);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch).toHaveBeenLastCalledWith('https://c.example/new', expect.objectContaining({ method: 'POST', body: '{"v":1}', redirect: 'error' }));
    await postBody('https://c.example/old', '{"v":1}', options(fetch as typeof globalThis.fetch));
    expect(warn.mock.calls.filter(([message]) => String(message).includes('redirects to https://c.example/new'))).toHaveLength(1);
  });

  it('never rejects: a network error and a timeout are status 0 with a sentence that says which', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof globalThis.fetch;
    expect(await postBody('https://c.example/e', '{}', options(failing))).toEqual({
      status: 0,
      error: 'network error sending to https://c.example/e (Failed to fetch)',
    });
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof globalThis.fetch;
    const pending = postBody('https://c.example/e', '{}', options(hanging));
    await vi.advanceTimersByTimeAsync(1000);
    expect(await pending).toEqual({ status: 0, error: 'no answer from https://c.example/e within 1000 ms' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is abandoned when its transport is destroyed (the lifetime signal aborts)', async () => {
    const lifetime = new AbortController();
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof globalThis.fetch;
    const pending = postBody('https://c.example/e', '{}', options(hanging, lifetime.signal));
    lifetime.abort();
    expect((await pending).status).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('readSettings', () => {
  it('keeps valid numbers, and falls back to the default with one warning naming the option for the rest', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const settings = readSettings({ batchSize: 5, flushIntervalMs: 0, maxQueue: 0, timeoutMs: Number.NaN, maxRetries: '3' as never });
    expect(settings).toEqual({ ...TRANSPORT_DEFAULTS, batchSize: 5, flushIntervalMs: 0 });
    expect(warn.mock.calls.map(([message]) => message)).toEqual([
      'feelback: transport option maxRetries=3 is not a number ≥ 0; using 8.',
      'feelback: transport option timeoutMs=NaN is not a number ≥ 0; using 10000.',
      'feelback: transport option maxQueue=0 is not a number ≥ 1; using 200.',
    ]);
  });

  it('refuses times longer than a browser timer can wait (it would fire at once: every request timed out), not counts', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const settings = readSettings({ timeoutMs: 3e9, backoffCapMs: 2_147_483_647, maxRetries: 1e10 });
    expect(settings).toEqual({ ...TRANSPORT_DEFAULTS, backoffCapMs: 2_147_483_647, maxRetries: 1e10 });
    expect(warn.mock.calls.map(([message]) => message)).toEqual([
      'feelback: transport option timeoutMs=3000000000 is longer than a browser timer can wait (2147483647 ms); using 10000.',
    ]);
  });
});
