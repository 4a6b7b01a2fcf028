import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageHtml, useBrowserSuite } from './support/suite.js';

// The policy the issue names: nothing inline, nothing from elsewhere, Trusted Types enforced.
const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'";
const TAGS = ['feelback-rating-bar', 'feelback-feeling-prompt', 'feelback-callback-request'] as const;
const BODY = `<main>
<feelback-rating-bar widget-id="rate" endpoint="/collect"></feelback-rating-bar>
<feelback-feeling-prompt widget-id="feel" endpoint="/collect" no-comment></feelback-feeling-prompt>
<feelback-callback-request widget-id="call" endpoint="/collect" min-fill-ms="0"></feelback-callback-request>
</main>`;

const suite = useBrowserSuite({ init: recordViolations });

function html(copies = 1): string {
  const scripts = Array.from({ length: copies }, (_, i) => `<script type="module" src="/dist/feelback.min.js${i ? `?copy=${i}` : ''}"></script>`);
  return pageHtml(BODY, { title: 'csp', head: scripts.join(''), bundle: false });
}

async function open(path: string, csp: string | undefined, copies = 1): Promise<void> {
  await suite.openPage(path, html(copies), { headers: csp ? { 'content-security-policy': csp } : {}, waitFor: TAGS });
  await suite.page.getByRole('radio', { name: '4 of 5 stars' }).waitFor();
}

/** Records every CSP violation on the page; init scripts are not subject to the page's CSP. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { violations: string[] }).violations = []);
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
  });
}

/** Every violation the page reported, from an init script (init scripts are not subject to the page's CSP). */
const violations = () => suite.page.evaluate(() => (window as unknown as { violations: string[] }).violations);

/** A fingerprint of how every shadow element is laid out and painted. */
function styleFingerprint(): Promise<Record<string, string[]>> {
  return suite.page.evaluate((tags) => {
    const props = ['display', 'width', 'height', 'color', 'background-color', 'border-radius', 'padding-top', 'font-size', 'outline-style'];
    return Object.fromEntries(
      tags.map((tag) => {
        const root = document.querySelector(tag)!.shadowRoot!;
        return [tag, [...root.querySelectorAll('*')].map((el) => {
          const style = getComputedStyle(el);
          return `${el.localName}:${props.map((prop) => style.getPropertyValue(prop)).join('|')}`;
        })];
      }),
    );
  }, [...TAGS]);
}

describe('under a strict CSP with Trusted Types required', () => {
  it('every element renders styled exactly as without a CSP, through constructable stylesheets', async () => {
    await open('/plain.html', undefined);
    const plain = await styleFingerprint();
    await suite.page.close();
    await suite.newPage();
    await open('/strict.html', STRICT);
    const strict = await styleFingerprint();
    expect(strict).toEqual(plain);
    const sheets = await suite.page.evaluate((tags) => tags.map((tag) => {
      const root = document.querySelector(tag)!.shadowRoot!;
      return { adopted: root.adoptedStyleSheets.length, styleElements: root.querySelectorAll('style').length };
    }), [...TAGS]);
    for (const sheet of sheets) expect(sheet).toEqual({ adopted: expect.any(Number), styleElements: 0 });
    for (const sheet of sheets) expect(sheet.adopted).toBeGreaterThan(0);
    // Styled, not merely "the same": a star is a sized, square target.
    const star = await suite.page.getByRole('radio', { name: '4 of 5 stars' }).boundingBox();
    expect(star!.width).toBeGreaterThanOrEqual(24);
    expect(star!.height).toBeGreaterThanOrEqual(24);
    expect(await violations()).toEqual([]);
    expect(suite.consoleLog.errors).toEqual([]);
  });

  it('delivers a rating, a feeling and a call-back request, with no violation reported', async () => {
    await open('/deliver.html', STRICT);
    await suite.page.getByRole('radio', { name: '4 of 5 stars' }).click();
    await suite.page.getByRole('radio', { name: 'Happy' }).click();
    await suite.page.getByRole('textbox', { name: 'Name (required)' }).fill('Ada Lovelace');
    await suite.page.getByRole('textbox', { name: 'Phone number (required)' }).fill('+44 20 7946 0958');
    await suite.page.getByRole('checkbox', { name: /I agree/ }).check();
    await suite.page.getByRole('button', { name: 'Request a call back' }).click();
    const events = await suite.server.waitForAccepted(3);
    expect(events.map((event) => `${event.widget}:${event.type}`).sort()).toEqual(['call:callback', 'feel:feeling', 'rate:rating']);
    await expect.poll(() => suite.page.getByText(/We'll call you/).isVisible()).toBe(true);
    expect(await violations()).toEqual([]);
    expect(suite.consoleLog.errors).toEqual([]);
  });

  it('a site that restricts policy names works with `trusted-types lit-html`', async () => {
    await open('/named.html', `${STRICT}; trusted-types lit-html`);
    await suite.page.getByRole('radio', { name: '2 of 5 stars' }).click();
    await suite.server.waitForAccepted(1);
    expect(await violations()).toEqual([]);
    expect(suite.consoleLog.errors).toEqual([]);
  });

  it("two copies of the library under `trusted-types lit-html 'allow-duplicates'`: the second warns, the first keeps working", async () => {
    await open('/twice.html', `${STRICT}; trusted-types lit-html 'allow-duplicates'`, 2);
    // The second copy warns for each element it defines itself. The call-back form's on-demand
    // file is resolved without the query, so both copies share that one module: it defines once.
    await expect
      .poll(() => suite.consoleLog.warnings.filter((warning) => warning.includes('already defined by another copy')).map((warning) => /<([a-z-]+)>/.exec(warning)?.[1]).sort())
      .toEqual(['feelback-feeling-prompt', 'feelback-rating-bar']);
    await suite.page.getByRole('radio', { name: '5 of 5 stars' }).click();
    const [event] = await suite.server.waitForAccepted(1);
    expect(event!.rating?.value).toBe(5);
    expect(await violations()).toEqual([]);
    expect(suite.consoleLog.errors).toEqual([]);
  });
});
