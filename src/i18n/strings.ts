import { localeChain } from './locale.js';

/** One component's strings, keyed by message id. */
export type StringTable = Record<string, string>;
/** A locale's strings for every component: `{ 'rating-bar': {...}, 'feeling-prompt': {...} }`. */
export type LocaleTable = Record<string, StringTable>;

const locales = new Map<string, LocaleTable>();
const listeners = new Set<() => void>();

/**
 * Adds (or extends) the strings of a locale. Components fall back to their
 * built-in English for any message a table lacks.
 */
export function registerLocale(locale: string, table: LocaleTable): void {
  const key = locale.toLowerCase();
  const existing = locales.get(key) ?? {};
  for (const [namespace, strings] of Object.entries(table)) {
    existing[namespace] = { ...existing[namespace], ...strings };
  }
  locales.set(key, existing);
  for (const listener of listeners) listener();
}

/**
 * Adds a built-in table *underneath* what is already registered: a message the
 * site registered itself (before or after) always wins over feelback's own.
 */
export function registerLocaleDefaults(locale: string, table: LocaleTable): void {
  const key = locale.toLowerCase();
  const existing = locales.get(key) ?? {};
  for (const [namespace, strings] of Object.entries(table)) {
    existing[namespace] = { ...strings, ...existing[namespace] };
  }
  locales.set(key, existing);
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever a locale is registered; returns the unsubscribe function. */
export function onLocalesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a table for the locale (or its base language) is registered. */
export function hasLocale(locale: string): boolean {
  return localeChain(locale).some((tag) => locales.has(tag));
}

/** The message `key` of `namespace` in `locale`, or `fallback` (the English default). */
export function lookupString(locale: string, namespace: string, key: string, fallback: string): string {
  for (const tag of localeChain(locale)) {
    const value = locales.get(tag)?.[namespace]?.[key];
    if (value !== undefined) return value;
  }
  return fallback;
}

const numberFormats = new Map<string, Intl.NumberFormat | null>();

/** Languages for which CLDR may choose non-ASCII digits by default (some only in some regions). */
const NON_LATIN_DIGIT_LANGUAGES = new Set(['ar', 'fa', 'ps', 'ur', 'ckb', 'sd', 'ks', 'bn', 'as', 'mr', 'ne', 'my', 'dz', 'sat', 'mni', 'bgc', 'bho', 'raj', 'uz', 'pa']);

/**
 * A number in the locale's own digits (`ar-EG` → ٤, `fa` → ۴, `ar-MA` → 4), as
 * the platform's CLDR data says; `-u-nu-latn` or `-u-nu-arab` in the tag picks
 * explicitly. No grouping: these are scores and character counts, short enough
 * to read without, and a count should match what the visitor sees typed.
 */
export function formatNumber(value: number, locale: string): string {
  // Building the first Intl.NumberFormat costs tens of milliseconds (ICU data), so
  // only languages whose CLDR default digits are not ASCII, or tags that name a
  // numbering system, pay for it; everyone else gets the same digits for free.
  if (!/-u-.*nu-/i.test(locale) && !NON_LATIN_DIGIT_LANGUAGES.has(locale.toLowerCase().split(/[-_]/)[0])) {
    return String(value);
  }
  let formatter = numberFormats.get(locale);
  if (formatter === undefined) {
    try {
      formatter = new Intl.NumberFormat(locale.replace(/_/g, '-'), { useGrouping: false, maximumFractionDigits: 20 });
    } catch {
      formatter = null; // not a valid language tag: plain digits rather than a thrown RangeError
    }
    numberFormats.set(locale, formatter);
  }
  return formatter ? formatter.format(value) : String(value);
}

/**
 * Fills `{name}` placeholders: `format('{n} of {max}', { n: 4, max: 5 })`.
 * With a `locale`, number values are written in that locale's digits.
 */
export function format(template: string, values: Record<string, string | number>, locale?: string): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    // Own keys only: `{constructor}` in a site's string must not print Object's source.
    if (!Object.prototype.hasOwnProperty.call(values, name)) return match;
    const value = values[name];
    return typeof value === 'number' && locale ? formatNumber(value, locale) : String(value);
  });
}

/** Test hook: forget every registered table. */
export function resetLocales(): void {
  locales.clear();
}
