import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LEASE_MS, LEASE_SETTLE_MS, runExclusive } from '../../src/transport/lease.js';
import { FakeStorage } from './support.js';

const NAME = 'feelback:queue:https://collect.example/feedback';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('runExclusive with a lease in storage (no Web Locks)', () => {
  it('lets one of two tabs claiming at the same moment run, not both', async () => {
    const storage = new FakeStorage();
    const ran: string[] = [];
    const tabA = runExclusive(NAME, 'tab-a', storage, Date.now, () => ran.push('a'));
    const tabB = runExclusive(NAME, 'tab-b', storage, Date.now, () => ran.push('b'));
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
    expect([await tabA, await tabB]).toEqual([true, false]);
    expect(ran).toEqual(['a']);
  });

  it('a tab that overwrote the lease during the settle wins; the first backs off', async () => {
    const storage = new FakeStorage();
    const ran: string[] = [];
    const tabA = runExclusive(NAME, 'tab-a', storage, Date.now, () => ran.push('a'));
    // A rival in another process that did not yet see tab-a's lease writes its own.
    storage.setItem(`${NAME}:lease`, JSON.stringify({ owner: 'tab-b', until: Date.now() + LEASE_MS }));
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
    expect(await tabA).toBe(false);
    expect(ran).toEqual([]);
  });

  it('a lease left by a tab that died expires', async () => {
    const storage = new FakeStorage();
    storage.setItem(`${NAME}:lease`, JSON.stringify({ owner: 'dead-tab', until: Date.now() + LEASE_MS }));
    const blocked = await runExclusive(NAME, 'tab-a', storage, Date.now, () => {});
    expect(blocked).toBe(false);
    vi.advanceTimersByTime(LEASE_MS);
    const ran: string[] = [];
    const later = runExclusive(NAME, 'tab-a', storage, Date.now, () => ran.push('a'));
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
    expect(await later).toBe(true);
    expect(ran).toEqual(['a']);
    expect(storage.getItem(`${NAME}:lease`)).toBeNull();
  });
});

describe('runExclusive with Web Locks', () => {
  it('uses navigator.locks where present and skips when the lock is taken', async () => {
    const held = new Set<string>();
    const locks = {
      request: vi.fn(async (name: string, _options: LockOptions, callback: (lock: Lock | null) => unknown) => {
        if (held.has(name)) return callback(null);
        held.add(name);
        try {
          return await callback({ name, mode: 'exclusive' } as Lock);
        } finally {
          held.delete(name);
        }
      }),
    };
    vi.stubGlobal('navigator', { ...navigator, locks });
    try {
      held.add(NAME);
      const ran: string[] = [];
      expect(await runExclusive(NAME, 'tab-a', null, Date.now, () => ran.push('a'))).toBe(false);
      held.delete(NAME);
      expect(await runExclusive(NAME, 'tab-a', null, Date.now, () => ran.push('a'))).toBe(true);
      expect(ran).toEqual(['a']);
      expect(locks.request).toHaveBeenCalledWith(NAME, { ifAvailable: true }, expect.any(Function));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
