// Wire-format answers (format v1) for tests: one typed builder per event type, so a test names only
// the fields it is about. `eventBuilders()` fills in a visitor on a checkout page; a test file whose
// answers come from another page, session or time passes its own defaults once.
import { randomUUID } from 'node:crypto';
import {
  createFeedbackEvent,
  type CallbackPayload,
  type FeelbackCallbackEvent,
  type FeelbackCommentEvent,
  type FeelbackDismissedEvent,
  type FeelbackEvent,
  type FeelbackEventType,
  type FeelbackFeelingEvent,
  type FeelbackLauncherPayload,
  type FeelbackRatingEvent,
  type FeelbackShownEvent,
  type PageContext,
  type RatingPayload,
} from '../../src/context/event.js';

// Each builder copies these, so a test that changes one answer's payload changes no other.
/** Four of five stars. */
const STARS_4: RatingPayload = { scale: 'stars', value: 4, min: 1, max: 5 };
/** A call back as soon as possible, with consent. */
const CALLBACK: CallbackPayload = { name: 'Ada', phone: '+441234567', window: 'asap', topic: '', consent: true, timeZone: 'UTC' };
const FEELING = { id: 'okay', score: 0 };
const LAUNCHER: FeelbackLauncherPayload = { id: 'checkout-launcher', display: 'popover', trigger: 'delay' };

/** A new visitor on the checkout page: 1280 × 800, English, no referrer. */
function checkoutPage(): PageContext {
  return { url: 'https://shop.example/checkout', referrer: '', locale: 'en', viewport: { width: 1280, height: 800 }, sessionId: randomUUID() };
}

/** What every answer from one set of builders shares unless a call says otherwise. */
export interface EventDefaults {
  /** Default `checkout`. */
  widget?: string;
  /** Default: the time of each call. */
  createdAt?: string;
  /** Merged over a checkout page (1280 × 800, English, no referrer) with a fresh `sessionId` per answer. */
  context?: Partial<PageContext>;
  /** The `rating` of `ratingEvent()`; default four of five stars. */
  rating?: RatingPayload;
}

/**
 * The fields of one event type a call sets; `context` is merged over the defaults' page. Any field
 * may be overridden, `type` included, so a test can build malformed input on purpose (`as never`).
 */
export type EventFields<E extends FeelbackEvent> = Partial<Omit<E, 'context'>> & { context?: Partial<PageContext> };

/** Builders for each event type, sharing `defaults` (`eventBuilders()`: a visitor on the checkout page). */
export function eventBuilders(defaults: EventDefaults = {}) {
  function answer<E extends FeelbackEvent>(type: E['type'], payload: Partial<E>, { context, ...fields }: EventFields<E>): E {
    return {
      id: randomUUID(),
      type,
      widget: defaults.widget ?? 'checkout',
      createdAt: defaults.createdAt ?? new Date().toISOString(),
      ...payload,
      // A copy of the defaults per answer, as a test may change one answer's vitals.
      context: { ...checkoutPage(), ...structuredClone(defaults.context), ...context },
      ...fields,
      // Overrides may build any shape on purpose (malformed input), so the result is not checked.
    } as E;
  }
  return {
    ratingEvent: (fields: EventFields<FeelbackRatingEvent> = {}) => answer('rating', { rating: { ...(defaults.rating ?? STARS_4) } }, fields),
    feelingEvent: (fields: EventFields<FeelbackFeelingEvent> = {}) => answer('feeling', { feeling: { ...FEELING } }, fields),
    commentEvent: (fields: EventFields<FeelbackCommentEvent> = {}) =>
      answer('comment', { comment: { text: 'Checkout was slow', replyTo: randomUUID() } }, fields),
    callbackEvent: (fields: EventFields<FeelbackCallbackEvent> = {}) => answer('callback', { callback: { ...CALLBACK } }, fields),
    shownEvent: (fields: EventFields<FeelbackShownEvent> = {}) => answer('shown', { launcher: { ...LAUNCHER } }, fields),
    dismissedEvent: (fields: EventFields<FeelbackDismissedEvent> = {}) =>
      answer('dismissed', { launcher: { ...LAUNCHER, reason: 'close' } }, fields),
  };
}

/** An answer as a widget builds it (`createFeedbackEvent`: a fresh id, the wire's key order), for transport tests. */
export function makeEvent(type: FeelbackEventType = 'rating', extra: Partial<FeelbackEvent> = {}): FeelbackEvent {
  const event = createFeedbackEvent({
    type,
    widget: 'test-widget',
    context: { ...checkoutPage(), viewport: { width: 1024, height: 768 }, sessionId: 'session-1' },
    ...(type === 'rating' ? { rating: { ...STARS_4 } } : {}),
    ...(type === 'callback' ? { callback: { ...CALLBACK } } : {}),
  });
  // Overrides may build any shape on purpose (hostile or malformed input), so the result is not narrowed.
  return { ...event, ...extra } as FeelbackEvent;
}
