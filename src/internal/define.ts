import { warnOnce } from './warn.js';

/**
 * Defines a custom element unless the tag is already taken. A page that loads
 * two copies of feelback (a CDN script and an npm bundle, say) keeps the first
 * definition working and gets a warning instead of a thrown DOMException.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag);
  if (existing === constructor) return;
  if (existing) {
    warnOnce(`<${tag}> is already defined by another copy of feelback; keeping the first one. Load the library once per page.`);
    return;
  }
  registry.define(tag, constructor);
}
