// The public entry: everything a page or an app imports. Importing it defines every element.
export { configure, getConfig } from './config.js';
export type { FeelbackConfig } from './config.js';
export { createTransport } from './transport/index.js';
export type * from './transport/index.js';
export * from './context/index.js';
export { registerLocale } from './i18n/strings.js';
export type { LocaleTable, StringTable } from './i18n/strings.js';
export type * from './components/events.js';
