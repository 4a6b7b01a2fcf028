// Types for webhook.mjs, generated from its JSDoc (see demo/app.d.mts for the command).
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
export function postWebhook({ url, body, deliveryId, secret, timeoutMs, fetch: request }: {
    url: string;
    body: string;
    deliveryId: string;
    secret?: string | undefined;
    timeoutMs?: number | undefined;
    fetch?: typeof fetch | undefined;
}): Promise<WebhookResult>;
/**
 * Delay before attempt `attempt + 1`: exponential from `baseMs`, capped, with full jitter
 * so that many alerts queued while a receiver was down do not all retry at once.
 *
 * @param {number} attempt attempts made so far (1 after the first)
 * @param {{ baseMs?: number, capMs?: number, random?: () => number }} [options]
 */
export function alertRetryDelay(attempt: number, { baseMs, capMs, random }?: {
    baseMs?: number;
    capMs?: number;
    random?: () => number;
}): number;
export type WebhookResult = {
    /**
     * `failed` is final (a 4xx other than 408 and 429)
     */
    outcome: "sent" | "retry" | "failed";
    /**
     * HTTP status, or 0 when no answer came (network error, timeout)
     */
    status: number;
    /**
     * a sentence for the inbox and the log
     */
    error?: string | undefined;
    /**
     * from `Retry-After`, when the receiver sent one
     */
    retryAfterMs?: number | undefined;
};
