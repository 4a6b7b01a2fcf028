import { createBatch, type FeedbackEvent } from '../context/event.js';
import { resolveEndpoint } from '../internal/endpoint.js';
import { uuidv4 } from '../internal/uuid.js';
import { warnOnce } from '../internal/warn.js';
import { isRetryableStatus, nextRetryDelay, parseRetryAfter, RETRY_AFTER_MAX_MS } from './backoff.js';
import { utf8Length } from '../internal/utf8.js';
import { BEACON_MAX_BYTES, splitIntoBeaconBodies } from './beacon.js';
import { runExclusive } from './lease.js';
import { probeLocalStorage, QueueStore, queueKey, type OrphanRecord, type QueueRecord } from './queue-store.js';
import type {
  Consent,
  Transport,
  TransportDroppedDetail,
  TransportErrorDetail,
  TransportOptions,
  TransportSentDetail,
} from './types.js';

/** The defaults of every numeric option (documented in `TransportOptions`). */
export const TRANSPORT_DEFAULTS = {
  batchSize: 20,
  flushIntervalMs: 1000,
  maxRetries: 8,
  backoffBaseMs: 1000,
  backoffCapMs: 60_000,
  timeoutMs: 10_000,
  maxQueue: 200,
} as const;

/**
 * Keepalive fetches share the page's 64 KiB in-flight quota with beacons; past
 * it the browser rejects them outright, so larger bodies go without keepalive.
 */
export const KEEPALIVE_MAX_BYTES = 60 * 1024;

/** Past another owner's claim, before looking for its events (and at least this apart while a rival holds the lock). */
const ORPHAN_CHECK_SLACK_MS = 250;

type Settings = { -readonly [K in keyof typeof TRANSPORT_DEFAULTS]: number };

interface TransportRecord extends QueueRecord {
  inFlight: boolean;
  /** When the batching window of this record closes (it may leave earlier with others). */
  dueAt: number;
  /** Not before: the backoff after a failure. */
  retryAt: number;
  /** Sent by beacon since the page was last visible. */
  beaconed: boolean;
  /** UTF-8 length of the event's JSON, once measured. */
  bytes?: number;
}

/**
 * Memory-only events of a transport that was destroyed (e.g. `configure()`
 * replaced it), handed to the next transport for the same endpoint so
 * replacing a transport loses nothing.
 */
const handover = new Map<string, OrphanRecord[]>();

/** Test hook (not exported from the package): forget events handed over between transports. */
export function resetHandover(): void {
  handover.clear();
}

/**
 * Queue, batch, retry, persist and flush on page hide (README, "Delivery").
 * Delivery is at least once: an event is in the queue store before its first
 * request and leaves it only after a 2xx for a request that carried it.
 */
class FeedbackTransport extends EventTarget implements Transport {
  private readonly endpoint?: string;
  private readonly invalidReason?: string;
  private readonly options: TransportOptions;
  private readonly settings: Settings;
  private readonly records = new Map<string, TransportRecord>();
  private readonly store?: QueueStore;
  private readonly owner = uuidv4();
  private readonly now: () => number;
  private readonly random: () => number;
  private consent: Consent;
  private destroyed = false;
  private wakeTimer?: ReturnType<typeof setTimeout>;
  private wakeAt = Infinity;
  private orphanTimer?: ReturnType<typeof setTimeout>;
  private draining?: Promise<void>;
  private pausedUntil = 0;
  private keepaliveBytes = 0;
  private readonly controllers = new Set<AbortController>();
  private readonly unlisteners: Array<() => void> = [];

  constructor(options: TransportOptions) {
    super();
    this.options = options;
    this.settings = readSettings(options);
    this.now = options.now ?? (() => Date.now());
    this.random = options.random ?? Math.random;
    this.consent = options.consent ?? 'granted';
    const endpoint = resolveEndpoint(options.endpoint);
    if (!endpoint) {
      this.invalidReason = `endpoint "${String(options.endpoint)}" is not an http(s) URL; event not sent`;
      warnOnce(`transport ${this.invalidReason}. Set an http(s) endpoint.`);
      return;
    }
    this.endpoint = endpoint;
    const storage = options.persist === 'memory' ? null : options.storage !== undefined ? options.storage : probeLocalStorage();
    this.store = new QueueStore({
      endpoint,
      storage,
      owner: this.owner,
      now: this.now,
      onStored: () => this.wake(this.now()),
    });
    for (const orphan of handover.get(endpoint) ?? []) this.adopt(orphan, false);
    handover.delete(endpoint);
    this.listenToPage();
    if (this.records.size > 0) this.wake(this.now());
    void this.adoptStored();
  }

  send(event: FeedbackEvent): void {
    if (this.destroyed || !this.endpoint) {
      this.drop(event.id, this.invalidReason ?? 'transport was destroyed; event not sent');
      return;
    }
    let transformed: FeedbackEvent | null;
    try {
      transformed = this.options.transform ? this.options.transform(event) : event;
    } catch (error) {
      this.drop(event.id, `transform threw (${String(error)}); event not sent`);
      return;
    }
    // A transform that returns null is the site choosing not to send: not an error.
    if (transformed === null || transformed === undefined) return;
    if (this.consent === 'denied') {
      this.drop(transformed.id, 'consent denied: event not sent');
      return;
    }
    if (this.records.has(transformed.id)) return;
    const at = this.now();
    this.makeRoom();
    const record: TransportRecord = {
      event: transformed,
      attempts: 0,
      persist: this.mayPersist(transformed),
      stored: false,
      segment: undefined,
      json: undefined,
      inFlight: false,
      dueAt: at + this.settings.flushIntervalMs,
      retryAt: 0,
      beaconed: false,
    };
    this.records.set(transformed.id, record);
    this.store?.touch(record);
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
      for (const record of [...this.records.values()]) this.dropRecord(record, 'consent denied: event not sent');
      return;
    }
    if (consent === 'granted') {
      for (const record of this.records.values()) {
        if (!record.persist && this.mayPersist(record.event)) {
          record.persist = true;
          this.store?.touch(record);
        }
      }
      this.wake(this.now());
    }
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const unlisten of this.unlisteners) unlisten();
    this.unlisteners.length = 0;
    clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    clearTimeout(this.orphanTimer);
    this.orphanTimer = undefined;
    this.store?.destroy();
    const memoryOnly = [...this.records.values()]
      .filter((record) => !record.persist || !this.store?.persistent)
      .map(({ event, attempts }) => ({ event, attempts }));
    if (this.endpoint && memoryOnly.length > 0) handover.set(this.endpoint, memoryOnly);
    for (const controller of this.controllers) controller.abort();
  }

  // --- queueing -----------------------------------------------------------

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

  private adopt(orphan: OrphanRecord, persist: boolean): void {
    if (this.records.has(orphan.event.id)) return;
    this.makeRoom();
    const record: TransportRecord = {
      event: orphan.event,
      attempts: orphan.attempts,
      persist: persist || this.mayPersist(orphan.event),
      stored: false,
      segment: undefined,
      json: undefined,
      inFlight: false,
      dueAt: this.now(),
      retryAt: 0,
      beaconed: false,
    };
    this.records.set(orphan.event.id, record);
    this.store?.touch(record);
  }

  /** Takes over what an earlier page load or a closed tab left in storage, one tab at a time. */
  private async adoptStored(): Promise<void> {
    const store = this.store;
    if (!store || !store.persistent || this.destroyed || this.consent === 'denied') return;
    if (store.hasOrphans()) {
      await runExclusive(queueKey(this.endpoint!), this.owner, store.backing, this.now, () => {
        if (this.destroyed) return;
        const room = Math.max(0, this.settings.maxQueue - this.records.size);
        store.adoptOrphans(room, (orphans) => {
          for (const orphan of orphans) this.adopt(orphan, true);
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
      if (batch.length === 0) return;
      for (const record of batch) tried.add(record);
      await this.deliver(batch);
    }
  }

  /**
   * The next request's records, oldest first: sent when one of them has waited
   * its batching window or a full batch is ready. `force` (flush()) ignores
   * the window and backoff.
   */
  private takeBatch(force: boolean, tried: Set<TransportRecord>): TransportRecord[] {
    const at = this.now();
    if (!force && at < this.pausedUntil) return [];
    const batch: TransportRecord[] = [];
    let due = force;
    // Bodies stay under the beacon limit too: collectors sized for beacons (the reference one) answer 413 past it,
    // which would drop every event of an oversized batch.
    let bytes = utf8Length(JSON.stringify(createBatch([], new Date(at))));
    for (const record of this.records.values()) {
      if (record.inFlight || tried.has(record) || !this.store?.isReady(record)) continue;
      if (!force && record.retryAt > at) continue;
      record.bytes ??= utf8Length(JSON.stringify(record.event));
      if (batch.length > 0 && bytes + 1 + record.bytes > BEACON_MAX_BYTES) return batch;
      bytes += record.bytes + (batch.length > 0 ? 1 : 0);
      batch.push(record);
      if (record.dueAt <= at) due = true;
      if (batch.length >= this.settings.batchSize) return batch;
    }
    return due ? batch : [];
  }

  private async deliver(batch: TransportRecord[]): Promise<void> {
    const endpoint = this.endpoint!;
    const body = JSON.stringify(createBatch(batch.map((record) => record.event), new Date(this.now())));
    const bytes = utf8Length(body);
    const keepalive = this.keepaliveBytes + bytes <= KEEPALIVE_MAX_BYTES;
    if (keepalive) this.keepaliveBytes += bytes;
    for (const record of batch) record.inFlight = true;

    const controller = new AbortController();
    this.controllers.add(controller);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.settings.timeoutMs);
    let status = 0;
    let retryAfter: string | null | undefined;
    let failure = '';
    try {
      const request = this.options.fetch ?? globalThis.fetch.bind(globalThis);
      const response = await request(endpoint, {
        method: 'POST',
        headers: { ...this.options.headers, 'content-type': 'application/json' },
        body,
        keepalive,
        signal: controller.signal,
      });
      status = response.status;
      retryAfter = response.headers?.get?.('retry-after');
    } catch (error) {
      failure = timedOut
        ? `no answer from ${endpoint} within ${this.settings.timeoutMs} ms`
        : `network error sending to ${endpoint} (${errorName(error)})`;
    } finally {
      clearTimeout(timer);
      this.controllers.delete(controller);
      if (keepalive) this.keepaliveBytes -= bytes;
      for (const record of batch) record.inFlight = false;
    }
    if (this.destroyed) return;
    this.settle(batch, status, retryAfter, failure || `HTTP ${status} from ${endpoint}`);
  }

  /** Applies one response to the records its request carried. */
  private settle(batch: TransportRecord[], status: number, retryAfter: string | null | undefined, cause: string): void {
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
      for (const record of live) this.dropRecord(record, `${cause} (not retried)`, status);
      return;
    }
    const at = this.now();
    const retryAfterMs = parseRetryAfter(retryAfter, at);
    if (retryAfterMs !== undefined) this.pausedUntil = at + Math.min(retryAfterMs, RETRY_AFTER_MAX_MS);
    const backoff = { baseMs: this.settings.backoffBaseMs, capMs: this.settings.backoffCapMs, random: this.random };
    for (const record of live) {
      record.attempts += 1;
      if (record.attempts > this.settings.maxRetries) {
        this.dropRecord(record, `gave up after ${this.settings.maxRetries} retries: ${cause}`, status);
        continue;
      }
      record.retryAt = record.dueAt = at + nextRetryDelay(record.attempts, backoff, retryAfterMs);
      this.store?.touch(record);
      this.emit<TransportErrorDetail>('error', { id: record.event.id, error: cause, status, willRetry: true });
    }
  }

  // --- page lifecycle -----------------------------------------------------

  /** One set of listeners per transport (transports are shared per endpoint), removed by destroy(). */
  private listenToPage(): void {
    const on = (target: EventTarget | undefined, type: string, listener: (event: Event) => void) => {
      if (!target?.addEventListener) return;
      target.addEventListener(type, listener);
      this.unlisteners.push(() => target.removeEventListener(type, listener));
    };
    const doc = globalThis.document as Document | undefined;
    const win = globalThis.window as (Window & typeof globalThis) | undefined;
    on(doc, 'visibilitychange', () => {
      if (doc?.visibilityState === 'hidden') this.sendBeacons();
      else this.resumePage(false);
    });
    // pagehide, not unload/beforeunload: those break the back/forward cache and do not fire reliably on mobile.
    on(win, 'pagehide', () => {
      this.sendBeacons();
      this.store?.release();
    });
    on(win, 'pageshow', (event) => {
      if ((event as PageTransitionEvent).persisted) this.resumePage(true);
    });
    on(win, 'online', () => this.resumePage(false));
  }

  private resumePage(restored: boolean): void {
    if (this.destroyed) return;
    for (const record of this.records.values()) record.beaconed = false;
    if (restored) this.store?.resume();
    void this.adoptStored();
    this.wake(this.now());
  }

  /**
   * The page may be going away: hand everything queued to `sendBeacon`, which
   * outlives the page. Beacons report no response, so the events stay queued:
   * a later 2xx or the next page load removes them (at least once).
   */
  private sendBeacons(): void {
    const sendBeacon =
      this.options.sendBeacon ??
      (typeof globalThis.navigator?.sendBeacon === 'function'
        ? (url: string, body: string) => globalThis.navigator.sendBeacon(url, body)
        : undefined);
    if (!sendBeacon || !this.canSend()) return;
    this.store?.commit();
    const events = [...this.records.values()].filter((record) => !record.beaconed).map((record) => record.event);
    if (events.length === 0) return;
    for (const { body, events: carried } of splitIntoBeaconBodies(events, undefined, new Date(this.now()))) {
      // One event too large for any beacon would be refused and, by the break below, hold back every event after it;
      // it stays queued for a fetch without keepalive instead.
      if (utf8Length(body) > BEACON_MAX_BYTES) continue;
      let accepted: boolean;
      try {
        accepted = sendBeacon(this.endpoint!, body);
      } catch {
        accepted = false;
      }
      // The browser refuses beacons past its in-flight quota; the rest wait for the next chance.
      if (!accepted) break;
      for (const event of carried) {
        const record = this.records.get(event.id);
        if (record) record.beaconed = true;
      }
    }
  }

  // --- reporting ----------------------------------------------------------

  private dropRecord(record: TransportRecord, reason: string, status?: number): void {
    this.records.delete(record.event.id);
    this.store?.forget(record);
    this.drop(record.event.id, reason, status);
  }

  private drop(id: string, reason: string, status?: number): void {
    const detail: TransportErrorDetail = { id, error: reason, willRetry: false };
    if (status !== undefined) detail.status = status;
    this.emit<TransportErrorDetail>('error', detail);
    this.emit<TransportDroppedDetail>('dropped', { id, reason });
  }

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail }));
  }
}

function readSettings(options: TransportOptions): Settings {
  const settings = { ...TRANSPORT_DEFAULTS } as Settings;
  for (const key of Object.keys(TRANSPORT_DEFAULTS) as Array<keyof Settings>) {
    const value = options[key];
    if (value === undefined) continue;
    const minimum = key === 'batchSize' || key === 'maxQueue' ? 1 : 0;
    if (typeof value === 'number' && Number.isFinite(value) && value >= minimum) settings[key] = value;
    else warnOnce(`transport option ${key}=${String(value)} is not a number ≥ ${minimum}; using ${settings[key]}.`);
  }
  return settings;
}

function errorName(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as Error).message || (error as Error).name);
  return String(error);
}

/**
 * Creates a transport that delivers events to `options.endpoint`.
 *
 * Never throws: with an endpoint that is not http(s) it warns once and every
 * `send()` reports `error` (willRetry false) and `dropped` naming the endpoint.
 */
export function createTransport(options: TransportOptions): Transport {
  return new FeedbackTransport(options ?? ({} as TransportOptions));
}
