// Types for signature.mjs, generated from its JSDoc (see demo/app.d.mts for the command).
/**
 * @param {string} secret
 * @param {string} body the exact bytes sent, as a string
 * @returns {string} the header value, `sha256=<hex>`
 */
export function signBody(secret: string, body: string): string;
/**
 * True when `header` is the signature of `body` under `secret`. Compares in
 * constant time, so a forger learns nothing from how long a refusal takes.
 *
 * @param {string} secret
 * @param {string} body the raw request body as received, before any JSON parsing
 * @param {string | undefined | null} header
 */
export function verifySignature(secret: string, body: string, header: string | undefined | null): boolean;
export const SIGNATURE_HEADER: "x-feelback-signature-256";
