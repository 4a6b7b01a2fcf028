import type { FeedbackEvent } from '../context/event.js';
import { resolveEndpoint } from '../internal/endpoint.js';
import { whenIdle } from '../internal/idle.js';
import { warnOnce } from '../internal/warn.js';
import { BODY_MAX_BYTES, packBodies } from './bodies.js';
import { CONSENT_DENIED, DESTROYED, runTransform, TransportEvents } from './outcomes.js';
import type { Consent, LiveTransport, QueueStorage, SharedTransportOptions, Transport, TransportOptions } from './types.js';

/** Loads the transport's code; resolves to its factory. */
export type TransportLoader = () => Promise<(options: TransportOptions) => Transport>;

/**
 * Where answers wait while the transport's file has not loaded: one key per
 * endpoint, a JSON array of events. The transport takes them over when it
 * loads, on this page or a later one (the same ids: servers dedupe on them).
 */
export const HELD_PREFIX = 'feelback:held:';
/** The transport's own queue (README, "Storage layout"); only its presence is read here. */
const QUEUE_PREFIX = 'feelback:queue:';
/** Bounds what waits in storage without the transport; the oldest go first, as in the queue. */
const HELD_MAX = 200;

function localStorageOrNull(): QueueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}



/**
 * A `Transport` whose code loads on demand: on the first answer, or when the
 * page is idle if an earlier page left answers queued for this endpoint. Until
 * then answers are held in memory and, as the delivery rules allow (not
 * personal data unless opted in, not while consent is pending, not with
 * `persist: 'memory'`), in storage, so an answer given just before the visitor
 * leaves, or while the file cannot load (offline, a 404, a Content-Security-
 * Policy), is delivered by a later page. A failed load never throws into the
 * page; the console says once what failed.
 *
 * The site's `transform` runs here, before an answer is held, so what waits in
 * storage is already redacted; the transport it loads is created without it.
 */
export class DeferredTransport extends TransportEvents implements LiveTransport {
  private real?: LiveTransport;
  private loading?: Promise<LiveTransport | undefined>;
  private held: FeedbackEvent[] = [];
  /** Options changed before the transport loaded: applied again once it holds the answers, as to a live one. */
  private changedBeforeLoad: SharedTransportOptions = {};
  private options: TransportOptions;
  private destroyed = false;
  private onlineRetry?: () => void;
  /** Held answers waiting for the end of the task to be written to storage together (`store`). */
  private unstored: FeedbackEvent[] = [];
  private storeScheduled = false;
  /** `localStorage` (or the option), opened on first use: the first access on a page costs Chromium tens of ms. */
  private storageSlot?: QueueStorage | null;
  /** Held answers already handed to `sendBeacon` on this page (each once). */
  private readonly beaconed = new Set<string>();
  /** Removes the page-hide listeners; set while answers are held. */
  private stopWatchingHide?: () => void;

  constructor(
    options: TransportOptions,
    private readonly load: TransportLoader,
  ) {
    super();
    this.options = options;
    // Whether an earlier page left answers is read at idle, not on the way to the first render.
    whenIdle(() => {
      if (!this.real && !this.destroyed && this.options.consent !== 'denied' && this.leftByEarlierPage()) void this.start();
    });
  }

  /** Loads the transport now (once); resolves to it, or undefined when its file could not load. */
  start(): Promise<LiveTransport | undefined> {
    this.loading ??= this.load().then(
      (create) => {
        if (this.destroyed) return undefined;
        // The transform has already run on every answer this hands over.
        const real = create({ ...this.options, transform: undefined }) as LiveTransport;
        real.addEventListener('sent', (event) => this.relay('sent', event.detail));
        real.addEventListener('error', (event) => {
          this.relay('error', event.detail);
          // `dropped` (deprecated) repeats the final error; made here so the real one is not listened to.
          if (!event.detail.willRetry) this.relay('dropped', { id: event.detail.id, reason: event.detail.error });
        });
        this.real = real;
        // The transport beacons on page hide from here on.
        this.unwatchHide();
        // Answers an earlier page could not hand over, then this page's, oldest first.
        const own = new Set(this.held.map((event) => event.id));
        const waiting = [...this.readStored().filter((event) => !own.has(event.id)), ...this.held];
        this.held = [];
        this.unstored = [];
        for (const event of waiting) real.send(event);
        // Only with consent does the transport store them itself: until then what waits in storage
        // stays there (see setConsent), for this page once consent is given or for a later one.
        if (this.consentGranted()) this.writeStored([]);
        if (Object.keys(this.changedBeforeLoad).length > 0) real.configure?.(this.changedBeforeLoad);
        this.changedBeforeLoad = {};
        return real;
      },
      (error: unknown) => {
        warnOnce(
          `could not load the transport for ${this.options.endpoint} (${String((error as Error)?.message ?? error)}); ` +
            'answers stay queued and are sent when it loads, on this page or a later one.',
        );
        // Browsers fetch a failed import() again: try on the next answer, or when the visitor is back online.
        this.loading = undefined;
        this.retryWhenOnline();
        return undefined;
      },
    );
    return this.loading;
  }

  /** Once, after a failed load: the `online` event tries again (an answer given offline goes out on this page). */
  private retryWhenOnline(): void {
    if (this.onlineRetry || this.destroyed || typeof globalThis.addEventListener !== 'function') return;
    this.onlineRetry = () => {
      this.stopOnlineRetry();
      if (this.held.length > 0 || this.leftByEarlierPage()) void this.start();
    };
    globalThis.addEventListener('online', this.onlineRetry);
  }

  private stopOnlineRetry(): void {
    if (this.onlineRetry) globalThis.removeEventListener('online', this.onlineRetry);
    this.onlineRetry = undefined;
  }

  private relay(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  send(event: FeedbackEvent): void {
    if (this.destroyed) {
      this.drop(event.id, DESTROYED);
      return;
    }
    const transformed = runTransform(this.options.transform, event, (id, error) => this.drop(id, error));
    if (!transformed) return;
    if (this.options.consent === 'denied' && !this.real) {
      this.drop(transformed.id, CONSENT_DENIED);
      return;
    }
    if (this.real) {
      this.real.send(transformed);
      return;
    }
    this.held.push(transformed);
    if (this.mayStore(transformed)) this.store([transformed]);
    this.watchHide();
    void this.start();
  }

  /**
   * While answers are held, a page hide beacons them (`pagehide`, or
   * `visibilitychange` to hidden, which is the last event a phone may give):
   * a visitor who answers and leaves before the transport's file arrives still
   * counts, personal data kept in memory included. They stay held, and go
   * again with the transport (at least once; servers drop repeats by id).
   */
  private watchHide(): void {
    const doc = globalThis.document;
    if (this.stopWatchingHide || !doc || typeof globalThis.addEventListener !== 'function') return;
    const onHide = (event: Event) => {
      if (event.type === 'pagehide' || doc.visibilityState === 'hidden') this.beaconHeld();
    };
    doc.addEventListener('visibilitychange', onHide);
    globalThis.addEventListener('pagehide', onHide);
    this.stopWatchingHide = () => {
      doc.removeEventListener('visibilitychange', onHide);
      globalThis.removeEventListener('pagehide', onHide);
    };
  }

  private unwatchHide(): void {
    this.stopWatchingHide?.();
    this.stopWatchingHide = undefined;
  }

  private beaconHeld(): void {
    const endpoint = resolveEndpoint(this.options.endpoint);
    if (this.real || !endpoint || !this.consentGranted()) return;
    const sendBeacon = this.options.sendBeacon ?? ((url: string, body: string) => globalThis.navigator.sendBeacon(url, body));
    const waiting = this.held.filter((event) => !this.beaconed.has(event.id)).map((event) => ({ event }));
    for (const { body, bytes, items } of packBodies(waiting, new Date())) {
      // Too large for a beacon: it waits for the transport.
      if (bytes > BODY_MAX_BYTES) continue;
      let accepted = false;
      try {
        accepted = sendBeacon(endpoint, body);
      } catch {
        // No beacon here (or it threw): the answers stay held for the transport.
      }
      // Past the browser's in-flight quota the rest wait too.
      if (!accepted) break;
      for (const { event } of items) this.beaconed.add(event.id);
    }
  }

  async flush(): Promise<void> {
    if (this.real) return this.real.flush();
    if (this.held.length === 0 && !this.leftByEarlierPage()) return;
    await (await this.start())?.flush();
  }

  pending(): number {
    return this.real ? this.real.pending() : this.held.length;
  }

  setConsent(consent: Consent): void {
    if (this.destroyed) return;
    this.options = { ...this.options, consent };
    if (this.real) {
      this.real.setConsent(consent);
      // Granted: the transport stores what it was handed in its own queue now.
      if (consent === 'granted') this.writeStored([]);
      return;
    }
    if (consent === 'denied') {
      // This page's answers are dropped, and reported, as the transport drops its own; what an
      // earlier page left waits, as the transport leaves an earlier page's queue alone.
      const dropped = this.held;
      const ids = new Set(dropped.map((event) => event.id));
      this.held = [];
      this.unstored = [];
      this.writeStored(this.readStored().filter((event) => !ids.has(event.id)));
      for (const { id } of dropped) this.drop(id, CONSENT_DENIED);
    } else if (consent === 'granted') {
      this.store(this.held.filter((event) => this.mayStore(event)));
    }
  }

  /** New options (everything but the endpoint) for the transport, now or when it loads; `consent` acts as `setConsent()`. */
  configure(changes: SharedTransportOptions): void {
    if (this.destroyed) return;
    const { consent, ...rest } = changes ?? {};
    // New storage rules apply to what already waits, as the transport moves its queue.
    const before = this.options;
    const storageRules =
      !this.real &&
      (['persist', 'storage', 'persistPersonalData'] as const).some((key) => key in rest && rest[key] !== before[key]);
    const stored = storageRules ? this.takeStoredIntoMemory() : undefined;
    this.options = { ...this.options, ...rest, endpoint: this.options.endpoint };
    if (stored) {
      this.storageSlot = undefined;
      this.unstored = [];
      // Without consent nothing new is written, but what was already stored stays stored.
      this.writeStored(this.held.filter((event) => this.mayStore(event, stored.has(event.id))));
    }
    // `transform` stays here (see the class comment); the rest is the transport's.
    const { transform: _ownedHere, ...forTransport } = rest;
    if (this.real) this.real.configure?.(forTransport);
    else this.changedBeforeLoad = { ...this.changedBeforeLoad, ...forTransport };
    if (consent) this.setConsent(consent);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopOnlineRetry();
    this.unwatchHide();
    if (this.real) {
      this.real.destroy();
      return;
    }
    // What waits in storage goes out from a later page; what was held in memory only (or could
    // not be written: storage full, past the newest 200) ends here, and says so.
    this.writeUnstored();
    const stored = new Set(this.readStored().map((event) => event.id));
    const held = this.held;
    this.held = [];
    for (const event of held) if (!stored.has(event.id)) this.drop(event.id, DESTROYED);
  }

  private get storage(): QueueStorage | null {
    if (this.storageSlot === undefined) {
      const { persist, storage } = this.options;
      this.storageSlot = persist === 'memory' ? null : storage !== undefined ? storage : localStorageOrNull();
    }
    return this.storageSlot;
  }

  /** Whether answers wait in storage for this endpoint: the transport's queue from an earlier page, or held ones. */
  private leftByEarlierPage(): boolean {
    const storage = this.storage as (QueueStorage & { length?: number; key?(index: number): string | null }) | null;
    if (!storage) return false;
    try {
      if (storage.getItem(HELD_PREFIX + this.options.endpoint)) return true;
      const queue = QUEUE_PREFIX + this.options.endpoint;
      if (storage.getItem(queue)) return true;
      if (typeof storage.key !== 'function' || typeof storage.length !== 'number') return false;
      for (let i = 0; i < storage.length; i++) if (storage.key(i)?.startsWith(queue)) return true;
    } catch {
      // Unreadable storage holds nothing we can deliver.
    }
    return false;
  }

  private consentGranted(): boolean {
    return (this.options.consent ?? 'granted') === 'granted';
  }

  /** Whether `event` may wait in storage: with consent (or `stored` already), and personal data only if opted in. */
  private mayStore(event: FeedbackEvent, stored = false): boolean {
    return (stored || this.consentGranted()) && (event.type !== 'callback' || this.options.persistPersonalData === true);
  }

  /**
   * Adds `events` to what waits in storage. Writes are gathered: one read and
   * one write at the end of the current task, however many answers it gave
   * (a page that hands over many at once must not pay a storage round trip
   * for each). The microtask runs before any later task, so before `pagehide`.
   */
  private store(events: FeedbackEvent[]): void {
    if (!this.storage || events.length === 0) return;
    this.unstored.push(...events);
    if (this.storeScheduled) return;
    this.storeScheduled = true;
    queueMicrotask(() => this.writeUnstored());
  }

  /** Writes what `store()` gathered (at the end of the task, or at once when the transport is destroyed). */
  private writeUnstored(): void {
    this.storeScheduled = false;
    const adding = this.unstored;
    this.unstored = [];
    // Handed over to the loaded transport meanwhile: its own queue keeps them now.
    if (adding.length === 0 || this.real) return;
    const ids = new Set(adding.map((event) => event.id));
    this.writeStored([...this.readStored().filter((event) => !ids.has(event.id)), ...adding]);
  }

  /**
   * Moves what waits in storage (this page's answers and an earlier page's)
   * into memory and empties the key; returns the ids that were stored.
   */
  private takeStoredIntoMemory(): Set<string> {
    const stored = this.readStored();
    const own = new Set(this.held.map((event) => event.id));
    this.held = [...stored.filter((event) => !own.has(event.id)), ...this.held];
    this.writeStored([]);
    return new Set(stored.map((event) => event.id));
  }

  private readStored(): FeedbackEvent[] {
    try {
      const text = this.storage?.getItem(HELD_PREFIX + this.options.endpoint);
      const parsed: unknown = text ? JSON.parse(text) : [];
      // Anything but events with an id (a damaged or foreign entry) is left out, never handed over.
      return Array.isArray(parsed)
        ? (parsed.filter((event) => typeof event?.id === 'string' && typeof event.type === 'string') as FeedbackEvent[])
        : [];
    } catch {
      return [];
    }
  }

  private writeStored(events: FeedbackEvent[]): void {
    if (!this.storage) return;
    const key = HELD_PREFIX + this.options.endpoint;
    try {
      if (events.length === 0) this.storage.removeItem(key);
      else this.storage.setItem(key, JSON.stringify(events.slice(-HELD_MAX)));
    } catch {
      // Full or refused: the answers stay in memory for this page.
    }
  }
}

/** Loads the transport's module (a file of its own beside a one-file bundle). */
export const loadTransport: TransportLoader = () => import('./transport.js').then((module) => module.createTransport);

/**
 * `createTransport()` with its code loaded on demand: the same options and
 * the same `Transport`; the code arrives with the first `send()` (or at idle,
 * when an earlier page left answers queued for this endpoint).
 */
export function createDeferredTransport(options: TransportOptions): Transport {
  return new DeferredTransport(options, loadTransport);
}
