/** What a transport does at each moment of the page's life. */
export interface PageLifecycle {
  /**
   * The page has loaded this transport: what an earlier page left queued can
   * be picked up. Called once, a task after `watchPageLifecycle()`, so making
   * a transport during a widget's first render reads no storage.
   */
  loaded(): void;
  /** The page may be going away: hidden, or `final` on `pagehide` (next it may be frozen, cached or discarded). */
  hidden(final: boolean): void;
  /** Visible again, back `online`, or `restored` from the back/forward cache. */
  resumed(how: 'visible' | 'online' | 'restored'): void;
}

/**
 * Listens for the moments a page may go away or come back and returns the
 * function that stops listening. `pagehide`, never `unload`/`beforeunload`:
 * those break the back/forward cache and do not fire reliably on mobile
 * (https://developer.chrome.com/docs/web-platform/page-lifecycle-api).
 */
export function watchPageLifecycle(page: PageLifecycle): () => void {
  const stops: Array<() => void> = [];
  const on = (target: EventTarget | undefined, type: string, listener: (event: Event) => void) => {
    if (!target?.addEventListener) return;
    target.addEventListener(type, listener);
    stops.push(() => target.removeEventListener(type, listener));
  };
  const doc = globalThis.document as Document | undefined;
  const win = globalThis.window as (Window & typeof globalThis) | undefined;
  on(doc, 'visibilitychange', () => {
    if (doc?.visibilityState === 'hidden') page.hidden(false);
    else page.resumed('visible');
  });
  on(win, 'pagehide', () => page.hidden(true));
  on(win, 'pageshow', (event) => {
    if ((event as PageTransitionEvent).persisted) page.resumed('restored');
  });
  on(win, 'online', () => page.resumed('online'));
  const loadTimer = setTimeout(() => page.loaded(), 0);
  stops.push(() => clearTimeout(loadTimer));
  return () => {
    for (const stop of stops) stop();
    stops.length = 0;
  };
}
