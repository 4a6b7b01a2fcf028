import { describe, expect, it } from 'vitest';
import { isRetryableStatus, nextRetryDelay, parseRetryAfter } from '../../src/transport/backoff.js';

const options = (random: number) => ({ baseMs: 1000, capMs: 60_000, random: () => random });

describe('nextRetryDelay', () => {
  it('doubles the window per retry and picks anywhere in it (full jitter)', () => {
    expect(nextRetryDelay(1, options(0.999))).toBe(999);
    expect(nextRetryDelay(3, options(0.999))).toBe(3996);
    expect(nextRetryDelay(3, options(0))).toBe(0);
    expect(nextRetryDelay(3, options(0.5))).toBe(2000);
  });

  it('never computes a window above the cap', () => {
    expect(nextRetryDelay(30, options(0.999))).toBe(59_940);
  });

  it('waits at least what Retry-After asked for', () => {
    expect(nextRetryDelay(1, options(0.5), 7000)).toBe(7000);
    expect(nextRetryDelay(8, options(0.999), 7000)).toBeGreaterThan(7000);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});

describe('isRetryableStatus', () => {
  it('retries network errors, 408, 429 and 5xx only', () => {
    expect([0, 408, 429, 500, 502, 503, 599].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 413, 422].some(isRetryableStatus)).toBe(false);
  });
});
