// dist/feelback.min.js loads some of its code after the first render, from
// files beside it (docs/performance.md). A file that cannot load (a 404, the
// visitor going offline, a Content-Security-Policy) must never throw into the
// page or cost an answer: the console says once what failed, answers wait in
// storage, and a later page that can load the file delivers them.
import { describe, expect, it } from 'vitest';
import { pageHtml, useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite();

/**
 * Two bars posting to `endpoint`. Each test posts to its own path: a page an
 * earlier test left open still beacons the answers it holds when it is hidden,
 * and those may reach the server while a later test runs.
 */
const bars = (endpoint: string) => `<main><p>Rate this article.</p>
<feelback-rating-bar widget-id="first" endpoint="${endpoint}"></feelback-rating-bar>
<feelback-rating-bar widget-id="second" endpoint="${endpoint}" scale="thumbs"></feelback-rating-bar>
</main>`;

const requestsTo = (endpoint: string) => suite.server.requests.filter((request) => request.path === endpoint);

/** The events `endpoint` has received (every POST is answered 204), once each, when there are at least `count`. */
async function acceptedAt(endpoint: string, count: number) {
  const events = () => [...new Map(requestsTo(endpoint).flatMap((request) => request.events).map((event) => [event.id, event])).values()];
  await expect.poll(() => events().length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
  return events();
}

/** Console errors other than the browser's own line about the failed request. */
const pageErrors = () => suite.consoleLog.errors.filter((error) => !/Failed to load resource/.test(error));

const warningsWith = (text: string) => suite.consoleLog.warnings.filter((warning) => warning.includes(text));

/** Events held in storage for a later page, by key. */
const held = () =>
  suite.page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((key) => key.startsWith('feelback:held:'))
        .map((key) => [key, (JSON.parse(localStorage.getItem(key)!) as Array<{ id: string }>).map((event) => event.id)]),
    ),
  );

describe('a deferred file that fails to load', () => {
  it('the transport: answers wait in storage, the console says so once, and the next page delivers them', async () => {
    const endpoint = '/collect/transport-404';
    await suite.page.route('**/dist/internal/transport-*.min.js', (route) => route.fulfill({ status: 404, body: '' }));
    await suite.openPage('/offline.html', pageHtml(bars(endpoint), { title: 'transport 404' }), { waitFor: 'feelback-rating-bar' });

    await suite.page.getByRole('radio', { name: '4 of 5 stars' }).click();
    await suite.page.getByRole('radio', { name: 'Thumbs up' }).click();
    await expect.poll(() => warningsWith('could not load the transport').length).toBe(1);
    await expect.poll(async () => Object.values(await held()).flat().length).toBe(2);
    const ids = Object.values(await held()).flat();
    expect(requestsTo(endpoint)).toEqual([]);
    expect(pageErrors()).toEqual([]);
    // The widgets stay usable: the visitor saw their answer taken.
    await expect(suite.page.getByRole('radio', { name: '4 of 5 stars' }).getAttribute('aria-checked')).resolves.toBe('true');

    // A later page where the file loads: the held answers go out with their own ids, once.
    await suite.page.unroute('**/dist/internal/transport-*.min.js');
    await suite.page.reload();
    const events = await acceptedAt(endpoint, 2);
    expect(events.map((event) => event.id).sort()).toEqual([...ids].sort());
    expect(events.map((event) => event.widget).sort()).toEqual(['first', 'second']);
    await expect.poll(held).toEqual({});
  });

  it("the transport's file has not arrived when the visitor leaves: the answers go by beacon", async () => {
    const endpoint = '/collect/leave-early';
    // The file is requested but never answered, as on a slow connection.
    await suite.page.route('**/dist/internal/transport-*.min.js', () => {});
    await suite.openPage(
      '/leave-early.html',
      pageHtml(`${bars(endpoint)}<feelback-callback-request endpoint="${endpoint}"></feelback-callback-request>`, { title: 'leave early' }),
      { waitFor: ['feelback-rating-bar', 'feelback-callback-request'] },
    );
    await suite.page.getByRole('radio', { name: '2 of 5 stars' }).click();
    await expect.poll(async () => Object.values(await held()).flat().length).toBe(1);
    expect(requestsTo(endpoint)).toEqual([]);

    suite.server.page('/elsewhere.html', '<!doctype html><title>elsewhere</title><p>elsewhere</p>');
    await suite.page.goto(`${suite.server.origin}/elsewhere.html`);
    const [event] = await acceptedAt(endpoint, 1);
    expect(event!.rating?.value).toBe(2);
    const beacon = requestsTo(endpoint).find((request) => request.contentType.startsWith('text/plain'));
    expect(JSON.parse(beacon!.body)).toMatchObject({ v: 1, events: [{ id: event!.id }] });
    expect(pageErrors()).toEqual([]);
  });

  it('the transport, offline: the answer goes out on the same page once the visitor is back online', async () => {
    const endpoint = '/collect/offline-online';
    await suite.openPage('/offline-then-online.html', pageHtml(bars(endpoint), { title: 'offline, then online' }), { waitFor: 'feelback-rating-bar' });
    // Offline before the first answer: the transport's file has not been fetched yet, so its import() fails.
    await suite.context.setOffline(true);
    await suite.page.getByRole('radio', { name: '3 of 5 stars' }).click();
    await expect.poll(() => warningsWith('could not load the transport').length).toBe(1);
    const ids = Object.values(await held()).flat();
    expect(ids).toHaveLength(1);
    expect(requestsTo(endpoint)).toEqual([]);

    // Back online: Chromium fetches a failed module again, and the held answer is sent without a reload.
    await suite.context.setOffline(false);
    const [event] = await acceptedAt(endpoint, 1);
    expect(event!.id).toBe(ids[0]);
    expect(event!.rating?.value).toBe(3);
    await expect.poll(held).toEqual({});
    expect(warningsWith('could not load the transport')).toHaveLength(1);
    expect(pageErrors()).toEqual([]);
  });

  it('a Content-Security-Policy that allows only the bundle itself: the page works, answers wait, each file is named once', async () => {
    const endpoint = '/collect/csp';
    // A policy that lists the file rather than its folder blocks the files the bundle loads beside it.
    const csp = `default-src 'self'; script-src ${suite.server.origin}/dist/feelback.min.js; connect-src 'self'`;
    await suite.openPage('/csp-bundle-only.html', pageHtml(bars(endpoint), { title: 'bundle-only policy' }), {
      waitFor: 'feelback-rating-bar',
      headers: { 'content-security-policy': csp },
    });
    await expect.poll(() => warningsWith('could not load web-vitals').length).toBe(1);

    await suite.page.getByRole('radio', { name: '5 of 5 stars' }).click();
    await suite.page.getByRole('radio', { name: 'Thumbs down' }).click();
    await expect.poll(() => warningsWith('could not load the transport').length).toBe(1);
    await expect.poll(async () => Object.values(await held()).flat().length).toBe(2);
    expect(requestsTo(endpoint)).toEqual([]);
    // The browser reports each blocked file; nothing else reaches the console as an error.
    const violations = suite.consoleLog.errors.filter((error) => /Content Security Policy/.test(error));
    expect(violations.length).toBeGreaterThanOrEqual(2);
    expect(suite.consoleLog.errors.filter((error) => !/Content Security Policy|Failed to load resource/.test(error))).toEqual([]);
    await expect(suite.page.getByRole('radio', { name: '5 of 5 stars' }).getAttribute('aria-checked')).resolves.toBe('true');

    // The site fixes its policy (the folder, as docs/security.md says): the next page delivers both.
    const ids = Object.values(await held()).flat();
    await suite.openPage('/csp-folder.html', pageHtml(bars(endpoint), { title: 'folder policy' }), {
      waitFor: 'feelback-rating-bar',
      headers: { 'content-security-policy': `default-src 'self'; script-src ${suite.server.origin}/dist/; connect-src 'self'` },
    });
    const events = await acceptedAt(endpoint, 2);
    expect(events.map((event) => event.id).sort()).toEqual([...ids].sort());
    await expect.poll(held).toEqual({});
  });

  it('the call-back form: stays undefined, warns once, and the rest of the page works', async () => {
    const endpoint = '/collect/callback-404';
    await suite.page.route('**/dist/internal/callback-request-*.min.js', (route) => route.fulfill({ status: 404, body: '' }));
    await suite.openPage(
      '/callback-404.html',
      pageHtml(`${bars(endpoint)}<feelback-callback-request endpoint="${endpoint}"></feelback-callback-request>`, { title: 'callback 404' }),
      { waitFor: 'feelback-rating-bar' },
    );
    await expect.poll(() => warningsWith('could not load <feelback-callback-request>').length).toBe(1);
    expect(await suite.page.evaluate(() => customElements.get('feelback-callback-request'))).toBeUndefined();

    await suite.page.getByRole('radio', { name: '5 of 5 stars' }).click();
    const [event] = await acceptedAt(endpoint, 1);
    expect(event!.rating?.value).toBe(5);
    expect(pageErrors()).toEqual([]);
    expect(warningsWith('could not load <feelback-callback-request>')).toHaveLength(1);
  });

  it('web-vitals: answers are delivered without vitals, and the console says so once', async () => {
    const endpoint = '/collect/vitals-404';
    await suite.page.route('**/dist/internal/web-vitals-*.min.js', (route) => route.fulfill({ status: 404, body: '' }));
    await suite.openPage('/vitals-404.html', pageHtml(bars(endpoint), { title: 'vitals 404' }), { waitFor: 'feelback-rating-bar' });
    await expect.poll(() => warningsWith('could not load web-vitals').length).toBe(1);

    await suite.page.getByRole('radio', { name: '2 of 5 stars' }).click();
    const [event] = await acceptedAt(endpoint, 1);
    expect(event!.rating?.value).toBe(2);
    expect(event!.context.vitals ?? {}).toEqual({});
    expect(pageErrors()).toEqual([]);
  });
});
