// Posting one alert to the webhook, and what to do with the answer. HTTP only; the outbox
// (durable, in the store) decides when to call it again.
import { SIGNATURE_HEADER, signBody } from './signature.mjs';

/**
 * @typedef {object} WebhookResult
 * @property {'sent' | 'retry' | 'failed'} outcome `failed` is final (a 4xx other than 408 and 429)
 * @property {number} status HTTP status, or 0 when no answer came (network error, timeout)
 * @property {string} [error] a sentence for the inbox and the log
 * @property {number} [retryAfterMs] from `Retry-After`, when the receiver sent one
 */

/**
 * @param {string | null} header
 * @param {number} now
 * @returns {number | undefined}
 */
function retryAfterMs(header, now) {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * POSTs `body` to `url`, signed when a secret is given, and gives up on a
 * receiver that hangs after `timeoutMs`.
 *
 * @param {object} options
 * @param {string} options.url
 * @param {string} options.body JSON text
 * @param {string} options.deliveryId sent as `X-Feelback-Delivery`: the same on every retry, so a receiver can dedupe
 * @param {string} [options.secret]
 * @param {number} [options.timeoutMs] default 10 s
 * @param {typeof fetch} [options.fetch]
 * @returns {Promise<WebhookResult>}
 */
export async function postWebhook({ url, body, deliveryId, secret, timeoutMs = 10_000, fetch: request = fetch }) {
  /** @type {Record<string, string>} */
  const headers = { 'content-type': 'application/json', 'user-agent': 'feelback-collector', 'x-feelback-delivery': deliveryId };
  if (secret) headers[SIGNATURE_HEADER] = signBody(secret, body);
  let response;
  try {
    response = await request(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = /** @type {Error} */ (error)?.name === 'TimeoutError';
    return {
      outcome: 'retry',
      status: 0,
      error: timedOut ? `no answer from the webhook within ${timeoutMs} ms` : `webhook unreachable: ${/** @type {Error} */ (error)?.message ?? error}`,
    };
  }
  // The body is not needed; read it so the connection can be reused.
  await response.arrayBuffer().catch(() => undefined);
  const { status } = response;
  if (status >= 200 && status < 300) return { outcome: 'sent', status };
  const wait = retryAfterMs(response.headers.get('retry-after'), Date.now());
  if (status === 408 || status === 429 || status >= 500) {
    return { outcome: 'retry', status, error: `webhook answered HTTP ${status}`, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
  }
  return { outcome: 'failed', status, error: `webhook refused the alert with HTTP ${status}; not retried (fix the webhook, then resend from the inbox)` };
}

/**
 * Delay before attempt `attempt + 1`: exponential from `baseMs`, capped, with full jitter
 * so that many alerts queued while a receiver was down do not all retry at once.
 *
 * @param {number} attempt attempts made so far (1 after the first)
 * @param {{ baseMs?: number, capMs?: number, random?: () => number }} [options]
 */
export function alertRetryDelay(attempt, { baseMs = 5_000, capMs = 15 * 60_000, random = Math.random } = {}) {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(baseMs / 2 + random() * (ceiling - baseMs / 2));
}
