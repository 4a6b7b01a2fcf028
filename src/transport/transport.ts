import type { FeedbackEvent } from '../context/event.js';
import { resolveEndpoint } from '../internal/endpoint.js';
import { uuidv4 } from '../internal/uuid.js';
import { warnOnce } from '../internal/warn.js';
import { isRetryableStatus, nextRetryDelay, parseRetryAfter, RETRY_AFTER_MAX_MS } from './backoff.js';
import { BODY_MAX_BYTES, packBodies, type PackedBody } from './bodies.js';
import { runExclusive } from './lease.js';
import { CONSENT_DENIED, DESTROYED, runTransform, TransportEvents } from './outcomes.js';
import { watchPageLifecycle } from './lifecycle.js';
import { probeLocalStorage, QueueStore, queueKey, type OrphanRecord, type QueueRecord } from './queue-store.js';
import { KEEPALIVE_MAX_BYTES, pageFetch, postBody, sendBeaconBody, type PostResult } from './request.js';
import { readSettings, type Settings } from './settings.js';
import type {
  Consent,
  LiveTransport,
  SharedTransportOptions,
  Transport,
  TransportErrorDetail,
  TransportOptions,
  TransportSentDetail,
} from './types.js';

/** Past another owner's claim, before looking for its events (and at least this apart while a rival holds the lock). */
const ORPHAN_CHECK_SLACK_MS = 250;

interface TransportRecord extends QueueRecord {
  inFlight: boolean;
  /** When the batching window of this record closes (it may leave earlier with others). */
  dueAt: number;
  /** Not before: the backoff after a failure. */
  retryAt: number;
  /** Sent by beacon since the page was last visible. */
  beaconed: boolean;
  /** Refused (a 4xx) in a request with others: goes on its own next, so only the answer the endpoint refuses is dropped. */
  alone?: boolean;
}

/**
 * Queue, batch, retry, persist and flush on page hide (README, "Delivery").
 * Delivery is at least once: an event is in the queue store before its first
 * request and leaves it only after a 2xx for a request that carried it.
 *
 * Every event handed to `send()` ends with exactly one report: `sent`, or an
 * `error` with `willRetry: false` that says why. Failed attempts that will be
 * retried are `error` with `willRetry: true`.
 *
 * The parts live apart so each rule is testable on its own: `settings`
 * (defaults, validation), `bodies` (packing for fetch and beacon),
 * `request` (fetch with timeout, beacon), `lifecycle` (page hide, online,
 * load), `backoff`, `queue-store` and `lease` (storage, across tabs).
 */
class FeedbackTransport extends TransportEvents implements LiveTransport {
  private readonly endpoint?: string;
  private readonly invalidReason?: string;
  private options: TransportOptions;
  private settings: Settings;
  private readonly records = new Map<string, TransportRecord>();
  private store?: QueueStore;
  private readonly owner = uuidv4();
  private readonly now = (): number => (this.options.now ?? Date.now)();
  private consent: Consent;
  private destroyed = false;
  private wakeTimer?: ReturnType<typeof setTimeout>;
  private wakeAt = Infinity;
  private orphanTimer?: ReturnType<typeof setTimeout>;
  private draining?: Promise<void>;
  private pausedUntil = 0;
  private keepaliveBytes = 0;
  /** Aborted by destroy(): requests still out are abandoned. */
  private readonly lifetime = new AbortController();
  private stopWatchingPage?: () => void;

  constructor(options: TransportOptions) {
    super();
    this.options = options;
    this.settings = readSettings(options);
    this.consent = options.consent ?? 'granted';
    const endpoint = resolveEndpoint(options.endpoint);
    if (!endpoint) {
      this.invalidReason = `endpoint "${String(options.endpoint)}" is not an http(s) URL; event not sent`;
      warnOnce(`transport ${this.invalidReason}. Set an http(s) endpoint.`);
      return;
    }
    this.endpoint = endpoint;
    // Nothing here reads storage: the store finds out about it when first needed, and what an earlier
    // page left is looked for a task later (loaded), so a transport made during a first render costs little.
    this.store = this.openStore();
    this.stopWatchingPage = watchPageLifecycle({
      loaded: () => void this.adoptStored(),
      hidden: (final) => {
        this.sendBeacons();
        if (final) this.store?.release();
      },
      resumed: (how) => this.resumePage(how),
    });
  }

  send(event: FeedbackEvent): void {
    if (this.destroyed || !this.endpoint) {
      this.drop(event.id, this.invalidReason ?? DESTROYED);
      return;
    }
    const transformed = runTransform(this.options.transform, event, (id, error) => this.drop(id, error));
    if (!transformed) return;
    if (this.consent === 'denied') {
      this.drop(transformed.id, CONSENT_DENIED);
      return;
    }
    if (this.records.has(transformed.id)) return;
    const at = this.now();
    this.makeRoom();
    const record = this.enqueue(transformed, 0, this.mayPersist(transformed), at + this.settings.flushIntervalMs);
    this.wake(this.records.size >= this.settings.batchSize ? at : record.dueAt);
  }

  async flush(): Promise<void> {
    while (this.draining) await this.draining;
    if (!this.canSend()) return;
    this.store?.commit();
    this.draining = this.drain(true).finally(() => this.afterDrain());
    await this.draining;
  }

  pending(): number {
    return this.records.size;
  }

  setConsent(consent: Consent): void {
    if (consent === this.consent) return;
    this.consent = consent;
    if (consent === 'denied') {
      for (const record of [...this.records.values()]) this.dropRecord(record, CONSENT_DENIED);
      return;
    }
    if (consent === 'granted') {
      this.reconsiderPersistence(false);
      this.wake(this.now());
    }
  }

  configure(changes: SharedTransportOptions): void {
    if (this.destroyed) return;
    const { consent, ...rest } = (changes ?? {}) as Partial<TransportOptions>;
    if (Object.keys(rest).length > 0) {
      const before = this.options;
      // A transport keeps its endpoint: another endpoint is another transport.
      this.options = { ...before, ...rest, endpoint: before.endpoint };
      this.settings = readSettings(this.options);
      if (this.store && (this.options.persist !== before.persist || this.options.storage !== before.storage)) {
        this.moveStore();
      }
      if ('persistPersonalData' in rest) this.reconsiderPersistence(true);
      // New options get a fresh try at once (the failure may have been the old options'); a Retry-After still holds.
      const at = this.now();
      for (const record of this.records.values()) record.retryAt = record.dueAt = Math.min(record.dueAt, at);
      this.wake(at);
    }
    if (consent !== undefined) this.setConsent(consent);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopWatchingPage?.();
    clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    clearTimeout(this.orphanTimer);
    this.orphanTimer = undefined;
    this.lifetime.abort();
    // The final write first: then `stored` says exactly which events wait in storage for the next
    // page (a full storage may refuse it). What is only in memory (personal data, events held for
    // consent, what storage refused) ends here, and says so.
    this.store?.destroy();
    for (const record of [...this.records.values()]) {
      if (record.stored) continue;
      this.records.delete(record.event.id);
      this.drop(record.event.id, DESTROYED);
    }
  }

  // --- queueing -----------------------------------------------------------

  private enqueue(event: FeedbackEvent, attempts: number, persist: boolean, dueAt: number): TransportRecord {
    const record: TransportRecord = { event, attempts, persist, stored: false, inFlight: false, dueAt, retryAt: 0, beaconed: false };
    this.records.set(event.id, record);
    this.store?.touch(record);
    return record;
  }

  private openStore(): QueueStore {
    const { storage } = this.options;
    return new QueueStore({
      endpoint: this.endpoint!,
      storage: this.options.persist === 'memory' ? null : storage !== undefined ? storage : probeLocalStorage,
      owner: this.owner,
      now: this.now,
      onStored: () => this.wake(this.now()),
    });
  }

  /** New `storage` or `persist`: the queue moves to a new store and leaves the old one. */
  private moveStore(): void {
    const previous = this.store!;
    const next = (this.store = this.openStore());
    for (const record of this.records.values()) {
      previous.forget(record);
      record.stored = false;
      next.touch(record);
    }
    previous.destroy();
    void this.adoptStored();
  }

  /**
   * Stores what may now be stored (consent granted, personal data allowed);
   * `withdrawn` (the site turned `persistPersonalData` off) also takes
   * personal data out of storage. It stays queued in memory.
   */
  private reconsiderPersistence(withdrawn: boolean): void {
    for (const record of this.records.values()) {
      if (withdrawn && record.persist && record.event.type === 'callback' && this.options.persistPersonalData !== true) {
        this.store?.forget(record);
        record.persist = false;
      } else if (!record.persist && this.mayPersist(record.event)) {
        record.persist = true;
        this.store?.touch(record);
      }
    }
  }

  private mayPersist(event: FeedbackEvent): boolean {
    if (this.consent !== 'granted') return false;
    return event.type !== 'callback' || this.options.persistPersonalData === true;
  }

  /** Keeps the queue within `maxQueue` by dropping the oldest event not in flight. */
  private makeRoom(): void {
    while (this.records.size >= this.settings.maxQueue) {
      let oldest: TransportRecord | undefined;
      for (const record of this.records.values()) {
        if (!record.inFlight) {
          oldest = record;
          break;
        }
      }
      if (!oldest) return;
      this.dropRecord(oldest, `queue full (${this.settings.maxQueue}): oldest event dropped`);
    }
  }

  private adopt(orphan: OrphanRecord): void {
    if (this.records.has(orphan.event.id)) return;
    this.makeRoom();
    this.enqueue(orphan.event, orphan.attempts, true, this.now());
  }

  /** Takes over what an earlier page load or a closed tab left in storage, one tab at a time. */
  private async adoptStored(): Promise<void> {
    const store = this.store;
    if (!store || !store.persistent || this.destroyed || this.consent === 'denied') return;
    if (store.hasOrphans()) {
      await runExclusive(queueKey(this.endpoint!), this.owner, store.backing, this.now, () => {
        if (this.destroyed || this.store !== store) return;
        const room = Math.max(0, this.settings.maxQueue - this.records.size);
        store.adoptOrphans(room, (orphans) => {
          for (const orphan of orphans) this.adopt(orphan);
        });
      });
      this.wake(this.now());
    }
    this.watchOtherOwners();
  }

  /**
   * Looks again when another owner's claim would run out: a tab that crashed
   * (no pagehide) leaves events that only a later check can pick up. A live
   * tab keeps renewing, so this costs one small read per claim period.
   */
  private watchOtherOwners(): void {
    clearTimeout(this.orphanTimer);
    this.orphanTimer = undefined;
    const expiry = this.store?.nextClaimExpiry();
    if (this.destroyed || expiry === undefined) return;
    this.orphanTimer = setTimeout(() => {
      this.orphanTimer = undefined;
      void this.adoptStored();
    }, Math.max(expiry - this.now(), 0) + ORPHAN_CHECK_SLACK_MS);
  }

  // --- sending ------------------------------------------------------------

  private canSend(): boolean {
    return (
      !this.destroyed &&
      this.endpoint !== undefined &&
      this.consent === 'granted' &&
      (globalThis.navigator as Navigator | undefined)?.onLine !== false
    );
  }

  /** Asks for a drain at `at` (or sooner if one is already planned). */
  private wake(at: number): void {
    if (this.destroyed || at >= this.wakeAt) return;
    clearTimeout(this.wakeTimer);
    this.wakeAt = at;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.wakeAt = Infinity;
      if (!this.draining && this.canSend()) this.draining = this.drain(false).finally(() => this.afterDrain());
    }, Math.max(0, at - this.now()));
  }

  private afterDrain(): void {
    this.draining = undefined;
    if (this.destroyed) return;
    if (this.store?.hasOrphans()) void this.adoptStored();
    this.planNextWake();
  }

  /** After a drain: wake when the earliest waiting record may go. */
  private planNextWake(): void {
    let next = Infinity;
    for (const record of this.records.values()) {
      // Records still waiting for their write are woken by the store's onStored.
      if (record.inFlight || !this.store?.isReady(record)) continue;
      next = Math.min(next, Math.max(record.dueAt, record.retryAt, this.pausedUntil));
    }
    if (next < Infinity) this.wake(next);
  }

  private async drain(force: boolean): Promise<void> {
    // A forced drain tries each record once: ignoring backoff must not turn a flush() during an outage into
    // back-to-back retries that use up maxRetries and drop the event.
    const tried = new Set<TransportRecord>();
    while (this.canSend()) {
      const batch = this.takeBatch(force, tried);
      if (!batch) return;
      for (const record of batch.items) tried.add(record);
      await this.deliver(batch);
    }
  }

  /**
   * The next request, oldest events first: sent when one of them has waited
   * its batching window or the body is full (`batchSize` events, or the next
   * one would not fit). `force` (flush()) ignores the window and backoff.
   */
  private takeBatch(force: boolean, tried: Set<TransportRecord>): PackedBody<TransportRecord> | undefined {
    const at = this.now();
    if (!force && at < this.pausedUntil) return undefined;
    const ready = (record: TransportRecord) =>
      !record.inFlight && !tried.has(record) && this.store?.isReady(record) === true && (force || record.retryAt <= at);
    // An answer refused in a request with others goes on its own when its turn comes, and is left out of others' requests.
    const alone = [...this.records.values()].find(ready)?.alone === true;
    const [batch] = packBodies(this.records.values(), new Date(at), {
      maxEvents: alone ? 1 : this.settings.batchSize,
      maxBodies: 1,
      accept: (record) => ready(record) && (alone || !record.alone),
    });
    return batch && (force || batch.full || batch.items.some((record) => record.dueAt <= at)) ? batch : undefined;
  }

  private async deliver({ body, bytes, items }: PackedBody<TransportRecord>): Promise<void> {
    const keepalive = this.keepaliveBytes + bytes <= KEEPALIVE_MAX_BYTES;
    if (keepalive) this.keepaliveBytes += bytes;
    for (const record of items) record.inFlight = true;
    const result = await postBody(this.endpoint!, body, {
      fetch: this.options.fetch ?? pageFetch(),
      headers: this.options.headers,
      keepalive,
      timeoutMs: this.settings.timeoutMs,
      signal: this.lifetime.signal,
    });
    if (keepalive) this.keepaliveBytes -= bytes;
    for (const record of items) record.inFlight = false;
    if (!this.destroyed) this.settle(items, result);
  }

  /** Applies one response to the records its request carried. */
  private settle(batch: TransportRecord[], { status, retryAfter, error }: PostResult): void {
    // Records dropped while the request was out (consent denied, queue full) stay dropped.
    const live = batch.filter((record) => this.records.get(record.event.id) === record);
    if (status >= 200 && status <= 299) {
      for (const record of live) {
        this.records.delete(record.event.id);
        this.store?.forget(record);
        this.emit<TransportSentDetail>('sent', { id: record.event.id });
      }
      return;
    }
    if (!isRetryableStatus(status)) {
      if (live.length > 1) {
        // One bad answer must not cost the others: each goes on its own, at once, no attempt counted.
        for (const record of live) record.alone = true;
        return;
      }
      for (const record of live) this.dropRecord(record, `${error} (not retried)`, status);
      return;
    }
    const at = this.now();
    const retryAfterMs = parseRetryAfter(retryAfter, at);
    if (retryAfterMs !== undefined) this.pausedUntil = at + Math.min(retryAfterMs, RETRY_AFTER_MAX_MS);
    const backoff = {
      baseMs: this.settings.backoffBaseMs,
      capMs: this.settings.backoffCapMs,
      random: this.options.random ?? Math.random,
    };
    for (const record of live) {
      record.attempts += 1;
      if (record.attempts > this.settings.maxRetries) {
        this.dropRecord(record, `gave up after ${this.settings.maxRetries} retries: ${error}`, status);
        continue;
      }
      record.retryAt = record.dueAt = at + nextRetryDelay(record.attempts, backoff, retryAfterMs);
      this.store?.touch(record);
      this.emit<TransportErrorDetail>('error', { id: record.event.id, error, status, willRetry: true });
    }
  }

  // --- page lifecycle -----------------------------------------------------

  private resumePage(how: 'visible' | 'online' | 'restored'): void {
    if (this.destroyed) return;
    const at = this.now();
    for (const record of this.records.values()) {
      record.beaconed = false;
      // Back online (or from the back/forward cache): what failed while away gets a fresh try now
      // instead of waiting out its backoff; a Retry-After still holds. Only visible again: the
      // backoff stands, or a visitor switching tabs would spend every retry in seconds.
      if (how !== 'visible') record.retryAt = record.dueAt = Math.min(record.dueAt, at);
    }
    if (how === 'restored') this.store?.resume();
    void this.adoptStored();
    this.wake(at);
  }

  /**
   * The page may be going away: hand everything queued to `sendBeacon`, which
   * outlives the page. Beacons report no response, so the events stay queued:
   * a later 2xx or the next page load removes them (at least once).
   */
  private sendBeacons(): void {
    if (!this.canSend()) return;
    this.store?.commit();
    const bodies = packBodies(this.records.values(), new Date(this.now()), { accept: (record) => !record.beaconed });
    for (const { body, bytes, items } of bodies) {
      // One event too large for any beacon would be refused and, by the break below, hold back every event after it;
      // it stays queued for a fetch without keepalive instead.
      if (bytes > BODY_MAX_BYTES) continue;
      // The browser refuses beacons past its in-flight quota; the rest wait for the next chance.
      if (!sendBeaconBody(this.options.sendBeacon, this.endpoint!, body)) break;
      for (const record of items) record.beaconed = true;
    }
  }

  // --- reporting ----------------------------------------------------------

  private dropRecord(record: TransportRecord, reason: string, status?: number): void {
    this.records.delete(record.event.id);
    this.store?.forget(record);
    this.drop(record.event.id, reason, status);
  }

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail }));
  }
}

/**
 * Creates a transport that delivers events to `options.endpoint`.
 *
 * Never throws: with an endpoint that is not http(s) it warns once and every
 * `send()` reports an `error` (`willRetry: false`) naming the endpoint.
 */
export function createTransport(options: TransportOptions): Transport {
  return new FeedbackTransport(options ?? ({} as TransportOptions));
}
