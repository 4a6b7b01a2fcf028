import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { pageHtml, useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite({ closePage: true });

const widget = (id = 'checkout') => `<feelback-rating-bar widget-id="${id}" endpoint="/collect"></feelback-rating-bar>`;
const tall = '<div style="height: 3000px">Long page</div>';

async function openLauncher(attributes: string, { body = '', path = '/launcher.html', head = '' } = {}): Promise<void> {
  await suite.openPage(path, pageHtml(`<button id="opener">Before</button>${body}<feelback-launcher ${attributes}>${widget()}</feelback-launcher>`, { title: 'launcher', head }), {
    waitFor: 'feelback-launcher',
  });
}

const isOpen = () => suite.page.evaluate(() => document.querySelector('feelback-launcher')!.open);
/** Open, and its entry animation (a fade and a short slide) finished: geometry and contrast are final. */
const waitOpen = async () => {
  await suite.page.waitForFunction(() => document.querySelector('feelback-launcher')?.open === true, undefined, { timeout: 20_000 });
  await suite.page.evaluate(() =>
    Promise.all(document.querySelector('feelback-launcher')!.shadowRoot!.getAnimations().map((animation) => animation.finished)),
  );
};
const stayedClosed = async (ms = 600) => {
  await suite.page.waitForTimeout(ms);
  return !(await isOpen());
};
const closeButton = () => suite.page.locator('feelback-launcher').getByRole('button', { name: 'Close' });

describe('<feelback-launcher> triggers in Chromium', () => {
  it('delay: opens after the delay and the collector receives a shown event', async () => {
    const timing = `<script type="module">customElements.whenDefined('feelback-launcher').then(() => (window.definedAt = performance.now()));
document.addEventListener('feelback-show', () => (window.shownAt = performance.now()));</script>`;
    await openLauncher('delay="1"', { head: timing });
    await waitOpen();
    // Timed in the page, so a slow machine cannot make the check pass or fail by itself.
    expect(await suite.page.evaluate(() => (window as unknown as { shownAt: number; definedAt: number }).shownAt - (window as unknown as { definedAt: number }).definedAt)).toBeGreaterThanOrEqual(950);
    const [shown] = await suite.server.waitForAccepted(1, 15_000);
    expect(shown).toMatchObject({ type: 'shown', widget: 'checkout', launcher: { id: 'checkout', display: 'popover', trigger: 'delay' } });
    expect(suite.consoleLog.errors).toEqual([]);
  });

  it('scroll: opens when the visitor has seen half the page', async () => {
    await openLauncher('scroll="50"', { body: tall });
    expect(await stayedClosed(300)).toBe(true);
    await suite.page.mouse.wheel(0, 1600);
    await waitOpen();
  });

  it('exit intent: opens when the pointer leaves through the top of the window', async () => {
    await openLauncher('exit-intent');
    await suite.page.mouse.move(300, 200);
    await suite.page.mouse.move(300, 100);
    expect(await stayedClosed(200)).toBe(true);
    // Leaving the window: Chromium reports a mouseout with no related target at the top edge.
    await suite.page.evaluate(() => document.documentElement.dispatchEvent(new MouseEvent('mouseout', { clientX: 300, clientY: -1, relatedTarget: null, bubbles: true })));
    await waitOpen();
  });

  it('on-click: opens on a click on a matching element', async () => {
    await openLauncher('on-click="#help"', { body: '<button id="help">Help</button>' });
    expect(await stayedClosed(300)).toBe(true);
    await suite.page.getByRole('button', { name: 'Help' }).click();
    await waitOpen();
  });

  it('on-event: opens when the named event reaches window', async () => {
    await openLauncher('on-event="order-placed"');
    expect(await stayedClosed(300)).toBe(true);
    await suite.page.evaluate(() => document.body.dispatchEvent(new Event('order-placed', { bubbles: true })));
    await waitOpen();
  });

  it('frustration: opens after rage clicks on a dead button', async () => {
    await openLauncher('frustration', { body: '<button id="dead">Pay</button>' });
    await suite.page.getByRole('button', { name: 'Pay' }).click();
    expect(await stayedClosed(300)).toBe(true);
    await suite.page.getByRole('button', { name: 'Pay' }).click({ clickCount: 3, delay: 50 });
    await waitOpen();
  });

  it('frustration: opens on a slow interaction (INP rated poor)', async () => {
    await openLauncher('frustration', { body: '<button id="slow">Slow</button><script>document.getElementById("slow").onclick = () => { const end = performance.now() + 700; while (performance.now() < end); };</script>' });
    await suite.page.getByRole('button', { name: 'Slow' }).click();
    await waitOpen();
  });

  it('manual: opens only by show()', async () => {
    await openLauncher('manual');
    expect(await stayedClosed(500)).toBe(true);
    expect(await suite.page.evaluate(() => document.querySelector('feelback-launcher')!.show())).toBe(true);
    // Delivered before the page closes, so its beacon cannot reach the next test's record.
    await suite.server.waitForAccepted(1, 15_000);
  });
});

describe('<feelback-launcher> rules in Chromium', () => {
  it('a dismiss by Escape is sent, and the cap survives a reload', async () => {
    await openLauncher('');
    await waitOpen();
    await closeButton().waitFor();
    await suite.page.locator('feelback-launcher feelback-rating-bar').getByRole('radio').first().focus();
    await suite.page.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
    const events = await suite.server.waitForAccepted(2, 15_000);
    expect(events.map((event) => [event.type, event.launcher?.reason])).toEqual([['shown', undefined], ['dismissed', 'escape']]);

    await suite.page.reload();
    await suite.page.waitForFunction(() => customElements.get('feelback-launcher'));
    expect(await stayedClosed(800)).toBe(true);
  });

  it('a route change via history.pushState cancels a pending delay', async () => {
    await openLauncher('delay="1" url="/launcher.html"');
    await suite.page.evaluate(() => history.pushState(null, '', '/elsewhere'));
    expect(await stayedClosed(1500)).toBe(true);
    await suite.page.evaluate(() => history.pushState(null, '', '/launcher.html'));
    await waitOpen();
  });

  it('modal: focus moves in, stays in, Escape closes, focus returns; no serious axe violation', async () => {
    await openLauncher('manual display="modal"');
    await suite.page.getByRole('button', { name: 'Before' }).focus();
    await suite.page.evaluate(() => void document.querySelector('feelback-launcher')!.show());
    await waitOpen();
    await expect.poll(() => suite.page.evaluate(() => document.activeElement?.localName)).toBe('feelback-rating-bar');
    expect(await seriousViolations(suite.page)).toEqual([]);
    // Tab cycles within the dialog: the page behind is inert.
    for (let i = 0; i < 6; i++) {
      await suite.page.keyboard.press('Tab');
      const inside = await suite.page.evaluate(() => document.querySelector('feelback-launcher')!.contains(document.activeElement) || document.activeElement === document.body);
      expect(inside).toBe(true);
    }
    await suite.page.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
    expect(await suite.page.evaluate(() => document.activeElement?.id)).toBe('opener');
    // shown and dismissed, delivered before the page closes.
    await suite.server.waitForAccepted(2, 15_000);
  });

  it('popover: does not take focus, and passes axe', async () => {
    await openLauncher('manual');
    await suite.page.getByRole('button', { name: 'Before' }).focus();
    await suite.page.evaluate(() => void document.querySelector('feelback-launcher')!.show());
    await waitOpen();
    expect(await suite.page.evaluate(() => document.activeElement?.id)).toBe('opener');
    expect(await seriousViolations(suite.page)).toEqual([]);
    await suite.server.waitForAccepted(1, 15_000);
  });

  it('mirrors bottom-end in a right-to-left page', async () => {
    await suite.page.setViewportSize({ width: 1200, height: 800 });
    await suite.openPage('/rtl.html', `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>rtl</title><script type="module" src="/dist/feelback.min.js"></script></head><body><feelback-launcher>${widget()}</feelback-launcher></body></html>`, { waitFor: 'feelback-launcher' });
    await waitOpen();
    const box = await suite.page.locator('feelback-launcher').evaluate((el) => el.shadowRoot!.querySelector('[part="base"]')!.getBoundingClientRect().toJSON());
    expect(box.left).toBeLessThan(40);
    expect(await closeButton().count()).toBe(0);
    expect(await suite.page.locator('feelback-launcher').getByRole('button', { name: 'إغلاق' }).count()).toBe(1);
  });

  it('mobile: a bottom sheet at 390×844 that rises above the on-screen keyboard', async () => {
    await suite.page.setViewportSize({ width: 390, height: 844 });
    await openLauncher('manual', { body: '<button style="position:fixed;bottom:0;right:0">Next</button>' });
    await suite.page.evaluate(() => void document.querySelector('feelback-launcher')!.show());
    await waitOpen();
    const panel = () => suite.page.locator('feelback-launcher').evaluate((el) => el.shadowRoot!.querySelector('[part="base"]')!.getBoundingClientRect().toJSON());
    const sheet = await panel();
    expect(sheet.width).toBe(390);
    expect(sheet.left).toBe(0);
    expect(Math.round(sheet.bottom)).toBe(844);
    // The keyboard takes the bottom 300 px: the visual viewport shrinks and reports it.
    await suite.page.evaluate(() => {
      Object.defineProperty(visualViewport, 'height', { configurable: true, get: () => 544 });
      visualViewport!.dispatchEvent(new Event('resize'));
    });
    await expect.poll(async () => Math.round((await panel()).bottom)).toBe(544);
    expect((await panel()).top).toBeGreaterThanOrEqual(0);
    // Delivered before the page closes, so its beacon cannot reach the next test's record.
    const [shown] = await suite.server.waitForAccepted(1, 15_000);
    expect(shown).toMatchObject({ type: 'shown', launcher: { trigger: 'manual' } });
  });
});

describe('dist/launcher.min.js', () => {
  it('loads the widgets from beside itself, then opens and reports shown through them', async () => {
    const requested: string[] = [];
    suite.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await suite.openPage('/lite.html', pageHtml(`<feelback-launcher delay="1">${widget()}</feelback-launcher>`, { title: 'lite', bundle: false, head: '<script type="module" src="/dist/launcher.min.js"></script>' }), { waitFor: 'feelback-launcher' });
    await waitOpen();
    expect(requested).toContain('/dist/feelback.min.js');
    expect(await suite.page.evaluate(() => customElements.get('feelback-rating-bar') !== undefined)).toBe(true);
    // This page's own event (an earlier page's late beacon would carry its own URL).
    const ownEvents = () => suite.server.accepted.filter((event) => event.context.url.endsWith('/lite.html'));
    await expect.poll(() => ownEvents().length, { timeout: 15_000 }).toBe(1);
    const shown = ownEvents();
    expect(shown[0]).toMatchObject({ type: 'shown', launcher: { trigger: 'delay' } });
    expect(suite.consoleLog.warnings).toEqual([]);
    expect(suite.consoleLog.errors).toEqual([]);
  });

  it('a widget bundle that fails to load warns once and keeps the launcher closed, without a page error', async () => {
    await suite.page.route('**/dist/feelback.min.js', (route) => route.fulfill({ status: 404, body: '' }));
    await suite.openPage('/lite-404.html', pageHtml(`<feelback-launcher on-event="ask">${widget()}</feelback-launcher>`, { title: 'lite', bundle: false, head: '<script type="module" src="/dist/launcher.min.js"></script>' }), { waitFor: 'feelback-launcher' });
    await suite.page.evaluate(() => window.dispatchEvent(new Event('ask')));
    await suite.page.evaluate(() => window.dispatchEvent(new Event('ask')));
    expect(await stayedClosed(800)).toBe(true);
    const pageErrors = suite.consoleLog.errors.filter((error) => !/Failed to load resource/.test(error));
    expect(pageErrors).toEqual([]);
    expect(suite.consoleLog.warnings.filter((warning) => warning.includes('could not load the widgets'))).toHaveLength(1);
  });
});
