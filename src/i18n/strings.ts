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

/** Fills `{name}` placeholders: `format('{n} of {max}', { n: 4, max: 5 })`. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}
