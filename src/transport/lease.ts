import type { QueueStorage } from './types.js';

/**
 * Runs `task` while no other tab of this origin runs one under the same name,
 * so two tabs that load together do not both adopt (and resend) the events an
 * earlier page left in storage.
 *
 * The Web Locks API gives a real mutex where present. Elsewhere a short lease
 * in storage does: write `{owner, until}`, wait a moment for a rival's write to
 * land, and proceed only if the lease is still ours. Returns whether `task` ran.
 */
export async function runExclusive(
  name: string,
  owner: string,
  storage: QueueStorage | null,
  now: () => number,
  task: () => void,
): Promise<boolean> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks && typeof locks.request === 'function') {
    try {
      return await locks.request(name, { ifAvailable: true }, (lock) => {
        if (!lock) return false;
        task();
        return true;
      });
    } catch {
      // Opaque origins (sandboxed iframes) reject lock requests; fall through to the lease.
    }
  }
  if (!storage) {
    task();
    return true;
  }
  const key = `${name}:lease`;
  if (!claimLease(storage, key, owner, now())) return false;
  await new Promise((settle) => setTimeout(settle, LEASE_SETTLE_MS));
  if (!holdsLease(storage, key, owner, now())) return false;
  try {
    task();
  } finally {
    try {
      storage.removeItem(key);
    } catch {
      // Storage that fails now still lets the lease expire on its own.
    }
  }
  return true;
}

/** How long a lease lasts if its holder dies before releasing it. */
export const LEASE_MS = 5_000;
/** How long a claimant waits for a rival's concurrent write before trusting its lease. */
export const LEASE_SETTLE_MS = 50;

function readLease(storage: QueueStorage, key: string): { owner: string; until: number } | undefined {
  try {
    const value = JSON.parse(storage.getItem(key) ?? 'null') as { owner?: unknown; until?: unknown } | null;
    if (value && typeof value.owner === 'string' && typeof value.until === 'number') {
      return { owner: value.owner, until: value.until };
    }
  } catch {
    // Unreadable means nobody holds it.
  }
  return undefined;
}

function claimLease(storage: QueueStorage, key: string, owner: string, at: number): boolean {
  const lease = readLease(storage, key);
  if (lease && lease.owner !== owner && lease.until > at) return false;
  try {
    storage.setItem(key, JSON.stringify({ owner, until: at + LEASE_MS }));
    return true;
  } catch {
    return false;
  }
}

function holdsLease(storage: QueueStorage, key: string, owner: string, at: number): boolean {
  const lease = readLease(storage, key);
  return lease !== undefined && lease.owner === owner && lease.until > at;
}
