// The collector on the public internet (docs/collector.md, "Security"): each
// attack from the security review, made against the real server.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { startDemoServer, type DemoServer, type DemoServerOptions } from '../../demo/app.mjs';
import type { FeedbackEvent } from '../../src/context/event.js';
import { eventBuilders } from '../support/events.js';
import { closedWithin, getWithHost, idleSocket, rawRequest } from './support/raw-http.js';

const TOKEN = 'test-admin-token-0123456789';
const running: Array<{ demo: DemoServer; dir: string }> = [];
const sockets: Socket[] = [];

async function start(options: DemoServerOptions = {}): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'feelback-security-'));
  const demo = await startDemoServer({ port: 0, dbPath: join(dir, 'feedback.sqlite'), adminToken: TOKEN, ...options });
  running.push({ demo, dir });
  return demo;
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const { demo, dir } of running.splice(0)) {
    await demo.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

const bearer = { authorization: `Bearer ${TOKEN}` };

const { ratingEvent, callbackEvent } = eventBuilders({ context: { url: 'https://shop.example/', viewport: { width: 1, height: 1 }, sessionId: 's' } });

function callback(): FeedbackEvent {
  return callbackEvent({ callback: { name: 'Ada', phone: '+441234567890', window: 'morning', topic: '', consent: true, timeZone: 'Europe/London' } });
}

function post(demo: DemoServer, events: FeedbackEvent[], headers: Record<string, string> = {}) {
  return fetch(`${demo.url}/api/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ v: 1, sentAt: new Date().toISOString(), events }),
  });
}

/** Signs in through the form as a browser on `demo.url` would; returns the session cookie. */
async function signIn(demo: DemoServer, token = TOKEN): Promise<Response> {
  return fetch(`${demo.url}/signin`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: demo.url },
    body: new URLSearchParams({ token, next: '/results' }),
  });
}

function cookieOf(response: Response): string {
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

describe('reading answers needs the admin token', () => {
  it('refuses /api/events without it, and with a wrong one', async () => {
    const demo = await start();
    await post(demo, [callback()]);
    const anonymous = await fetch(`${demo.url}/api/events`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await anonymous.text()).not.toContain('+441234567890');
    expect((await fetch(`${demo.url}/api/events`, { headers: { authorization: 'Bearer not-the-token' } })).status).toBe(401);
    expect((await fetch(`${demo.url}/api/events`, { headers: { authorization: `Basic ${btoa(`admin:${TOKEN}`)}` } })).status).toBe(401);

    const admin = await fetch(`${demo.url}/api/events`, { headers: bearer });
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('+441234567890');
  });

  it('sends /results to the sign-in page without it, and serves it with it', async () => {
    const demo = await start();
    const anonymous = await fetch(`${demo.url}/results`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/signin?next=%2Fresults');
    expect(await anonymous.text()).toBe('');

    const admin = await fetch(`${demo.url}/results`, { headers: bearer });
    expect(admin.status).toBe(200);
    expect(admin.headers.get('cache-control')).toBe('no-store');
  });

  it('signs in with an HttpOnly SameSite=Strict session cookie that does not hold the token', async () => {
    const demo = await start();
    const wrong = await signIn(demo, 'not-the-token');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const response = await signIn(demo);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/results');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).not.toMatch(/; Secure/); // plain http here: a Secure cookie would never come back
    expect(setCookie).not.toContain(TOKEN);
    expect(setCookie).not.toContain(Buffer.from(TOKEN).toString('base64url'));

    const cookie = cookieOf(response);
    expect((await fetch(`${demo.url}/api/events`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${demo.url}/results`, { headers: { cookie } })).status).toBe(200);
    // A tampered cookie is no session.
    const tampered = cookie.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    expect((await fetch(`${demo.url}/api/events`, { headers: { cookie: tampered } })).status).toBe(401);
  });

  it('marks the cookie Secure and __Host- when a trusted proxy says https', async () => {
    const demo = await start({ trustProxy: true });
    const response = await fetch(`${demo.url}/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: demo.url.replace('http:', 'https:'), 'x-forwarded-proto': 'https' },
      body: new URLSearchParams({ token: TOKEN }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-feelback_session=.*; Secure/);
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    const demo = await start();
    for (const origin of ['https://evil.example', 'null']) {
      const response = await fetch(`${demo.url}/signin`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
        body: new URLSearchParams({ token: TOKEN }),
      });
      expect(response.status, origin).toBe(403);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });

  it('signs out with the CSRF token only, and the old cookie stops working', async () => {
    const demo = await start();
    const cookie = cookieOf(await signIn(demo));
    const form = await (await fetch(`${demo.url}/signout`, { headers: { cookie } })).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
    expect(csrf).not.toBe('');

    const forged = await fetch(`${demo.url}/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: demo.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: 'guess' }),
    });
    expect(forged.status).toBe(403);
    expect((await fetch(`${demo.url}/api/events`, { headers: { cookie } })).status).toBe(200);

    const out = await fetch(`${demo.url}/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: demo.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf }),
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await fetch(`${demo.url}/api/events`, { headers: { cookie } })).status).toBe(401);
  });

  it('needs this site’s Origin and the CSRF token for a change made with the cookie', async () => {
    const demo = await start();
    const cookie = cookieOf(await signIn(demo));
    const { csrfToken } = await (await fetch(`${demo.url}/api/session`, { headers: { cookie } })).json();
    const target = `${demo.url}/api/events?sessionId=s`;
    expect((await fetch(target, { method: 'DELETE', headers: { cookie, origin: demo.url } })).status).toBe(403);
    expect((await fetch(target, { method: 'DELETE', headers: { cookie, origin: 'https://evil.example', 'x-csrf-token': csrfToken } })).status).toBe(403);
    const allowed = await fetch(target, { method: 'DELETE', headers: { cookie, origin: demo.url, 'x-csrf-token': csrfToken } });
    expect([200, 501]).toContain(allowed.status);
  });

  it('slows down token guessing: wrong tokens count against the sign-in limit', async () => {
    const demo = await start({ rateLimits: { signin: '3/1h' } });
    const statuses = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push((await fetch(`${demo.url}/api/events`, { headers: { authorization: `Bearer guess-${attempt}` } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const form = await signIn(demo, 'one-more-guess');
    expect(form.status).toBe(429);
    expect(Number(form.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('Host allow-list (DNS rebinding)', () => {
  it('answers 421 to a Host it does not serve, on every route', async () => {
    const demo = await start();
    await post(demo, [callback()]);
    for (const path of ['/', '/results', '/api/events']) {
      const answer = await getWithHost(demo.port, path, 'rebind.attacker.example', `Authorization: Bearer ${TOKEN}\r\n`);
      expect(answer.status, path).toBe(421);
      expect(answer.body).not.toContain('+441234567890');
    }
    const body = JSON.stringify({ v: 1, sentAt: new Date().toISOString(), events: [ratingEvent()] });
    const posted = await rawRequest(
      demo.port,
      `POST /api/feedback HTTP/1.1\r\nHost: rebind.attacker.example:${demo.port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(posted.status).toBe(421);
  });

  it('serves the bound host and the loopback names with the port by default', async () => {
    const demo = await start();
    expect(demo.allowedHosts).toEqual(expect.arrayContaining([`127.0.0.1:${demo.port}`, `localhost:${demo.port}`, `[::1]:${demo.port}`]));
    for (const host of [`127.0.0.1:${demo.port}`, `localhost:${demo.port}`, `LOCALHOST:${demo.port}`, `[::1]:${demo.port}`]) {
      expect((await getWithHost(demo.port, '/', host)).status, host).toBe(200);
    }
    for (const host of ['localhost:1', 'localhost.attacker.example', `127.0.0.1:${demo.port}@evil`]) {
      expect((await getWithHost(demo.port, '/', host)).status, host).toBe(421);
    }
  });

  it('serves the names in ALLOWED_HOSTS instead', async () => {
    const demo = await start({ allowedHosts: ['feedback.example.com'] });
    expect((await getWithHost(demo.port, '/', 'feedback.example.com')).status).toBe(200);
    expect((await getWithHost(demo.port, '/', `feedback.example.com:${demo.port}`)).status).toBe(200);
    expect((await getWithHost(demo.port, '/', `127.0.0.1:${demo.port}`)).status).toBe(421);
  });
});

describe('CORS', () => {
  it('never lets another site read answers, even with CORS_ORIGINS=*', async () => {
    const demo = await start({ corsOrigins: ['*'] });
    await post(demo, [callback()]);
    const read = await fetch(`${demo.url}/api/events`, { headers: { ...bearer, origin: 'https://evil.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(read.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await fetch(`${demo.url}/api/events`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    const results = await fetch(`${demo.url}/api/results`, { headers: { ...bearer, origin: 'https://evil.example' } });
    expect(results.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets other sites post, and lets them read Retry-After', async () => {
    const demo = await start({ corsOrigins: ['*'] });
    const answer = await post(demo, [ratingEvent()], { origin: 'https://shop.example' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(answer.headers.get('access-control-expose-headers')).toMatch(/retry-after/i);
    expect(answer.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });
});

describe('bounds', () => {
  it('answers 431 to 20 KB of headers', async () => {
    const demo = await start();
    const answer = await rawRequest(demo.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${demo.port}\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`);
    expect(answer.status).toBe(431);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect((await fetch(`${demo.url}/`)).status).toBe(200);
  });

  it('answers 400, not 500, to a request target that is not a URL path', async () => {
    const demo = await start();
    for (const target of ['//[', '//evil.example/results', '/%', '//']) {
      const answer = await getWithHost(demo.port, target, `127.0.0.1:${demo.port}`);
      expect([400, 404], target).toContain(answer.status);
    }
    expect((await getWithHost(demo.port, '//[', `127.0.0.1:${demo.port}`)).status).toBe(400);
    expect((await getWithHost(demo.port, '//evil.example/results', `127.0.0.1:${demo.port}`, `Authorization: Bearer ${TOKEN}\r\n`)).status).toBe(400);
  });

  it('cuts a client that sends its headers one byte at a time, and keeps serving others meanwhile', async () => {
    const demo = await start({ timeouts: { headersMs: 400, requestMs: 800 } });
    const slow = await idleSocket(demo.port);
    sockets.push(slow);
    let received = '';
    slow.on('data', (chunk) => (received += chunk.toString('latin1')));
    const request = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${demo.port}\r\nX-Slow: ${'a'.repeat(200)}\r\n\r\n`;
    let sent = 0;
    const drip = setInterval(() => {
      if (!slow.destroyed && sent < request.length) slow.write(request[sent++]);
    }, 20);
    try {
      // A well-behaved visitor is served while the slow one drips.
      expect((await fetch(`${demo.url}/`)).status).toBe(200);
      const open = await closedWithin(slow, 3000);
      expect(open).not.toBe('open');
      expect(sent).toBeLessThan(request.length);
      expect(received).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(drip);
    }
  });

  it('cuts a client that sends its body one byte at a time', async () => {
    const demo = await start({ timeouts: { headersMs: 300, requestMs: 600 } });
    const slow = await idleSocket(demo.port);
    sockets.push(slow);
    slow.write(`POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1:${demo.port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`);
    const drip = setInterval(() => !slow.destroyed && slow.write(' '), 50);
    try {
      expect(await closedWithin(slow, 3000)).not.toBe('open');
      expect((await post(demo, [ratingEvent()])).status).toBe(200);
    } finally {
      clearInterval(drip);
    }
  });

  it('closes idle sockets, and a crowd of them from one address does not shut out a visitor', async () => {
    const demo = await start({ timeouts: { headersMs: 500 }, connections: { max: 100, perClient: 20 } });
    // The crowd comes from 127.0.0.2; the visitor from 127.0.0.1.
    const crowd = await Promise.all(Array.from({ length: 150 }, () => idleSocket(demo.port, '127.0.0.2').catch(() => undefined)));
    for (const socket of crowd) if (socket) sockets.push(socket);
    const visitor = await post(demo, [ratingEvent()]);
    expect(visitor.status).toBe(200);
    const closed = await Promise.all(crowd.map((socket) => (socket ? closedWithin(socket, 3000) : Promise.resolve(0))));
    expect(closed.filter((result) => result === 'open')).toEqual([]);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After past the limit, and takes answers again once it clears', async () => {
    const demo = await start({ rateLimits: { feedback: '3/1s' } });
    const statuses = [];
    let limited: Response | undefined;
    for (let i = 0; i < 5; i++) {
      const answer = await post(demo, [ratingEvent()]);
      statuses.push(answer.status);
      if (answer.status === 429) limited = answer;
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(limited!.headers.get('retry-after')).toBe('1');
    expect(await demo.store.count()).toBe(3);
    await new Promise((done) => setTimeout(done, 1000));
    expect((await post(demo, [ratingEvent()])).status).toBe(200);
  });

  it('limits callback requests more strictly than ratings', async () => {
    const demo = await start({ rateLimits: { callback: '2/1h' } });
    expect((await post(demo, [callback(), callback()])).status).toBe(200);
    const third = await post(demo, [callback(), ratingEvent()]);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await post(demo, [ratingEvent(), ratingEvent()])).status).toBe(200);
    expect(await demo.store.count()).toBe(4);
  });

  it('limits every request per client', async () => {
    const demo = await start({ rateLimits: { requests: '5/1m' } });
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await fetch(`${demo.url}/demo.css`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });
});

describe('security headers', () => {
  const expectBaseline = (response: Response, label: string) => {
    expect(response.headers.get('x-content-type-options'), label).toBe('nosniff');
    expect(response.headers.get('x-frame-options'), label).toBe('DENY');
    expect(response.headers.get('referrer-policy'), label).toMatch(/^(no-referrer|same-origin)$/);
    expect(response.headers.get('cross-origin-resource-policy'), label).toMatch(/^(same-origin|cross-origin)$/);
  };

  it('on JSON answers, errors included', async () => {
    const demo = await start();
    const answers: Array<[string, Response]> = [
      ['POST /api/feedback 200', await post(demo, [ratingEvent()])],
      ['POST /api/feedback 400', await post(demo, [])],
      ['GET /api/events 200', await fetch(`${demo.url}/api/events`, { headers: bearer })],
      ['GET /api/events 401', await fetch(`${demo.url}/api/events`)],
      ['GET /nothing 404', await fetch(`${demo.url}/nothing`)],
      ['PUT / 405', await fetch(`${demo.url}/`, { method: 'PUT', body: 'x' })],
    ];
    for (const [label, response] of answers) {
      expectBaseline(response, label);
      expect(response.headers.get('content-type'), label).toBe('application/json; charset=utf-8');
      expect(response.headers.get('content-security-policy'), label).toContain("default-src 'none'");
    }
    const read = answers[2][1];
    expect(read.headers.get('cache-control')).toBe('no-store');
    expect(read.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('on pages: strict CSP, COOP, no framing; authenticated pages never cached', async () => {
    const demo = await start();
    for (const [path, headers] of [['/', {}], ['/signin', {}], ['/results', bearer]] as const) {
      const response = await fetch(`${demo.url}${path}`, { headers });
      expectBaseline(response, path);
      expect(response.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy, path).toContain("frame-ancestors 'none'");
      expect(policy, path).toContain("script-src 'self'");
      expect(policy, path).not.toContain('unsafe');
    }
    expect((await fetch(`${demo.url}/results`, { headers: bearer })).headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${demo.url}/signin`)).headers.get('cache-control')).toBe('no-store');
  });
});

describe('database outages', () => {
  it('answers 503 with Retry-After when the store is unavailable', async () => {
    const demo = await start({ corsOrigins: ['https://shop.example'] });
    const down = () => Promise.reject(Object.assign(new Error('connection refused'), { code: 'STORE_UNAVAILABLE' }));
    Object.assign(demo.store, { insertBatch: down, listEvents: down });
    const posted = await post(demo, [ratingEvent()], { origin: 'https://shop.example' });
    expect(posted.status).toBe(503);
    expect(posted.headers.get('retry-after')).toBe('5');
    // Another site's transport can read the wait only with the CORS headers.
    expect(posted.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(posted.headers.get('access-control-expose-headers')).toMatch(/retry-after/i);
    const read = await fetch(`${demo.url}/api/events`, { headers: bearer });
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toBe('5');
  });
});

describe('erasure and retention', () => {
  async function storedIds(demo: DemoServer): Promise<string[]> {
    const page = await (await fetch(`${demo.url}/api/events`, { headers: bearer })).json();
    return (page.events as FeedbackEvent[]).map((stored) => stored.id).sort();
  }

  function ofSession(sessionId: string): FeedbackEvent {
    return ratingEvent({ context: { sessionId } });
  }

  it('erases a visitor’s answers by session id or by event id, with the token only', async () => {
    const demo = await start();
    const [a1, a2, b] = [ofSession('visitor-a'), ofSession('visitor-a'), ofSession('visitor-b')];
    expect((await post(demo, [a1, a2, b])).status).toBe(200);

    const anonymous = await fetch(`${demo.url}/api/events?sessionId=visitor-a`, { method: 'DELETE' });
    expect(anonymous.status).toBe(401);
    expect(await storedIds(demo)).toHaveLength(3);

    for (const query of ['', '?sessionId=a&id=b', `?id=${'x'.repeat(70)}`]) {
      expect((await fetch(`${demo.url}/api/events${query}`, { method: 'DELETE', headers: bearer })).status, query).toBe(400);
    }

    const bySession = await fetch(`${demo.url}/api/events?sessionId=visitor-a`, { method: 'DELETE', headers: bearer });
    expect(bySession.status).toBe(200);
    expect(await bySession.json()).toEqual({ deleted: 2 });
    expect(await storedIds(demo)).toEqual([b.id]);

    const byId = await fetch(`${demo.url}/api/events?id=${b.id.toUpperCase()}`, { method: 'DELETE', headers: bearer });
    expect(await byId.json()).toEqual({ deleted: 1 });
    expect(await storedIds(demo)).toEqual([]);
  });

  it('erases through the signed-in form, which needs its CSRF token', async () => {
    const demo = await start();
    expect((await post(demo, [ofSession('visitor-c')])).status).toBe(200);
    const cookie = cookieOf(await signIn(demo));
    const page = await (await fetch(`${demo.url}/erase`, { headers: { cookie } })).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const submit = (fields: Record<string, string>, origin = demo.url) =>
      fetch(`${demo.url}/erase`, {
        method: 'POST',
        headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      });

    expect((await submit({ sessionId: 'visitor-c' })).status).toBe(403);
    expect((await submit({ sessionId: 'visitor-c', csrf }, 'https://evil.example')).status).toBe(403);
    expect(await storedIds(demo)).toHaveLength(1);

    const done = await submit({ sessionId: 'visitor-c', csrf });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Erased 1 event.');
    expect(await storedIds(demo)).toEqual([]);
  });

  it('expires old events and callback personal data on a timer (RETENTION_DAYS)', async () => {
    const demo = await start({ retention: { retentionDays: 30, personalDataDays: 7 }, retentionIntervalMs: 100 });
    const day = 24 * 60 * 60 * 1000;
    const old = ratingEvent();
    const recentCallback = callback();
    await demo.store.insertBatch([old], { receivedAt: new Date(Date.now() - 40 * day).toISOString() });
    await demo.store.insertBatch([recentCallback], { receivedAt: new Date(Date.now() - 10 * day).toISOString() });
    await expect.poll(() => storedIds(demo), { timeout: 5000 }).toEqual([recentCallback.id]);
    await expect
      .poll(async () => JSON.stringify(await (await fetch(`${demo.url}/api/events`, { headers: bearer })).json()), { timeout: 5000 })
      .not.toContain('+441234567890');
  });

  it('serves the results aggregates to the admin only', async () => {
    const demo = await start();
    expect((await post(demo, [ratingEvent()])).status).toBe(200);
    expect((await fetch(`${demo.url}/api/results`)).status).toBe(401);
    const results = await fetch(`${demo.url}/api/results`, { headers: bearer });
    expect(results.status).toBe(200);
    expect(results.headers.get('cache-control')).toBe('no-store');
    expect(JSON.stringify(await results.json())).toContain('checkout');
    expect((await fetch(`${demo.url}/api/results?since=yesterday`, { headers: bearer })).status).toBe(400);
  });
});
