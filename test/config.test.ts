import { beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, getConfig, onConfigChange } from '../src/config.js';
import { transportFor } from '../src/transport/registry.js';
import { eventBuilders } from './support/events.js';

const observed: string[] = [];
vi.mock('web-vitals', () => {
  const observer = (name: string) => () => observed.push(name);
  return { onTTFB: observer('TTFB'), onFCP: observer('FCP'), onLCP: observer('LCP'), onCLS: observer('CLS'), onINP: observer('INP') };
});

let warn: { mock: { calls: unknown[][] } };
const warnings = () => warn.mock.calls.map((call) => String(call[0]));

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('configure() merging', () => {
  it('later calls merge: top-level options replace, metadata/context/transport merge key by key', () => {
    configure({ endpoint: 'https://a.example/collect', metadata: { app: 'shop', plan: 'free' }, context: { includeQuery: true } });
    configure({ locale: 'fr', metadata: { plan: 'pro' }, context: { includeReferrer: 'none' } });
    configure({ endpoint: 'https://b.example/collect', transport: { batchSize: 5 } });
    configure({ transport: { maxRetries: 2 } });
    expect(getConfig()).toEqual({
      endpoint: 'https://b.example/collect',
      locale: 'fr',
      metadata: { app: 'shop', plan: 'pro' },
      context: { includeQuery: true, includeReferrer: 'none' },
      transport: { batchSize: 5, maxRetries: 2 },
    });
    expect(warnings()).toEqual([]);
  });

  it('a metadata key given as undefined is removed', () => {
    configure({ metadata: { app: 'shop', campaign: 'spring' } });
    configure({ metadata: { campaign: undefined } });
    expect(getConfig().metadata).toEqual({ app: 'shop' });
  });

  it('takes a JSON-safe snapshot of metadata: later changes to the object are not seen, unsendable values warn', () => {
    const metadata: Record<string, unknown> = { app: 'shop', track: () => 1 };
    configure({ metadata });
    metadata.app = 'changed';
    expect(getConfig().metadata).toEqual({ app: 'shop' });
    expect(warnings()).toEqual(['feelback: configure(): metadata dropped track (a function); only JSON-safe values are sent.']);
  });

  it('tells every subscriber after each call, and one that throws does not stop the others or configure()', () => {
    const seen: unknown[] = [];
    onConfigChange(() => {
      throw new Error('listener bug');
    });
    const unsubscribe = onConfigChange((config) => seen.push(config.locale));
    expect(() => configure({ locale: 'de' })).not.toThrow();
    unsubscribe();
    configure({ locale: 'es' });
    expect(seen).toEqual(['de']);
  });
});

describe('configure() validation', () => {
  it.each([
    [null, 'configure() expects an options object, not null; ignored.'],
    ['https://a.example', 'configure() expects an options object, not a string; ignored.'],
    [[{ endpoint: 'https://a.example' }], 'configure() expects an options object, not an array; ignored.'],
  ])('a non-object argument (%j) warns and changes nothing', (argument, message) => {
    configure({ locale: 'en' });
    expect(() => configure(argument as never)).not.toThrow();
    expect(getConfig()).toEqual({ locale: 'en' });
    expect(warnings()).toEqual([`feelback: ${message}`]);
  });

  it('warns once about each invalid option and keeps the valid ones of the same call', () => {
    configure({
      endpoint: 'javascript:alert(1)',
      locale: 'not a locale!',
      consent: 'pending',
      vitals: 'yes',
      metadata: ['a'],
      context: { includeQuery: 'yes', includeReferrer: 'partial', includeHash: true },
      transport: 5,
      endpiont: 'https://typo.example',
    } as never);
    configure({ context: { includeReferrer: false }, transport: { endpoint: 'https://x.example', batchSize: 3 } } as never);
    expect(getConfig()).toEqual({
      consent: 'pending',
      context: { includeReferrer: false },
      transport: { batchSize: 3 },
    });
    expect(warnings()).toEqual([
      'feelback: configure(): endpoint "javascript:alert(1)" is not an http(s) URL; ignored.',
      'feelback: configure(): locale "not a locale!" is not a language tag; ignored.',
      'feelback: configure(): vitals must be true or false, not "yes"; ignored.',
      'feelback: configure(): metadata must be a plain object; ignored.',
      'feelback: configure(): context.includeQuery must be true or false, not "yes"; ignored.',
      'feelback: configure(): context.includeReferrer must be "origin", "full", "none" or a boolean, not "partial"; ignored.',
      'feelback: configure(): unknown option "context.includeHash" ignored.',
      'feelback: configure(): transport must be an object of transport options; ignored.',
      'feelback: configure(): unknown option "endpiont" ignored.',
      'feelback: configure(): transport.endpoint is ignored; use configure({ endpoint }).',
    ]);
  });

  it('a repeated mistake is reported once, not once per call', () => {
    configure({ consent: 'yes' as never });
    configure({ consent: 'yes' as never });
    expect(warnings()).toHaveLength(1);
  });
});

describe('configure() and the shared transports', () => {
  const endpoint = 'https://collect.example/feedback';
  const { ratingEvent } = eventBuilders({ widget: 'w', context: { url: '', viewport: { width: 1, height: 1 }, sessionId: 's' } });
  const event = (id: string) => ratingEvent({ id });

  it('consent given later reaches a transport that already exists and releases what it held', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    configure({ consent: 'pending', transport: { fetch, flushIntervalMs: 0, persist: 'memory' } });
    const transport = transportFor(endpoint);
    transport.send(event('00000000-0000-4000-8000-000000000001'));
    await transport.flush();
    expect(fetch).not.toHaveBeenCalled();
    configure({ consent: 'granted' });
    expect(transportFor(endpoint)).toBe(transport);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
  });

  it('consent denied later drops what an existing transport held', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    configure({ consent: 'pending', transport: { fetch, flushIntervalMs: 0, persist: 'memory' } });
    const transport = transportFor(endpoint);
    const dropped = vi.fn();
    transport.addEventListener('dropped', dropped);
    transport.send(event('00000000-0000-4000-8000-000000000002'));
    configure({ consent: 'denied' });
    expect(dropped).toHaveBeenCalledTimes(1);
    expect(transport.pending()).toBe(0);
  });

  it('new transport options reach the live transport in place, and what it held goes out on consent without another answer', async () => {
    const firstFetch = vi.fn(async () => new Response(null, { status: 204 }));
    const secondFetch = vi.fn(async () => new Response(null, { status: 204 }));
    configure({ consent: 'pending', transport: { fetch: firstFetch, flushIntervalMs: 0, persist: 'memory' } });
    const first = transportFor(endpoint);
    first.send(event('00000000-0000-4000-8000-000000000003'));
    configure({ transport: { fetch: secondFetch } });
    // No new answer: the same transport, now with the new fetch, gets the consent.
    configure({ consent: 'granted' });
    expect(transportFor(endpoint)).toBe(first);
    await vi.waitFor(() => expect(secondFetch).toHaveBeenCalledTimes(1));
    expect(firstFetch).not.toHaveBeenCalled();
    const body = JSON.parse(String((secondFetch.mock.calls[0] as unknown as [string, RequestInit])[1].body));
    expect(body.events.map((e: { id: string }) => e.id)).toEqual(['00000000-0000-4000-8000-000000000003']);
  });
});

describe('configure() and Core Web Vitals', () => {
  async function freshPage() {
    vi.resetModules();
    observed.length = 0;
    return import('../src/config.js');
  }

  it('starts observing at configure(), before any widget exists, and only once per page', async () => {
    const fresh = await freshPage();
    fresh.configure({ vitals: true });
    fresh.configure({ endpoint: 'https://a.example/collect' });
    // Observers start when the page is next idle (off the first render's path), once.
    await vi.waitFor(() => expect(observed.sort()).toEqual(['CLS', 'FCP', 'INP', 'LCP', 'TTFB']));
    await new Promise((done) => setTimeout(done, 20));
    expect(observed).toHaveLength(5);
  });

  it('configure({ vitals: false }) in the first call never observes', async () => {
    const fresh = await freshPage();
    fresh.configure({ vitals: false, endpoint: 'https://a.example/collect' });
    fresh.configure({ locale: 'fr' });
    await new Promise((done) => setTimeout(done, 20));
    expect(observed).toEqual([]);
  });
});
