// The public entry: everything a page or an app imports. Importing it defines every element.
export { configure, getConfig } from './config.js';
export type { FeelbackConfig } from './config.js';
export { createTransport } from './transport/index.js';
export type * from './transport/index.js';
export * from './context/index.js';
export { registerLocale } from './i18n/strings.js';
export type { LocaleTable, StringTable } from './i18n/strings.js';
export type * from './components/events.js';
import './components/rating-bar/rating-bar.js';
export { RatingBar } from './components/rating-bar/rating-bar.js';
export { SCALE_NAMES } from './components/rating-bar/scales.js';
export type { ScaleName } from './components/rating-bar/scales.js';
import './components/feeling-prompt/feeling-prompt.js';
export { FeelingPrompt } from './components/feeling-prompt/feeling-prompt.js';
export { DEFAULT_FEELINGS, feelingPolarity } from './components/feeling-prompt/feelings.js';
export type { Feeling, FeelingPolarity } from './components/feeling-prompt/feelings.js';
