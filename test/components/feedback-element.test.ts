import { describe, expect, it, vi } from 'vitest';
import { configure } from '../../src/config.js';
import { createTransport } from '../../src/transport/transport.js';
import { shadowAll } from '../support/dom.js';
import { mountRatingBar } from '../support/rating-bar.js';
import { makeEvent } from '../support/events.js';
import { FakeStorage } from '../transport/support.js';

const ENDPOINT = 'https://collect.example/feedback';

describe('the base element and its transport', () => {
  it('reports feelback-sent when configure({ transport }) replaced the transport while the element was detached', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: fetch.mock.calls.length === 1 ? 503 : 204 }));
    configure({ endpoint: ENDPOINT, transport: { fetch, flushIntervalMs: 0, backoffBaseMs: 300, persist: 'memory' } });
    const element = await mountRatingBar();
    const sent = vi.fn();
    element.addEventListener('feelback-sent', (e) => sent((e as CustomEvent).detail.id));
    const submitted = vi.fn();
    element.addEventListener('feelback-submit', (e) => submitted((e as CustomEvent).detail.event.id));
    const failed = new Promise((resolve) => element.addEventListener('feelback-error', resolve, { once: true }));
    shadowAll(element, '[role="radio"]')[3].click();
    await failed;
    // Moved in the page (e.g. a framework re-parenting it): detached while the transport is replaced.
    const parent = element.parentElement!;
    element.remove();
    configure({ transport: { timeoutMs: 5000 } });
    parent.append(element);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith(submitted.mock.calls[0][0]));
  });

  it('sends what an earlier page load left for its endpoint attribute as soon as it is on the page', async () => {
    const storage = new FakeStorage();
    const left = makeEvent();
    const earlier = createTransport({ endpoint: ENDPOINT, storage, flushIntervalMs: 60_000 });
    earlier.send(left);
    earlier.destroy(); // the page went away before the batch window closed
    expect(storage.storedIds(`feelback:queue:${ENDPOINT}`)).toEqual([left.id]);

    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => new Response(null, { status: 204 }));
    configure({ transport: { fetch, storage } });
    await mountRatingBar({ endpoint: ENDPOINT });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(JSON.parse(String(fetch.mock.calls[0][1]?.body)).events.map((e: { id: string }) => e.id)).toEqual([left.id]);
  });
});
