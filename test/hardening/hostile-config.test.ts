import { beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/define/rating-bar.js';
import type { RatingBar } from '../../src/components/rating-bar/rating-bar.js';
import { configure } from '../../src/config.js';
import type { FeedbackBatch, FeedbackEvent } from '../../src/context/event.js';
import { createTransport } from '../../src/transport/transport.js';
import type { QueueStorage, Transport } from '../../src/transport/types.js';
import { mount, shadowAll } from '../support/dom.js';

let warnings: string[];
let bodies: FeedbackBatch[];

/** A collector in memory: a fetch that answers 204 and keeps every body it was given. */
const collectorFetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
  bodies.push(JSON.parse(String(init?.body)));
  return new Response(null, { status: 204 });
});

function memoryStorage(): QueueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

function transportWithStorage(extra: Record<string, unknown> = {}): Transport {
  return createTransport({ endpoint: 'https://collect.example/events', fetch: collectorFetch, storage: memoryStorage(), flushIntervalMs: 0, ...extra });
}

async function bar(setup: (element: RatingBar) => void, markup = '<feelback-rating-bar></feelback-rating-bar>'): Promise<RatingBar> {
  return mount<RatingBar>(markup, setup);
}

async function rate(element: RatingBar, index = 3): Promise<void> {
  shadowAll(element, '[role="radio"]')[index]!.click();
  await element.updateComplete;
}

const delivered = (): FeedbackEvent[] => bodies.flatMap((body) => body.events);

beforeEach(() => {
  warnings = [];
  bodies = [];
  collectorFetch.mockClear();
  vi.spyOn(console, 'warn').mockImplementation((message: string) => void warnings.push(message));
});

describe('hostile configure() options: a warning, the rest keeps working', () => {
  it.each([
    ['javascript:globalThis.__pwned=1'],
    ['data:text/plain,hello'],
    ['ftp://example.com/collect'],
    ['file:///etc/passwd'],
    ['blob:https://example.com/123'],
    ['http://[bad'],
    [42],
    [{ toString: () => 'https://x.example' }],
  ])('endpoint %j is refused with a warning and never becomes a request target', (endpoint) => {
    expect(() => configure({ endpoint } as never)).not.toThrow();
    expect(warnings.join('\n')).toMatch(/endpoint .* is not an http\(s\) URL/);
    expect(configure().endpoint).toBeUndefined();
  });

  it('unknown options and wrong types warn by name, and the valid ones still apply', () => {
    expect(() =>
      configure({ endpont: 'https://typo.example', locale: 7, consent: 'maybe', vitals: 'yes', metadata: 'x', endpoint: 'https://ok.example/c' } as never),
    ).not.toThrow();
    const all = warnings.join('\n');
    for (const name of ['endpont', 'locale', 'consent', 'vitals', 'metadata']) expect(all).toContain(name);
    expect(configure().endpoint).toBe('https://ok.example/c');
  });

  it.each([null, 'https://x.example', 42, [1, 2]])('configure(%j) warns and throws nothing', (options) => {
    expect(() => configure(options as never)).not.toThrow();
    expect(warnings.join('\n')).toContain('configure() expects an options object');
  });

  it.each([
    ['batchSize', -1],
    ['flushIntervalMs', Number.NaN],
    ['maxRetries', Number.POSITIVE_INFINITY],
    ['timeoutMs', -5000],
    ['maxQueue', 0],
    ['backoffCapMs', '1 minute'],
  ])('transport option %s=%s is replaced by its default, with a warning, and answers still arrive', async (option, value) => {
    const transport = transportWithStorage({ [option]: value, flushIntervalMs: option === 'flushIntervalMs' ? value : 0 });
    expect(warnings.join('\n')).toContain(`transport option ${option}=`);
    const element = await bar((el) => (el.transport = transport));
    await rate(element);
    await transport.flush();
    expect(delivered().map((event) => event.rating?.value)).toEqual([4]);
    transport.destroy();
  });
});

describe('hostile metadata', () => {
  it('circular metadata on an element: the answer is still delivered, nothing throws into the page', async () => {
    const circular: Record<string, unknown> = { plan: 'pro' };
    circular.self = circular;
    const transport = transportWithStorage();
    const element = await bar((el) => {
      el.transport = transport;
      el.metadata = circular;
    });
    await expect(rate(element)).resolves.toBeUndefined();
    await transport.flush();
    expect(delivered().map((event) => event.rating?.value)).toEqual([4]);
    expect(delivered()[0]!.metadata?.plan).toBe('pro');
    expect(warnings.join('\n')).toMatch(/metadata/);
    transport.destroy();
  });

  it('circular metadata in configure(): the answer is still delivered', async () => {
    const circular: Record<string, unknown> = { site: 'shop' };
    circular.loop = { back: circular };
    configure({ metadata: circular });
    const transport = transportWithStorage();
    const element = await bar((el) => (el.transport = transport));
    await rate(element);
    await transport.flush();
    expect(delivered()).toHaveLength(1);
    expect(delivered()[0]!.metadata?.site).toBe('shop');
    transport.destroy();
  });

  it('metadata with values JSON cannot carry (BigInt, functions, symbols): the answer is still delivered', async () => {
    const transport = transportWithStorage();
    const element = await bar((el) => {
      el.transport = transport;
      el.metadata = { big: 10n, fn: () => 1, sym: Symbol('s'), ok: 'yes' } as never;
    });
    await rate(element);
    await transport.flush();
    expect(delivered()).toHaveLength(1);
    expect(delivered()[0]!.metadata?.ok).toBe('yes');
    transport.destroy();
  });

  it('huge metadata (2 MB): the answer is delivered or refused with a feelback-error, never a thrown exception', async () => {
    const transport = transportWithStorage();
    const errors: string[] = [];
    const element = await bar((el) => {
      el.transport = transport;
      el.metadata = { blob: 'x'.repeat(2_000_000) };
    });
    element.addEventListener('feelback-error', (event) => errors.push((event as CustomEvent<{ error: string }>).detail.error));
    await rate(element);
    await transport.flush();
    expect(delivered().length + errors.length).toBeGreaterThan(0);
    transport.destroy();
  });
});

describe('hostile numbers and unknown values on an element', () => {
  it.each([
    ['scale="numeric" min="-1e309" max="1e309"'],
    ['scale="numeric" min="5" max="-5"'],
    ['scale="numeric" min="0" max="100000"'],
    ['scale="numeric" min="0.5" max="3.5"'],
    ['max-length="-1"'],
    ['max-length="1e12"'],
    ['value="-3"'],
    ['scale="constructor"'],
    ['scale="__proto__"'],
    ['theme="hotpink"'],
  ])('%s: one clear warning naming the element, a working bar', async (attributes) => {
    const element = await bar(() => {}, `<feelback-rating-bar ${attributes}></feelback-rating-bar>`);
    expect(warnings.some((warning) => warning.startsWith('feelback: <feelback-rating-bar>'))).toBe(true);
    const radios = shadowAll(element, '[role="radio"]');
    expect(radios.length).toBeGreaterThanOrEqual(2);
    expect(radios.length).toBeLessThanOrEqual(21);
  });
});
