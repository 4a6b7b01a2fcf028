import type { FeelbackEvent } from '../context/event.js';

/** `feelback-change`: the visitor selected a value. */
export interface FeelbackChangeDetail<T = unknown> {
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

declare global {
  interface HTMLElementEventMap {
    'feelback-change': CustomEvent<FeelbackChangeDetail>;
    'feelback-submit': CustomEvent<FeelbackSubmitDetail>;
    'feelback-sent': CustomEvent<FeelbackSentDetail>;
    'feelback-error': CustomEvent<FeelbackErrorDetail>;
    /** The visitor closed an embedded call-back form without sending it. */
    'feelback-cancel': CustomEvent<undefined>;
  }
}
