import type { StringTable } from '../i18n/strings.js';
import type { Transport } from '../transport/types.js';
import type { ScaleName } from './rating-bar/scales.js';
import type { Feeling } from './feeling-prompt/feelings.js';
import type { CallbackWindowOption } from './callback-request/form-state.js';
import type { CallbackRequestEventMap, FeelingPromptEventMap, RatingBarEventMap } from './events.js';
import type { LauncherDisplay, LauncherPosition } from './launcher/display.js';
import type { LauncherEventMap } from './launcher/launcher.js';

// What each tag takes in markup and as properties, for framework typings
// (React's JSX, Vue's GlobalComponents). Attribute names are the ones a page
// writes; numbers may be given as strings, as in HTML. Keep in step with the
// elements' `static properties`: test/types checks the two agree.

/** Attributes every feelback tag takes. */
export interface FeelbackCommonAttributes {
  /** Names the widget in every event it sends; defaults to the tag name. */
  'widget-id'?: string;
  /** Where this widget's answers go (http or https); overrides `configure({ endpoint })`. */
  endpoint?: string;
  /** Nothing can be picked or sent. */
  disabled?: boolean;
  /** Forces a colour scheme; by default it follows `prefers-color-scheme`. */
  theme?: 'light' | 'dark';
}

/** Properties (no attribute) every feelback element takes. */
export interface FeelbackCommonProperties {
  /** A transport of your own; overrides both `endpoint` and `configure()`. */
  transport?: Transport;
  /** Merged into each event's `metadata`, over `configure({ metadata })`. */
  metadata?: Record<string, unknown>;
  /** Overrides for any of the element's strings, by message id. */
  strings?: Partial<StringTable>;
}

type NumberAttribute = number | `${number}`;

/** `<feelback-rating-bar>` attributes. */
export interface RatingBarAttributes extends FeelbackCommonAttributes {
  scale?: ScaleName;
  min?: NumberAttribute;
  max?: NumberAttribute;
  value?: NumberAttribute;
  question?: string;
  'low-label'?: string;
  'high-label'?: string;
  name?: string;
  required?: boolean;
  comment?: boolean;
  maxlength?: NumberAttribute;
  /** @deprecated Use `maxlength`. */
  'max-length'?: NumberAttribute;
}
/** `<feelback-rating-bar>` properties without an attribute. */
export type RatingBarProperties = FeelbackCommonProperties;

/** `<feelback-feeling-prompt>` attributes. */
export interface FeelingPromptAttributes extends FeelbackCommonAttributes {
  question?: string;
  comment?: boolean | 'false';
  'no-comment'?: boolean;
  'offer-callback'?: boolean;
  maxlength?: NumberAttribute;
  /** @deprecated Use `maxlength`. */
  'max-length'?: NumberAttribute;
}
/** `<feelback-feeling-prompt>` properties without an attribute. */
export interface FeelingPromptProperties extends FeelbackCommonProperties {
  /** The feelings offered, in order; replaces the built-in five. */
  feelings?: readonly Feeling[];
}

/** `<feelback-callback-request>` attributes. */
export interface CallbackRequestAttributes extends FeelbackCommonAttributes {
  heading?: string;
  'consent-label'?: string;
  'min-fill-ms'?: NumberAttribute;
  'reply-to'?: string;
  cancelable?: boolean;
}
/** `<feelback-callback-request>` properties without an attribute. */
export interface CallbackRequestProperties extends FeelbackCommonProperties {
  /** Replaces the best-time choices. */
  windows?: CallbackWindowOption[];
}

/** `<feelback-launcher>` attributes (it is configured by attributes only; see its JSDoc). */
export interface LauncherAttributes {
  display?: LauncherDisplay;
  position?: LauncherPosition;
  /** Space-separated path globs (`/checkout/*`, `!/admin/*`). */
  url?: string;
  /** Seconds after the page (or route) was reached. */
  delay?: NumberAttribute;
  /** A percentage of the page seen: `50` or `75%`. */
  scroll?: NumberAttribute | `${number}%`;
  'exit-intent'?: boolean;
  /** A CSS selector. */
  'on-click'?: string;
  /** A DOM event name that reaches `window`. */
  'on-event'?: string;
  frustration?: boolean;
  manual?: boolean;
  /** The share of visitors asked: `0`..`1` or `25%`. */
  sample?: NumberAttribute | `${number}%`;
  'answered-days'?: NumberAttribute;
  'dismissed-days'?: NumberAttribute;
  'launcher-id'?: string;
}
/** `<feelback-launcher>` has no properties without an attribute. */
export type LauncherProperties = Record<never, never>;

/** Each tag's attributes, properties and events, by tag name. */
export interface FeelbackTags {
  'feelback-rating-bar': { attributes: RatingBarAttributes; properties: RatingBarProperties; events: RatingBarEventMap };
  'feelback-feeling-prompt': { attributes: FeelingPromptAttributes; properties: FeelingPromptProperties; events: FeelingPromptEventMap };
  'feelback-callback-request': {
    attributes: CallbackRequestAttributes;
    properties: CallbackRequestProperties;
    events: CallbackRequestEventMap;
  };
  'feelback-launcher': { attributes: LauncherAttributes; properties: LauncherProperties; events: LauncherEventMap };
}
