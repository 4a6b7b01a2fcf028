import { describe, expect, it } from 'vitest';
import { pageHtml, useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite();

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RATINGS = ['good', 'needs-improvement', 'poor'];

/** A page that configures feelback from its own module script, as a site would. */
function html(options: string, body: string): string {
  const head = `
<script type="module">
  import { configure } from '/dist/feelback.min.js';
  configure(${options});
</script>`;
  return pageHtml(`<h1>Checkout complete</h1>${body}`, { title: 'context', head, bundle: false });
}

async function open(path: string, options: string, body: string): Promise<void> {
  await suite.openPage(path, html(options, body), {
    query: '?token=secret&email=a%40b.c#access_token=xyz',
    referer: 'https://search.example/results?q=my+order+number',
    waitFor: 'feelback-rating-bar',
  });
}

/**
 * Waits until the page has painted and loaded, as a visitor who reads before
 * clicking would, and until feelback has heard about it: web-vitals reports
 * from PerformanceObserver callbacks, a task after the entry is recorded.
 */
async function waitForFirstPaintObserved(): Promise<void> {
  await suite.page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  await expect
    .poll(() =>
      // A string, so the test runner does not rewrite the page's own import().
      suite.page.evaluate<boolean>(`import('/dist/feelback.min.js').then(({ currentVitals }) => {
        const vitals = currentVitals();
        return Boolean(vitals && vitals.FCP && vitals.TTFB);
      })`),
    )
    .toBe(true);
}

describe('context on every answer, in Chromium, as the server receives it', () => {
  it('a rating clicked after first paint carries TTFB and FCP, the URL without its query, and the merged metadata', async () => {
    await open(
      '/context.html',
      `{ endpoint: '/collect', metadata: { app: 'shop', plan: 'free' } }`,
      '<feelback-rating-bar widget-id="checkout-stars"></feelback-rating-bar>',
    );
    await suite.page.locator('feelback-rating-bar').evaluate((bar) => {
      (bar as HTMLElement & { metadata: unknown }).metadata = { plan: 'pro', cart: 3 };
    });
    await waitForFirstPaintObserved();
    await suite.page.getByRole('radio', { name: '2 of 5 stars' }).click();
    const [event] = await suite.server.waitForAccepted(1);

    expect(event.widget).toBe('checkout-stars');
    expect(event.metadata).toEqual({ app: 'shop', plan: 'pro', cart: 3 });
    const { context } = event;
    expect(context.url).toBe(`${suite.server.origin}/context.html`);
    expect(context.referrer).toBe('https://search.example');
    expect(context.locale).toBe('en');
    expect(context.sessionId).toMatch(UUID_V4);
    expect(context.viewport).toEqual(await suite.page.evaluate(() => ({ width: innerWidth, height: innerHeight })));
    for (const name of ['TTFB', 'FCP'] as const) {
      const vital = context.vitals?.[name];
      expect(typeof vital?.value).toBe('number');
      expect(vital!.value).toBeGreaterThanOrEqual(0);
      expect(RATINGS).toContain(vital!.rating);
    }
    expect(suite.consoleLog.errors).toEqual([]);
    expect(suite.consoleLog.warnings).toEqual([]);
  });

  it('two answers in one tab share the session id; a reload of the tab keeps it', async () => {
    await open('/session.html', `{ endpoint: '/collect' }`, '<feelback-rating-bar></feelback-rating-bar>');
    await suite.page.getByRole('radio', { name: '4 of 5 stars' }).click();
    await suite.server.waitForAccepted(1);
    await suite.page.reload();
    await suite.page.waitForFunction(() => customElements.get('feelback-rating-bar') !== undefined);
    await suite.page.getByRole('radio', { name: '5 of 5 stars' }).click();
    const [first, second] = await suite.server.waitForAccepted(2);
    expect(first.context.sessionId).toMatch(UUID_V4);
    expect(second.context.sessionId).toBe(first.context.sessionId);
    expect(await suite.page.evaluate(() => document.cookie)).toBe('');
  });

  it('a site that opts in gets the query string and no vitals; bad options warn and are ignored', async () => {
    await open(
      '/opt-in.html',
      `{ endpoint: '/collect', vitals: false, context: { includeQuery: true, includeReferrer: 'none', includeHash: true } }`,
      '<feelback-rating-bar></feelback-rating-bar>',
    );
    await suite.page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    await suite.page.getByRole('radio', { name: '3 of 5 stars' }).click();
    const [event] = await suite.server.waitForAccepted(1);
    expect(event.context.url).toBe(`${suite.server.origin}/opt-in.html?token=secret&email=a%40b.c#access_token=xyz`);
    expect(event.context.referrer).toBe('');
    expect(event.context).not.toHaveProperty('vitals');
    expect(suite.consoleLog.warnings).toEqual(['feelback: configure(): unknown option "context.includeHash" ignored.']);
  });
});
