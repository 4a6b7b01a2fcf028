import { beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/define/rating-bar.js';
import type { RatingBar } from '../../src/components/rating-bar/rating-bar.js';
import { configure } from '../../src/config.js';
import { vitalsStarted } from '../../src/context/vitals.js';
import { mount, shadowAll } from '../support/dom.js';
import { FakeTransport } from '../support/fake-transport.js';

type Reporter = (metric: { name: string; value: number; rating: string }) => void;
const reporters = new Map<string, Reporter>();
vi.mock('web-vitals', () => {
  const observer = (name: string) => (report: Reporter) => reporters.set(name, report);
  return { onTTFB: observer('TTFB'), onFCP: observer('FCP'), onLCP: observer('LCP'), onCLS: observer('CLS'), onINP: observer('INP') };
});

let transport: FakeTransport;

async function rate(markup: string, setup?: (element: RatingBar) => void) {
  const element = await mount<RatingBar>(markup, (el) => {
    el.transport = transport;
    setup?.(el);
  });
  shadowAll(element, '[role="radio"]')[1].click();
  await element.updateComplete;
  return transport.sent.at(-1)!;
}

beforeEach(() => {
  transport = new FakeTransport();
  history.replaceState(null, '', '/pricing?utm_source=mail&email=a%40b.c#plans');
});

describe('context and metadata on every answer', () => {
  it('carries widget-id, merged metadata, the stripped URL, session and the latest vitals', async () => {
    configure({ metadata: { app: 'shop', plan: 'free' } });
    await vitalsStarted();
    reporters.get('TTFB')!({ name: 'TTFB', value: 95, rating: 'good' });
    reporters.get('INP')!({ name: 'INP', value: 620, rating: 'poor' });
    const event = await rate('<feelback-rating-bar widget-id="pricing-stars"></feelback-rating-bar>', (el) => {
      el.metadata = { plan: 'pro', experiment: 'b' };
    });
    expect(event.widget).toBe('pricing-stars');
    expect(event.metadata).toEqual({ app: 'shop', plan: 'pro', experiment: 'b' });
    expect(event.context.url).toBe(`${location.origin}/pricing`);
    expect(event.context.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.context.vitals).toEqual({ TTFB: { value: 95, rating: 'good' }, INP: { value: 620, rating: 'poor' } });
  });

  it('configure({ vitals: false }) leaves vitals off the event', async () => {
    configure({ vitals: false });
    reporters.get('LCP')?.({ name: 'LCP', value: 4100, rating: 'poor' });
    const event = await rate('<feelback-rating-bar></feelback-rating-bar>');
    expect(event.context).not.toHaveProperty('vitals');
  });

  it('includeQuery and includeReferrer from configure() shape the context', async () => {
    configure({ context: { includeQuery: true, includeReferrer: 'none' } });
    const event = await rate('<feelback-rating-bar></feelback-rating-bar>');
    expect(event.context.url).toBe(`${location.origin}/pricing?utm_source=mail&email=a%40b.c#plans`);
    expect(event.context.referrer).toBe('');
  });

  it('hostile element metadata still yields an event whose batch serializes, with one warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const loop: Record<string, unknown> = {};
    loop.loop = loop;
    const event = await rate('<feelback-rating-bar></feelback-rating-bar>', (el) => {
      el.metadata = { loop, host: el, plan: 'pro' };
    });
    expect(JSON.parse(JSON.stringify(event)).metadata).toEqual({ loop: {}, plan: 'pro' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/^feelback: <feelback-rating-bar> metadata: dropped loop\.loop \(a circular reference\), host/);
  });

  it('an answer held for consent still reports feelback-sent after configure({ transport }) replaced its transport', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    configure({ endpoint: 'https://collect.example/feedback', consent: 'pending', transport: { fetch, flushIntervalMs: 0, persist: 'memory' } });
    const element = await mount<RatingBar>('<feelback-rating-bar></feelback-rating-bar>');
    const sent = vi.fn();
    element.addEventListener('feelback-sent', (e) => sent((e as CustomEvent).detail.id));
    const submitted = vi.fn();
    element.addEventListener('feelback-submit', (e) => submitted((e as CustomEvent).detail.event.id));
    shadowAll(element, '[role="radio"]')[3].click();
    configure({ transport: { timeoutMs: 5000 } });
    configure({ consent: 'granted' });
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith(submitted.mock.calls[0][0]));
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
