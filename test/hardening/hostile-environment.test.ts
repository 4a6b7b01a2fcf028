import type { LitElement } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/index.js';
import type { RatingBar } from '../../src/components/rating-bar/rating-bar.js';
import type { FeedbackBatch } from '../../src/context/event.js';
import { sessionId } from '../../src/context/page.js';
import { defineElement } from '../../src/internal/define.js';
import { uuidv4 } from '../../src/internal/uuid.js';
import { createTransport } from '../../src/transport/transport.js';
import type { QueueStorage } from '../../src/transport/types.js';
import { mount, shadowAll } from '../support/dom.js';
import { FakeTransport } from '../support/fake-transport.js';
import { ELEMENT_FIXTURES } from './fixtures.js';

const realCrypto = globalThis.crypto;
let warnings: string[];
let bodies: FeedbackBatch[];
const collectorFetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
  bodies.push(JSON.parse(String(init?.body)));
  return new Response(null, { status: 204 });
});

beforeEach(() => {
  warnings = [];
  bodies = [];
  vi.spyOn(console, 'warn').mockImplementation((message: string) => void warnings.push(message));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** Storage that throws on every access, like a sandboxed iframe's or a strict privacy mode's. */
const throwingStorage: QueueStorage = {
  getItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  removeItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
};

/** Storage that reads fine but is full: every write throws QuotaExceededError. */
function fullStorage(): QueueStorage {
  return {
    getItem: () => null,
    setItem: () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    },
    removeItem: () => {},
  };
}

async function rateThrough(storage: QueueStorage | null): Promise<void> {
  const transport = createTransport({ endpoint: 'https://collect.example/e', fetch: collectorFetch, storage, flushIntervalMs: 0 });
  const element = await mount<RatingBar>('<feelback-rating-bar></feelback-rating-bar>', (el) => (el.transport = transport));
  shadowAll(element, '[role="radio"]')[2]!.click();
  await element.updateComplete;
  await transport.flush();
  transport.destroy();
}

describe('hostile environments', () => {
  it('web storage that throws on every access (sandboxed iframe): answers still delivered from memory', async () => {
    vi.stubGlobal('localStorage', throwingStorage);
    vi.stubGlobal('sessionStorage', throwingStorage);
    await rateThrough(throwingStorage);
    expect(bodies.flatMap((body) => body.events).map((event) => event.rating?.value)).toEqual([3]);
    expect(sessionId()).toBeUuidV4();
  });

  it('a storage property whose getter throws: the probe falls back to memory', async () => {
    Object.defineProperty(window, 'localStorage', { configurable: true, get: () => { throw new DOMException('denied', 'SecurityError'); } });
    try {
      const transport = createTransport({ endpoint: 'https://collect.example/e', fetch: collectorFetch, flushIntervalMs: 0 });
      const element = await mount<RatingBar>('<feelback-rating-bar></feelback-rating-bar>', (el) => (el.transport = transport));
      shadowAll(element, '[role="radio"]')[0]!.click();
      await transport.flush();
      expect(bodies.flatMap((body) => body.events)).toHaveLength(1);
      transport.destroy();
    } finally {
      delete (window as { localStorage?: unknown }).localStorage;
    }
  });

  it('storage over quota: answers still delivered', async () => {
    await rateThrough(fullStorage());
    expect(bodies.flatMap((body) => body.events)).toHaveLength(1);
  });

  it('no crypto.randomUUID (plain http, not a secure context): ids are still UUID v4 from getRandomValues', () => {
    const getRandomValues = vi.fn((bytes: Uint8Array<ArrayBuffer>) => realCrypto.getRandomValues(bytes));
    vi.stubGlobal('crypto', { getRandomValues });
    const ids = Array.from({ length: 200 }, () => uuidv4());
    for (const id of ids) expect(id).toBeUuidV4();
    expect(new Set(ids).size).toBe(ids.length);
    expect(getRandomValues).toHaveBeenCalled();
  });

  it('crypto.randomUUID that throws: falls back instead of failing the answer', async () => {
    vi.stubGlobal('crypto', {
      getRandomValues: (bytes: Uint8Array<ArrayBuffer>) => realCrypto.getRandomValues(bytes),
      randomUUID: () => {
        throw new DOMException('insecure', 'SecurityError');
      },
    });
    const transport = new FakeTransport();
    const element = await mount<RatingBar>('<feelback-rating-bar></feelback-rating-bar>', (el) => (el.transport = transport));
    shadowAll(element, '[role="radio"]')[4]!.click();
    expect(transport.sent[0]!.id).toBeUuidV4();
  });

  it('no navigator.sendBeacon: page hide keeps the answer queued and fetch delivers it', async () => {
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: undefined, onLine: true });
    const transport = createTransport({ endpoint: 'https://collect.example/e', fetch: collectorFetch, storage: null, flushIntervalMs: 60_000 });
    const element = await mount<RatingBar>('<feelback-rating-bar></feelback-rating-bar>', (el) => (el.transport = transport));
    shadowAll(element, '[role="radio"]')[1]!.click();
    expect(() => window.dispatchEvent(new Event('pagehide'))).not.toThrow();
    expect(transport.pending()).toBe(1);
    await transport.flush();
    expect(bodies.flatMap((body) => body.events)).toHaveLength(1);
    transport.destroy();
  });

  it.each(ELEMENT_FIXTURES.map((fixture) => fixture.tag))('<%s> without IntersectionObserver, ResizeObserver or PerformanceObserver renders and works', async (tag) => {
    vi.stubGlobal('IntersectionObserver', undefined);
    vi.stubGlobal('ResizeObserver', undefined);
    vi.stubGlobal('PerformanceObserver', undefined);
    const element = await mount(`<${tag}></${tag}>`, (el) => ((el as unknown as { transport: FakeTransport }).transport = new FakeTransport()));
    expect(shadowAll(element, '*').length).toBeGreaterThan(3);
  });
});

describe('upgrade and duplicate definitions', () => {
  it.each(ELEMENT_FIXTURES.map((fixture) => [fixture.tag, fixture] as const))('<%s>: properties set before the definition loaded survive the upgrade', async (tag, fixture) => {
    // An element created under a not-yet-defined name, given properties, then upgraded: what a framework does when it renders before the script loads.
    const stand = `${tag}-late`;
    const element = document.createElement(stand) as HTMLElement & Record<string, unknown>;
    Object.assign(element, fixture.answerable);
    const transport = new FakeTransport();
    element.transport = transport;
    element.metadata = { plan: 'pro' };
    element.widgetId = 'early';
    document.body.append(element);
    const Base = customElements.get(tag)!;
    customElements.define(stand, class extends Base {});
    await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(element.transport).toBe(transport);
    expect(element.metadata).toEqual({ plan: 'pro' });
    expect(element.widgetId).toBe('early');
    // Moved into the element's reactive properties, not left as own fields shadowing them.
    for (const name of ['transport', 'metadata', 'widgetId']) expect(Object.prototype.hasOwnProperty.call(element, name), name).toBe(false);
    expect(element.shadowRoot?.querySelector('[part~="base"]')).not.toBeNull();
    // And an answer given through the upgraded element carries them.
    await fixture.answer(element as unknown as LitElement);
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0]).toMatchObject({ widget: 'early', metadata: { plan: 'pro' } });
  });

  it('a second copy defining the same tags warns once per tag and does not throw; the first keeps working', async () => {
    class SecondCopy extends HTMLElement {}
    expect(() => defineElement('feelback-rating-bar', SecondCopy)).not.toThrow();
    expect(warnings.join('\n')).toContain('<feelback-rating-bar> is already defined by another copy of feelback');
    const transport = new FakeTransport();
    const element = await mount<RatingBar>('<feelback-rating-bar></feelback-rating-bar>', (el) => (el.transport = transport));
    shadowAll(element, '[role="radio"]')[3]!.click();
    expect(transport.sent).toHaveLength(1);
  });
});
