import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, getConfig } from '../../src/config.js';
import { directionOf, isRightToLeft, localeChain, resolveLocale } from '../../src/i18n/locale.js';

function tree(markup: string): HTMLElement {
  const container = document.createElement('div');
  const template = document.createElement('template');
  template.innerHTML = markup; // static fixture written in the test
  container.append(template.content);
  document.body.append(container);
  return container;
}

beforeEach(() => {
  document.documentElement.removeAttribute('lang');
});
afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  vi.unstubAllGlobals();
});

describe('resolveLocale: nearest lang, then configure(), then the document, then the browser, then English', () => {
  it('takes the lang of the element itself before any ancestor', () => {
    const root = tree('<section lang="fr"><p lang="de"><span id="target" lang="ja"></span></p></section>');
    expect(resolveLocale(root.querySelector('#target')!, getConfig().locale)).toBe('ja');
  });

  it('takes the nearest ancestor lang over a farther one and over configure()', () => {
    configure({ locale: 'es' });
    const root = tree('<section lang="fr"><p lang="de"><span id="target"></span></p></section>');
    expect(resolveLocale(root.querySelector('#target')!, getConfig().locale)).toBe('de');
  });

  it('crosses shadow roots to the host’s lang', () => {
    const root = tree('<div lang="he"><div id="host"></div></div>');
    const host = root.querySelector('#host')!;
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(resolveLocale(inner, getConfig().locale)).toBe('he');
  });

  it('uses configure({ locale }) when no element on the way up has a lang, even if the document has one', () => {
    document.documentElement.lang = 'pt';
    configure({ locale: 'ar' });
    const root = tree('<p><span id="target"></span></p>');
    expect(resolveLocale(root.querySelector('#target')!, getConfig().locale)).toBe('ar');
  });

  it('falls back to the document lang, then the browser language, then English', () => {
    const root = tree('<span id="target"></span>');
    const target = root.querySelector('#target')!;
    document.documentElement.lang = 'pt-BR';
    vi.stubGlobal('navigator', { language: 'ja-JP' });
    expect(resolveLocale(target, getConfig().locale)).toBe('pt-BR');
    document.documentElement.removeAttribute('lang');
    expect(resolveLocale(target, getConfig().locale)).toBe('ja-JP');
    vi.stubGlobal('navigator', { language: '' });
    expect(resolveLocale(target, getConfig().locale)).toBe('en');
  });
});

describe('locale helpers', () => {
  it('looks up a regional tag, then its language', () => {
    expect(localeChain('es-MX')).toEqual(['es-mx', 'es']);
    expect(localeChain('pt_BR')).toEqual(['pt-br', 'pt']);
    expect(localeChain('ja')).toEqual(['ja']);
  });

  it('knows which languages are written right to left', () => {
    expect(isRightToLeft('ar')).toBe(true);
    expect(isRightToLeft('he-IL')).toBe(true);
    expect(isRightToLeft('fr')).toBe(false);
  });

  it('reads the writing direction from the nearest dir', () => {
    const root = tree('<div dir="rtl"><span id="inside"></span><div dir="ltr"><span id="nested"></span></div></div>');
    expect(directionOf(root.querySelector('#inside')!)).toBe('rtl');
    expect(directionOf(root.querySelector('#nested')!)).toBe('ltr');
  });
});
