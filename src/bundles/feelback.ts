// The entry of dist/feelback.min.js, the one file a page loads from a CDN.
// The same API as the `feelback` entry (src/index.ts), with what no first
// render needs moved to files beside the bundle, loaded when needed
// (docs/performance.md): the transport on the first answer, web-vitals at idle
// (context/vitals.ts), <feelback-callback-request> when one is on the page or
// a prompt may offer it, and <feelback-launcher> when one is on the page. Their
// classes are then `customElements.get(tag)`.
import { localRuntime } from '../components/launcher/local-runtime.js';
import { publishRuntime } from '../components/launcher/runtime.js';
import { defineOnDemand } from '../internal/on-demand.js';
import { warnOnce } from '../internal/warn.js';

export { configure, getConfig } from '../config.js';
export type { FeelbackConfig } from '../config.js';
export { createDeferredTransport as createTransport } from '../transport/deferred.js';
export type * from '../transport/index.js';
export * from '../context/index.js';
export { registerLocale } from '../i18n/strings.js';
export { loadLocale } from '../i18n/load-locale.js';
export type { LocaleTable, StringTable } from '../i18n/strings.js';
export type * from '../components/events.js';
import '../define/rating-bar.js';
export { RatingBar } from '../components/rating-bar/rating-bar.js';
export { SCALE_NAMES } from '../components/rating-bar/scales.js';
export type { ScaleName } from '../components/rating-bar/scales.js';
import '../define/feeling-prompt.js';
export { FeelingPrompt } from '../components/feeling-prompt/feeling-prompt.js';
export { DEFAULT_FEELINGS, feelingPolarity } from '../components/feeling-prompt/feelings.js';
export type { Feeling, FeelingPolarity } from '../components/feeling-prompt/feelings.js';
export { checkPhone, normalizePhone, isValidPhone, PHONE_MIN_DIGITS, PHONE_MAX_DIGITS } from '../components/callback-request/phone.js';
export type { PhoneCheck, PhoneProblem } from '../components/callback-request/phone.js';
export type { CallbackWindowOption } from '../components/callback-request/callback-request.js';
export type { FeelbackShowDetail, FeelbackDismissDetail, FeelbackLauncherShowOptions } from '../components/launcher/launcher.js';
export type { FeelbackLauncherOptions } from '../config.js';

defineOnDemand('feelback-callback-request', () => import('../define/callback-request.js'));
// What a launcher needs of this bundle (config, transports, strings) is published now, for
// dist/launcher.min.js, which loads this file; the element itself loads when one is on the page.
publishRuntime(localRuntime);
defineOnDemand('feelback-launcher', () => import('../define/launcher.js'));

// The files loaded later import this bundle back by its plain URL; under another URL
// (a ?query or #fragment) the browser would run a second copy of it.
if (/[?#]/.test(import.meta.url)) {
  warnOnce(
    `load feelback.min.js by its plain URL, without "${new URL(import.meta.url).search}${new URL(import.meta.url).hash}": ` +
      'the files it loads later (transport, call-back form) import it by that URL. Version the folder instead.',
  );
}
