import type { PageContext } from './event.js';
import { uuidv4 } from '../internal/uuid.js';

export interface ContextOptions {
  /** Keep the query string and hash in `context.url` (off by default: they often carry tokens or personal data). */
  includeQuery?: boolean;
  /** `'origin'` (default) keeps only the referrer's origin, `'full'` keeps it whole, `'none'` drops it. */
  includeReferrer?: 'origin' | 'full' | 'none';
}

const SESSION_KEY = 'feelback:session';
let memorySessionId: string | undefined;

/** The page URL as sent: origin and path, plus query and hash only when asked. */
export function pageUrl(href: string, includeQuery = false): string {
  try {
    const url = new URL(href);
    if (includeQuery) return url.href;
    return `${url.origin}${url.pathname}`;
  } catch {
    return '';
  }
}

/** The referrer as sent: origin only by default. */
export function referrerUrl(referrer: string, mode: ContextOptions['includeReferrer'] = 'origin'): string {
  if (!referrer || mode === 'none') return '';
  try {
    const url = new URL(referrer);
    return mode === 'full' ? url.href : url.origin;
  } catch {
    return '';
  }
}

/**
 * A random id per tab, kept in `sessionStorage` so it survives reloads of the
 * same tab; memory when storage is blocked. Never a cookie.
 */
export function sessionId(): string {
  try {
    const storage = globalThis.sessionStorage;
    const stored = storage?.getItem(SESSION_KEY);
    if (stored) return stored;
    const created = memorySessionId ?? uuidv4();
    storage?.setItem(SESSION_KEY, created);
    memorySessionId = created;
    return created;
  } catch {
    memorySessionId ??= uuidv4();
    return memorySessionId;
  }
}

/** Page context for an event built now. `locale` is the widget's resolved locale. */
export function pageContext(locale: string, options: ContextOptions = {}): PageContext {
  const location = globalThis.location;
  const documentRef = globalThis.document;
  return {
    url: location ? pageUrl(location.href, options.includeQuery) : '',
    referrer: referrerUrl(documentRef?.referrer ?? '', options.includeReferrer),
    locale,
    viewport: {
      width: Math.round(globalThis.innerWidth ?? 0),
      height: Math.round(globalThis.innerHeight ?? 0),
    },
    sessionId: sessionId(),
  };
}
