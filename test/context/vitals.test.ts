import { beforeEach, describe, expect, it, vi } from 'vitest';

type Reporter = (metric: { name: string; value: number; rating: string }) => void;
const reporters = new Map<string, Reporter>();
const calls: Array<{ name: string; options: unknown }> = [];

vi.mock('web-vitals', () => {
  const observer = (name: string) => (report: Reporter, options: unknown) => {
    reporters.set(name, report);
    calls.push({ name, options });
  };
  return {
    onTTFB: observer('TTFB'),
    onFCP: observer('FCP'),
    onLCP: observer('LCP'),
    onCLS: observer('CLS'),
    onINP: observer('INP'),
  };
});

async function freshPage() {
  vi.resetModules();
  reporters.clear();
  calls.length = 0;
  return import('../../src/context/vitals.js');
}

describe('vitals', () => {
  beforeEach(() => {
    reporters.clear();
    calls.length = 0;
  });

  it('observes the five metrics with reportAllChanges, once per page however often it is asked', async () => {
    const { observeVitals, vitalsStarted } = await freshPage();
    observeVitals();
    observeVitals();
    observeVitals();
    await vitalsStarted();
    expect(calls.map((c) => c.name).sort()).toEqual(['CLS', 'FCP', 'INP', 'LCP', 'TTFB']);
    for (const call of calls) expect(call.options).toEqual({ reportAllChanges: true });
  });

  it('reports nothing before any metric arrives, then the latest value and rating of each', async () => {
    const { observeVitals, currentVitals, vitalsStarted } = await freshPage();
    observeVitals();
    await vitalsStarted();
    expect(currentVitals()).toBeUndefined();
    reporters.get('TTFB')!({ name: 'TTFB', value: 120, rating: 'good' });
    reporters.get('INP')!({ name: 'INP', value: 180, rating: 'good' });
    reporters.get('INP')!({ name: 'INP', value: 640, rating: 'poor' });
    expect(currentVitals()).toEqual({ TTFB: { value: 120, rating: 'good' }, INP: { value: 640, rating: 'poor' } });
  });

  it('hands out copies: an event built earlier keeps the values of its moment', async () => {
    const { observeVitals, currentVitals, vitalsStarted } = await freshPage();
    observeVitals();
    await vitalsStarted();
    reporters.get('CLS')!({ name: 'CLS', value: 0.02, rating: 'good' });
    const earlier = currentVitals();
    reporters.get('CLS')!({ name: 'CLS', value: 0.3, rating: 'poor' });
    expect(earlier).toEqual({ CLS: { value: 0.02, rating: 'good' } });
    expect(currentVitals()).toEqual({ CLS: { value: 0.3, rating: 'poor' } });
  });

  it('starts off the first render\'s path: nothing is observed until the page is idle', async () => {
    const { observeVitals, vitalsStarted } = await freshPage();
    observeVitals();
    await Promise.resolve();
    expect(calls).toEqual([]);
    await vitalsStarted();
    expect(calls).toHaveLength(5);
  });

  it('a web-vitals file that cannot load costs the vitals only: one warning, nothing thrown', async () => {
    vi.doMock('web-vitals', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { observeVitals, currentVitals, vitalsStarted } = await freshPage();
      observeVitals();
      await vitalsStarted();
      observeVitals();
      await vitalsStarted();
      expect(currentVitals()).toBeUndefined();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toMatch(/^feelback: could not load web-vitals \(.+\); answers are sent without vitals\.$/);
    } finally {
      vi.doUnmock('web-vitals');
    }
  });
});
