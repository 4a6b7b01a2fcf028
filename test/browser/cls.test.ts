// dist/feelback.css reserves each element's first-render box, so text around an
// element does not move when the element's script arrives and it renders.
import { describe, expect, it } from 'vitest';
import { pageHtml, useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite({ closePage: true });

const SCALES = ['stars', 'nps', 'csat', 'ces', 'emoji', 'thumbs', 'numeric'];
const ELEMENTS = [
  ...SCALES.map((scale) => `<feelback-rating-bar scale="${scale}"></feelback-rating-bar>`),
  '<feelback-feeling-prompt offer-callback></feelback-feeling-prompt>',
  '<feelback-callback-request></feelback-callback-request>',
];
const TEXT = 'Thanks for your order. Your parcel leaves the warehouse tomorrow; we will email you the tracking link.';

/**
 * Text before and after every element. The layout-shift observer starts before
 * anything else, and the bundle is added only after the first frame has been
 * painted (as when a CDN is slow), so every element renders into a page the
 * visitor already sees: any shift it causes is recorded.
 */
function page(lang: string, stylesheet: boolean, elements = ELEMENTS): string {
  const body = `<main>${elements.map((element) => `<p>${TEXT}</p>${element}`).join('\n')}<p>${TEXT}</p></main>
<script>
  requestAnimationFrame(() => setTimeout(() => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = '/dist/feelback.min.js';
    document.head.append(script);
  }, 50));
</script>`;
  const head = `<meta name="viewport" content="width=device-width, initial-scale=1">
<script>
  window.__shifts = [];
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__shifts.push(entry.value); })
    .observe({ type: 'layout-shift', buffered: true });
</script>
${stylesheet ? '<link rel="stylesheet" href="/dist/feelback.css">' : ''}
<style>body { font: 16px/1.5 system-ui, sans-serif; margin: 1rem; }</style>`;
  return pageHtml(body, { title: 'layout shift', head, bundle: false }).replace('<html lang="en">', `<html lang="${lang}">`);
}

/** Opens the page, waits until every element has rendered in its language, and returns the layout shifts seen. */
async function shiftsOn(width: number, lang: string, stylesheet: boolean, elements = ELEMENTS): Promise<number[]> {
  await suite.page.setViewportSize({ width, height: 900 });
  await suite.openPage(`/cls-${width}-${lang}-${stylesheet}-${elements.length}.html`, page(lang, stylesheet, elements), {
    waitFor: [...new Set(elements.map((element) => element.match(/^<([a-z-]+)/)![1]!))],
  });
  return suite.page.evaluate(async (lang) => {
    const hosts = [...document.querySelectorAll('main > *:not(p)')] as Array<HTMLElement & { updateComplete: Promise<unknown> }>;
    await Promise.all(hosts.map((host) => host.updateComplete));
    // A non-English table loads on demand and re-renders every element: wait until the text is in that language.
    if (lang !== 'en') {
      const english = 'How did we make you feel?';
      const deadline = performance.now() + 5000;
      while (performance.now() < deadline) {
        const prompt = document.querySelector('feelback-feeling-prompt')!.shadowRoot!.textContent ?? '';
        if (!prompt.includes(english)) break;
        await new Promise((done) => setTimeout(done, 20));
      }
      await Promise.all(hosts.map((host) => host.updateComplete));
    }
    // Two frames, then the observer's queued entries.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    await new Promise((done) => setTimeout(done, 100));
    return (window as unknown as { __shifts: number[] }).__shifts;
  }, lang);
}

describe('dist/feelback.css keeps the page still while elements render (CLS 0)', () => {
  for (const width of [390, 1280]) {
    // Longer strings (de, fr), right to left (ar) and another script (ja): the first render waits for the table.
    for (const lang of ['en', 'de', 'fr', 'ar', 'ja']) {
      it(`every element and scale, text around each, ${width} px wide, lang="${lang}"`, async () => {
        const shifts = await shiftsOn(width, lang, true);
        expect(shifts).toEqual([]);
        expect(suite.consoleLog.errors).toEqual([]);
      });
    }
  }

  it('fifty rating bars, upgraded in a task of their own and rendered a slice at a time, shift nothing; each takes an answer', async () => {
    const bars = Array.from({ length: 50 }, (_, i) => `<feelback-rating-bar scale="${SCALES[i % SCALES.length]}" widget-id="bar-${i}"></feelback-rating-bar>`);
    const shifts = await shiftsOn(390, 'en', true, bars);
    expect(shifts).toEqual([]);
    const rendered = await suite.page.evaluate(() =>
      [...document.querySelectorAll('feelback-rating-bar')].filter((bar) => bar.shadowRoot?.querySelector('[role="radio"]')).length,
    );
    expect(rendered).toBe(50);
    await suite.page.locator('feelback-rating-bar').last().locator('[role="radio"]').first().click();
    const value = await suite.page.evaluate(() => (document.querySelectorAll('feelback-rating-bar')[49] as HTMLElement & { value: number | null }).value);
    expect(value).not.toBeNull();
    expect(suite.consoleLog.errors).toEqual([]);
  });

  it('without the stylesheet the same page does shift (the measurement sees shifts)', async () => {
    const shifts = await shiftsOn(390, 'en', false);
    expect(shifts.length).toBeGreaterThan(0);
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBeGreaterThan(0);
  });

  it('a hidden element stays hidden with the stylesheet', async () => {
    await suite.openPage(
      '/hidden.html',
      pageHtml('<feelback-rating-bar hidden></feelback-rating-bar>', { title: 'hidden', head: '<link rel="stylesheet" href="/dist/feelback.css">' }),
      { waitFor: 'feelback-rating-bar' },
    );
    const display = await suite.page.evaluate(() => getComputedStyle(document.querySelector('feelback-rating-bar')!).display);
    expect(display).toBe('none');
  });
});
