import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startDemoServer, type DemoServer } from '../../demo/app.mjs';
import type { FeedbackEvent } from '../../src/context/event.js';
import { launchBrowser, watchConsole } from './support/browser.js';

let browser: Browser;
let demo: DemoServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'feelback-demo-'));
  demo = await startDemoServer({ port: 0, host: '127.0.0.1', dbPath: join(dir, 'feedback.sqlite') });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function storedEvents(query: string): Promise<FeedbackEvent[]> {
  const response = await fetch(`${demo.url}/api/events${query}`, { headers: { authorization: `Bearer ${demo.adminToken}` } });
  return ((await response.json()) as { events: FeedbackEvent[] }).events;
}

async function openPage(path: string): Promise<{ page: Page; log: ReturnType<typeof watchConsole> }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const log = watchConsole(page);
  await page.goto(`${demo.url}${path}`);
  return { page, log };
}

/** Opens /results the way a site owner does: redirected to the sign-in page, token typed in. */
async function openResults(token = demo.adminToken): Promise<{ page: Page; log: ReturnType<typeof watchConsole> }> {
  const opened = await openPage('/results');
  await opened.page.waitForURL(`${demo.url}/signin?next=%2Fresults`);
  await opened.page.getByLabel('Admin token').fill(token);
  await opened.page.getByRole('button', { name: 'Sign in' }).click();
  await opened.page.waitForURL(`${demo.url}/results`);
  return opened;
}

describe('the demo', () => {
  it('delivers a rating given on / to the collector, and /results plots it', async () => {
    const { page, log } = await openPage('/');
    const stars = page.locator('feelback-rating-bar[widget-id="demo-stars"]');
    await stars.getByRole('radio', { name: '4 of 5 stars' }).click();

    await expect.poll(() => storedEvents('?widget=demo-stars'), { timeout: 10_000 }).toHaveLength(1);
    const [event] = await storedEvents('?widget=demo-stars');
    expect(event).toMatchObject({ type: 'rating', widget: 'demo-stars', rating: { scale: 'stars', value: 4, min: 1, max: 5 } });
    expect(event.context.url).toBe(`${demo.url}/`);
    expect(event.metadata).toEqual({ demo: true });

    // The live log shows the element's events and the collector's answer.
    const entries = page.locator('#log .log-entry strong');
    await expect.poll(() => entries.allTextContents(), { timeout: 10_000 }).toEqual(
      expect.arrayContaining(['feelback-change from demo-stars', 'feelback-sent from demo-stars', 'POST /api/feedback → 200']),
    );
    await page.close();

    const results = await openResults();
    await results.page.locator('body[data-loaded="true"]').waitFor();
    expect(await results.page.locator('canvas[data-widget="demo-stars"]').count()).toBe(1);
    expect(await results.page.locator('#feelings-chart').count()).toBe(1);
    expect(await results.page.locator('#vitals-chart').count()).toBe(1);
    // Chart.js sized and drew into the canvases.
    const drawn = await results.page.locator('canvas').evaluateAll((canvases) =>
      canvases.map((canvas) => (canvas as HTMLCanvasElement).width > 0 && (canvas as HTMLCanvasElement).height > 0),
    );
    expect(drawn.length).toBeGreaterThanOrEqual(3);
    expect(drawn.every(Boolean)).toBe(true);
    expect(await results.page.locator('#score-charts h3').allTextContents()).toEqual(['demo-stars · stars (1 answer)']);

    expect(log.errors).toEqual([]);
    expect(results.log.errors).toEqual([]);
    await results.page.close();
  }, 60_000);

  it('shows text from visitors as text, never as markup', async () => {
    const rating = randomUUID();
    const context = { url: 'https://shop.example/', referrer: '', locale: 'en', viewport: { width: 1, height: 1 }, sessionId: 's' };
    const createdAt = new Date().toISOString();
    const hostile = '<img src=x id=injected onerror="document.title=\'pwned\'">';
    const response = await fetch(`${demo.url}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        v: 1,
        sentAt: createdAt,
        events: [
          { id: rating, type: 'rating', widget: 'hostile', createdAt, rating: { scale: 'nps', value: 2, min: 0, max: 10 }, context },
          { id: randomUUID(), type: 'comment', widget: 'hostile', createdAt, comment: { text: hostile, replyTo: rating }, context },
          {
            id: randomUUID(),
            type: 'callback',
            widget: 'hostile',
            createdAt,
            callback: { name: hostile, phone: '+15551234567', window: 'evening', topic: hostile, consent: true, timeZone: 'UTC' },
            context,
          },
          { id: randomUUID(), type: 'shown', widget: 'hostile', createdAt, launcher: { id: hostile, display: 'popover', trigger: 'delay' }, context },
        ],
      }),
    });
    expect(response.status).toBe(200);

    const { page, log } = await openResults();
    await page.locator('body[data-loaded="true"]').waitFor();
    expect(await page.locator('#comments blockquote').first().textContent()).toBe(hostile);
    expect(await page.locator('#callbacks td').allTextContents()).toEqual(expect.arrayContaining([hostile, '+15551234567', 'Evening (UTC)']));
    // The launcher was shown to the visitor, who then answered (rating and callback): 1 of 1.
    expect(await page.locator('#launchers td').allTextContents()).toEqual([hostile, 'hostile', '1', '1', '0', '100%']);
    expect(await page.locator('#injected').count()).toBe(0);
    expect(await page.title()).toBe('feelback results');
    expect(await page.locator('.nps-score').allTextContents()).toEqual(['NPS -100: 0 promoters, 0 passives, 1 detractors']);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('shows nothing of the results before sign-in, and everything after', async () => {
    const createdAt = new Date().toISOString();
    const context = { url: 'https://shop.example/', referrer: '', locale: 'en', viewport: { width: 1, height: 1 }, sessionId: 's' };
    const callback = { name: 'Grace Hopper', phone: '+15550001111', window: 'morning', topic: 'refund', consent: true, timeZone: 'UTC' };
    const posted = await fetch(`${demo.url}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ v: 1, sentAt: createdAt, events: [{ id: randomUUID(), type: 'callback', widget: 'private', createdAt, callback, context }] }),
    });
    expect(posted.status).toBe(200);

    const { page, log } = await openPage('/results');
    await page.waitForURL(`${demo.url}/signin?next=%2Fresults`);
    expect(await page.content()).not.toContain('Grace Hopper');
    expect(await page.locator('#callbacks').count()).toBe(0);
    // The page's own script cannot read the answers either.
    const read = await page.evaluate(async () => (await fetch('/api/events')).status);
    expect(read).toBe(401);

    // A wrong token keeps the page shut.
    await page.getByLabel('Admin token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not the admin token');
    expect(page.url()).toBe(`${demo.url}/signin`);

    await page.getByLabel('Admin token').fill(demo.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${demo.url}/results`);
    await page.locator('body[data-loaded="true"]').waitFor();
    expect(await page.locator('#callbacks td').allTextContents()).toEqual(expect.arrayContaining(['Grace Hopper', '+15550001111']));
    // The session cookie is out of the page's reach.
    expect(await page.evaluate(() => document.cookie)).toBe('');

    // Signing out shuts the page again.
    await page.goto(`${demo.url}/signout`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${demo.url}/signin`);
    await page.goto(`${demo.url}/results`);
    await page.waitForURL(`${demo.url}/signin?next=%2Fresults`);
    expect(await page.content()).not.toContain('Grace Hopper');
    expect(log.errors.filter((text) => !/401|Failed to load resource/.test(text))).toEqual([]);
    await page.close();
  });
});
