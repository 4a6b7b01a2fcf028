// Server rendering with React 19: renderToString in Node, hydrateRoot in
// Chromium. React applies neither object properties nor custom-element event
// props when it hydrates server markup; the feelback/react wrappers (made with
// @lit/react) do, so the handler and the metadata must both arrive.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackEvent } from '../../src/context/event.js';
import { useBrowserSuite } from './support/suite.js';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, '.cache/react-ssr');
const suite = useBrowserSuite();

let serverHtml = '';

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  await build({
    entryPoints: [join(import.meta.dirname, 'fixtures/react-ssr-client.mjs')],
    bundle: true,
    format: 'esm',
    outfile: join(OUT, 'client.js'),
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const { App } = await import('./fixtures/react-ssr-app.mjs');
  serverHtml = renderToString(createElement(App, { endpoint: '/collect/ssr' }));
}, 120_000);

describe('feelback/react rendered on the server and hydrated in the browser', () => {
  it('renders the tag on the server, without touching the DOM there', () => {
    expect(serverHtml).toMatch(
      /<main><h1>Checkout complete<\/h1><feelback-rating-bar[^>]*><\/feelback-rating-bar><feelback-launcher manual="" launcher-id="ssr-help"><feelback-feeling-prompt [^>]*><\/feelback-feeling-prompt><\/feelback-launcher><\/main>/,
    );
    // The element's properties (widgetId, metadata …) are not attributes; the wrapper sets them once hydrated.
    expect(serverHtml).not.toContain('metadata');
  });

  /** Opens the server markup in Chromium and waits until React has hydrated it. */
  async function openHydrated(): Promise<void> {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SSR</title></head><body>
<div id="root" data-endpoint="${suite.server.origin}/collect/ssr">${serverHtml}</div>
<script type="module" src="/.cache/react-ssr/client.js"></script></body></html>`;
    await suite.openPage('/react-ssr.html', html, { waitFor: 'feelback-rating-bar' });
    await suite.page.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true);
  }

  it('after hydrateRoot, onFeelbackSubmit fires and the metadata prop reaches the endpoint', async () => {
    const { page, server } = suite;
    await openHydrated();

    await page.locator('feelback-rating-bar [role="radio"]').nth(3).click();
    const [event] = await server.waitForAccepted(1);
    const submits = await page.evaluate(() => (window as unknown as { __submits?: FeedbackEvent[] }).__submits ?? []);

    expect(submits.map((submitted) => submitted.id)).toEqual([event.id]);
    expect(event.type === 'rating' && event.rating.value).toBe(4);
    expect(event.widget).toBe('ssr-checkout');
    expect(event.metadata).toEqual({ plan: 'pro', renderedOn: 'server' });
    expect(await page.evaluate(() => (window as unknown as { __recoverableErrors: string[] }).__recoverableErrors)).toEqual([]);
    expect(suite.consoleLog.errors).toEqual([]);
  });

  it('after hydrateRoot, FeelbackLauncher has its display and calls onFeelbackShow', async () => {
    await openHydrated();
    const { page } = suite;
    // Set by the wrapper once hydrated (through the launcher's display property): not in the server markup.
    expect(serverHtml).not.toContain('display=');
    expect(await page.locator('feelback-launcher').getAttribute('display')).toBe('modal');
    expect(await page.evaluate(() => document.querySelector('feelback-launcher')!.show())).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __shows?: unknown[] }).__shows)).toEqual([{ launcher: 'ssr-help', trigger: 'manual' }]);
    expect(suite.consoleLog.errors).toEqual([]);
  });
});
