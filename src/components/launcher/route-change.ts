/** Fired on `window` after `history.pushState`/`replaceState` changed the URL (the platform fires nothing). */
export const ROUTE_CHANGE_EVENT = 'feelback-route-change';

const PATCHED = Symbol.for('feelback.history-patched');

/**
 * Calls `listener` after every single-page-app route change: the History API
 * (`pushState`, `replaceState`, wrapped once per page, whichever copy of
 * feelback gets there first) and `popstate` (back and forward). Returns the
 * stop function.
 */
export function onRouteChange(listener: () => void, view: Window = window): () => void {
  const history = view.history as History & { [PATCHED]?: true };
  if (history && !history[PATCHED]) {
    history[PATCHED] = true;
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method];
      history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        const result = original.apply(this, args);
        view.dispatchEvent(new Event(ROUTE_CHANGE_EVENT));
        return result;
      };
    }
  }
  view.addEventListener(ROUTE_CHANGE_EVENT, listener);
  view.addEventListener('popstate', listener);
  return () => {
    view.removeEventListener(ROUTE_CHANGE_EVENT, listener);
    view.removeEventListener('popstate', listener);
  };
}
