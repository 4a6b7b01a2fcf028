import type { Page } from 'playwright-core';
import type { BrowserSuite } from './suite.js';

export interface TransportPageOptions {
  /** The page's title, also its one line of text. */
  title: string;
  /** What the page passes to `createTransport()` (JSON: no functions). */
  transport: Record<string, unknown>;
  /** The `widget` of every answer the page gives. */
  widget: string;
  /** Runs first, as a classic script (e.g. to break web storage). */
  prelude?: string;
}

/**
 * A page that loads the bundle and keeps one transport, exposing `answer(n)`
 * to give n star ratings and return their ids, and the transport itself as
 * `window.transport`.
 */
export function transportPage({ title, transport, widget, prelude }: TransportPageOptions): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${prelude ? `\n<script>${prelude}</script>` : ''}
<script type="module">
  import { createTransport, createFeedbackEvent } from '/dist/feelback.min.js';
  const transport = createTransport(${JSON.stringify(transport)});
  window.transport = transport;
  window.answer = (count) => {
    const ids = [];
    for (let i = 0; i < count; i++) {
      const event = createFeedbackEvent({
        type: 'rating',
        widget: ${JSON.stringify(widget)},
        rating: { scale: 'stars', value: 1 + (i % 5), min: 1, max: 5 },
        context: { url: location.href, referrer: '', locale: 'en', viewport: { width: 1, height: 1 }, sessionId: 's' },
      });
      transport.send(event);
      ids.push(event.id);
    }
    return ids;
  };
  window.transportReady = true;
</script></head><body><p>${title}</p></body></html>`;
}

/** Serves a transport page at `path`, opens it and waits until its transport is ready. */
export async function openTransportPage(suite: BrowserSuite, path: string, options: TransportPageOptions): Promise<void> {
  await suite.openPage(path, transportPage(options));
  await transportReady(suite.page);
}

/** Resolves once the transport page (just opened or reloaded) has its transport. */
export async function transportReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { transportReady?: boolean }).transportReady === true);
}

/** Gives `count` answers on an open transport page; resolves to their ids. */
export function answerOn(page: Page, count: number): Promise<string[]> {
  return page.evaluate((n) => (window as unknown as { answer(n: number): string[] }).answer(n), count);
}

/** How many answers the page's transport still holds. */
export function pendingOn(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { transport: { pending(): number } }).transport.pending());
}
