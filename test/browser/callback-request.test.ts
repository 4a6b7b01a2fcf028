import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { pageHtml, useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// Short backoff so a retried request lands within the test; everything else is the shipped default.
const HEAD = `
<script type="module">
  import { configure } from '/dist/feelback.min.js';
  configure({ transport: { backoffBaseMs: 50, backoffCapMs: 200, flushIntervalMs: 0 } });
</script>`;

async function open(path: string, body: string): Promise<void> {
  await suite.page.clock.install();
  await suite.openPage(path, pageHtml(body, { title: 'callback request', head: HEAD, bundle: false }), { waitFor: 'feelback-callback-request' });
  await suite.page.getByRole('textbox', { name: 'Name (required)' }).waitFor();
}

async function fill(phone: string): Promise<void> {
  await suite.page.getByRole('textbox', { name: 'Name (required)' }).fill('Ada Lovelace');
  await suite.page.getByRole('textbox', { name: 'Phone number (required)' }).fill(phone);
  await suite.page.getByRole('radio', { name: 'Afternoon' }).check();
  await suite.page.getByRole('textbox', { name: 'What is it about? (optional)' }).fill('Broken lamp, order 1234');
  await suite.page.getByRole('checkbox', { name: 'I agree that you may use my name and phone number' }).check();
  // A person takes longer than the minimum fill time; the page clock says so without waiting.
  await suite.page.clock.fastForward(2000);
}

/** Everything in web storage, as one string. */
function storage(): Promise<string> {
  return suite.page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
}

function expectNothingPersonal(stored: string): void {
  for (const personal of ['Ada', 'Lovelace', '2079460958', '7946', 'Broken lamp', 'callback']) {
    expect(stored).not.toContain(personal);
  }
}

const ELEMENT = '<feelback-callback-request endpoint="/collect" widget-id="support"></feelback-callback-request>';

describe('callback request in Chromium, delivering to a real server', () => {
  it('blocks and marks an invalid phone, then delivers the corrected request normalised with consent', async () => {
    await open('/invalid.html', ELEMENT);
    await fill('020 79');
    await suite.page.getByRole('button', { name: 'Request a call back' }).click();

    const phone = suite.page.getByRole('textbox', { name: 'Phone number (required)' });
    await expect.poll(() => phone.getAttribute('aria-invalid')).toBe('true');
    const marked = await suite.page.evaluate(() => {
      const root = document.querySelector('feelback-callback-request')!.shadowRoot!;
      const input = root.querySelector('#phone')!;
      const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => root.getElementById(id)?.textContent?.trim());
      return { focused: root.activeElement?.id, described, alert: root.querySelector('[role="alert"]')?.textContent?.trim() };
    });
    expect(marked.focused).toBe('phone');
    expect(marked.described).toContain('Enter a phone number with 7 to 15 digits');
    expect(marked.alert).toBe('Please correct 1 field: Phone number.');

    await phone.fill('+44 (0)20 7946-0958');
    await suite.page.getByRole('button', { name: 'Request a call back' }).click();
    const [event] = await suite.server.waitForAccepted(1);
    await expect.poll(() => suite.page.getByText("Thanks, Ada Lovelace. We'll call you in the afternoon.").isVisible()).toBe(true);

    // The blocked attempt never left the page: the only event the server ever saw is the corrected one.
    expect(suite.server.requests.flatMap((request) => request.events)).toHaveLength(1);
    expect(event).toMatchObject({ type: 'callback', widget: 'support' });
    expect(event!.callback).toEqual({
      name: 'Ada Lovelace',
      phone: '+442079460958',
      window: 'afternoon',
      topic: 'Broken lamp, order 1234',
      consent: true,
      timeZone: await suite.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
    });
    expect(suite.consoleLog.errors).toEqual([]);
  });

  it('keeps nothing personal in localStorage or sessionStorage, while retrying or after delivery', async () => {
    suite.server.respond((_request, attempt) => (attempt === 0 ? 503 : 204));
    await open('/storage.html', ELEMENT);
    await fill('+44 20 7946 0958');
    await suite.page.getByRole('button', { name: 'Request a call back' }).click();

    await expect.poll(() => suite.server.requests.length).toBeGreaterThanOrEqual(1);
    expectNothingPersonal(await storage());

    const [event] = await suite.server.waitForAccepted(1);
    expect(suite.server.requests[0]!.events[0]!.id).toBe(event!.id);
    await expect.poll(() => suite.page.getByText("Thanks, Ada Lovelace. We'll call you in the afternoon.").isVisible()).toBe(true);
    expectNothingPersonal(await storage());
    expect(await suite.page.getByRole('textbox').count()).toBe(0);
  });

  it('on a refused request shows the error, keeps every value, and Retry delivers the same event', async () => {
    suite.server.respond(() => 400);
    await open('/retry.html', ELEMENT);
    await fill('+44 20 7946 0958');
    await suite.page.getByRole('button', { name: 'Request a call back' }).click();

    const retry = suite.page.getByRole('button', { name: 'Try again' });
    await retry.waitFor();
    expect(await suite.page.getByRole('alert').textContent()).toContain("We couldn't send your request.");
    expect(await suite.page.getByRole('textbox', { name: 'Name (required)' }).inputValue()).toBe('Ada Lovelace');
    expect(await suite.page.getByRole('textbox', { name: 'Phone number (required)' }).inputValue()).toBe('+44 20 7946 0958');
    expect(await suite.page.getByRole('textbox', { name: 'What is it about? (optional)' }).inputValue()).toBe('Broken lamp, order 1234');
    expect(await suite.page.getByRole('radio', { name: 'Afternoon' }).isChecked()).toBe(true);
    expect(await suite.page.getByRole('checkbox').isChecked()).toBe(true);

    suite.server.respond(() => 204);
    await retry.click();
    const [event] = await suite.server.waitForAccepted(1);
    expect(event!.id).toBe(suite.server.requests[0]!.events[0]!.id);
    await expect.poll(() => suite.page.getByText("Thanks, Ada Lovelace. We'll call you in the afternoon.").isVisible()).toBe(true);
  });

  it('has no axe violations, with errors shown and in the confirmation', async () => {
    await open('/axe.html', '<main><feelback-callback-request endpoint="/collect" cancelable></feelback-callback-request></main>');
    await suite.page.addScriptTag({ path: AXE });
    const violations = () =>
      suite.page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<{ violations: Array<{ id: string }> }> } }).axe;
        const result = await axe.run({ include: [['feelback-callback-request']] });
        return result.violations.map((violation) => violation.id);
      });
    await suite.page.getByRole('button', { name: 'Request a call back' }).click();
    await expect.poll(() => suite.page.getByRole('textbox', { name: 'Name (required)' }).getAttribute('aria-invalid')).toBe('true');
    expect(await violations()).toEqual([]);

    await fill('+44 20 7946 0958');
    await suite.page.getByRole('button', { name: 'Request a call back' }).click();
    await suite.server.waitForAccepted(1);
    await expect.poll(() => suite.page.getByText("Thanks, Ada Lovelace. We'll call you in the afternoon.").isVisible()).toBe(true);
    expect(await violations()).toEqual([]);
  });
});
