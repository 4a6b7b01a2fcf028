import { uuidv4 } from '../internal/uuid.js';

/** Wire format version carried in every request body. */
export const WIRE_FORMAT_VERSION = 1;

/** What an answer is; each type carries its own payload field (see `FeelbackEvent`). */
export type FeelbackEventType = 'rating' | 'feeling' | 'comment' | 'callback' | 'shown' | 'dismissed';

export type VitalName = 'LCP' | 'INP' | 'CLS' | 'FCP' | 'TTFB';
export type VitalRating = 'good' | 'needs-improvement' | 'poor';
export interface VitalValue {
  value: number;
  rating: VitalRating;
}
export type Vitals = Partial<Record<VitalName, VitalValue>>;

export interface PageContext {
  url: string;
  referrer: string;
  locale: string;
  viewport: { width: number; height: number };
  sessionId: string;
  vitals?: Vitals;
}

export interface RatingPayload {
  scale: string;
  value: number;
  min: number;
  max: number;
}
export interface FeelingPayload {
  id: string;
  score: number;
}
export interface CommentPayload {
  text: string;
  /** Id of the rating or feeling event this comment follows. */
  replyTo: string;
}
export type CallbackWindow = string;
export interface CallbackPayload {
  name: string;
  /** Normalised: an optional leading `+` and digits only. */
  phone: string;
  window: CallbackWindow;
  topic: string;
  consent: true;
  timeZone: string;
  replyTo?: string;
}
/** On `shown` and `dismissed` events: which launcher, how it displays, what fired it, why it closed. */
export interface FeelbackLauncherPayload {
  id: string;
  display: string;
  trigger: string;
  /** On `dismissed` only. */
  reason?: 'close' | 'escape' | 'outside';
}

/** The fields every answer has, whatever its type. */
export interface FeelbackEventBase {
  /** UUID v4, fixed at creation and the same on every retry; servers dedupe on it. */
  id: string;
  /** The widget's `widget-id`. */
  widget: string;
  /** ISO 8601. */
  createdAt: string;
  context: PageContext;
  /** `configure({ metadata })` merged with the element's own `metadata`. */
  metadata?: Record<string, unknown>;
}

/**
 * Each payload field is present on exactly one event type and declared `never`
 * on the others, so `event.rating?.value` reads on any event and
 * `if (event.type === 'rating') event.rating.value` needs no `!`.
 */
interface Payloads {
  rating?: never;
  feeling?: never;
  comment?: never;
  callback?: never;
  launcher?: never;
}

/** A score on a scale (`<feelback-rating-bar>`). */
export interface FeelbackRatingEvent extends FeelbackEventBase, Omit<Payloads, 'rating'> {
  type: 'rating';
  rating: RatingPayload;
}
/** A feeling (`<feelback-feeling-prompt>`). */
export interface FeelbackFeelingEvent extends FeelbackEventBase, Omit<Payloads, 'feeling'> {
  type: 'feeling';
  feeling: FeelingPayload;
}
/** A follow-up comment; `comment.replyTo` is the id of the rating or feeling it follows. */
export interface FeelbackCommentEvent extends FeelbackEventBase, Omit<Payloads, 'comment'> {
  type: 'comment';
  comment: CommentPayload;
}
/** A request for a call back (`<feelback-callback-request>`). */
export interface FeelbackCallbackEvent extends FeelbackEventBase, Omit<Payloads, 'callback'> {
  type: 'callback';
  callback: CallbackPayload;
}
/** A launcher opened its widget (for response rates). */
export interface FeelbackShownEvent extends FeelbackEventBase, Omit<Payloads, 'launcher'> {
  type: 'shown';
  launcher: FeelbackLauncherPayload;
}
/** A launcher's widget was closed unanswered. */
export interface FeelbackDismissedEvent extends FeelbackEventBase, Omit<Payloads, 'launcher'> {
  type: 'dismissed';
  launcher: FeelbackLauncherPayload;
}

/**
 * One answer, as it travels on the wire (format v1): a union discriminated by
 * `type`, so narrowing on `type` gives the payload field that type carries.
 */
export type FeelbackEvent =
  | FeelbackRatingEvent
  | FeelbackFeelingEvent
  | FeelbackCommentEvent
  | FeelbackCallbackEvent
  | FeelbackShownEvent
  | FeelbackDismissedEvent;

/** The event of one type: `FeelbackEventOf<'rating'>` is `FeelbackRatingEvent`. */
export type FeelbackEventOf<T extends FeelbackEventType> = Extract<FeelbackEvent, { type: T }>;

/** The request body: `{"v":1,"sentAt":ISO,"events":[…]}`. */
export interface FeelbackBatch {
  v: typeof WIRE_FORMAT_VERSION;
  sentAt: string;
  events: FeelbackEvent[];
}

/** The payload fields an element passes to `createEvent()`; the one matching `type` must be set. */
export interface EventFields {
  rating?: RatingPayload;
  feeling?: FeelingPayload;
  comment?: CommentPayload;
  callback?: CallbackPayload;
  launcher?: FeelbackLauncherPayload;
}

export interface EventInit extends EventFields {
  type: FeelbackEventType;
  widget: string;
  context: PageContext;
  metadata?: Record<string, unknown>;
  now?: Date;
}

/** Builds a wire-format event with a fresh id; the payload fields are copied as given. */
export function createFeedbackEvent(init: EventInit): FeelbackEvent {
  // Built field by field (not spread) so the keys keep the documented wire order.
  const event: Record<string, unknown> = {
    id: uuidv4(),
    type: init.type,
    widget: init.widget,
    createdAt: (init.now ?? new Date()).toISOString(),
    context: init.context,
  };
  if (init.rating) event.rating = init.rating;
  if (init.feeling) event.feeling = init.feeling;
  if (init.comment) event.comment = init.comment;
  if (init.callback) event.callback = init.callback;
  if (init.launcher) event.launcher = init.launcher;
  if (init.metadata && Object.keys(init.metadata).length > 0) event.metadata = init.metadata;
  return event as unknown as FeelbackEvent;
}

/** Wraps events in a v1 request body. */
export function createBatch(events: FeelbackEvent[], now: Date = new Date()): FeelbackBatch {
  return { v: WIRE_FORMAT_VERSION, sentAt: now.toISOString(), events };
}

/** @deprecated Renamed {@link FeelbackEvent}: every public type is prefixed `Feelback`. */
export type FeedbackEvent = FeelbackEvent;
/** @deprecated Renamed {@link FeelbackEventType}. */
export type FeedbackEventType = FeelbackEventType;
/** @deprecated Renamed {@link FeelbackBatch}. */
export type FeedbackBatch = FeelbackBatch;
