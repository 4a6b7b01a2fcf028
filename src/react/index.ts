// React wrappers made with @lit/react: events are props (onFeelbackSubmit …)
// and object properties (metadata, strings, feelings, transport, windows) are
// set on the element after mount and after hydration, which React's own
// custom-element support does not do when it hydrates server-rendered markup.
// React is a peer dependency: this module imports it, it never bundles it.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { RatingBar } from '../define/rating-bar.js';
import { FeelingPrompt } from '../define/feeling-prompt.js';
import { CallbackRequest } from '../define/callback-request.js';
import type {
  FeelbackCancelEvent,
  FeelbackChangeEvent,
  FeelbackErrorEvent,
  FeelbackSentEvent,
  FeelbackSubmitEvent,
  CallbackRequestChangeValue,
  FeelingPromptChangeValue,
  RatingBarChangeValue,
} from '../components/events.js';

/** The event props every wrapper takes, with `feelback-change` carrying a `V`. */
function deliveryEvents<V>() {
  return {
    /** The visitor selected a value. */
    onFeelbackChange: 'feelback-change' as EventName<FeelbackChangeEvent<V>>,
    /** An answer is about to be sent; call `event.preventDefault()` to stop it. */
    onFeelbackSubmit: 'feelback-submit' as EventName<FeelbackSubmitEvent>,
    /** The endpoint accepted an answer. */
    onFeelbackSent: 'feelback-sent' as EventName<FeelbackSentEvent>,
    /** Delivering an answer failed (`detail.willRetry` while the transport keeps trying). */
    onFeelbackError: 'feelback-error' as EventName<FeelbackErrorEvent>,
  };
}

/** `<feelback-rating-bar>` as a React component. */
export const FeelbackRatingBar = createComponent({
  react: React,
  tagName: 'feelback-rating-bar',
  elementClass: RatingBar,
  displayName: 'FeelbackRatingBar',
  events: deliveryEvents<RatingBarChangeValue>(),
});

/** `<feelback-feeling-prompt>` as a React component. */
export const FeelbackFeelingPrompt = createComponent({
  react: React,
  tagName: 'feelback-feeling-prompt',
  elementClass: FeelingPrompt,
  displayName: 'FeelbackFeelingPrompt',
  events: deliveryEvents<FeelingPromptChangeValue>(),
});

/** `<feelback-callback-request>` as a React component. */
export const FeelbackCallbackRequest = createComponent({
  react: React,
  tagName: 'feelback-callback-request',
  elementClass: CallbackRequest,
  displayName: 'FeelbackCallbackRequest',
  events: {
    ...deliveryEvents<CallbackRequestChangeValue>(),
    /** The visitor pressed Cancel (only with `cancelable`). */
    onFeelbackCancel: 'feelback-cancel' as EventName<FeelbackCancelEvent>,
  },
});

export type FeelbackRatingBarProps = React.ComponentProps<typeof FeelbackRatingBar>;
export type FeelbackFeelingPromptProps = React.ComponentProps<typeof FeelbackFeelingPrompt>;
export type FeelbackCallbackRequestProps = React.ComponentProps<typeof FeelbackCallbackRequest>;
