import { describe, expect, it, vi } from 'vitest';
import '../../src/define/rating-bar.js';
import { configure } from '../../src/config.js';

const observed: string[] = [];
vi.mock('web-vitals', () => {
  const observer = (name: string) => () => observed.push(name);
  return { onTTFB: observer('TTFB'), onFCP: observer('FCP'), onLCP: observer('LCP'), onCLS: observer('CLS'), onINP: observer('INP') };
});

// One module graph per file is one page: the order of these tests is the page's history.
describe('when an element starts observing Core Web Vitals', () => {
  it('a page whose script says vitals: false right after the bundle upgraded its elements never observes', async () => {
    document.body.append(document.createElement('feelback-rating-bar'));
    configure({ vitals: false });
    await customElements.whenDefined('feelback-rating-bar');
    await (document.querySelector('feelback-rating-bar') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(observed).toEqual([]);
  });

  it('configure({ vitals: true }) later starts observing, once, however many elements connect', async () => {
    configure({ vitals: true });
    document.body.append(document.createElement('feelback-rating-bar'), document.createElement('feelback-rating-bar'));
    await Promise.resolve();
    expect(observed.sort()).toEqual(['CLS', 'FCP', 'INP', 'LCP', 'TTFB']);
  });
});
