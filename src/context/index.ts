export { WIRE_FORMAT_VERSION, createBatch, createFeedbackEvent } from './event.js';
export { COMMENT_MAX_LENGTH, sanitizeText } from './text.js';
export type {
  CallbackPayload,
  CommentPayload,
  EventInit,
  FeedbackBatch,
  FeedbackEvent,
  FeedbackEventType,
  FeelbackBatch,
  FeelbackCallbackEvent,
  FeelbackCommentEvent,
  FeelbackDismissedEvent,
  FeelbackEvent,
  FeelbackEventBase,
  FeelbackEventOf,
  FeelbackEventType,
  FeelbackFeelingEvent,
  FeelbackRatingEvent,
  FeelbackShownEvent,
  FeelbackLauncherPayload,
  FeelingPayload,
  PageContext,
  RatingPayload,
  VitalName,
  VitalRating,
  VitalValue,
  Vitals,
} from './event.js';
export { pageContext, pageUrl, referrerUrl, sessionId } from './page.js';
export type { ContextOptions, ReferrerMode } from './page.js';
export { METADATA_MAX_BYTES } from './metadata.js';
export { currentVitals, observeVitals } from './vitals.js';
