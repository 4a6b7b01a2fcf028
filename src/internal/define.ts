import { openSlice } from './render-slices.js';
import { warnOnce } from './warn.js';

/**
 * Defines a custom element unless the tag is already taken. A page that loads
 * two copies of feelback (a CDN script and an npm bundle, say) keeps the first
 * definition working and gets a warning instead of a thrown DOMException.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  // Defining a tag upgrades every such element already in the page, synchronously, in this
  // task. Many get a task of their own: the script's evaluation (with the parser's
  // end-of-document layout, in the same task) finishes first, and the upgrade opens the
  // task's render slice, so their first renders follow in later tasks (render-slices.ts).
  if ((globalThis.document?.getElementsByTagName(tag).length ?? 0) > UPGRADE_IN_SCRIPT_TASK) {
    prepareClass(constructor);
    setTimeout(() => {
      openSlice();
      define(registry, tag, constructor);
    }, 0);
  } else define(registry, tag, constructor);
}

/** How many elements already in the page a definition upgrades in the defining script's task; more wait for the next task. */
export const UPGRADE_IN_SCRIPT_TASK = 8;

/**
 * Does a Lit element class's one-time work now, in the script's task, rather
 * than in the upgrade's: reading `observedAttributes` finalizes it (its
 * properties and styles), and reading each style's `styleSheet` parses it.
 */
function prepareClass(constructor: CustomElementConstructor): void {
  void (constructor as { observedAttributes?: unknown }).observedAttributes;
  for (const style of (constructor as { elementStyles?: Array<{ styleSheet?: unknown }> }).elementStyles ?? []) void style.styleSheet;
}

function define(registry: CustomElementRegistry, tag: string, constructor: CustomElementConstructor): void {
  const existing = registry.get(tag);
  if (existing === constructor) return;
  if (existing) {
    warnOnce(`<${tag}> is already defined by another copy of feelback; keeping the first one. Load the library once per page.`);
    return;
  }
  registry.define(tag, constructor);
}
