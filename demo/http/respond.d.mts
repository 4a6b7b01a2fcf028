// Types for respond.mjs, generated from its JSDoc so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs demo/http/*.mjs
/**
 * What a response is, for the headers it needs:
 * - `page`: HTML; CSP, its own browsing context group, sent with same-origin referrers (so forms carry `Origin`).
 * - `private`: anything behind the admin token; never cached, never read by another site.
 * - `public`: the demo's own files and errors; same-origin only.
 * - `shared`: what other sites may use: `POST /api/feedback` and the widget bundle.
 * @typedef {'page' | 'private-page' | 'private' | 'public' | 'shared'} ResponseKind
 */
/**
 * @param {ResponseKind} kind
 * @returns {Record<string, string>}
 */
export function securityHeaders(kind: ResponseKind): Record<string, string>;
/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {{ kind?: ResponseKind, headers?: Record<string, string | string[]> }} [options]
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, { kind, headers }?: {
    kind?: ResponseKind;
    headers?: Record<string, string | string[]>;
}): void;
/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {string} html
 * @param {{ kind?: 'page' | 'private-page', headers?: Record<string, string | string[]> }} [options]
 */
export function sendHtml(res: ServerResponse, status: number, html: string, { kind, headers }?: {
    kind?: "page" | "private-page";
    headers?: Record<string, string | string[]>;
}): void;
/**
 * A 303 to a path on this site.
 * @param {ServerResponse} res
 * @param {string} location
 * @param {Record<string, string | string[]>} [headers]
 */
export function redirect(res: ServerResponse, location: string, headers?: Record<string, string | string[]>): void;
/**
 * `429`/`503` with `Retry-After` in whole seconds.
 * @param {ServerResponse} res
 * @param {429 | 503} status
 * @param {number} seconds
 * @param {string} message
 * @param {{ kind?: ResponseKind, headers?: Record<string, string> }} [options]
 */
export function sendRetryLater(res: ServerResponse, status: 429 | 503, seconds: number, message: string, { kind, headers }?: {
    kind?: ResponseKind;
    headers?: Record<string, string>;
}): void;
/**
 * The raw answer for a request node's parser refused (it never reached a
 * handler): status line, security headers, a one-line JSON body, close.
 * @param {number} status
 * @param {string} reason
 * @param {string} message
 */
export function rawErrorResponse(status: number, reason: string, message: string): string;
/**
 * Every answer the collector sends goes through here, so every one carries
 * the security headers, JSON and errors included.
 */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/**
 * The pages run under a strict policy: scripts and styles from files on this
 * origin only, no inline script, no eval, forms post only here, never framed.
 */
export const CONTENT_SECURITY_POLICY: string;
/**
 * What a response is, for the headers it needs:
 * - `page`: HTML; CSP, its own browsing context group, sent with same-origin referrers (so forms carry `Origin`).
 * - `private`: anything behind the admin token; never cached, never read by another site.
 * - `public`: the demo's own files and errors; same-origin only.
 * - `shared`: what other sites may use: `POST /api/feedback` and the widget bundle.
 */
export type ResponseKind = "page" | "private-page" | "private" | "public" | "shared";
export type ServerResponse = import("node:http").ServerResponse;
