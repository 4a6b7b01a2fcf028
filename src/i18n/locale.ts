/**
 * The locale an element speaks: its nearest `lang` attribute below `<html>`
 * (crossing shadow roots), then `configured` (the page's `configure({ locale })`,
 * passed in so this module stays below config), then the document's `lang`,
 * then the browser's language, then English.
 */
export function resolveLocale(element: Element, configured?: string): string {
  // <html lang> is the page's default, not a choice made for this widget: it
  // ranks below configure({ locale }), so the walk stops short of it.
  const root = element.ownerDocument?.documentElement;
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node !== root) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return (
    configured ||
    globalThis.document?.documentElement?.lang ||
    globalThis.navigator?.language ||
    'en'
  );
}

/** `es-MX` → `['es-mx', 'es']`: the lookup order for string tables. */
export function localeChain(locale: string): string[] {
  const normalized = locale.toLowerCase().replace(/_/g, '-');
  const chain = [normalized];
  const base = normalized.split('-')[0];
  if (base && base !== normalized) chain.push(base);
  return chain;
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'yi', 'dv', 'ckb', 'ug']);

/** Whether a locale is written right to left. */
export function isRightToLeft(locale: string): boolean {
  return RTL_LANGUAGES.has(localeChain(locale).at(-1) ?? '');
}

/** The element's writing direction: `:dir()` where supported, else the nearest `dir` attribute. */
export function directionOf(element: Element): 'ltr' | 'rtl' {
  try {
    if (element.matches(':dir(rtl)')) return 'rtl';
    if (element.matches(':dir(ltr)')) return 'ltr';
  } catch {
    // `:dir()` is not supported: fall through to the attribute walk.
  }
  const withDir = element.closest('[dir]');
  return withDir?.getAttribute('dir')?.toLowerCase() === 'rtl' ? 'rtl' : 'ltr';
}
