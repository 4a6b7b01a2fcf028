import type { FeelbackEvent } from '../context/event.js';

/** `feelback-change`: the visitor selected a value (its type depends on the element). */
export interface FeelbackChangeDetail<T = FeelbackChangeValue> {
  value: T;
}
/** `feelback-submit`: an answer is about to go to the transport; `preventDefault()` stops the send. */
export interface FeelbackSubmitDetail {
  event: FeelbackEvent;
}
/** `feelback-sent`: the endpoint accepted the event with this id. */
export interface FeelbackSentDetail {
  id: string;
}
/** `feelback-error`: delivery of the event with this id failed. */
export interface FeelbackErrorDetail {
  id: string;
  error: string;
  willRetry: boolean;
}

/** What `feelback-change` carries on a `<feelback-rating-bar>`: the score. */
export type RatingBarChangeValue = number;
/** What `feelback-change` carries on a `<feelback-feeling-prompt>`: the feeling's id (`angry` … `delighted`, or your own). */
export type FeelingPromptChangeValue = string;
/** What `feelback-change` carries on a `<feelback-callback-request>`: the best time's id (`asap`, `morning`, …). */
export type CallbackRequestChangeValue = string;
/** Any element's `feelback-change` value, for listeners on an ancestor, `document` or `window`. */
export type FeelbackChangeValue = RatingBarChangeValue | FeelingPromptChangeValue | CallbackRequestChangeValue;

export type FeelbackChangeEvent<T = FeelbackChangeValue> = CustomEvent<FeelbackChangeDetail<T>>;
export type FeelbackSubmitEvent = CustomEvent<FeelbackSubmitDetail>;
export type FeelbackSentEvent = CustomEvent<FeelbackSentDetail>;
export type FeelbackErrorEvent = CustomEvent<FeelbackErrorDetail>;
export type FeelbackCancelEvent = CustomEvent<undefined>;

/** The events every feelback element fires, with `feelback-change` carrying a `V`. */
export interface FeelbackElementEventMap<V = FeelbackChangeValue> {
  /** The visitor selected a value. */
  'feelback-change': FeelbackChangeEvent<V>;
  /** An answer is about to be sent; cancelable. */
  'feelback-submit': FeelbackSubmitEvent;
  /** The endpoint accepted an answer. */
  'feelback-sent': FeelbackSentEvent;
  /** Delivering an answer failed (`willRetry` while the transport keeps trying). */
  'feelback-error': FeelbackErrorEvent;
}

/** Events of `<feelback-rating-bar>` (plus the native `change` and `input`). */
export type RatingBarEventMap = FeelbackElementEventMap<RatingBarChangeValue>;
/** Events of `<feelback-feeling-prompt>`. */
export type FeelingPromptEventMap = FeelbackElementEventMap<FeelingPromptChangeValue>;
/** Events of `<feelback-callback-request>`. */
export interface CallbackRequestEventMap extends FeelbackElementEventMap<CallbackRequestChangeValue> {
  /** The visitor pressed Cancel (only with `cancelable`). */
  'feelback-cancel': FeelbackCancelEvent;
}

/** Every `feelback-*` event, as seen where they bubble to (an ancestor, `document`, `window`). */
export interface FeelbackEventMap extends FeelbackElementEventMap {
  /** The visitor closed a call-back form without sending it. */
  'feelback-cancel': FeelbackCancelEvent;
}

/**
 * `addEventListener` typed for an element's own events by name
 * (`feelback-change` carries a number on the rating bar, a feeling id on the
 * prompt), then every `HTMLElementEventMap` event, then any string.
 */
export interface AddFeelbackListener<Target, Map> {
  <K extends keyof Map>(type: K, listener: (this: Target, event: Map[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  <K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: Target, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}
/** `removeEventListener`, typed like `AddFeelbackListener`. */
export interface RemoveFeelbackListener<Target, Map> {
  <K extends keyof Map>(type: K, listener: (this: Target, event: Map[K]) => unknown, options?: boolean | EventListenerOptions): void;
  <K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: Target, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

// The events bubble and are composed, so they reach every ancestor, the document and the window.
declare global {
  interface HTMLElementEventMap extends FeelbackEventMap {}
  interface DocumentEventMap extends FeelbackEventMap {}
  interface WindowEventMap extends FeelbackEventMap {}
}
