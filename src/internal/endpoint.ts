/** Endpoints resolved on this page, by base URL and value: fifty widgets naming one endpoint pay for one `new URL`. */
const resolved = new Map<string, string | undefined>();
/** More distinct endpoints than a page has: past this the record starts again. */
const RESOLVED_KEPT = 64;

/**
 * Resolves an endpoint against the page and accepts only http(s) URLs, so a
 * `javascript:` or `data:` value can never become a request target.
 * Returns the absolute URL, or `undefined` when the value is not acceptable.
 */
export function resolveEndpoint(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const base = globalThis.document?.baseURI ?? globalThis.location?.href;
  // The base is part of the key: after a history.pushState a relative endpoint resolves anew.
  const key = `${base ?? ''}\n${value}`;
  if (resolved.has(key)) return resolved.get(key);
  const result = httpUrl(value.trim(), base);
  if (resolved.size >= RESOLVED_KEPT) resolved.clear();
  resolved.set(key, result);
  return result;
}

function httpUrl(value: string, base: string | undefined): string | undefined {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True for a relative endpoint (`/api/feedback`) where there is no page to
 * resolve it against yet: on the server while rendering, configure() runs at
 * module top level with no `document`. It is kept as given and resolved when
 * a widget hands over its first answer; a scheme other than http(s) is still
 * refused at once.
 */
export function isUnresolvedRelativeEndpoint(value: unknown): value is string {
  if (typeof value !== 'string' || value.trim() === '') return false;
  if (globalThis.document?.baseURI || globalThis.location?.href) return false;
  return !/^[a-z][a-z0-9+.-]*:/i.test(value.trim());
}
