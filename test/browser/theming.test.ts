import { afterEach, describe, expect, it } from 'vitest';
import { pageHtml, useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite({ closePage: true });

const TAGS = ['feelback-rating-bar', 'feelback-feeling-prompt', 'feelback-callback-request'] as const;
const ALL_THREE = TAGS.map((tag) => `<${tag}></${tag}>`).join('');

async function open(path: string, body: string, style = ''): Promise<void> {
  // Only the elements on the page: the call-back form's code loads when one is there.
  const waitFor = TAGS.filter((tag) => body.includes(`<${tag}`));
  await suite.openPage(path, pageHtml(body, { title: 'theming', head: `<style>${style}</style>` }), { waitFor });
}

/** The computed value of `property` on the first element matching `selector` inside each element's shadow root. */
function computedInside(selector: string, property: string, tags: readonly string[] = TAGS): Promise<string[]> {
  return suite.page.evaluate(
    ([tags, selector, property]) =>
      Promise.all(
        tags.map(async (tag) => {
          const host = document.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> };
          await host.updateComplete;
          const inner = host.shadowRoot!.querySelector(selector)!;
          return getComputedStyle(inner).getPropertyValue(property);
        }),
      ),
    [tags, selector, property] as const,
  );
}

afterEach(() => {
  expect(suite.consoleLog.errors).toEqual([]);
});

describe('design tokens reach inside every element', () => {
  it('without tokens, every element uses the light defaults', async () => {
    await open('/defaults.html', ALL_THREE);
    expect(await computedInside('[part~="base"]', 'color')).toEqual(Array(3).fill('rgb(31, 35, 40)'));
  });

  it('a token set on :root changes the text colour inside each element', async () => {
    await open('/root-token.html', ALL_THREE, ':root { --feelback-text: rgb(120, 10, 90); }');
    expect(await computedInside('[part~="base"]', 'color')).toEqual(Array(3).fill('rgb(120, 10, 90)'));
  });

  it('a token set on any ancestor applies below it and nowhere else', async () => {
    await open(
      '/ancestor-token.html',
      `<section class="brand">${ALL_THREE}</section><aside><feelback-rating-bar id="outside"></feelback-rating-bar></aside>`,
      '.brand { --feelback-text: rgb(0, 90, 60); --feelback-font: Georgia, serif; }',
    );
    expect(await computedInside('[part~="base"]', 'color')).toEqual(Array(3).fill('rgb(0, 90, 60)'));
    expect(await computedInside('[part~="base"]', 'font-family')).toEqual(Array(3).fill('Georgia, serif'));
    const outside = await suite.page.evaluate(() => {
      const base = document.querySelector('#outside')!.shadowRoot!.querySelector('[part~="base"]')!;
      return getComputedStyle(base).color;
    });
    expect(outside).toBe('rgb(31, 35, 40)');
  });

  it('the accent colours the selected option, and the rating colour overrides it for the rating bar', async () => {
    await open(
      '/accent.html',
      '<div class="a"><feelback-rating-bar scale="nps" value="7"></feelback-rating-bar></div><div class="b"><feelback-rating-bar scale="nps" value="7"></feelback-rating-bar></div>',
      ':root { --feelback-accent: rgb(200, 0, 0); } .b { --feelback-rating-color: rgb(0, 0, 200); }',
    );
    const backgrounds = await suite.page.evaluate(() =>
      [...document.querySelectorAll('feelback-rating-bar')].map((bar) => getComputedStyle(bar.shadowRoot!.querySelector('[part~="option-selected"]')!).backgroundColor),
    );
    expect(backgrounds).toEqual(['rgb(200, 0, 0)', 'rgb(0, 0, 200)']);
  });
});

describe('light and dark', () => {
  it('follows prefers-color-scheme: dark, and the theme attribute overrides it either way', async () => {
    await suite.page.emulateMedia({ colorScheme: 'dark' });
    await open('/dark.html', `${ALL_THREE}<feelback-rating-bar id="light" theme="light"></feelback-rating-bar>`);
    expect(await computedInside('[part~="base"]', 'color')).toEqual(Array(3).fill('rgb(230, 237, 243)'));
    const forcedLight = await suite.page.evaluate(() => getComputedStyle(document.querySelector('#light')!.shadowRoot!.querySelector('[part~="base"]')!).color);
    expect(forcedLight).toBe('rgb(31, 35, 40)');
  });

  it('theme="dark" under a light scheme', async () => {
    await suite.page.emulateMedia({ colorScheme: 'light' });
    await open('/theme-dark.html', TAGS.map((tag) => `<${tag} theme="dark"></${tag}>`).join(''));
    expect(await computedInside('[part~="base"]', 'color')).toEqual(Array(3).fill('rgb(230, 237, 243)'));
  });

  it('no transitions under prefers-reduced-motion', async () => {
    await suite.page.emulateMedia({ reducedMotion: 'reduce' });
    await open('/motion.html', '<feelback-rating-bar></feelback-rating-bar><feelback-feeling-prompt></feelback-feeling-prompt>');
    const durations = await computedInside('[part~="option"]', 'transition-duration', ['feelback-rating-bar', 'feelback-feeling-prompt']);
    for (const duration of durations) expect(new Set(duration.split(',').map((part) => part.trim()))).toEqual(new Set(['0s']));
  });
});

describe('::part()', () => {
  it('restyles the options and the selected option from the page', async () => {
    await open(
      '/parts.html',
      '<feelback-rating-bar scale="csat" value="2"></feelback-rating-bar><feelback-feeling-prompt></feelback-feeling-prompt>',
      `feelback-rating-bar::part(option), feelback-feeling-prompt::part(option) { background-color: rgb(250, 240, 200); border-radius: 0px; }
       feelback-rating-bar::part(option-selected) { background-color: rgb(20, 80, 20); }`,
    );
    const ratingOptions = await suite.page.evaluate(() =>
      [...document.querySelector('feelback-rating-bar')!.shadowRoot!.querySelectorAll('[part~="option"]')].map((option) => getComputedStyle(option).backgroundColor),
    );
    expect(ratingOptions).toEqual(['rgb(250, 240, 200)', 'rgb(20, 80, 20)', 'rgb(250, 240, 200)', 'rgb(250, 240, 200)', 'rgb(250, 240, 200)']);
    expect(await computedInside('[part~="option"]', 'border-radius', ['feelback-feeling-prompt'])).toEqual(['0px']);
  });
});
