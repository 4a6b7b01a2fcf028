import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { launchBrowser, watchConsole } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';

let browser: Browser;
let server: TestServer;
let page: Page;
let consoleLog: ReturnType<typeof watchConsole>;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// Short backoff so a retried request lands within the test; everything else is the shipped default.
function html(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>callback request</title>
<script type="module">
  import { configure } from '/dist/feelback.min.js';
  configure({ transport: { backoffBaseMs: 50, backoffCapMs: 200, flushIntervalMs: 0 } });
</script></head><body>${body}</body></html>`;
}

async function open(path: string, body: string): Promise<void> {
  server.page(path, html(body));
  await page.clock.install();
  await page.goto(`${server.origin}${path}`);
  await page.waitForFunction(() => customElements.get('feelback-callback-request') !== undefined);
  await page.getByRole('textbox', { name: 'Name (required)' }).waitFor();
}

async function fill(phone: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Name (required)' }).fill('Ada Lovelace');
  await page.getByRole('textbox', { name: 'Phone number (required)' }).fill(phone);
  await page.getByRole('radio', { name: 'Afternoon' }).check();
  await page.getByRole('textbox', { name: 'What is it about? (optional)' }).fill('Broken lamp, order 1234');
  await page.getByRole('checkbox', { name: 'I agree that you may use my name and phone number' }).check();
  // A person takes longer than the minimum fill time; the page clock says so without waiting.
  await page.clock.fastForward(2000);
}

/** Everything in web storage, as one string. */
function storage(): Promise<string> {
  return page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
}

function expectNothingPersonal(stored: string): void {
  for (const personal of ['Ada', 'Lovelace', '2079460958', '7946', 'Broken lamp', 'callback']) {
    expect(stored).not.toContain(personal);
  }
}

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  server.requests.length = 0;
  server.accepted.length = 0;
  server.respond(() => 204);
  page = await browser.newPage();
  consoleLog = watchConsole(page);
});

const ELEMENT = '<feelback-callback-request endpoint="/collect" widget-id="support"></feelback-callback-request>';

describe('callback request in Chromium, delivering to a real server', () => {
  it('blocks and marks an invalid phone, then delivers the corrected request normalised with consent', async () => {
    await open('/invalid.html', ELEMENT);
    await fill('020 79');
    await page.getByRole('button', { name: 'Request a call back' }).click();

    const phone = page.getByRole('textbox', { name: 'Phone number (required)' });
    await expect.poll(() => phone.getAttribute('aria-invalid')).toBe('true');
    const marked = await page.evaluate(() => {
      const root = document.querySelector('feelback-callback-request')!.shadowRoot!;
      const input = root.querySelector('#phone')!;
      const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => root.getElementById(id)?.textContent?.trim());
      return { focused: root.activeElement?.id, described, alert: root.querySelector('[role="alert"]')?.textContent?.trim() };
    });
    expect(marked.focused).toBe('phone');
    expect(marked.described).toContain('Enter a phone number with 7 to 15 digits');
    expect(marked.alert).toBe('Please correct 1 field: Phone number.');

    await phone.fill('+44 (0)20 7946-0958');
    await page.getByRole('button', { name: 'Request a call back' }).click();
    const [event] = await server.waitForAccepted(1);
    await expect.poll(() => page.getByText("Thanks, Ada Lovelace. We'll call you in the afternoon.").isVisible()).toBe(true);

    // The blocked attempt never left the page: the only event the server ever saw is the corrected one.
    expect(server.requests.flatMap((request) => request.events)).toHaveLength(1);
    expect(event).toMatchObject({ type: 'callback', widget: 'support' });
    expect(event!.callback).toEqual({
      name: 'Ada Lovelace',
      phone: '+442079460958',
      window: 'afternoon',
      topic: 'Broken lamp, order 1234',
      consent: true,
      timeZone: await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
    });
    expect(consoleLog.errors).toEqual([]);
  });

  it('keeps nothing personal in localStorage or sessionStorage, while retrying or after delivery', async () => {
    server.respond((_request, attempt) => (attempt === 0 ? 503 : 204));
    await open('/storage.html', ELEMENT);
    await fill('+44 20 7946 0958');
    await page.getByRole('button', { name: 'Request a call back' }).click();

    await expect.poll(() => server.requests.length).toBeGreaterThanOrEqual(1);
    expectNothingPersonal(await storage());

    const [event] = await server.waitForAccepted(1);
    expect(server.requests[0]!.events[0]!.id).toBe(event!.id);
    await expect.poll(() => page.getByText("Thanks, Ada Lovelace. We'll call you in the afternoon.").isVisible()).toBe(true);
    expectNothingPersonal(await storage());
    expect(await page.getByRole('textbox').count()).toBe(0);
  });

  it('on a refused request shows the error, keeps every value, and Retry delivers the same event', async () => {
    server.respond(() => 400);
    await open('/retry.html', ELEMENT);
    await fill('+44 20 7946 0958');
    await page.getByRole('button', { name: 'Request a call back' }).click();

    const retry = page.getByRole('button', { name: 'Try again' });
    await retry.waitFor();
    expect(await page.getByRole('alert').textContent()).toContain("We couldn't send your request.");
    expect(await page.getByRole('textbox', { name: 'Name (required)' }).inputValue()).toBe('Ada Lovelace');
    expect(await page.getByRole('textbox', { name: 'Phone number (required)' }).inputValue()).toBe('+44 20 7946 0958');
    expect(await page.getByRole('textbox', { name: 'What is it about? (optional)' }).inputValue()).toBe('Broken lamp, order 1234');
    expect(await page.getByRole('radio', { name: 'Afternoon' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox').isChecked()).toBe(true);

    server.respond(() => 204);
    await retry.click();
    const [event] = await server.waitForAccepted(1);
    expect(event!.id).toBe(server.requests[0]!.events[0]!.id);
    await expect.poll(() => page.getByText("Thanks, Ada Lovelace. We'll call you in the afternoon.").isVisible()).toBe(true);
  });

  it('has no axe violations, with errors shown and in the confirmation', async () => {
    await open('/axe.html', '<main><feelback-callback-request endpoint="/collect" cancelable></feelback-callback-request></main>');
    await page.addScriptTag({ path: AXE });
    const violations = () =>
      page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<{ violations: Array<{ id: string }> }> } }).axe;
        const result = await axe.run({ include: [['feelback-callback-request']] });
        return result.violations.map((violation) => violation.id);
      });
    await page.getByRole('button', { name: 'Request a call back' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Name (required)' }).getAttribute('aria-invalid')).toBe('true');
    expect(await violations()).toEqual([]);

    await fill('+44 20 7946 0958');
    await page.getByRole('button', { name: 'Request a call back' }).click();
    await server.waitForAccepted(1);
    await expect.poll(() => page.getByText("Thanks, Ada Lovelace. We'll call you in the afternoon.").isVisible()).toBe(true);
    expect(await violations()).toEqual([]);
  });
});
