import { warnOnce } from '../internal/warn.js';
import { localeChain } from './locale.js';
import { registerLocaleDefaults, type LocaleTable } from './strings.js';

/** A locale module: one table with every component's strings. */
export interface LocaleModule {
  default: LocaleTable;
}

/**
 * The tables feelback ships beside its bundle. Each is its own module, fetched
 * with a dynamic `import()` only when an element on the page resolves to it, so
 * an English page never pays for Arabic. Static import paths let every bundler
 * (and our rollup build) emit them as separate files next to the importing
 * module; the browser resolves them against the script's own URL.
 */
export const BUILT_IN_LOCALES: Readonly<Record<string, () => Promise<LocaleModule>>> = {
  ar: () => import('./locales/ar.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
  he: () => import('./locales/he.js'),
  ja: () => import('./locales/ja.js'),
  pt: () => import('./locales/pt.js'),
};

const loads = new Map<string, Promise<boolean>>();

/**
 * Makes sure the built-in table for `locale`'s language is registered, loading
 * it once per page. Resolves true when strings for the language are available
 * (English always is), false when the language has no built-in table or the
 * file could not be loaded; then the elements keep showing English and one
 * warning says why. Never rejects.
 */
export function loadLocale(
  locale: string,
  importers: Readonly<Record<string, () => Promise<LocaleModule>>> = BUILT_IN_LOCALES,
): Promise<boolean> {
  const language = localeChain(locale).at(-1) ?? 'en';
  if (language === 'en') return Promise.resolve(true);
  const importer = Object.hasOwn(importers, language) ? importers[language] : undefined;
  if (!importer) return Promise.resolve(false);
  let load = loads.get(language);
  if (!load) {
    load = Promise.resolve()
      .then(importer)
      .then((module) => {
        registerLocaleDefaults(language, module.default);
        return true;
      })
      .catch((error: unknown) => {
        warnOnce(`could not load the "${language}" strings (${String(error)}); showing English.`);
        return false;
      });
    loads.set(language, load);
  }
  return load;
}

/** Test hook: forget which tables were loaded or failed. */
export function resetLocaleLoads(): void {
  loads.clear();
}
