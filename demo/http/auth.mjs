import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

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

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
const COOKIE_VERSION = 'v1';

/** @param {string} text */
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Compares in time that depends on neither input (both are hashed to 32 bytes
 * first, so not even the length leaks).
 * @param {string} a
 * @param {string} b
 */
export function constantTimeEqual(a, b) {
  return timingSafeEqual(sha256(a), sha256(b));
}

/** A fresh admin token: 192 random bits, URL-safe. */
export function generateAdminToken() {
  return randomBytes(24).toString('base64url');
}

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
export function createAuth({ adminToken, now = Date.now }) {
  if (!adminToken) throw new TypeError('an admin token is required');
  const key = createHmac('sha256', adminToken).update('feelback session key v1').digest();
  /** @type {Map<string, number>} nonce → expiry */
  const revoked = new Map();

  /** @param {string} text */
  const mac = (text) => createHmac('sha256', key).update(text).digest('base64url');

  /** `__Host-` pins the cookie to this host and path `/`, but browsers only take it over https. @param {boolean} https */
  const cookieName = (https) => (https ? '__Host-feelback_session' : 'feelback_session');

  /** @param {string} value @returns {Session | undefined} */
  function readSessionValue(value) {
    const parts = value.split('.');
    if (parts.length !== 4 || parts[0] !== COOKIE_VERSION) return undefined;
    const [, expiry, nonce, signature] = parts;
    const expected = Buffer.from(mac(`${COOKIE_VERSION}.${expiry}.${nonce}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const expiresAt = Number.parseInt(expiry, 36);
    if (!(expiresAt > now()) || revoked.has(nonce)) return undefined;
    return { nonce, expiresAt };
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @returns {Session | undefined}
   */
  function sessionOf(req) {
    const cookies = parseCookies(req.headers.cookie);
    for (const name of [cookieName(true), cookieName(false)]) {
      const value = cookies.get(name);
      const session = value === undefined ? undefined : readSessionValue(value);
      if (session) return session;
    }
    return undefined;
  }

  return {
    /** @param {string} candidate */
    tokenMatches: (candidate) => constantTimeEqual(candidate, adminToken),

    /**
     * How the request proves it is the admin. A wrong bearer token is an
     * answer in itself (401), never a reason to try the cookie.
     * @param {import('node:http').IncomingMessage} req
     * @returns {Authentication}
     */
    authenticate(req) {
      const header = req.headers.authorization;
      if (header !== undefined) {
        const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
        return match && constantTimeEqual(match[1], adminToken) ? { via: 'bearer' } : { via: 'bad-token' };
      }
      const session = sessionOf(req);
      return session ? { via: 'cookie', session } : { via: 'none' };
    },

    /**
     * A new session and the `Set-Cookie` value that carries it.
     * @param {boolean} https
     */
    startSession(https) {
      const expiresAt = now() + SESSION_MAX_AGE_SECONDS * 1000;
      const nonce = randomBytes(16).toString('base64url');
      const body = `${COOKIE_VERSION}.${expiresAt.toString(36)}.${nonce}`;
      const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${SESSION_MAX_AGE_SECONDS}`, ...(https ? ['Secure'] : [])];
      return { session: { nonce, expiresAt }, cookie: [`${cookieName(https)}=${body}.${mac(body)}`, ...attributes].join('; ') };
    },

    /**
     * Revokes `session` (when given) and returns the `Set-Cookie` values that clear both cookie names.
     * @param {Session | undefined} session
     */
    endSession(session) {
      if (session) {
        revoked.set(session.nonce, session.expiresAt);
        const at = now();
        for (const [nonce, expiresAt] of revoked) if (expiresAt <= at) revoked.delete(nonce);
      }
      return [
        `${cookieName(true)}=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0`,
        `${cookieName(false)}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`,
      ];
    },

    /** The CSRF token for forms and `X-CSRF-Token` in this session. @param {Session} session */
    csrfToken: (session) => mac(`csrf.${session.nonce}`),

    /** @param {Session} session @param {string | undefined} candidate */
    csrfTokenMatches: (session, candidate) => typeof candidate === 'string' && constantTimeEqual(candidate, mac(`csrf.${session.nonce}`)),
  };
}

/** @typedef {ReturnType<typeof createAuth>} Auth */

/**
 * @param {string | undefined} header
 * @returns {Map<string, string>}
 */
export function parseCookies(header) {
  /** @type {Map<string, string>} */
  const cookies = new Map();
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at < 1) continue;
    const name = pair.slice(0, at).trim();
    if (!cookies.has(name)) cookies.set(name, pair.slice(at + 1).trim());
  }
  return cookies;
}

/**
 * Whether a state-changing browser request comes from a page of this site:
 * its `Origin` (or, failing that, `Referer`) must be this very origin. A
 * request with neither is refused: every browser sends `Origin` on a POST.
 *
 * @param {import('node:http').IncomingMessage} req
 * @param {string} ownOrigin e.g. `http://127.0.0.1:8080`
 */
export function isSameOriginRequest(req, ownOrigin) {
  const origin = req.headers.origin;
  if (origin !== undefined) return origin === ownOrigin;
  const referer = req.headers.referer;
  if (referer === undefined) return false;
  try {
    return new URL(referer).origin === ownOrigin;
  } catch {
    return false;
  }
}
