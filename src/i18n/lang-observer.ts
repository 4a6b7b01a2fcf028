/**
 * One page-wide watch on `lang` attributes, shared by every element: a change
 * of `lang` on `<html>`, a container or the element itself re-resolves the
 * locale. A MutationObserver per element would multiply the work by the number
 * of widgets; one observer filtered to `lang` costs nothing until a `lang`
 * actually changes. It cannot see into other components' shadow roots: after
 * changing a `lang` in there, call the element's `refreshLocale()`.
 */
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

/** Calls `listener` after any `lang` attribute in the document changes; returns the unsubscribe function. */
export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  if (!observer && typeof MutationObserver === 'function' && globalThis.document) {
    observer = new MutationObserver(() => {
      for (const notify of [...listeners]) notify();
    });
    observer.observe(document, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
