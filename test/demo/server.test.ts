import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer, type DemoServer } from '../../demo/app.mjs';

let dir: string;
let demo: DemoServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'feelback-server-'));
  demo = await startDemoServer({ port: 0, dbPath: join(dir, 'feedback.sqlite') });
});

afterAll(async () => {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo server', () => {
  it('serves the pages with a strict Content Security Policy', async () => {
    for (const path of ['/', '/results', '/signin']) {
      const response = await fetch(`${demo.url}${path}`, { headers: { authorization: `Bearer ${demo.adminToken}` } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('unsafe-inline');
      // Scripts come from files, never inline.
      expect(await response.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it('serves Chart.js from node_modules', async () => {
    const response = await fetch(`${demo.url}/vendor/chart.umd.min.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toContain('window.Chart');
  });

  it('serves nothing outside its route table', async () => {
    for (const path of ['/package.json', '/%2e%2e/package.json', '/locales/..%2f..%2fpackage.json', '/internal/define.js', '/__proto__', '/constructor', '/demo/app.mjs']) {
      const response = await fetch(`${demo.url}${path}`);
      expect(response.status, path).toBe(404);
    }
  });

  it('answers 405 for a method a route does not take', async () => {
    expect((await fetch(`${demo.url}/api/feedback`)).status).toBe(405);
    expect((await fetch(`${demo.url}/api/events`, { method: 'PUT' })).status).toBe(405);
    expect((await fetch(`${demo.url}/`, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});
