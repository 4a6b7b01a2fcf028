import type { FeelbackChangeDetail, FeelbackErrorDetail, FeelbackSentDetail, FeelbackSubmitDetail } from '../events.js';

/** The detail each `feelback-*` event carries, by type. */
export interface FeelbackEventDetails {
  'feelback-change': FeelbackChangeDetail;
  'feelback-submit': FeelbackSubmitDetail;
  'feelback-sent': FeelbackSentDetail;
  'feelback-error': FeelbackErrorDetail;
  'feelback-cancel': undefined;
}

/**
 * Dispatches a `feelback-*` event on `target`, bubbling and composed (DESIGN
 * §3), with the detail its type calls for. Returns false when a listener
 * cancelled a cancelable event.
 */
export function dispatchFeelbackEvent<Type extends keyof FeelbackEventDetails>(
  target: EventTarget,
  type: Type,
  detail: FeelbackEventDetails[Type],
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
