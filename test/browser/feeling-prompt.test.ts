import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchConsole } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';

let browser: Browser;
let server: TestServer;
let page: Page;
let consoleLog: ReturnType<typeof watchConsole>;

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function html(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>feeling prompt</title>
<script type="module" src="/dist/feelback.min.js"></script></head><body>${body}</body></html>`;
}

async function open(path: string, body: string): Promise<void> {
  server.page(path, html(body));
  await page.goto(`${server.origin}${path}`);
  await page.waitForFunction(() => customElements.get('feelback-feeling-prompt') !== undefined);
}

/** The focused element, looking through shadow roots, described by role and name. */
function focusedElement(): Promise<{ tag: string; role: string | null; label: string | null; text: string }> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return {
      tag: active?.localName ?? '',
      role: active?.getAttribute('role') ?? null,
      label: active?.getAttribute('aria-label') ?? null,
      text: active?.textContent?.trim() ?? '',
    };
  });
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
afterEach(async () => {
  await page?.close();
});

describe('feeling prompt in Chromium, delivering to a real server', () => {
  it('"Frustrated" arrives at once; the comment arrives linked to it', async () => {
    await open('/feel.html', '<feelback-feeling-prompt widget-id="support" endpoint="/collect"></feelback-feeling-prompt>');
    const group = page.getByRole('radiogroup', { name: 'How did we make you feel?' });
    await expect.poll(async () => (await group.getByRole('radio').allTextContents()).map((text) => text.trim())).toEqual(['Angry', 'Frustrated', 'Okay', 'Happy', 'Delighted']);

    await group.getByRole('radio', { name: 'Frustrated' }).click();
    const [feeling] = await server.waitForAccepted(1);
    expect(feeling.id).toMatch(UUID_V4);
    expect(feeling).toMatchObject({ type: 'feeling', widget: 'support', feeling: { id: 'frustrated', score: -1 } });
    expect(server.accepted).toHaveLength(1);

    await expect.poll(() => page.getByText('We’re sorry we let you down.', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'What went wrong?' }).fill('The coupon code was rejected twice.');
    await expect.poll(() => page.getByText('35 of 1000 characters', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Send' }).click();
    const [, comment] = await server.waitForAccepted(2);
    expect(comment).toMatchObject({
      type: 'comment',
      widget: 'support',
      comment: { text: 'The coupon code was rejected twice.', replyTo: feeling.id },
    });
    await expect.poll(() => page.getByText('Thank you — we read every message.', { exact: true }).isVisible()).toBe(true);
    expect(consoleLog.errors).toEqual([]);
    expect(consoleLog.warnings).toEqual([]);
  });

  it('the keyboard alone: Tab in, arrows move, Enter commits; focus stays on the chosen face', async () => {
    await open('/keys.html', '<button>before</button><feelback-feeling-prompt endpoint="/collect"></feelback-feeling-prompt>');
    await page.getByRole('button', { name: 'before' }).focus();
    await page.keyboard.press('Tab');
    expect(await focusedElement()).toMatchObject({ role: 'radio', text: 'Angry' });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focusedElement()).toMatchObject({ role: 'radio', text: 'Okay' });
    expect(server.requests).toHaveLength(0);
    await page.keyboard.press('Enter');
    const [event] = await server.waitForAccepted(1);
    expect(event.feeling).toEqual({ id: 'neutral', score: 0 });
    expect(await focusedElement()).toMatchObject({ role: 'radio', text: 'Okay' });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'You chose Okay.' }).count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await focusedElement()).toMatchObject({ tag: 'textarea' });
  });

  it('every face is a target of at least 44×44 CSS px, all five in one row on a 320px phone', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await open('/sizes.html', '<feelback-feeling-prompt endpoint="/collect"></feelback-feeling-prompt>');
    const boxes = await page.getByRole('radio').evaluateAll((radios) =>
      radios.map((radio) => {
        const { width, height, top } = radio.getBoundingClientRect();
        return { width, height, top };
      }),
    );
    expect(boxes).toHaveLength(5);
    for (const box of boxes) {
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.top).toBe(boxes[0].top);
    }
  });

  it('the follow-up fades in, and does not under prefers-reduced-motion', async () => {
    const animations = () =>
      page.evaluate(() => {
        const host = document.querySelector('feelback-feeling-prompt')!;
        return host.shadowRoot!.querySelector('.follow-up')!.getAnimations().length;
      });
    await open('/motion.html', '<feelback-feeling-prompt endpoint="/collect"></feelback-feeling-prompt>');
    await page.getByRole('radio', { name: 'Happy' }).click();
    expect(await animations()).toBe(1);

    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open('/still.html', '<feelback-feeling-prompt endpoint="/collect"></feelback-feeling-prompt>');
    await page.getByRole('radio', { name: 'Happy' }).click();
    expect(await animations()).toBe(0);
  });
});

describe('feeling prompt with the real <feelback-callback-request>', () => {
  async function openCallback(): Promise<void> {
    await open(
      '/callback.html',
      '<feelback-feeling-prompt widget-id="support" endpoint="/collect" offer-callback></feelback-feeling-prompt>',
    );
    await page.waitForFunction(() => customElements.get('feelback-callback-request') !== undefined);
  }

  it('"Request a call back" opens the form in place; its event is linked to the feeling', async () => {
    await openCallback();
    await page.getByRole('radio', { name: 'Angry' }).click();
    const [feeling] = await server.waitForAccepted(1);
    await page.getByRole('button', { name: 'Request a call back' }).click();
    const form = page.getByRole('group', { name: 'Request a call back' });
    await expect.poll(() => form.getByRole('heading', { name: 'Request a call back' }).isVisible()).toBe(true);
    expect(await page.getByRole('radiogroup').count()).toBe(0);

    // The form drops answers sent faster than a person could type; this test types faster.
    await page.evaluate(() => {
      const prompt = document.querySelector('feelback-feeling-prompt')!;
      (prompt.shadowRoot!.querySelector('feelback-callback-request') as unknown as { minFillMs: number }).minFillMs = 0;
    });
    await form.getByRole('textbox', { name: /Name/ }).fill('Ada Lovelace');
    await form.getByRole('textbox', { name: /Phone number/ }).fill('+44 20 7946 0958');
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Request a call back' }).click();

    const [, callback] = await server.waitForAccepted(2);
    expect(callback).toMatchObject({
      type: 'callback',
      widget: 'support',
      callback: { name: 'Ada Lovelace', phone: '+442079460958', consent: true, replyTo: feeling.id },
    });
    await expect.poll(() => page.getByText(/Thanks, Ada Lovelace\. We.ll call you/).isVisible()).toBe(true);
    expect(consoleLog.errors).toEqual([]);
  });

  it('focus moves to the form on opening and back to the action on Cancel', async () => {
    await openCallback();
    await page.getByRole('radio', { name: 'Frustrated' }).click();
    await page.getByRole('textbox', { name: 'What went wrong?' }).fill('Waited 40 minutes');
    await page.getByRole('button', { name: 'Request a call back' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focusedElement).toMatchObject({ role: 'group', label: 'Request a call back' });
    await page.keyboard.press('Tab');
    expect(await focusedElement()).toMatchObject({ tag: 'input' });

    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(focusedElement).toMatchObject({ tag: 'button', text: 'Request a call back' });
    expect(await page.getByRole('textbox', { name: 'What went wrong?' }).inputValue()).toBe('Waited 40 minutes');
    await server.waitForAccepted(1);
    expect(server.accepted.map((event) => event.type)).toEqual(['feeling']);
  });

  it('happy visitors are not offered a call back', async () => {
    await openCallback();
    await page.getByRole('radio', { name: 'Delighted' }).click();
    await expect.poll(() => page.getByText('What did we do well?', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Request a call back' }).count()).toBe(0);
  });
});
