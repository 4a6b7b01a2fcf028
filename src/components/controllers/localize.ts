import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getConfig, onConfigChange } from '../../config.js';
import { onLangChange } from '../../i18n/lang-observer.js';
import { loadLocale } from '../../i18n/load-locale.js';
import { resolveLocale } from '../../i18n/locale.js';
import { format, formatNumber, hasLocale, lookupString, onLocalesChange, type StringTable } from '../../i18n/strings.js';

/** Longest a first render waits for the page language's table (a slow CDN): then English shows, and switches when it arrives. */
export const FIRST_RENDER_WAIT_MS = 3000;

/** What the controller needs of its element: a place in the DOM and the `strings` overrides. */
export interface LocalizeHost extends ReactiveControllerHost, Element {
  strings?: Partial<StringTable>;
}

/**
 * Speaks the element's language: resolves the locale from the nearest `lang`
 * (then `configure({ locale })`, then the document), loads its built-in table,
 * and follows changes of `lang`, `configure()` and registered tables. `Key` is
 * the element's message ids, so a misspelt key is a type error.
 */
export class LocalizeController<Key extends string = string> implements ReactiveController {
  /** The locale the element speaks. */
  locale = 'en';
  private unsubscribers: Array<() => void> = [];
  /** The built-in table for `locale` while it loads (until it has, or failed and English stands in). */
  private loadingTable?: Promise<unknown>;

  constructor(
    private readonly host: LocalizeHost,
    /** The i18n namespace of the element's strings, e.g. `rating-bar`. */
    private readonly namespace: string,
    /** Built-in English for every message id the element uses. */
    private readonly defaults: Readonly<Record<Key, string>>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.refresh();
    this.unsubscribers.push(
      onLocalesChange(() => this.host.requestUpdate()),
      onConfigChange(() => {
        this.refresh();
        this.host.requestUpdate();
      }),
      onLangChange(() => this.refresh()),
    );
  }

  hostDisconnected(): void {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.unsubscribers = [];
  }

  /** Re-reads the locale and loads its built-in strings if needed; re-renders when it changed. */
  refresh(): void {
    const locale = resolveLocale(this.host, getConfig().locale);
    const loading = loadLocale(locale);
    if (!hasLocale(locale) && !locale.toLowerCase().startsWith('en')) {
      const settled = loading.then(() => {
        if (this.loadingTable === settled) this.loadingTable = undefined;
      });
      this.loadingTable = settled;
    } else {
      this.loadingTable = undefined;
    }
    if (locale === this.locale) return;
    this.locale = locale;
    this.host.requestUpdate();
  }

  /**
   * Settles when the element's built-in table has loaded (or failed to; then
   * English stands in), at most `FIRST_RENDER_WAIT_MS` later; undefined when
   * nothing is loading. The first render waits for it: rendering English and
   * then the page's language would move content inside the widget (CLS).
   */
  tableLoading(): Promise<unknown> | undefined {
    if (!this.loadingTable) return undefined;
    return Promise.race([this.loadingTable, new Promise((done) => setTimeout(done, FIRST_RENDER_WAIT_MS))]);
  }

  /** A localized message: a `strings` override, else the locale's table, else English; numbers in the locale's digits. */
  t(key: Key, values?: Record<string, string | number>): string {
    const template = this.lookup(key, this.defaults[key] ?? key);
    return values ? format(template, values, this.locale) : template;
  }

  /** A message whose id comes from data (a custom feeling's `labelKey`), with its own fallback. */
  lookup(key: string, fallback: string): string {
    return this.host.strings?.[key] ?? lookupString(this.locale, this.namespace, key, fallback);
  }

  /** A number written as the element's locale writes it (Arabic-Indic digits for `ar-EG`, say). */
  formatNumber(value: number): string {
    return formatNumber(value, this.locale);
  }

  /**
   * The language the element's built-in text is in: its locale once that
   * table is loaded, else English. Set as `lang` on the base part so screen
   * readers speak English fallback text with an English voice on, say, an
   * Arabic page.
   */
  get contentLanguage(): string {
    return this.locale.toLowerCase().startsWith('en') || hasLocale(this.locale) ? this.locale : 'en';
  }
}
