import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { alertReason, parseAlertRules } from '../../../demo/collector/alerts/rules.mjs';
import { signBody, verifySignature, SIGNATURE_HEADER } from '../../../demo/collector/alerts/signature.mjs';
import { buildAlert, jsonPayload, slackPayload } from '../../../demo/collector/alerts/format.mjs';
import { alertRetryDelay, postWebhook } from '../../../demo/collector/alerts/webhook.mjs';
import { readAlertConfig } from '../../../demo/collector/alerts/config.mjs';
import { eventBuilders } from '../../support/events.js';

const { ratingEvent, feelingEvent, commentEvent, callbackEvent } = eventBuilders({
  createdAt: '2026-12-01T10:00:00.000Z',
  context: { viewport: { width: 390, height: 844 }, vitals: { LCP: { value: 4800, rating: 'poor' }, INP: { value: 120, rating: 'good' } } },
});
const rating = (scale: string, value: number, min: number, max: number) => ratingEvent({ rating: { scale, value, min, max } });

describe('which answers need a person', () => {
  it.each([
    ['nps', 6, 0, 10, true],
    ['nps', 7, 0, 10, false],
    ['nps', 0, 0, 10, true],
    ['stars', 2, 1, 5, true],
    ['stars', 3, 1, 5, false],
    ['csat', 1, 1, 5, true],
    ['emoji', 2, 1, 5, true],
    ['emoji', 4, 1, 5, false],
    ['ces', 2, 1, 7, true],
    ['ces', 3, 1, 7, false],
    ['thumbs', 0, 0, 1, true],
    ['thumbs', 1, 0, 1, false],
    ['numeric', 10, 0, 100, true],
    ['numeric', 50, 0, 100, false],
  ])('%s %d of %d–%d alerts: %s', (scale, value, min, max, alerts) => {
    expect(alertReason(rating(scale, value, min, max)) !== null).toBe(alerts);
  });

  it('alerts on every callback request and on angry or frustrated feelings, not on happy ones', () => {
    expect(alertReason(callbackEvent({ callback: { name: 'Ana', phone: '+4915112345678', window: 'asap', topic: '', consent: true, timeZone: 'Europe/Berlin' } }))).toBe('call back requested');
    expect(alertReason(feelingEvent({ feeling: { id: 'angry', score: -2 } }))).toBe('feels angry');
    expect(alertReason(feelingEvent({ feeling: { id: 'frustrated', score: -1 } }))).toBe('feels frustrated');
    expect(alertReason(feelingEvent({ feeling: { id: 'happy', score: 1 } }))).toBeNull();
    expect(alertReason(commentEvent({ comment: { text: 'terrible', replyTo: randomUUID() } }))).toBeNull();
  });

  it('ALERT_ON narrows the rules', () => {
    const rules = parseAlertRules('callbacks, angry');
    expect(alertReason(feelingEvent({ feeling: { id: 'frustrated', score: -1 } }), rules)).toBeNull();
    expect(alertReason(feelingEvent({ feeling: { id: 'angry', score: -2 } }), rules)).toBe('feels angry');
    expect(alertReason(rating('nps', 0, 0, 10), rules)).toBeNull();
  });
});

describe('signatures', () => {
  const secret = 'a'.repeat(40);
  it('verifies the body it signed and refuses a changed body or another secret', () => {
    const body = JSON.stringify({ text: 'hello' });
    const header = signBody(secret, body);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(secret, body, header)).toBe(true);
    expect(verifySignature(secret, body.replace('hello', 'hullo'), header)).toBe(false);
    expect(verifySignature('b'.repeat(40), body, header)).toBe(false);
    expect(verifySignature(secret, body, undefined)).toBe(false);
    expect(verifySignature(secret, body, 'sha256=00')).toBe(false);
  });
});

describe('what an alert says', () => {
  const inboxUrl = 'https://collector.example/inbox';

  it('names and phone numbers appear only for call back requests', () => {
    const callback = callbackEvent({
      callback: { name: 'Ana <b>', phone: '+4915112345678', window: 'afternoon', topic: 'billing & refunds', consent: true, timeZone: 'Europe/Berlin' },
    });
    const alert = buildAlert(callback, { reason: 'call back requested', receivedAt: '2026-12-01T10:00:01.000Z', inboxUrl });
    expect(alert.who).toMatchObject({ name: 'Ana <b>', phone: '+4915112345678', window: 'afternoon' });
    expect(alert.link).toBe(`${inboxUrl}#item-${callback.id}`);
    const slack = slackPayload(alert);
    const text = JSON.stringify(slack);
    expect(text).toContain('Ana &lt;b&gt;');
    expect(text).toContain('billing &amp; refunds');
    expect(text).not.toContain('Ana <b>');

    const angry = feelingEvent({ feeling: { id: 'angry', score: -2 } });
    const feelingAlert = buildAlert(angry, { reason: 'feels angry', receivedAt: angry.createdAt, inboxUrl, comment: 'The coupon failed twice' });
    expect(feelingAlert.who).toBeNull();
    expect(feelingAlert.what).toEqual({ feeling: 'angry', score: -2, comment: 'The coupon failed twice' });
    expect(feelingAlert.where).toEqual({ url: 'https://shop.example/checkout', vitals: { LCP: 'poor', INP: 'good' } });
    expect(slackPayload(feelingAlert).text).toContain('A visitor feels angry on checkout');
    expect(jsonPayload(feelingAlert)).toEqual({ type: 'feelback.alert', v: 1, alert: feelingAlert });
  });

  it("says the visitor's time zone is unknown when their browser could not tell", () => {
    const callback = callbackEvent({
      callback: { name: 'Ana', phone: '+4915112345678', window: 'evening', topic: '', consent: true, timeZone: '' },
    });
    const text = JSON.stringify(slackPayload(buildAlert(callback, { reason: 'call back requested', receivedAt: '2026-12-01T10:00:01.000Z', inboxUrl })));
    expect(text).toContain('evening (time zone unknown)');
    expect(text).not.toContain('evening ()');
  });
});

describe('posting to a real webhook receiver', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((done) => server?.close(done) ?? done(undefined));
    server = undefined;
  });

  async function receiver(answer: (req: IncomingMessage, body: string) => { status: number; headers?: Record<string, string> } | 'hang') {
    const received: { headers: IncomingMessage['headers']; body: string }[] = [];
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        const reply = answer(req, body);
        if (reply === 'hang') return;
        res.writeHead(reply.status, reply.headers).end();
      });
    });
    await new Promise((done) => server!.listen(0, '127.0.0.1', () => done(undefined)));
    return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/hook`, received };
  }

  it('a 2xx is sent, signed so the receiver can check it with the documented scheme', async () => {
    const secret = 's'.repeat(32);
    const hook = await receiver(() => ({ status: 204 }));
    const body = JSON.stringify({ text: 'hi' });
    const result = await postWebhook({ url: hook.url, body, deliveryId: 'evt-1', secret });
    expect(result).toEqual({ outcome: 'sent', status: 204 });
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0].headers['x-feelback-delivery']).toBe('evt-1');
    expect(verifySignature(secret, hook.received[0].body, hook.received[0].headers[SIGNATURE_HEADER] as string)).toBe(true);
  });

  it('5xx, 429 and 408 are retried (honouring Retry-After); other 4xx are final', async () => {
    const statuses = [503, 429, 408, 400, 410];
    const hook = await receiver(() => {
      const status = statuses.shift()!;
      const headers: Record<string, string> = status === 429 ? { 'retry-after': '30' } : {};
      return { status, headers };
    });
    const send = () => postWebhook({ url: hook.url, body: '{}', deliveryId: 'x' });
    expect((await send()).outcome).toBe('retry');
    expect(await send()).toMatchObject({ outcome: 'retry', status: 429, retryAfterMs: 30_000 });
    expect((await send()).outcome).toBe('retry');
    expect(await send()).toMatchObject({ outcome: 'failed', status: 400 });
    expect((await send()).error).toContain('HTTP 410');
  });

  it('a receiver that hangs times out and is retried later', async () => {
    const hook = await receiver(() => 'hang');
    const result = await postWebhook({ url: hook.url, body: '{}', deliveryId: 'x', timeoutMs: 200 });
    expect(result).toMatchObject({ outcome: 'retry', status: 0 });
    expect(result.error).toContain('200 ms');
  });

  it('retry delays grow, stay capped and are jittered', () => {
    expect(alertRetryDelay(1, { random: () => 1 })).toBe(5_000);
    expect(alertRetryDelay(4, { random: () => 1 })).toBe(40_000);
    expect(alertRetryDelay(30, { random: () => 1 })).toBe(15 * 60_000);
    expect(alertRetryDelay(4, { random: () => 0 })).toBe(2_500);
  });
});

describe('alert settings', () => {
  it('refuses a bad URL, format or short secret with a sentence naming the variable', () => {
    expect(() => readAlertConfig({ ALERT_WEBHOOK_URL: 'hooks.slack.com/x' })).toThrow(/ALERT_WEBHOOK_URL="hooks.slack.com\/x" is not a URL/);
    expect(() => readAlertConfig({ ALERT_WEBHOOK_URL: 'ftp://x.example/' })).toThrow(/must be an http\(s\) URL/);
    expect(() => readAlertConfig({ ALERT_WEBHOOK_FORMAT: 'xml' })).toThrow(/ALERT_WEBHOOK_FORMAT="xml"/);
    expect(() => readAlertConfig({ ALERT_WEBHOOK_SECRET: 'short' })).toThrow(/ALERT_WEBHOOK_SECRET is 5 characters/);
    expect(() => readAlertConfig({ ALERT_COMMENT_WAIT: 'soon' })).toThrow(/ALERT_COMMENT_WAIT="soon"/);
  });

  it('defaults: built-in receiver, Slack shape, 30 s for a comment, 10 s timeout', () => {
    expect(readAlertConfig({})).toMatchObject({ url: null, format: 'slack', secret: undefined, commentWaitMs: 30_000, timeoutMs: 10_000 });
  });
});

describe('what the visitor was promised', () => {
  it('reads the window in the visitor’s time zone: the next afternoon that has not ended', async () => {
    const { callPromise } = await import('../../../demo/collector/alerts/promise.mjs');
    // 10:30 in Berlin (09:30 UTC, winter): this afternoon, 12:00–17:00 Berlin = 11:00–16:00 UTC.
    expect(callPromise({ window: 'afternoon', timeZone: 'Europe/Berlin' }, '2026-12-01T09:30:00.000Z')).toEqual({
      window: 'afternoon',
      timeZone: 'Europe/Berlin',
      from: '2026-12-01T11:00:00.000Z',
      by: '2026-12-01T16:00:00.000Z',
    });
    // 18:00 in Berlin: today's afternoon is over, so tomorrow's.
    expect(callPromise({ window: 'afternoon', timeZone: 'Europe/Berlin' }, '2026-12-01T17:00:00.000Z').by).toBe('2026-12-02T16:00:00.000Z');
    // Evening in New York on a summer day (UTC−4): 17:00–20:00 = 21:00–00:00 UTC.
    expect(callPromise({ window: 'evening', timeZone: 'America/New_York' }, '2026-07-01T15:00:00.000Z')).toMatchObject({
      from: '2026-07-01T21:00:00.000Z',
      by: '2026-07-02T00:00:00.000Z',
    });
    // Asap: within the hour; an unknown zone is read as UTC rather than failing.
    expect(callPromise({ window: 'asap', timeZone: 'Europe/Berlin' }, '2026-12-01T09:30:00.000Z')).toEqual({
      window: 'asap',
      timeZone: 'Europe/Berlin',
      from: null,
      by: '2026-12-01T10:30:00.000Z',
    });
    expect(callPromise({ window: 'morning', timeZone: 'Mars/Olympus' }, '2026-12-01T05:00:00.000Z')).toMatchObject({
      timeZone: 'UTC',
      from: '2026-12-01T09:00:00.000Z',
      by: '2026-12-01T12:00:00.000Z',
    });
  });
});
