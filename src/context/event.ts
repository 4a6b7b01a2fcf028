import { uuidv4 } from '../internal/uuid.js';

/** Wire format version carried in every request body. */
export const WIRE_FORMAT_VERSION = 1;

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

/** One answer, as it travels on the wire (format v1). */
export interface FeelbackEvent {
  /** UUID v4, fixed at creation and the same on every retry; servers dedupe on it. */
  id: string;
  type: FeelbackEventType;
  /** The widget's `widget-id`. */
  widget: string;
  /** ISO 8601. */
  createdAt: string;
  rating?: RatingPayload;
  feeling?: FeelingPayload;
  comment?: CommentPayload;
  callback?: CallbackPayload;
  launcher?: FeelbackLauncherPayload;
  context: PageContext;
  metadata?: Record<string, unknown>;
}

/** The request body: `{"v":1,"sentAt":ISO,"events":[…]}`. */
export interface FeelbackBatch {
  v: typeof WIRE_FORMAT_VERSION;
  sentAt: string;
  events: FeelbackEvent[];
}

export type EventFields = Pick<FeelbackEvent, 'rating' | 'feeling' | 'comment' | 'callback' | 'launcher'>;

export interface EventInit extends EventFields {
  type: FeelbackEventType;
  widget: string;
  context: PageContext;
  metadata?: Record<string, unknown>;
  now?: Date;
}

/** Builds a wire-format event with a fresh id; the payload fields are copied as given. */
export function createFeedbackEvent(init: EventInit): FeelbackEvent {
  const event: FeelbackEvent = {
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
  return event;
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
