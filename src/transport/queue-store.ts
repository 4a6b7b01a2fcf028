import type { FeedbackEvent } from '../context/event.js';
import { warnOnce } from '../internal/warn.js';
import { eventJson, type Packable } from './bodies.js';
import type { QueueStorage } from './types.js';

/** One queued event and what the queue knows about it. */
export interface QueueRecord extends Packable {
  event: FeedbackEvent;
  /** Failed attempts so far. */
  attempts: number;
  /** Belongs in storage; false for personal data (unless opted in) and for events held without consent. */
  persist: boolean;
  /** Present in storage as of the last write. */
  stored: boolean;
  /** The store's bookkeeping: the record's segment and its cached stored form. */
  segment?: number;
  json?: string;
}

/** What an earlier page (or a dead tab) left in storage, handed to a new owner. */
export interface OrphanRecord {
  event: FeedbackEvent;
  attempts: number;
}

/** A record as stored: `{"a":attempts,"e":event}`. */
interface StoredRecord {
  a: number;
  e: FeedbackEvent;
}

interface OwnerEntry {
  /** The owner's claim lasts until then (ms since the epoch); 0 once released. */
  until: number;
  /** Its segments, by number. */
  segments: number[];
}

interface Manifest {
  v: 2;
  owners: Record<string, OwnerEntry>;
}

/** The namespace of one endpoint's queue, shared by every tab of the origin; also the manifest's key. */
export function queueKey(endpoint: string): string {
  return `feelback:queue:${endpoint}`;
}

/** An owner that has not renewed its claim for this long is presumed gone; its events may be adopted. */
export const OWNER_LEASE_MS = 10_000;
/** How often a live owner renews its claim. */
const HEARTBEAT_MS = 3_000;
/**
 * Records per segment. `setItem` costs about 15 ms per MB in Chromium, so the
 * queue is never one big value: a write rewrites only the segments that
 * changed, each a few kilobytes.
 */
export const SEGMENT_SIZE = 50;
/** Most time one coalesced write may spend before it yields to the page. */
const SLICE_BUDGET_MS = 4;

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
  /**
   * Where to keep the queue (`null`: memory only), or a function that finds
   * out, called when storage is first needed: probing `localStorage` costs a
   * write, and the first access may load the origin's storage from disk.
   */
  storage: QueueStorage | null | (() => QueueStorage | null);
  /** This transport's id in the shared store. */
  owner: string;
  now: () => number;
  /** Called after a write made records ready to send. */
  onStored: () => void;
}

/**
 * The queue's copy in `localStorage`, under one namespace per endpoint:
 *
 * - `feelback:queue:<endpoint>`: a small manifest naming each owner (a
 *   transport on some tab), the segments it holds and how long its claim lasts;
 * - `feelback:queue:<endpoint>|<owner>|<n>`: a segment, a JSON array of up to
 *   `SEGMENT_SIZE` events with their attempt counts.
 *
 * A tab writes only its own segments, so two tabs never erase each other's
 * answers; the manifest is read, merged and written in one step. Writes are
 * coalesced into time-boxed slices off the caller's stack, and each record's
 * JSON is cached, so a burst of `send()` calls never serializes the queue per
 * event.
 */
export class QueueStore {
  readonly key: string;
  /** `undefined` until first needed. */
  private resolvedStorage?: QueueStorage | null;
  private readonly options: QueueStoreOptions;
  private readonly segments = new Map<number, Set<QueueRecord>>();
  private readonly dirtySegments = new Set<number>();
  private openSegment = 0;
  /** Whether the manifest lists us (so its absence means another tab adopted our events). */
  private listed = false;
  private released = false;
  private writeTimer?: ReturnType<typeof setTimeout>;
  private heartbeatTimer?: ReturnType<typeof setTimeout>;

  constructor(options: QueueStoreOptions) {
    this.options = options;
    this.key = queueKey(options.endpoint);
  }

  private get storage(): QueueStorage | null {
    if (this.resolvedStorage === undefined) {
      const { storage } = this.options;
      this.resolvedStorage = typeof storage === 'function' ? storage() : storage;
    }
    return this.resolvedStorage;
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

  /** A record was added or changed (attempts); its segment is rewritten soon. */
  touch(record: QueueRecord): void {
    if (!record.persist || this.storage === null) return;
    record.json = undefined;
    let segment = record.segment;
    if (segment === undefined) {
      let members = this.segments.get(this.openSegment);
      if (members && members.size >= SEGMENT_SIZE) {
        this.openSegment += 1;
        members = undefined;
      }
      if (!members) {
        members = new Set();
        this.segments.set(this.openSegment, members);
      }
      segment = this.openSegment;
      members.add(record);
      record.segment = segment;
    }
    this.dirtySegments.add(segment);
    this.scheduleWrite();
  }

  /** A record left the queue (delivered or dropped); it leaves storage on the next write. */
  forget(record: QueueRecord): void {
    const segment = record.segment;
    if (segment === undefined) return;
    record.segment = undefined;
    this.segments.get(segment)?.delete(record);
    if (this.storage === null) return;
    this.dirtySegments.add(segment);
    this.scheduleWrite();
  }

  /** Writes everything now, synchronously: before a flush and when the page goes away. */
  commit(): void {
    this.write(Infinity);
  }

  /**
   * Takes the stored events whose owner is gone (an earlier page load, a closed
   * or crashed tab): `adopt` receives them and queues them as ours, they are
   * written under our name, and only then are the old segments removed.
   * Call under the cross-tab lock.
   */
  adoptOrphans(limit: number, adopt: (orphans: OrphanRecord[]) => void): void {
    const storage = this.storage;
    if (storage === null) return;
    const manifest = this.readManifest();
    const at = this.options.now();
    const orphans: OrphanRecord[] = [];
    const taken: Array<{ owner: string; segment: number }> = [];
    for (const [owner, entry] of Object.entries(manifest.owners)) {
      if (owner === this.options.owner || entry.until > at) continue;
      for (const segment of entry.segments) {
        if (orphans.length >= limit) break;
        orphans.push(...this.readSegment(this.segmentKey(owner, segment)));
        taken.push({ owner, segment });
      }
    }
    if (taken.length === 0) return;
    adopt(orphans);
    this.commit();
    if (this.storage === null) return;
    try {
      for (const { owner, segment } of taken) storage.removeItem(this.segmentKey(owner, segment));
      const latest = this.readManifest();
      for (const { owner, segment } of taken) {
        const entry = latest.owners[owner];
        if (entry) entry.segments = entry.segments.filter((n) => n !== segment);
      }
      this.saveManifest(latest);
    } catch (error) {
      this.fallBackToMemory(error);
    }
  }

  /** Whether storage holds events whose owner is gone. */
  hasOrphans(): boolean {
    if (this.storage === null) return false;
    const at = this.options.now();
    return Object.entries(this.readManifest().owners).some(
      ([owner, entry]) => owner !== this.options.owner && entry.until <= at && entry.segments.length > 0,
    );
  }

  /**
   * When a stored owner's claim runs out next (a live tab renews its claim, so
   * this moves on; a closed or crashed one's stays), or `undefined` if no
   * other owner holds events.
   */
  nextClaimExpiry(): number | undefined {
    if (this.storage === null) return undefined;
    let next: number | undefined;
    for (const [owner, entry] of Object.entries(this.readManifest().owners)) {
      if (owner === this.options.owner || entry.segments.length === 0) continue;
      next = next === undefined ? entry.until : Math.min(next, entry.until);
    }
    return next;
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

  /** Stops timers after a final write; the events stay in storage for whoever comes next. */
  destroy(): void {
    this.release();
    clearTimeout(this.writeTimer);
    clearTimeout(this.heartbeatTimer);
    this.writeTimer = undefined;
    this.heartbeatTimer = undefined;
  }

  private segmentKey(owner: string, segment: number): string {
    return `${this.key}|${owner}|${segment}`;
  }

  private scheduleWrite(): void {
    if (this.writeTimer !== undefined) return;
    this.writeTimer = setTimeout(() => {
      this.writeTimer = undefined;
      this.write(SLICE_BUDGET_MS);
    }, 0);
  }

  /** One write: rewrite dirty segments for at most `budgetMs` (at least one), then the manifest. */
  private write(budgetMs: number): void {
    const storage = this.storage;
    if (storage === null) return;
    const started = clockNow();
    const written: QueueRecord[] = [];
    try {
      for (const segment of this.dirtySegments) {
        if (written.length > 0 && clockNow() - started > budgetMs) break;
        const members = this.segments.get(segment);
        const key = this.segmentKey(this.options.owner, segment);
        if (!members || members.size === 0) {
          storage.removeItem(key);
          if (segment !== this.openSegment) this.segments.delete(segment);
        } else {
          const parts: string[] = [];
          for (const record of members) {
            // The event's JSON is the one its request bodies use: serialized once.
            record.json ??= `{"a":${record.attempts},"e":${eventJson(record)}}`;
            parts.push(record.json);
            written.push(record);
          }
          storage.setItem(key, `[${parts.join(',')}]`);
        }
        this.dirtySegments.delete(segment);
      }
      this.writeManifestEntry();
    } catch (error) {
      this.fallBackToMemory(error);
      return;
    }
    let madeReady = false;
    for (const record of written) {
      if (!record.stored) madeReady = true;
      record.stored = true;
    }
    if (this.dirtySegments.size > 0) this.scheduleWrite();
    this.scheduleHeartbeat();
    if (madeReady) this.options.onStored();
  }

  /** Reads, merges and writes the manifest with our entry: our segments and our claim. */
  private writeManifestEntry(): void {
    const manifest = this.readManifest();
    const own = manifest.owners[this.options.owner];
    if (this.listed && !own) {
      // Another tab took our events while this page was frozen; it sends them now. Write ours
      // again anyway: a duplicate is deduplicated by id, a lost answer is not recoverable.
      for (const segment of this.segments.keys()) this.dirtySegments.add(segment);
      this.scheduleWrite();
    }
    const segments = [...this.segments].filter(([, members]) => members.size > 0).map(([segment]) => segment);
    if (segments.length > 0) {
      manifest.owners[this.options.owner] = {
        until: this.released ? 0 : this.options.now() + OWNER_LEASE_MS,
        segments,
      };
    } else {
      delete manifest.owners[this.options.owner];
    }
    this.listed = segments.length > 0;
    this.saveManifest(manifest);
  }

  private readManifest(): Manifest {
    const manifest: Manifest = { v: 2, owners: {} };
    let raw: string | null = null;
    try {
      raw = this.storage?.getItem(this.key) ?? null;
    } catch (error) {
      this.fallBackToMemory(error);
    }
    if (raw === null) return manifest;
    try {
      const parsed = JSON.parse(raw) as { owners?: Record<string, Partial<OwnerEntry>> };
      for (const [owner, entry] of Object.entries(parsed.owners ?? {})) {
        if (typeof entry?.until !== 'number' || !Array.isArray(entry.segments)) continue;
        // No live owner claims further ahead than one lease: a later time (damaged, or a clock that
        // jumped back) counts as run out, or its events would never be adopted (and a timer overflow).
        const until = entry.until > this.options.now() + OWNER_LEASE_MS ? 0 : entry.until;
        manifest.owners[owner] = { until, segments: entry.segments.filter((n) => typeof n === 'number') };
      }
    } catch {
      warnOnce(`stored queue "${this.key}" is not valid JSON; starting an empty queue.`);
    }
    return manifest;
  }

  private saveManifest(manifest: Manifest): void {
    for (const [owner, entry] of Object.entries(manifest.owners)) {
      if (entry.segments.length === 0) delete manifest.owners[owner];
    }
    if (Object.keys(manifest.owners).length === 0) this.storage?.removeItem(this.key);
    else this.storage?.setItem(this.key, JSON.stringify(manifest));
  }

  private readSegment(key: string): OrphanRecord[] {
    try {
      const records = JSON.parse(this.storage?.getItem(key) ?? '[]') as Array<Partial<StoredRecord>>;
      return records
        .filter((record) => record && typeof record.e?.id === 'string')
        .map((record) => ({ event: record.e!, attempts: typeof record.a === 'number' ? record.a : 0 }));
    } catch {
      warnOnce(`stored queue segment "${key}" is not valid JSON; skipped.`);
      return [];
    }
  }

  private scheduleHeartbeat(): void {
    if (!this.listed || this.released) {
      clearTimeout(this.heartbeatTimer);
      this.heartbeatTimer = undefined;
      return;
    }
    if (this.heartbeatTimer !== undefined) return;
    this.heartbeatTimer = setTimeout(() => {
      this.heartbeatTimer = undefined;
      this.write(SLICE_BUDGET_MS);
    }, HEARTBEAT_MS);
  }

  private fallBackToMemory(error: unknown): void {
    const name = (error as { name?: string } | null)?.name ?? 'Error';
    const why = name === 'QuotaExceededError' ? 'storage is full' : `storage failed (${name})`;
    warnOnce(`${why}; queued answers for ${this.options.endpoint} are kept in memory for this page only.`);
    this.resolvedStorage = null;
    this.dirtySegments.clear();
    clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
    this.options.onStored();
  }
}
