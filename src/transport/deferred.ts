import type { FeedbackEvent } from '../context/event.js';
import { warnOnce } from '../internal/warn.js';
import type { Consent, QueueStorage, Transport, TransportOptions } from './types.js';

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

function whenIdle(task: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number })
    .requestIdleCallback;
  if (typeof idle === 'function') idle(task, { timeout: 2000 });
  else setTimeout(task, 1);
}

const RELAYED = ['sent', 'error', 'dropped'] as const;

/**
 * A `Transport` whose code loads on demand: on the first answer, or when the
 * page is idle if an earlier page left answers queued for this endpoint. Until
 * then answers are held in memory and, as the delivery rules allow (not
 * personal data unless opted in, not while consent is pending, not with
 * `persist: 'memory'`), in storage, so an answer given just before the visitor
 * leaves, or while the file cannot load (offline, a 404, a Content-Security-
 * Policy), is delivered by a later page. A failed load never throws into the
 * page; the console says once what failed.
 */
export class DeferredTransport extends EventTarget implements Transport {
  private real?: Transport;
  private loading?: Promise<Transport | undefined>;
  private held: FeedbackEvent[] = [];
  private options: TransportOptions;
  private destroyed = false;
  private readonly storage: QueueStorage | null;

  constructor(
    options: TransportOptions,
    private readonly load: TransportLoader,
  ) {
    super();
    this.options = options;
    this.storage = options.persist === 'memory' ? null : options.storage !== undefined ? options.storage : localStorageOrNull();
    if (this.leftByEarlierPage()) whenIdle(() => void this.start());
  }

  /** Loads the transport now (once); resolves to it, or undefined when its file could not load. */
  start(): Promise<Transport | undefined> {
    this.loading ??= this.load().then(
      (create) => {
        if (this.destroyed) return undefined;
        const real = create(this.options);
        for (const type of RELAYED) {
          real.addEventListener(type, (event) => this.dispatchEvent(new CustomEvent(type, { detail: (event as CustomEvent).detail })));
        }
        this.real = real;
        // Answers an earlier page could not hand over, then this page's, oldest first.
        const waiting = [...this.readStored().filter((event) => !this.held.some((own) => own.id === event.id)), ...this.held];
        this.held = [];
        for (const event of waiting) real.send(event);
        this.writeStored([]);
        return real;
      },
      (error: unknown) => {
        warnOnce(
          `could not load the transport for ${this.options.endpoint} (${String((error as Error)?.message ?? error)}); ` +
            'answers stay queued and are sent when it loads, on this page or a later one.',
        );
        return undefined;
      },
    );
    return this.loading;
  }

  send(event: FeedbackEvent): void {
    if (this.real) {
      this.real.send(event);
      return;
    }
    this.held.push(event);
    if (this.mayStore(event)) this.writeStored([...this.readStored(), event]);
    void this.start();
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
    this.options = { ...this.options, consent };
    if (this.real) {
      this.real.setConsent(consent);
      return;
    }
    if (consent === 'denied') {
      // Dropped, as the transport would drop them.
      this.held = [];
      this.writeStored([]);
    } else if (consent === 'granted') {
      for (const event of this.held) if (this.mayStore(event)) this.writeStored([...this.readStored().filter((e) => e.id !== event.id), event]);
    }
  }

  /** New options (everything but the endpoint) for the transport, now or when it loads. */
  updateOptions(options: Omit<TransportOptions, 'endpoint'>): void {
    this.options = { ...this.options, ...options, endpoint: this.options.endpoint };
    (this.real as (Transport & { updateOptions?(o: typeof options): void }) | undefined)?.updateOptions?.(options);
  }

  destroy(): void {
    this.destroyed = true;
    this.real?.destroy();
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

  private mayStore(event: FeedbackEvent): boolean {
    const consent = this.options.consent ?? 'granted';
    return consent === 'granted' && (event.type !== 'callback' || this.options.persistPersonalData === true);
  }

  private readStored(): FeedbackEvent[] {
    try {
      const text = this.storage?.getItem(HELD_PREFIX + this.options.endpoint);
      const parsed: unknown = text ? JSON.parse(text) : [];
      return Array.isArray(parsed) ? (parsed as FeedbackEvent[]) : [];
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
