// Types for auth.mjs, generated from its JSDoc so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs demo/http/*.mjs
/**
 * Compares in time that depends on neither input (both are hashed to 32 bytes
 * first, so not even the length leaks).
 * @param {string} a
 * @param {string} b
 */
export function constantTimeEqual(a: string, b: string): boolean;
/** A fresh admin token: 192 random bits, URL-safe. */
export function generateAdminToken(): string;
/**
 * @typedef {object} Session
 * @property {string} nonce
 * @property {number} expiresAt ms since the epoch
 */
/**
 * @typedef {{ via: 'bearer' } | { via: 'cookie', session: Session } | { via: 'none' } | { via: 'bad-token' }} Authentication
 */
/**
 * @param {{ adminToken: string, now?: () => number }} options
 */
export function createAuth({ adminToken, now }: {
    adminToken: string;
    now?: () => number;
}): {
    /** @param {string} candidate */
    tokenMatches: (candidate: string) => boolean;
    /**
     * How the request proves it is the admin. A wrong bearer token is an
     * answer in itself (401), never a reason to try the cookie.
     * @param {import('node:http').IncomingMessage} req
     * @returns {Authentication}
     */
    authenticate(req: import("node:http").IncomingMessage): Authentication;
    /**
     * A new session and the `Set-Cookie` value that carries it.
     * @param {boolean} https
     */
    startSession(https: boolean): {
        session: {
            nonce: string;
            expiresAt: number;
        };
        cookie: string;
    };
    /**
     * Revokes `session` (when given) and returns the `Set-Cookie` values that clear both cookie names.
     * @param {Session | undefined} session
     */
    endSession(session: Session | undefined): string[];
    /** The CSRF token for forms and `X-CSRF-Token` in this session. @param {Session} session */
    csrfToken: (session: Session) => string;
    /** @param {Session} session @param {string | undefined} candidate */
    csrfTokenMatches: (session: Session, candidate: string | undefined) => boolean;
};
/** @typedef {ReturnType<typeof createAuth>} Auth */
/**
 * @param {string | undefined} header
 * @returns {Map<string, string>}
 */
export function parseCookies(header: string | undefined): Map<string, string>;
/**
 * Whether a state-changing browser request comes from a page of this site:
 * its `Origin` (or, failing that, `Referer`) must be this very origin. A
 * request with neither is refused: every browser sends `Origin` on a POST.
 *
 * @param {import('node:http').IncomingMessage} req
 * @param {string} ownOrigin e.g. `http://127.0.0.1:8080`
 */
export function isSameOriginRequest(req: import("node:http").IncomingMessage, ownOrigin: string): boolean;
/**
 * Admin access: the token itself (`Authorization: Bearer …`, for scripts) or
 * a session cookie from the sign-in page (for people).
 *
 * The cookie is signed, not stored: `v1.<expiry>.<nonce>.<mac>`, the MAC an
 * HMAC-SHA256 under a key derived from the admin token. It never contains the
 * token, it works on every collector process that shares the token, and
 * changing the token signs everyone out. Signing out adds the nonce to a
 * revocation list in this process's memory until the cookie would have
 * expired anyway.
 */
export const SESSION_MAX_AGE_SECONDS: number;
export type Session = {
    nonce: string;
    /**
     * ms since the epoch
     */
    expiresAt: number;
};
export type Authentication = {
    via: "bearer";
} | {
    via: "cookie";
    session: Session;
} | {
    via: "none";
} | {
    via: "bad-token";
};
export type Auth = ReturnType<typeof createAuth>;
