/**
 * Retry timing: which failures are worth another try, and how long to wait.
 * Exponential backoff with "full jitter" spreads a crowd of clients that failed
 * together over the whole window, so an endpoint coming back from an outage is
 * not hit by all of them at once
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 */

export interface BackoffOptions {
  /** First step, in ms. */
  baseMs: number;
  /** Longest computed step, in ms. */
  capMs: number;
  /** A number in [0, 1); injectable so tests are deterministic. */
  random: () => number;
}

/** A server asking for more than this is treated as asking for this much. */
export const RETRY_AFTER_MAX_MS = 60 * 60 * 1000;

/**
 * The wait before retry number `retry` (1 for the first retry): a uniform pick
 * in `[0, min(cap, base·2^(retry-1))]`, but never shorter than what the
 * server's `Retry-After` asked for.
 */
export function nextRetryDelay(retry: number, options: BackoffOptions, retryAfterMs?: number): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, retry - 1));
  const jittered = Math.floor(options.random() * ceiling);
  return retryAfterMs === undefined ? jittered : Math.max(jittered, Math.min(retryAfterMs, RETRY_AFTER_MAX_MS));
}

/**
 * Reads `Retry-After` (RFC 9110 §10.2.3): either delay-seconds or an HTTP date.
 * Returns the wait in ms, or `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Network errors and timeouts (status 0), 408, 429 and 5xx are transient; other statuses are final. */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || (status >= 500 && status <= 599);
}
