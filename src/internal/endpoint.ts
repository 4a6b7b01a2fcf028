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
