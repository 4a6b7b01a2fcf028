import type { FeedbackEvent } from '../context/event.js';
import { warnOnce } from '../internal/warn.js';
import type { TransportDroppedDetail, TransportErrorDetail } from './types.js';

// What both transports say when an event ends unsent, and the site's `transform`, run
// the same way by each: the deferred transport (src/transport/deferred.ts) applies it
// before it holds an answer, so what waits in storage is already redacted.

export const DESTROYED = 'transport was destroyed; event not sent';
export const CONSENT_DENIED = 'consent denied: event not sent';

/**
 * Runs the site's `transform` on `event`: the event to send, or undefined when
 * there is none. `null`, `undefined` or `false` is the site choosing not to
 * send it (not an error); a throw, or a result that is not an event, is the
 * event's final error, told to `fail`.
 */
export function runTransform(
  transform: ((event: FeedbackEvent) => FeedbackEvent | null) | undefined,
  event: FeedbackEvent,
  fail: (id: string, error: string) => void,
): FeedbackEvent | undefined {
  if (!transform) return event;
  let result: unknown;
  try {
    result = transform(event);
  } catch (error) {
    fail(event.id, `transform threw (${String(error)}); event not sent`);
    return undefined;
  }
  if (result === null || result === undefined || result === false) return undefined;
  if (typeof result !== 'object' || typeof (result as { id?: unknown }).id !== 'string') {
    fail(event.id, `transform returned ${typeof result === 'object' ? 'an object without an id' : JSON.stringify(result)}, not an event; event not sent`);
    return undefined;
  }
  return result as FeedbackEvent;
}

/** What both transports are to their listeners: one final report per lost event (`drop`), and a warning once for anyone listening to the deprecated `dropped`. */
export class TransportEvents extends EventTarget {
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    if (type === 'dropped') warnOnce('transport event "dropped" is deprecated; use "error" (willRetry false).');
    super.addEventListener(type, listener, options);
  }

  /** The one final report of an event that will not be delivered. */
  protected drop(id: string, reason: string, status?: number): void {
    const detail: TransportErrorDetail = { id, error: reason, willRetry: false };
    if (status !== undefined) detail.status = status;
    this.dispatchEvent(new CustomEvent<TransportErrorDetail>('error', { detail }));
    // Deprecated: repeats the error above for listeners written before it said everything.
    this.dispatchEvent(new CustomEvent<TransportDroppedDetail>('dropped', { detail: { id, reason } }));
  }
}
