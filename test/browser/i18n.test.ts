import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageHtml, useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite({ closePage: true });
let requested: string[];

const TAGS = ['feelback-rating-bar', 'feelback-feeling-prompt', 'feelback-callback-request'];

async function open(path: string, body: string): Promise<void> {
  // Only the elements on the page: the call-back form's code loads when one is there.
  const waitFor = TAGS.filter((tag) => body.includes(`<${tag}`));
  await suite.openPage(path, pageHtml(body, { title: 'languages' }), { waitFor });
}

const localeRequests = () => requested.filter((path) => path.includes('/locales/'));

/** The text of `selector` inside the shadow root of the first `tag`. */
function textInside(tag: string, selector: string): Promise<string | undefined> {
  return suite.page.evaluate(
    ([tag, selector]) => document.querySelector(tag)?.shadowRoot?.querySelector(selector)?.textContent?.trim(),
    [tag, selector],
  );
}

beforeEach(() => {
  requested = [];
  suite.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
});
afterEach(async () => {
  expect(suite.consoleLog.errors).toEqual([]);
});

describe('languages in Chromium', () => {
  it('an English page loads no language file', async () => {
    await open('/english.html', '<feelback-rating-bar></feelback-rating-bar>');
    expect(await textInside('feelback-rating-bar', '[part="question"]')).toBe('How would you rate your experience?');
    expect(localeRequests()).toEqual([]);
  });

  it('a lang="ar" dir="rtl" container speaks Arabic, loading only the Arabic file from beside the bundle', async () => {
    await open(
      '/deep/path/arabic.html',
      `<div lang="ar" dir="rtl">${TAGS.map((tag) => `<${tag}></${tag}>`).join('')}</div>`,
    );
    await expect.poll(() => textInside('feelback-rating-bar', '[part="question"]')).toBe('كيف تقيّم تجربتك معنا؟');
    expect(await textInside('feelback-feeling-prompt', '[part="question"]')).toBe('كيف كان شعورك بعد تعاملك معنا؟');
    expect(await textInside('feelback-callback-request', '[part="heading"]')).toBe('طلب معاودة الاتصال');
    await expect.poll(() => suite.page.getByRole('radio', { name: 'غاضب' }).isVisible()).toBe(true);
    // Resolved against the script's URL, not the page's.
    expect(localeRequests()).toEqual(['/dist/locales/ar.js']);
  });

  it('right to left mirrors the order of the options and the arrow keys', async () => {
    await open('/rtl.html', '<div lang="ar" dir="rtl"><feelback-rating-bar></feelback-rating-bar><feelback-feeling-prompt></feelback-feeling-prompt></div>');
    await expect.poll(() => textInside('feelback-rating-bar', '[part="question"]')).toBe('كيف تقيّم تجربتك معنا؟');
    for (const tag of ['feelback-rating-bar', 'feelback-feeling-prompt']) {
      const lefts = await suite.page.evaluate(
        (tag) => [...document.querySelector(tag)!.shadowRoot!.querySelectorAll('[role="radio"]')].map((radio) => radio.getBoundingClientRect().left),
        tag,
      );
      // The first option sits rightmost and each next one to its left.
      expect(lefts.length).toBeGreaterThan(1);
      for (let i = 1; i < lefts.length; i++) expect(lefts[i], `${tag} option ${i}`).toBeLessThan(lefts[i - 1]);
    }
    const focusedIndex = () =>
      suite.page.evaluate(() => {
        const root = document.querySelector('feelback-rating-bar')!.shadowRoot!;
        return [...root.querySelectorAll('[role="radio"]')].indexOf(root.activeElement as Element);
      });
    await suite.page.evaluate(() => (document.querySelector('feelback-rating-bar')!.shadowRoot!.querySelector('[role="radio"]') as HTMLElement).focus());
    await suite.page.keyboard.press('ArrowLeft');
    await expect.poll(focusedIndex).toBe(1);
    await suite.page.keyboard.press('ArrowLeft');
    await expect.poll(focusedIndex).toBe(2);
    await suite.page.keyboard.press('ArrowRight');
    await expect.poll(focusedIndex).toBe(1);
  });

  it('a lang changed on a container after the page loaded switches the language', async () => {
    await open('/switch.html', '<div id="box" lang="en"><feelback-feeling-prompt></feelback-feeling-prompt></div>');
    expect(await textInside('feelback-feeling-prompt', '[part="question"]')).toBe('How did we make you feel?');
    await suite.page.evaluate(() => document.querySelector('#box')!.setAttribute('lang', 'he'));
    await expect.poll(() => textInside('feelback-feeling-prompt', '[part="question"]')).toBe('איך גרמנו לך להרגיש?');
    expect(localeRequests()).toEqual(['/dist/locales/he.js']);
  });

  it('a language file that cannot load leaves English and one warning, never an error', async () => {
    await suite.page.route('**/dist/locales/fr.js', (route) => route.abort());
    await open('/offline.html', '<div lang="fr"><feelback-rating-bar></feelback-rating-bar><feelback-feeling-prompt></feelback-feeling-prompt></div>');
    await expect.poll(() => suite.consoleLog.warnings.filter((text) => text.includes('"fr" strings')).length).toBe(1);
    expect(await textInside('feelback-rating-bar', '[part="question"]')).toBe('How would you rate your experience?');
    expect(await textInside('feelback-feeling-prompt', '[part="question"]')).toBe('How did we make you feel?');
    // Chromium itself logs the refused request; nothing else may reach the console as an error.
    expect(suite.consoleLog.errors.filter((text) => !text.startsWith('Failed to load resource'))).toEqual([]);
    suite.consoleLog.errors.length = 0;
  });
});
