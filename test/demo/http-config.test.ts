// The collector's settings and the small pieces its HTTP layer is built from.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readConfig } from '../../demo/http/config.mjs';
import { createRateLimiter, parseRate } from '../../demo/http/rate-limit.mjs';
import { addressKey } from '../../demo/http/client-address.mjs';
import { createHostCheck, defaultAllowedHosts } from '../../demo/http/hosts.mjs';
import { escapeHtml, signInPage } from '../../demo/http/pages.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

describe('readConfig', () => {
  it('has defaults that need no configuration', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', adminToken: undefined, corsOrigins: [], trustProxy: false });
    expect(config.rateLimits?.callback).toEqual({ capacity: 5, windowMs: 3_600_000 });
    expect(config.timeouts).toEqual({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 });
    expect(config.retention).toBeUndefined();
  });

  it('reads every variable', () => {
    const config = readConfig({
      PORT: '9000',
      ADMIN_TOKEN: 'a-long-enough-admin-token',
      ALLOWED_HOSTS: 'feedback.example.com, localhost:9000',
      CORS_ORIGINS: 'https://shop.example',
      RATE_LIMIT_FEEDBACK: '30/1m',
      RATE_LIMIT_REQUESTS: 'off',
      HEADERS_TIMEOUT_MS: '5000',
      MAX_CONNECTIONS_PER_CLIENT: '10',
      RETENTION_DAYS: '365',
      PERSONAL_DATA_RETENTION_DAYS: '30',
      TRUST_PROXY: 'true',
      PUBLIC_URL: 'https://example.com/feedback/',
    });
    expect(config).toMatchObject({
      port: 9000,
      adminToken: 'a-long-enough-admin-token',
      allowedHosts: ['feedback.example.com', 'localhost:9000'],
      corsOrigins: ['https://shop.example'],
      trustProxy: true,
      retention: { retentionDays: 365, personalDataDays: 30 },
      publicUrl: 'https://example.com/feedback',
    });
    expect(config.rateLimits?.feedback).toEqual({ capacity: 30, windowMs: 60_000 });
    expect(config.rateLimits?.requests).toBeNull();
    expect(config.timeouts?.headersMs).toBe(5000);
    expect(config.connections?.perClient).toBe(10);
  });

  it.each([
    [{ PORT: 'http' }, /^PORT="http" must be a whole number/],
    [{ ADMIN_TOKEN: 'secret' }, /^ADMIN_TOKEN must be at least 16 characters/],
    [{ ALLOWED_HOSTS: 'http://feedback.example.com' }, /^ALLOWED_HOSTS: "http:\/\/feedback.example.com" is not a host name/],
    [{ RATE_LIMIT_CALLBACK: 'five per hour' }, /^RATE_LIMIT_CALLBACK: "five per hour" is not a rate/],
    [{ RETENTION_DAYS: '-1' }, /^RETENTION_DAYS="-1"/],
    [{ TRUST_PROXY: 'maybe' }, /^TRUST_PROXY="maybe" must be true or false/],
    [{ PUBLIC_URL: 'feedback.example.com' }, /^PUBLIC_URL="feedback.example.com" must be the http\(s\) address/],
    [{ PUBLIC_URL: 'javascript:alert(1)' }, /^PUBLIC_URL="javascript:alert\(1\)" must be/],
    [{ PUBLIC_URL: 'https://feedback.example.com/?x=1' }, /^PUBLIC_URL="https:\/\/feedback\.example\.com\/\?x=1" must be .*no query/],
  ])('names the variable that is wrong: %o', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});

describe('rate limiter', () => {
  it('reads rates', () => {
    expect(parseRate('60/1m')).toEqual({ capacity: 60, windowMs: 60_000 });
    expect(parseRate('5/h')).toEqual({ capacity: 5, windowMs: 3_600_000 });
    expect(parseRate(' 10 / 30s ')).toEqual({ capacity: 10, windowMs: 30_000 });
    expect(parseRate('off')).toBeUndefined();
    for (const bad of ['0/1m', '10', '10/0s', '1.5/1m', '10/1d']) expect(() => parseRate(bad), bad).toThrow(RangeError);
  });

  it('lets a client burst to the capacity, then refills at the rate, and says how long to wait', () => {
    let now = 0;
    const limiter = createRateLimiter({ capacity: 3, windowMs: 3000 }, { now: () => now });
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').ok).toBe(true);
    now = 999;
    expect(limiter.take('a').ok).toBe(false);
    now = 1000;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a', 3)).toEqual({ ok: false, retryAfterSeconds: 3 });
  });

  it('keeps its memory bounded when many addresses come and go', () => {
    let now = 0;
    const limiter = createRateLimiter({ capacity: 1, windowMs: 1000 }, { now: () => now, maxClients: 100 });
    for (let i = 0; i < 1000; i++) {
      now += 1;
      limiter.take(`10.0.${i >> 8}.${i & 255}`);
    }
    expect(limiter.size).toBeLessThanOrEqual(100);
  });
});

describe('client addresses', () => {
  it('counts an IPv6 client by its /64 and an IPv4-mapped one by its IPv4 address', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
  });
});

describe('Host allow-list', () => {
  it('defaults to the bound host and the loopback names, with the port', () => {
    expect(defaultAllowedHosts('127.0.0.1', 8080).sort()).toEqual(['127.0.0.1:8080', '[::1]:8080', 'localhost:8080']);
    expect(defaultAllowedHosts('::1', 8080)).toContain('[::1]:8080');
  });

  it('matches names case-insensitively; an entry without a port allows any', () => {
    const allowed = createHostCheck(['feedback.example.com', 'localhost:8080']);
    expect(allowed('Feedback.Example.COM')).toBe(true);
    expect(allowed('feedback.example.com.')).toBe(true);
    expect(allowed('feedback.example.com:8443')).toBe(true);
    expect(allowed('localhost:8080')).toBe(true);
    expect(allowed('localhost:8081')).toBe(false);
    expect(allowed('localhost')).toBe(false);
    expect(allowed('evil.feedback.example.com')).toBe(false);
    expect(allowed(undefined)).toBe(false);
    expect(allowed('')).toBe(false);
  });
});

describe('pages', () => {
  it('escape what they show', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    const html = signInPage({ next: '/"><script>alert(1)</script>', error: '<b>' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
  });
});

describe('npm start without ADMIN_TOKEN', () => {
  it('makes a token and prints it with the sign-in URL, and the token reads answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feelback-start-'));
    const child = spawn(process.execPath, [join(ROOT, 'demo', 'server.mjs')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: '0', DB_PATH: join(dir, 'feedback.sqlite') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      await new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no token printed:\n${output}`)), 15_000);
        child.stdout.on('data', (chunk) => {
          output += chunk;
          if (/admin token: +\S+/.test(output) && /serving hosts:/.test(output)) {
            clearTimeout(timer);
            done();
          }
        });
        child.once('exit', (code) => fail(new Error(`exited with ${code}:\n${output}`)));
      });
      const signIn = /sign in at (http:\/\/\S+\/signin)/.exec(output)?.[1] ?? '';
      const token = /admin token: +(\S+)/.exec(output)?.[1] ?? '';
      expect(signIn).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/signin$/);
      expect(token.length).toBeGreaterThanOrEqual(32);
      const origin = new URL(signIn).origin;
      expect((await fetch(`${origin}/signin`)).status).toBe(200);
      expect((await fetch(`${origin}/api/events`)).status).toBe(401);
      expect((await fetch(`${origin}/api/events`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done(undefined)));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
