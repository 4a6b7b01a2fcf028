import { beforeEach, describe, expect, it, vi } from 'vitest';

const observed: string[] = [];
vi.mock('web-vitals', () => {
  const observer = (name: string) => () => observed.push(name);
  return { onTTFB: observer('TTFB'), onFCP: observer('FCP'), onLCP: observer('LCP'), onCLS: observer('CLS'), onINP: observer('INP') };
});

let pages = 0;
const ALL = ['CLS', 'FCP', 'INP', 'LCP', 'TTFB'];
/** Long enough for an idle callback (or its timeout fallback) and a dynamic import to run. */
const settle = () => new Promise((done) => setTimeout(done, 50));

/**
 * A fresh page: new config and vitals modules (nothing observed yet) and the rating bar's class
 * from the same module graph, defined under a tag of its own because the registry outlives a test.
 */
async function freshPage() {
  vi.resetModules();
  const { configure } = await import('../../src/config.js');
  const { RatingBar } = await import('../../src/components/rating-bar/rating-bar.js');
  const tag = `feelback-rating-bar-page${++pages}`;
  /** Upgrades every `tag` element in the document, as the bundle's define call does on load. */
  const define = () => customElements.define(tag, class extends RatingBar {});
  const create = () => document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
  return { configure, define, create };
}

beforeEach(() => {
  observed.length = 0;
  // The fresh graph's rating-bar module defines its own tag and finds the first page's there.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('when an element starts observing Core Web Vitals', () => {
  it('a page whose script says vitals: false right after the bundle upgraded its elements never observes', async () => {
    const page = await freshPage();
    const element = page.create();
    document.body.append(element);
    page.define();
    page.configure({ vitals: false });
    await element.updateComplete;
    await settle();
    expect(observed).toEqual([]);
  });

  it('an element that connects starts observing, once, however many elements connect', async () => {
    const page = await freshPage();
    page.define();
    document.body.append(page.create(), page.create(), page.create());
    // Observing starts when the page is next idle, off the first render's path.
    await vi.waitFor(() => expect(observed.sort()).toEqual(ALL));
    await settle();
    expect(observed.sort()).toEqual(ALL);
  });

  it('configure({ vitals: true }) after vitals: false starts observing, once', async () => {
    const page = await freshPage();
    page.define();
    page.configure({ vitals: false });
    document.body.append(page.create(), page.create());
    await settle();
    expect(observed).toEqual([]);
    page.configure({ vitals: true });
    page.configure({ vitals: true });
    await vi.waitFor(() => expect(observed.sort()).toEqual(ALL));
    await settle();
    expect(observed.sort()).toEqual(ALL);
  });
});
