import { describe, expect, it } from 'vitest';
import { pageHtml, useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite({ closePage: true });

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function open(path: string, body: string): Promise<void> {
  await suite.openPage(path, pageHtml(body, { title: 'feeling prompt' }), { waitFor: 'feelback-feeling-prompt' });
}

/** The focused element, looking through shadow roots, described by role and name. */
function focusedElement(): Promise<{ tag: string; role: string | null; label: string | null; text: string }> {
  return suite.page.evaluate(() => {
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

describe('feeling prompt in Chromium, delivering to a real server', () => {
  it('"Frustrated" arrives at once; the comment arrives linked to it', async () => {
    await open('/feel.html', '<feelback-feeling-prompt widget-id="support" endpoint="/collect"></feelback-feeling-prompt>');
    const group = suite.page.getByRole('radiogroup', { name: 'How did we make you feel?' });
    await expect.poll(async () => (await group.getByRole('radio').allTextContents()).map((text) => text.trim())).toEqual(['Angry', 'Frustrated', 'Okay', 'Happy', 'Delighted']);

    await group.getByRole('radio', { name: 'Frustrated' }).click();
    const [feeling] = await suite.server.waitForAccepted(1);
    expect(feeling.id).toMatch(UUID_V4);
    expect(feeling).toMatchObject({ type: 'feeling', widget: 'support', feeling: { id: 'frustrated', score: -1 } });
    expect(suite.server.accepted).toHaveLength(1);

    await expect.poll(() => suite.page.getByText('We’re sorry we let you down.', { exact: true }).isVisible()).toBe(true);
    await suite.page.getByRole('textbox', { name: 'What went wrong?' }).fill('The coupon code was rejected twice.');
    await expect.poll(() => suite.page.getByText('35 of 1000 characters', { exact: true }).isVisible()).toBe(true);
    await suite.page.getByRole('button', { name: 'Send' }).click();
    const [, comment] = await suite.server.waitForAccepted(2);
    expect(comment).toMatchObject({
      type: 'comment',
      widget: 'support',
      comment: { text: 'The coupon code was rejected twice.', replyTo: feeling.id },
    });
    await expect.poll(() => suite.page.getByText('Thank you — we read every message.', { exact: true }).isVisible()).toBe(true);
    expect(suite.consoleLog.errors).toEqual([]);
    expect(suite.consoleLog.warnings).toEqual([]);
  });

  it('the keyboard alone: Tab in, arrows move, Enter commits; focus stays on the chosen face', async () => {
    await open('/keys.html', '<button>before</button><feelback-feeling-prompt endpoint="/collect"></feelback-feeling-prompt>');
    await suite.page.getByRole('button', { name: 'before' }).focus();
    await suite.page.keyboard.press('Tab');
    expect(await focusedElement()).toMatchObject({ role: 'radio', text: 'Angry' });
    await suite.page.keyboard.press('ArrowRight');
    await suite.page.keyboard.press('ArrowRight');
    expect(await focusedElement()).toMatchObject({ role: 'radio', text: 'Okay' });
    expect(suite.server.requests).toHaveLength(0);
    await suite.page.keyboard.press('Enter');
    const [event] = await suite.server.waitForAccepted(1);
    expect(event.feeling).toEqual({ id: 'neutral', score: 0 });
    expect(await focusedElement()).toMatchObject({ role: 'radio', text: 'Okay' });
    await expect.poll(() => suite.page.getByRole('status').filter({ hasText: 'You chose Okay.' }).count()).toBe(1);
    await suite.page.keyboard.press('Tab');
    expect(await focusedElement()).toMatchObject({ tag: 'textarea' });
  });

  it('every face is a target of at least 44×44 CSS px, all five in one row on a 320px phone', async () => {
    await suite.page.setViewportSize({ width: 320, height: 640 });
    await open('/sizes.html', '<feelback-feeling-prompt endpoint="/collect"></feelback-feeling-prompt>');
    const boxes = await suite.page.getByRole('radio').evaluateAll((radios) =>
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
      suite.page.evaluate(() => {
        const host = document.querySelector('feelback-feeling-prompt')!;
        return host.shadowRoot!.querySelector('.follow-up')!.getAnimations().length;
      });
    // A long duration, so the fade is still running when the test looks on a busy machine (160 ms by default).
    const prompt = '<feelback-feeling-prompt endpoint="/collect" style="--feelback-duration: 5s"></feelback-feeling-prompt>';
    await open('/motion.html', prompt);
    await suite.page.getByRole('radio', { name: 'Happy' }).click();
    expect(await animations()).toBe(1);

    await suite.page.emulateMedia({ reducedMotion: 'reduce' });
    await open('/still.html', prompt);
    await suite.page.getByRole('radio', { name: 'Happy' }).click();
    expect(await animations()).toBe(0);
  });
});

describe('feeling prompt with the real <feelback-callback-request>', () => {
  async function openCallback(): Promise<void> {
    await open(
      '/callback.html',
      '<feelback-feeling-prompt widget-id="support" endpoint="/collect" offer-callback></feelback-feeling-prompt>',
    );
    await suite.page.waitForFunction(() => customElements.get('feelback-callback-request') !== undefined);
  }

  it('"Request a call back" opens the form in place; its event is linked to the feeling', async () => {
    await openCallback();
    await suite.page.getByRole('radio', { name: 'Angry' }).click();
    const [feeling] = await suite.server.waitForAccepted(1);
    await suite.page.getByRole('button', { name: 'Request a call back' }).click();
    const form = suite.page.getByRole('group', { name: 'Request a call back' });
    await expect.poll(() => form.getByRole('heading', { name: 'Request a call back' }).isVisible()).toBe(true);
    expect(await suite.page.getByRole('radiogroup').count()).toBe(0);

    // The form drops answers sent faster than a person could type; this test types faster.
    await suite.page.evaluate(() => {
      const prompt = document.querySelector('feelback-feeling-prompt')!;
      (prompt.shadowRoot!.querySelector('feelback-callback-request') as unknown as { minFillMs: number }).minFillMs = 0;
    });
    await form.getByRole('textbox', { name: /Name/ }).fill('Ada Lovelace');
    await form.getByRole('textbox', { name: /Phone number/ }).fill('+44 20 7946 0958');
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Request a call back' }).click();

    const [, callback] = await suite.server.waitForAccepted(2);
    expect(callback).toMatchObject({
      type: 'callback',
      widget: 'support',
      callback: { name: 'Ada Lovelace', phone: '+442079460958', consent: true, replyTo: feeling.id },
    });
    await expect.poll(() => suite.page.getByText(/Thanks, Ada Lovelace\. We.ll call you/).isVisible()).toBe(true);
    expect(suite.consoleLog.errors).toEqual([]);
  });

  it('focus moves to the form on opening and back to the action on Cancel', async () => {
    await openCallback();
    await suite.page.getByRole('radio', { name: 'Frustrated' }).click();
    await suite.page.getByRole('textbox', { name: 'What went wrong?' }).fill('Waited 40 minutes');
    await suite.page.getByRole('button', { name: 'Request a call back' }).focus();
    await suite.page.keyboard.press('Enter');
    await expect.poll(focusedElement).toMatchObject({ role: 'group', label: 'Request a call back' });
    await suite.page.keyboard.press('Tab');
    expect(await focusedElement()).toMatchObject({ tag: 'input' });

    await suite.page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(focusedElement).toMatchObject({ tag: 'button', text: 'Request a call back' });
    expect(await suite.page.getByRole('textbox', { name: 'What went wrong?' }).inputValue()).toBe('Waited 40 minutes');
    await suite.server.waitForAccepted(1);
    expect(suite.server.accepted.map((event) => event.type)).toEqual(['feeling']);
  });

  it('happy visitors are not offered a call back', async () => {
    await openCallback();
    await suite.page.getByRole('radio', { name: 'Delighted' }).click();
    await expect.poll(() => suite.page.getByText('What did we do well?', { exact: true }).isVisible()).toBe(true);
    expect(await suite.page.getByRole('button', { name: 'Request a call back' }).count()).toBe(0);
  });
});
