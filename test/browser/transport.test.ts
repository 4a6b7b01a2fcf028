import { describe, expect, it } from 'vitest';
import { watchConsole } from './support/browser.js';
import type { Responder } from './support/server.js';
import { useBrowserSuite } from './support/suite.js';
import { answerOn, openTransportPage, pendingOn, transportReady } from './support/transport-page.js';

const suite = useBrowserSuite({ closePage: true });

/** A transport page with short backoff, so the test is quick. */
function open(path: string, prelude = ''): Promise<void> {
  return openTransportPage(suite, path, {
    title: 'transport',
    widget: 'transport-test',
    transport: { endpoint: '/collect', flushIntervalMs: 50, backoffBaseMs: 100, backoffCapMs: 800, maxRetries: 100, timeoutMs: 2000 },
    prelude,
  });
}

function answer(count: number): Promise<string[]> {
  return answerOn(suite.page, count);
}

function missing(ids: string[]): string[] {
  const arrived = new Set(suite.server.accepted.map((event) => event.id));
  return ids.filter((id) => !arrived.has(id));
}

/** A deterministic ~40% fault rate: 500, 503, 429 (with Retry-After) or a cut connection. */
function flakyResponder(seed: number): Responder & { faults: number } {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const faults = [500, 503, { status: 429, headers: { 'retry-after': '1' } }, 'reset'] as const;
  const responder = Object.assign(
    () => {
      if (random() >= 0.4) return 204;
      responder.faults++;
      return faults[Math.floor(random() * faults.length)];
    },
    { faults: 0 },
  );
  return responder;
}

describe('transport in Chromium against a real server', () => {
  it('(a) endpoint down while answering, page reloaded, endpoint flaky: every id arrives', async () => {
    suite.server.respond(() => 503);
    await open('/transport-a.html');
    const before = await answer(12);
    await expect.poll(() => suite.server.requests.length).toBeGreaterThan(0);
    expect(suite.server.accepted).toEqual([]);
    await suite.page.reload();
    await transportReady(suite.page);
    const flaky = flakyResponder(7);
    suite.server.respond(flaky);
    const after = await answer(12);
    const ids = [...before, ...after];
    await expect.poll(() => missing(ids), { timeout: 20_000 }).toEqual([]);
    expect(flaky.faults).toBeGreaterThan(0);
    await expect.poll(() => pendingOn(suite.page)).toBe(0);
  });

  it('an endpoint that redirects with 302: the answers are posted again where it led, not counted sent by the GET', async () => {
    const log = watchConsole(suite.page);
    suite.server.respond((request) => (request.path === '/collect-old' ? { status: 302, headers: { location: '/collect' } } : 204));
    await openTransportPage(suite, '/transport-redirect.html', {
      title: 'transport',
      widget: 'transport-test',
      transport: { endpoint: '/collect-old', flushIntervalMs: 50, backoffBaseMs: 100, backoffCapMs: 800, timeoutMs: 2000 },
    });
    const ids = await answer(3);
    await expect.poll(() => missing(ids), { timeout: 10_000 }).toEqual([]);
    // The browser followed the 302 with a GET that carried nothing; the answers came in a POST of their own.
    expect(suite.server.requests.filter((request) => request.path === '/collect')).not.toHaveLength(0);
    expect(log.warnings.filter((warning) => warning.includes('redirects to'))).toHaveLength(1);
    await expect.poll(() => pendingOn(suite.page)).toBe(0);
  });

  it('(b) offline while answering, back online: every id arrives', async () => {
    await open('/transport-b.html');
    await suite.context.setOffline(true);
    const ids = await answer(5);
    await suite.page.waitForTimeout(300);
    expect(suite.server.requests).toEqual([]);
    await suite.context.setOffline(false);
    await expect.poll(() => missing(ids), { timeout: 10_000 }).toEqual([]);
  });

  it('(c) fetches never answered and the page navigates away: the answer arrives by beacon', async () => {
    suite.server.respond((request) => (request.contentType.startsWith('text/plain') ? 204 : 'hang'));
    await open('/transport-c.html');
    const ids = await answer(1);
    await expect.poll(() => suite.server.requests.length).toBeGreaterThan(0);
    expect(suite.server.accepted).toEqual([]);
    suite.server.page('/elsewhere.html', '<!doctype html><title>elsewhere</title><p>elsewhere</p>');
    await suite.page.goto(`${suite.server.origin}/elsewhere.html`);
    await expect.poll(() => missing(ids), { timeout: 10_000 }).toEqual([]);
    const beacon = suite.server.requests.find((request) => request.contentType.startsWith('text/plain'));
    expect(JSON.parse(beacon!.body)).toMatchObject({ v: 1, events: [{ id: ids[0] }] });
  });

  it('(d) web storage throws on access: answers still arrive', async () => {
    const log = watchConsole(suite.page);
    const breakStorage = `Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });`;
    await open('/transport-d.html', breakStorage);
    expect(await suite.page.evaluate(() => {
      try {
        return typeof window.localStorage;
      } catch (error) {
        return (error as Error).name;
      }
    })).toBe('SecurityError');
    suite.server.respond(flakyResponder(3));
    const ids = await answer(6);
    await expect.poll(() => missing(ids), { timeout: 10_000 }).toEqual([]);
    expect(log.errors.filter((text) => !text.includes('Failed to load resource'))).toEqual([]);
  });
});
