import type { PageContext } from './event.js';
import { uuidv4 } from '../internal/uuid.js';

/** How much of the referrer to send: `'origin'` (default), `'full'`, or `'none'`. */
export type ReferrerMode = 'origin' | 'full' | 'none';

export interface ContextOptions {
  /** Keep the query string and hash in `context.url` (off by default: they often carry tokens or personal data). */
  includeQuery?: boolean;
  /**
   * `'origin'` (default) keeps only the referrer's origin, `'full'` keeps it
   * whole (without query and hash unless `includeQuery`), `'none'` drops it.
   * `false` means `'none'`; `true` means the default, `'origin'`.
   */
  includeReferrer?: ReferrerMode | boolean;
}

const SESSION_KEY = 'feelback:session';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
let memorySessionId: string | undefined;

function referrerMode(mode: ContextOptions['includeReferrer']): ReferrerMode {
  if (mode === false) return 'none';
  if (mode === 'full' || mode === 'none') return mode;
  return 'origin';
}

/**
 * A URL as sent: origin and path, plus query and hash only when asked. User
 * name and password (`https://user:pass@host/`) are never sent.
 */
export function pageUrl(href: string, includeQuery = false): string {
  try {
    const url = new URL(href);
    const base = `${url.origin}${url.pathname}`;
    return includeQuery ? `${base}${url.search}${url.hash}` : base;
  } catch {
    return '';
  }
}

/** The referrer as sent: origin only by default, `''` when there is none. */
export function referrerUrl(referrer: string, mode?: ContextOptions['includeReferrer'], includeQuery = false): string {
  const resolved = referrerMode(mode);
  if (!referrer || resolved === 'none') return '';
  try {
    const url = new URL(referrer);
    return resolved === 'full' ? pageUrl(referrer, includeQuery) : url.origin;
  } catch {
    return '';
  }
}

/**
 * A random id per tab, kept in `sessionStorage` so it survives reloads of the
 * same tab; memory when storage is blocked or full. Never a cookie.
 */
export function sessionId(): string {
  let storage: Storage | undefined;
  try {
    storage = globalThis.sessionStorage;
    const stored = storage?.getItem(SESSION_KEY);
    if (stored && UUID.test(stored)) {
      memorySessionId = stored;
      return stored;
    }
  } catch {
    // Storage denied (sandboxed iframe, blocked third-party storage): memory it is.
    storage = undefined;
  }
  memorySessionId ??= uuidv4();
  try {
    storage?.setItem(SESSION_KEY, memorySessionId);
  } catch {
    // Quota or private mode: the memory id still holds for this page's life.
  }
  return memorySessionId;
}

/** Test hook (not exported from the package): forget the in-memory session id. */
export function resetSessionId(): void {
  memorySessionId = undefined;
}

/** Page context for an event built now. `locale` is the widget's resolved locale. */
export function pageContext(locale: string, options: ContextOptions = {}): PageContext {
  const location = globalThis.location;
  const documentRef = globalThis.document;
  return {
    url: location ? pageUrl(location.href, options.includeQuery === true) : '',
    referrer: referrerUrl(documentRef?.referrer ?? '', options.includeReferrer, options.includeQuery === true),
    locale,
    viewport: {
      width: Math.round(globalThis.innerWidth ?? 0),
      height: Math.round(globalThis.innerHeight ?? 0),
    },
    sessionId: sessionId(),
  };
}
