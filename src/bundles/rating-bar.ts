// The entry of dist/rating-bar.min.js: the one-file build for the commonest
// page, a rating bar and nothing else. Importing it defines
// <feelback-rating-bar>; it exports what such a page needs to set it up.
export { configure, getConfig } from '../config.js';
export type { FeelbackConfig } from '../config.js';
import '../define/rating-bar.js';
export { RatingBar } from '../components/rating-bar/rating-bar.js';
export { SCALE_NAMES } from '../components/rating-bar/scales.js';
export type { ScaleName } from '../components/rating-bar/scales.js';
export { registerLocale } from '../i18n/strings.js';
export { loadLocale } from '../i18n/load-locale.js';
export type * from '../components/events.js';
