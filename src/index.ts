// The public entry: everything a page or an app imports. Importing it defines every element
// (through the define/ modules; the element classes themselves have no side effects).
export { configure, getConfig } from './config.js';
export type { FeelbackConfig } from './config.js';
export { createTransport } from './transport/index.js';
export type * from './transport/index.js';
export * from './context/index.js';
export { registerLocale } from './i18n/strings.js';
export { loadLocale } from './i18n/load-locale.js';
export type { LocaleTable, StringTable } from './i18n/strings.js';
export type * from './components/events.js';
import './define/rating-bar.js';
export { RatingBar } from './components/rating-bar/rating-bar.js';
export { SCALE_NAMES } from './components/rating-bar/scales.js';
export type { ScaleName } from './components/rating-bar/scales.js';
import './define/feeling-prompt.js';
export { FeelingPrompt } from './components/feeling-prompt/feeling-prompt.js';
export { DEFAULT_FEELINGS, feelingPolarity } from './components/feeling-prompt/feelings.js';
export type { Feeling, FeelingPolarity } from './components/feeling-prompt/feelings.js';
import './define/callback-request.js';
export { CallbackRequest } from './components/callback-request/callback-request.js';
export type { CallbackWindowOption } from './components/callback-request/callback-request.js';
export { checkPhone, normalizePhone, isValidPhone, PHONE_MIN_DIGITS, PHONE_MAX_DIGITS } from './components/callback-request/phone.js';
export type { PhoneCheck, PhoneProblem } from './components/callback-request/phone.js';
import './define/launcher.js';
export { Launcher } from './components/launcher/launcher.js';
export type {
  FeelbackShowDetail,
  FeelbackDismissDetail,
  FeelbackShowEvent,
  FeelbackDismissEvent,
  FeelbackLauncherShowOptions,
  LauncherEventMap,
} from './components/launcher/launcher.js';
export type { FeelbackLauncherOptions } from './config.js';
