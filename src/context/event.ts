import { uuidv4 } from '../internal/uuid.js';

/** Wire format version carried in every request body. */
export const WIRE_FORMAT_VERSION = 1;

export type FeedbackEventType = 'rating' | 'feeling' | 'comment' | 'callback';

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

/** One answer, as it travels on the wire (format v1). */
export interface FeedbackEvent {
  /** UUID v4, fixed at creation and the same on every retry; servers dedupe on it. */
  id: string;
  type: FeedbackEventType;
  /** The widget's `widget-id`. */
  widget: string;
  /** ISO 8601. */
  createdAt: string;
  rating?: RatingPayload;
  feeling?: FeelingPayload;
  comment?: CommentPayload;
  callback?: CallbackPayload;
  context: PageContext;
  metadata?: Record<string, unknown>;
}

/** The request body: `{"v":1,"sentAt":ISO,"events":[…]}`. */
export interface FeedbackBatch {
  v: typeof WIRE_FORMAT_VERSION;
  sentAt: string;
  events: FeedbackEvent[];
}

export type EventFields = Pick<FeedbackEvent, 'rating' | 'feeling' | 'comment' | 'callback'>;

export interface EventInit extends EventFields {
  type: FeedbackEventType;
  widget: string;
  context: PageContext;
  metadata?: Record<string, unknown>;
  now?: Date;
}

/** Builds a wire-format event with a fresh id; the payload fields are copied as given. */
export function createFeedbackEvent(init: EventInit): FeedbackEvent {
  const event: FeedbackEvent = {
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
  if (init.metadata && Object.keys(init.metadata).length > 0) event.metadata = init.metadata;
  return event;
}

/** Wraps events in a v1 request body. */
export function createBatch(events: FeedbackEvent[], now: Date = new Date()): FeedbackBatch {
  return { v: WIRE_FORMAT_VERSION, sentAt: now.toISOString(), events };
}
