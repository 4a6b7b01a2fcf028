// The locale on an answer is the language the widget actually spoke: a German
// page whose locale file could not be loaded (a CDN copy without locales/
// beside the bundle) shows English, so its answers say "en", not "de".
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/define/rating-bar.js';
import type { RatingBar } from '../../src/components/rating-bar/rating-bar.js';
import { resetConfig } from '../../src/config.js';
import { loadLocale } from '../../src/i18n/load-locale.js';
import { registerLocale } from '../../src/i18n/strings.js';
import { resetWarnings } from '../../src/internal/warn.js';
import { cleanup, mount, shadow, shadowAll } from '../support/dom.js';
import { FakeTransport } from '../support/fake-transport.js';

// German is missing beside the bundle; French is there.
vi.mock('../../src/i18n/locales/de.js', () => {
  throw new Error('Failed to fetch dynamically imported module: /dist/locales/de.js');
});

let transport: FakeTransport;

async function answer(lang: string): Promise<{ locale: string; question: string }> {
  const page = await mount<HTMLElement & RatingBar>(`<div lang="${lang}"><feelback-rating-bar></feelback-rating-bar></div>`);
  const bar = page.querySelector<RatingBar>('feelback-rating-bar')!;
  bar.transport = transport;
  // The element started loading its table on connect; the same load settles (or fails) here, then it re-renders.
  await loadLocale(lang);
  await new Promise((resolve) => setTimeout(resolve));
  await bar.updateComplete;
  shadowAll(bar, '[role="radio"]')[3].click();
  await bar.updateComplete;
  return { locale: transport.sent.at(-1)!.context.locale, question: shadow(bar, '[part~="question"]')!.textContent!.trim() };
}

beforeEach(() => {
  transport = new FakeTransport();
  resetConfig();
  resetWarnings();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(cleanup);

describe('the locale an answer reports', () => {
  it('is English when the page is German but the German table could not be loaded', async () => {
    const { locale, question } = await answer('de-DE');
    expect(question).toBe('How would you rate your experience?');
    expect(locale).toBe('en');
  });

  it('is the page language when its table loaded and the widget spoke it', async () => {
    const { locale, question } = await answer('fr-CA');
    expect(question).not.toBe('How would you rate your experience?');
    expect(locale).toBe('fr-CA');
  });

  it('is a language the site registered its own strings for', async () => {
    registerLocale('nl', { 'rating-bar': { question: 'Hoe beoordeelt u uw ervaring?' } });
    const { locale } = await answer('nl');
    expect(locale).toBe('nl');
  });
});
