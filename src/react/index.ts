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
import { Launcher } from '../define/launcher.js';
import type { FeelbackDismissEvent, FeelbackShowEvent } from '../components/launcher/launcher.js';
import type { LauncherAttributes } from '../components/tag-types.js';
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

const launcherEvents = {
  /** The launcher opened (`detail.trigger` says what opened it). */
  onFeelbackShow: 'feelback-show' as EventName<FeelbackShowEvent>,
  /** The visitor closed it unanswered (`detail.reason`). */
  onFeelbackDismiss: 'feelback-dismiss' as EventName<FeelbackDismissEvent>,
};

/**
 * `<feelback-launcher>`'s props: its attributes under their own names
 * (`delay={5}`, `exit-intent`, `on-click="#help"`; React sets them as
 * attributes, and `display`/`position` through their reflecting properties),
 * the event props, and its child widget as `children`. All but `scroll`:
 * every element has a `scroll()` method, so React would set that instead of
 * the attribute; set `scroll` through a ref (`setAttribute('scroll', '50%')`).
 */
export type FeelbackLauncherProps = Omit<React.HTMLAttributes<Launcher>, keyof LauncherAttributes | keyof typeof launcherEvents> &
  Omit<LauncherAttributes, 'scroll'> & { [K in keyof typeof launcherEvents]?: (event: (typeof launcherEvents)[K]['__eventType']) => void } & React.RefAttributes<Launcher>;

/**
 * `<feelback-launcher>` as a React component; put the widget it shows inside.
 * Typed by its attributes rather than by the class's members: the launcher is
 * a plain element configured by attributes, and its read-only members (`open`,
 * `widget`) cannot be set.
 */
export const FeelbackLauncher = createComponent({
  react: React,
  tagName: 'feelback-launcher',
  elementClass: Launcher,
  displayName: 'FeelbackLauncher',
  events: launcherEvents,
}) as unknown as React.ForwardRefExoticComponent<FeelbackLauncherProps>;

export type FeelbackRatingBarProps = React.ComponentProps<typeof FeelbackRatingBar>;
export type FeelbackFeelingPromptProps = React.ComponentProps<typeof FeelbackFeelingPrompt>;
export type FeelbackCallbackRequestProps = React.ComponentProps<typeof FeelbackCallbackRequest>;
