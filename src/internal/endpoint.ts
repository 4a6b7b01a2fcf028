/**
 * Resolves an endpoint against the page and accepts only http(s) URLs, so a
 * `javascript:` or `data:` value can never become a request target.
 * Returns the absolute URL, or `undefined` when the value is not acceptable.
 */
export function resolveEndpoint(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  let url: URL;
  try {
    const base = globalThis.document?.baseURI ?? globalThis.location?.href;
    url = new URL(value.trim(), base);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
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
