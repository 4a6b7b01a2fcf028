// The inbox page in Chromium, as a site owner uses it: signed in, a call back request from an angry
// visitor, past the time they were promised, followed from open to contacted to resolved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer, type DemoServer } from '../../demo/app.mjs';
import { readAlertConfig } from '../../demo/collector/alerts/config.mjs';
import { sql } from '../../demo/collector/store/sql.mjs';
import type { FeedbackEvent } from '../../src/context/event.js';
import { eventBuilders } from '../support/events.js';
import { launchBrowser, watchConsole } from './support/browser.js';
import { seriousViolations } from './support/axe.js';


let browser: Browser;
let demo: DemoServer;
let dir: string;
const alerts: Array<{ url: string; body: string }> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'feelback-inbox-'));
  demo = await startDemoServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dir, 'feedback.sqlite'),
    alerts: {
      config: readAlertConfig({ ALERT_WEBHOOK_URL: 'https://hooks.example.com/feelback', ALERT_WEBHOOK_FORMAT: 'json', ALERT_COMMENT_WAIT: '2' }),
      pollMs: 50,
      fetch: (async (url: string, init?: RequestInit) => {
        alerts.push({ url: String(url), body: String(init?.body) });
        return new Response(null, { status: 204 });
      }) as typeof fetch,
    },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

const { feelingEvent, callbackEvent } = eventBuilders({
  context: {
    url: 'https://shop.example/pay',
    sessionId: 'visitor-ana',
    vitals: { LCP: { value: 4200, rating: 'poor' }, INP: { value: 90, rating: 'good' } },
  },
});

async function post(events: FeedbackEvent[]) {
  const response = await fetch(`${demo.url}/api/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ v: 1, sentAt: new Date().toISOString(), events }),
  });
  expect(response.status).toBe(200);
}

async function signInTo(path: string): Promise<{ page: Page; log: ReturnType<typeof watchConsole> }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const log = watchConsole(page);
  await page.goto(`${demo.url}${path}`);
  await page.waitForURL(`${demo.url}/signin?next=${encodeURIComponent(path)}`);
  await page.getByLabel('Admin token').fill(demo.adminToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${demo.url}${path}`);
  return { page, log };
}

describe('the inbox', () => {
  it('follows an angry visitor’s call back request from open to resolved, with notes and history; axe finds nothing serious', async () => {
    const feeling = feelingEvent({ feeling: { id: 'angry', score: -2 } });
    const callback = callbackEvent({
      callback: { name: 'Ana Lima', phone: '+12125550100', window: 'asap', timeZone: 'America/New_York', topic: 'Charged twice', consent: true, replyTo: feeling.id },
    });
    await post([feeling]);
    await post([callback]);
    await expect.poll(() => alerts.length, { timeout: 10_000 }).toBe(1);
    // Two hours ago: "as soon as possible" (within the hour) is now overdue.
    await demo.store.driver.run(sql`UPDATE alert_outbox SET received_at = received_at - ${2 * 3600_000}`);

    const { page, log } = await signInTo('/inbox');
    const item = page.locator(`#item-${callback.id}`);
    await expect.poll(() => item.getByRole('heading', { level: 2 }).textContent()).toContain('Ana Lima asks for a call back');
    await expect.poll(() => item.textContent()).toContain('Past the promised time');
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('as soon as possible');
    expect(text).toContain('your time');
    expect(text).toContain('angry (-2)');
    expect(text).toContain('Charged twice');
    expect(text).toContain('LCP poor');
    expect(await page.locator('#summary').textContent()).toMatch(/1 open · 1 past the promised time/);
    expect(await seriousViolations(page)).toEqual([]);

    // Show every status, so the item stays in view as it moves on.
    await page.locator('#filters select[name=status]').selectOption('');
    await page.getByRole('button', { name: 'Show' }).click();
    const form = item.getByRole('form');
    await form.getByLabel('Status').selectOption('contacted');
    await form.getByLabel('Note').fill('Left a voicemail');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => item.locator('.history li').count()).toBe(1);
    expect(await item.locator('.badge').allTextContents()).toEqual(['Contacted']);
    expect(await item.textContent()).toContain('First contact');

    await item.getByRole('form').getByLabel('Status').selectOption('resolved');
    await item.getByRole('form').getByLabel('Note').fill('Refunded the second charge');
    await item.getByRole('form').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => item.locator('.history li').count()).toBe(2);
    const history = await item.locator('.history li').allTextContents();
    expect(history[0]).toMatch(/admin moved it from open to contacted \(note: Left a voicemail\)/);
    expect(history[1]).toMatch(/admin moved it from contacted to resolved \(note: Refunded the second charge\)/);
    expect(await item.locator('.badge').allTextContents()).toEqual(['Resolved']);
    expect(await seriousViolations(page)).toEqual([]);

    // Stored, not just drawn.
    const stored = await fetch(`${demo.url}/api/inbox?status=resolved`, { headers: { authorization: `Bearer ${demo.adminToken}` } });
    const { items } = await stored.json();
    expect(items.map((found: { id: string; note: string }) => [found.id, found.note])).toEqual([[callback.id, 'Refunded the second charge']]);
    // The feeling went out inside the call back's alert, not on its own.
    expect(JSON.parse(alerts[0].body).alert).toMatchObject({ id: callback.id, what: { feeling: 'angry' }, who: { name: 'Ana Lima' } });
    expect(log.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('the results page shows the median time from answer to first contact', async () => {
    const { page, log } = await signInTo('/results');
    await expect.poll(() => page.locator('#contact').textContent(), { timeout: 10_000 }).toMatch(/Median time from answer to first contact: \d+ h/);
    expect(log.errors).toEqual([]);
    await page.close();
  }, 30_000);
});
