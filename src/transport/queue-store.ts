import type { FeedbackEvent } from '../context/event.js';
import { warnOnce } from '../internal/warn.js';
import type { QueueStorage } from './types.js';

/** One queued event and what the queue knows about it. */
export interface QueueRecord {
  event: FeedbackEvent;
  /** Failed attempts so far. */
  attempts: number;
  /** Belongs in storage; false for personal data (unless opted in) and for events held without consent. */
  persist: boolean;
  /** Present in storage as of the last write. */
  stored: boolean;
}

/** What an earlier page (or a dead tab) left in storage, handed to a new owner. */
export interface OrphanRecord {
  event: FeedbackEvent;
  attempts: number;
}

interface StoredRecord {
  /** Owner: the transport instance that sends it. */
  o: string;
  a: number;
  e: FeedbackEvent;
}

interface ForeignRecord {
  id: string;
  owner: string;
  attempts: number;
  event: FeedbackEvent;
  json: string;
}

/** The key one endpoint's queue lives under, shared by every tab of the origin. */
export function queueKey(endpoint: string): string {
  return `feelback:queue:${endpoint}`;
}

/** An owner that has not renewed its claim for this long is presumed gone; its events may be adopted. */
export const OWNER_LEASE_MS = 10_000;
/** How often a live owner renews its claim. */
const HEARTBEAT_MS = 3_000;
/** Most time one coalesced write may spend serializing before it yields to the page. */
const SLICE_BUDGET_MS = 6;

/**
 * Stores of this page by key: two transports for one endpoint on one page share
 * a key, and `storage` events only reach other pages, so a write tells its
 * siblings here directly.
 */
const storesOfPage = new Map<string, Set<QueueStore>>();

const clockNow = (): number => globalThis.performance?.now() ?? Date.now();

/**
 * Returns `localStorage` if it can really be written, else `null`. Sandboxed
 * iframes throw on the property access itself; some privacy modes accept the
 * object but throw (or have no quota) on the first write.
 */
export function probeLocalStorage(): QueueStorage | null {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return null;
    const probe = 'feelback:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

export interface QueueStoreOptions {
  endpoint: string;
  storage: QueueStorage | null;
  /** This transport's id in the shared store. */
  owner: string;
  now: () => number;
  /** The transport's records, oldest first; the store writes those with `persist`. */
  records: Map<string, QueueRecord>;
  /** Called after a write made records ready to send. */
  onStored: () => void;
}

/**
 * The queue's copy in `localStorage`: one JSON value per endpoint holding the
 * events of every tab, each tagged with the tab that sends it, and each tab's
 * last sign of life. A tab rewrites only its own records and keeps the rest,
 * so two tabs never erase each other's answers.
 *
 * Writes are coalesced into time-boxed slices off the caller's stack, so a
 * burst of `send()` calls never serializes the whole queue per event; each
 * record's JSON is cached, so a write is mostly one string join.
 */
export class QueueStore {
  readonly key: string;
  private storage: QueueStorage | null;
  private readonly options: QueueStoreOptions;
  /** Records whose stored form must be (re)written. */
  private readonly dirty = new Set<QueueRecord>();
  private readonly json = new WeakMap<QueueRecord, string>();
  private readonly removed = new Set<string>();
  private foreign: ForeignRecord[] = [];
  private owners: Record<string, number> = {};
  private lastWritten: string | null = null;
  /** Another tab may have written since our last read (a `storage` event said so, or we never read). */
  private stale = true;
  private readonly handleStorageEvent = (event: StorageEvent): void => {
    if (event.key === this.key || event.key === null) this.stale = true;
  };
  private writeTimer?: ReturnType<typeof setTimeout>;
  private heartbeatTimer?: ReturnType<typeof setTimeout>;
  private released = false;

  constructor(options: QueueStoreOptions) {
    this.options = options;
    this.key = queueKey(options.endpoint);
    this.storage = options.storage;
    globalThis.addEventListener?.('storage', this.handleStorageEvent);
    const siblings = storesOfPage.get(this.key) ?? new Set<QueueStore>();
    siblings.add(this);
    storesOfPage.set(this.key, siblings);
  }

  /** Whether events survive a reload; false once storage is missing or has failed. */
  get persistent(): boolean {
    return this.storage !== null;
  }

  /** The storage in use, for the cross-tab lease. */
  get backing(): QueueStorage | null {
    return this.storage;
  }

  /** Whether a record may be sent: it is in storage, or it never goes there. */
  isReady(record: QueueRecord): boolean {
    return record.stored || !record.persist || this.storage === null;
  }

  /** A record was added or changed (attempts); its stored form is rewritten soon. */
  touch(record: QueueRecord): void {
    if (!record.persist || this.storage === null) return;
    this.dirty.add(record);
    this.scheduleWrite();
  }

  /** A record left the queue (delivered or dropped); it leaves storage on the next write. */
  forget(record: QueueRecord): void {
    this.dirty.delete(record);
    if (!record.persist || this.storage === null) return;
    this.removed.add(record.event.id);
    this.scheduleWrite();
  }

  /** Writes everything now, synchronously: before a flush and when the page goes away. */
  commit(): void {
    this.write(Infinity);
  }

  /**
   * Takes the stored events whose owner is gone (an earlier page load, a closed
   * or crashed tab) and makes them ours. Call under the cross-tab lock.
   */
  adoptOrphans(limit: number): OrphanRecord[] {
    if (this.storage === null) return [];
    this.readForeign(true);
    const at = this.options.now();
    const orphans: OrphanRecord[] = [];
    this.foreign = this.foreign.filter((record) => {
      if (orphans.length >= limit || (this.owners[record.owner] ?? 0) > at) return true;
      if (this.options.records.has(record.id)) return false;
      orphans.push({ event: record.event, attempts: record.attempts });
      return false;
    });
    return orphans;
  }

  /** Whether storage holds events nobody is sending (cheap: uses the last read unless another tab wrote). */
  hasOrphans(): boolean {
    if (this.storage === null) return false;
    if (this.stale) this.readForeign(true);
    const at = this.options.now();
    return this.foreign.some((record) => (this.owners[record.owner] ?? 0) <= at);
  }

  /**
   * Gives up our claim so the next page (or another tab) may send our events
   * at once: the page is going away. `resume()` takes it back (bfcache restore).
   */
  release(): void {
    this.released = true;
    this.commit();
  }

  resume(): void {
    this.released = false;
    this.commit();
  }

  /** Stops timers after a final write; the events stay in storage. */
  destroy(): void {
    this.release();
    globalThis.removeEventListener?.('storage', this.handleStorageEvent);
    storesOfPage.get(this.key)?.delete(this);
    clearTimeout(this.writeTimer);
    clearTimeout(this.heartbeatTimer);
    this.writeTimer = undefined;
    this.heartbeatTimer = undefined;
  }

  private scheduleWrite(): void {
    if (this.writeTimer !== undefined) return;
    this.writeTimer = setTimeout(() => {
      this.writeTimer = undefined;
      this.write(SLICE_BUDGET_MS);
    }, 0);
  }

  /**
   * One write: serialize dirty records for at most `budgetMs`, merge with what
   * other tabs stored, and store it all in one `setItem`.
   */
  private write(budgetMs: number): void {
    const storage = this.storage;
    if (storage === null) return;
    const started = clockNow();
    const serialized: QueueRecord[] = [];
    let count = 0;
    for (const record of this.dirty) {
      if (++count % 32 === 0 && clockNow() - started > budgetMs) break;
      this.json.set(record, JSON.stringify({ o: this.options.owner, a: record.attempts, e: record.event } satisfies StoredRecord));
      serialized.push(record);
    }
    for (const record of serialized) this.dirty.delete(record);
    this.readForeign(false);

    const own = this.options.records;
    this.foreign = this.foreign.filter((record) => !this.removed.has(record.id) && !own.has(record.id));
    const parts: string[] = [];
    const liveOwners = new Set<string>();
    for (const record of this.foreign) {
      parts.push(record.json);
      liveOwners.add(record.owner);
    }
    let ownStored = 0;
    for (const record of own.values()) {
      const json = record.persist ? this.json.get(record) : undefined;
      if (json === undefined) continue;
      parts.push(json);
      ownStored++;
    }
    const owners: Record<string, number> = {};
    for (const owner of liveOwners) owners[owner] = this.owners[owner] ?? 0;
    owners[this.options.owner] = this.released ? 0 : this.options.now() + OWNER_LEASE_MS;

    let removedIds: string[] = [];
    try {
      if (parts.length === 0) {
        storage.removeItem(this.key);
        this.lastWritten = null;
      } else {
        const value = `{"v":1,"owners":${JSON.stringify(owners)},"records":[${parts.join(',')}]}`;
        storage.setItem(this.key, value);
        this.lastWritten = value;
      }
      this.owners = owners;
      removedIds = [...this.removed];
      for (const sibling of storesOfPage.get(this.key) ?? []) if (sibling !== this) sibling.stale = true;
    } catch (error) {
      this.fallBackToMemory(error);
      return;
    }
    for (const id of removedIds) this.removed.delete(id);
    let madeReady = false;
    for (const record of serialized) {
      if (!record.stored && own.has(record.event.id)) madeReady = true;
      record.stored = true;
    }
    if (this.dirty.size > 0) this.scheduleWrite();
    this.scheduleHeartbeat(ownStored > 0);
    if (madeReady) this.options.onStored();
  }

  /**
   * Refreshes our view of other tabs' records. Reading a large value costs
   * milliseconds, so a write skips it unless a `storage` event (fired here for
   * other tabs' writes) said the value changed; the heartbeat re-reads anyway.
   */
  private readForeign(force: boolean): void {
    const storage = this.storage;
    if (storage === null || (!force && !this.stale)) return;
    this.stale = false;
    let raw: string | null;
    try {
      raw = storage.getItem(this.key);
    } catch (error) {
      this.fallBackToMemory(error);
      return;
    }
    if (!force && raw === this.lastWritten) return;
    this.lastWritten = raw;
    this.foreign = [];
    this.owners = {};
    if (raw === null) return;
    let parsed: { owners?: unknown; records?: unknown };
    try {
      parsed = JSON.parse(raw) as typeof parsed;
    } catch {
      warnOnce(`stored queue "${this.key}" is not valid JSON; starting an empty queue.`);
      return;
    }
    if (parsed.owners && typeof parsed.owners === 'object') {
      for (const [owner, until] of Object.entries(parsed.owners)) {
        if (typeof until === 'number') this.owners[owner] = until;
      }
    }
    if (!Array.isArray(parsed.records)) return;
    const own = this.options.records;
    for (const item of parsed.records as Partial<StoredRecord>[]) {
      const event = item?.e;
      if (!event || typeof event.id !== 'string' || typeof item.o !== 'string') continue;
      if (item.o === this.options.owner) continue;
      const mine = own.get(event.id);
      if (mine) {
        // Another tab adopted it while we were frozen; it sends it now, we stop.
        own.delete(event.id);
        this.dirty.delete(mine);
      }
      this.foreign.push({
        id: event.id,
        owner: item.o,
        attempts: typeof item.a === 'number' ? item.a : 0,
        event,
        json: JSON.stringify(item),
      });
    }
  }

  private scheduleHeartbeat(needed: boolean): void {
    if (!needed || this.released) {
      clearTimeout(this.heartbeatTimer);
      this.heartbeatTimer = undefined;
      return;
    }
    if (this.heartbeatTimer !== undefined) return;
    this.heartbeatTimer = setTimeout(() => {
      this.heartbeatTimer = undefined;
      this.stale = true;
      this.write(SLICE_BUDGET_MS);
    }, HEARTBEAT_MS);
  }

  private fallBackToMemory(error: unknown): void {
    const name = (error as { name?: string } | null)?.name ?? 'Error';
    const why = name === 'QuotaExceededError' ? 'storage is full' : `storage failed (${name})`;
    warnOnce(`${why}; queued answers for ${this.options.endpoint} are kept in memory for this page only.`);
    this.storage = null;
    this.dirty.clear();
    clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
    this.options.onStored();
  }
}
