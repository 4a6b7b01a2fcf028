// @vitest-environment node
// configure() on the server, as a server-rendered app calls it at module top
// level: there is no document or location to resolve a relative endpoint
// against, and that is no reason to warn.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, getConfig, resetConfig } from '../src/config.js';
import { resetWarnings } from '../src/internal/warn.js';

let warn: { mock: { calls: unknown[][] } };
// Lit's own dev-mode notice is not ours to judge.
const warnings = () => warn.mock.calls.map((call) => String(call[0])).filter((text) => !text.startsWith('Lit is in dev mode'));

beforeEach(() => {
  resetConfig();
  resetWarnings();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => resetConfig());

describe('configure() during server rendering', () => {
  it('runs without a document', () => {
    expect(globalThis.document).toBeUndefined();
    expect(globalThis.location).toBeUndefined();
  });

  it('keeps a relative endpoint silently, to be resolved once there is a page', () => {
    configure({ endpoint: '/api/feedback', metadata: { app: 'shop' } });
    expect(warnings()).toEqual([]);
    expect(getConfig().endpoint).toBe('/api/feedback');
  });

  it('still refuses an endpoint that can never be http(s), with the usual warning', () => {
    configure({ endpoint: 'javascript:alert(1)' });
    expect(warnings()).toEqual(['feelback: configure(): endpoint "javascript:alert(1)" is not an http(s) URL; ignored.']);
    expect(getConfig().endpoint).toBeUndefined();
  });

  it('importing the whole library on the server defines the elements without a warning', async () => {
    await import('../src/index.js');
    configure({ endpoint: '/api/feedback' });
    expect(warnings()).toEqual([]);
  });
});
