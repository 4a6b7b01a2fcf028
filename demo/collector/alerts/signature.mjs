// HMAC-SHA256 signatures on alert webhooks, so a receiver can tell our alerts from forgeries.
// The scheme is GitHub's: `X-Feelback-Signature-256: sha256=<hex of HMAC-SHA256(secret, raw body)>`.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-feelback-signature-256';

/**
 * @param {string} secret
 * @param {string} body the exact bytes sent, as a string
 * @returns {string} the header value, `sha256=<hex>`
 */
export function signBody(secret, body) {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * True when `header` is the signature of `body` under `secret`. Compares in
 * constant time, so a forger learns nothing from how long a refusal takes.
 *
 * @param {string} secret
 * @param {string} body the raw request body as received, before any JSON parsing
 * @param {string | undefined | null} header
 */
export function verifySignature(secret, body, header) {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
