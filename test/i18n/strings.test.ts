import { beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/define/rating-bar.js';
import type { RatingBar } from '../../src/components/rating-bar/rating-bar.js';
import { loadLocale, resetLocaleLoads, type LocaleModule } from '../../src/i18n/load-locale.js';
import { format, formatNumber, lookupString, registerLocale, resetLocales } from '../../src/i18n/strings.js';
import { mount, shadow, shadowAll } from '../support/dom.js';
import { FakeTransport } from '../support/fake-transport.js';

const questionOf = (element: Element) => shadow(element, '.question')?.textContent;
const namesOf = (element: Element) => shadowAll(element, '[role="radio"]').map((radio) => radio.getAttribute('aria-label'));

async function barIn(markup: string): Promise<RatingBar> {
  const wrapper = (await mount(markup, () => {})) as Element;
  const bar = (wrapper.localName === 'feelback-rating-bar' ? wrapper : wrapper.querySelector('feelback-rating-bar')) as RatingBar;
  bar.transport = new FakeTransport();
  await bar.updateComplete;
  return bar;
}

beforeEach(() => {
  resetLocales();
  resetLocaleLoads();
  document.documentElement.removeAttribute('lang');
});

describe('string precedence: strings property, then the page’s registerLocale, then the built-in table, then English', () => {
  it('shows the built-in Spanish once its table has loaded', async () => {
    const bar = await barIn('<div lang="es"><feelback-rating-bar></feelback-rating-bar></div>');
    await vi.waitFor(() => expect(questionOf(bar)).toBe('¿Cómo valoraría su experiencia?'));
    expect(namesOf(bar)[3]).toBe('4 de 5 estrellas');
  });

  it('a table the page registers wins over the built-in one, whichever arrives first', async () => {
    registerLocale('es', { 'rating-bar': { question: '¿Qué tal le fue?' } });
    await loadLocale('es');
    const bar = await barIn('<div lang="es-MX"><feelback-rating-bar></feelback-rating-bar></div>');
    expect(questionOf(bar)).toBe('¿Qué tal le fue?');
    // Messages the page did not register still come from the built-in table.
    expect(namesOf(bar)[0]).toBe('1 de 5 estrellas');
    registerLocale('es', { 'rating-bar': { stars: '{n} de {max} ★' } });
    await bar.updateComplete;
    expect(namesOf(bar)[0]).toBe('1 de 5 ★');
  });

  it('a regional table wins over its language', async () => {
    await loadLocale('es');
    registerLocale('es-MX', { 'rating-bar': { question: '¿Cómo calificaría su experiencia?' } });
    const bar = await barIn('<div lang="es-MX"><feelback-rating-bar></feelback-rating-bar></div>');
    expect(questionOf(bar)).toBe('¿Cómo calificaría su experiencia?');
  });

  it('the strings property wins over every table; the question attribute over all of them', async () => {
    await loadLocale('es');
    registerLocale('es', { 'rating-bar': { question: 'registered' } });
    const bar = await barIn('<div lang="es"><feelback-rating-bar></feelback-rating-bar></div>');
    bar.strings = { question: 'from the property', stars: '{n}/{max}' };
    await bar.updateComplete;
    expect(questionOf(bar)).toBe('from the property');
    expect(namesOf(bar)[1]).toBe('2/5');
    bar.setAttribute('question', 'from the attribute');
    await bar.updateComplete;
    expect(questionOf(bar)).toBe('from the attribute');
  });

  it('a language without a built-in table stays English and fetches nothing', async () => {
    const importer = vi.fn(async (): Promise<LocaleModule> => ({ default: {} }));
    expect(await loadLocale('it-IT', { es: importer })).toBe(false);
    expect(importer).not.toHaveBeenCalled();
    const bar = await barIn('<div lang="it"><feelback-rating-bar></feelback-rating-bar></div>');
    expect(questionOf(bar)).toBe('How would you rate your experience?');
  });

  it('lookupString falls back through region, language, then the English default', () => {
    registerLocale('pt', { ns: { a: 'pt a', b: 'pt b' } });
    registerLocale('pt-PT', { ns: { a: 'pt-PT a' } });
    expect(lookupString('pt-PT', 'ns', 'a', 'en a')).toBe('pt-PT a');
    expect(lookupString('pt-PT', 'ns', 'b', 'en b')).toBe('pt b');
    expect(lookupString('pt-PT', 'ns', 'c', 'en c')).toBe('en c');
  });
});

describe('loading tables on demand', () => {
  it('loads each language once, for every regional variant', async () => {
    const importer = vi.fn(async (): Promise<LocaleModule> => ({ default: { 'rating-bar': { send: 'Enviar' } } }));
    const results = await Promise.all([loadLocale('es', { es: importer }), loadLocale('es-MX', { es: importer }), loadLocale('ES_ar', { es: importer })]);
    expect(results).toEqual([true, true, true]);
    expect(importer).toHaveBeenCalledTimes(1);
    expect(lookupString('es-AR', 'rating-bar', 'send', 'Send')).toBe('Enviar');
  });

  it('a table that fails to load leaves English, warns once and is not retried', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const importer = vi.fn(async (): Promise<LocaleModule> => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    expect(await loadLocale('fr', { fr: importer })).toBe(false);
    expect(await loadLocale('fr-CA', { fr: importer })).toBe(false);
    expect(importer).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/feelback: could not load the "fr" strings .*Failed to fetch.*showing English/);
    expect(lookupString('fr', 'rating-bar', 'send', 'Send')).toBe('Send');
  });

  it('English needs no table', async () => {
    const importer = vi.fn(async (): Promise<LocaleModule> => ({ default: {} }));
    expect(await loadLocale('en-GB', { en: importer })).toBe(true);
    expect(importer).not.toHaveBeenCalled();
  });
});

describe('a lang that changes after the element connected', () => {
  it('re-renders in the new language when an ancestor’s lang changes', async () => {
    const bar = await barIn('<div lang="en"><feelback-rating-bar></feelback-rating-bar></div>');
    expect(questionOf(bar)).toBe('How would you rate your experience?');
    bar.parentElement!.setAttribute('lang', 'de');
    await vi.waitFor(() => expect(questionOf(bar)).toBe('Wie bewerten Sie Ihre Erfahrung?'));
    bar.parentElement!.setAttribute('lang', 'en');
    await vi.waitFor(() => expect(questionOf(bar)).toBe('How would you rate your experience?'));
  });

  it('refreshLocale() picks up a lang the page-wide observer cannot see', async () => {
    await loadLocale('fr');
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const container = document.createElement('div');
    container.lang = 'en';
    const bar = document.createElement('feelback-rating-bar');
    bar.transport = new FakeTransport();
    container.append(bar);
    root.append(container);
    await bar.updateComplete;
    container.lang = 'fr';
    bar.refreshLocale();
    await bar.updateComplete;
    expect(questionOf(bar)).toBe('Comment évalueriez-vous votre expérience\u00a0?');
  });
});

describe('numbers in the locale’s digits', () => {
  it('writes option names, visible numbers and counts in Arabic-Indic digits where the locale uses them', async () => {
    await loadLocale('ar');
    const bar = await barIn('<div lang="ar-EG" dir="rtl"><feelback-rating-bar scale="numeric" min="1" max="5" comment></feelback-rating-bar></div>');
    expect(namesOf(bar)[3]).toBe('٤ من ٥');
    expect(shadowAll(bar, '[role="radio"]').map((radio) => radio.textContent?.trim())).toEqual(['١', '٢', '٣', '٤', '٥']);
    shadowAll(bar, '[role="radio"]')[3].click();
    await bar.updateComplete;
    expect(shadow(bar, '.count')?.textContent).toBe('عدد الأحرف: ٠ من ١٠٠٠');
  });

  it('keeps Latin digits where the locale asks for them', async () => {
    await loadLocale('ar');
    const bar = await barIn('<div lang="ar-u-nu-latn"><feelback-rating-bar></feelback-rating-bar></div>');
    expect(namesOf(bar)[3]).toBe('4 من 5 نجوم');
  });

  it('formatNumber never throws on a malformed tag', () => {
    expect(formatNumber(12, 'not a tag!')).toBe('12');
    expect(format('{count} of {max}', { count: 3, max: 1000 }, 'en')).toBe('3 of 1000');
    expect(format('{count}/{max}', { count: 3, max: 9 }, 'ar-EG')).toBe('٣/٩');
  });
});
