import type { FeedbackEvent } from '../context/event.js';

export type Consent = 'granted' | 'pending' | 'denied';

/** One request's outcome as the transport reads it: a status (0 for a network failure or timeout) and `Retry-After`. */
export interface RequestResult {
  status: number;
  retryAfter?: string | null;
}

/** Minimal storage surface, so tests and sites can inject their own (`localStorage` shape). */
export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface TransportOptions {
  /** Where events are POSTed; http(s) only. */
  endpoint: string;
  /** Extra request headers (fetch only: beacons cannot carry headers). */
  headers?: Record<string, string>;
  /** Most events in one request (a request also stays under 64 KB). Default 20. */
  batchSize?: number;
  /** How long a new event waits for others to join its batch, in ms. Default 1000; 0 sends at once. */
  flushIntervalMs?: number;
  /** Attempts after the first before an event is dropped. Default 8. */
  maxRetries?: number;
  /** First backoff step in ms. Default 1000. */
  backoffBaseMs?: number;
  /** Longest backoff in ms. Default 60000. */
  backoffCapMs?: number;
  /** A request that takes longer is abandoned and retried. Default 10000. */
  timeoutMs?: number;
  /** Most events kept queued; the oldest is dropped (with an error) beyond it. Default 200. */
  maxQueue?: number;
  /** `'local'` (default) keeps the queue in `localStorage` across reloads; `'memory'` keeps it for the page's life. */
  persist?: 'local' | 'memory';
  /** Also write events carrying personal data (`callback`) to storage. Off by default. */
  persistPersonalData?: boolean;
  /** Redact or enrich an event before it is queued; return `null` to drop it. */
  transform?: (event: FeedbackEvent) => FeedbackEvent | null;
  /** `'pending'` holds events in memory; `'denied'` drops them. Default `'granted'`. */
  consent?: Consent;
  /** The request function (default: the page's `fetch`); injected for tests and special environments. */
  fetch?: typeof globalThis.fetch;
  /** Page-hide delivery (default: `navigator.sendBeacon`); the body is the v1 JSON as a text/plain string. */
  sendBeacon?: (url: string, body: string) => boolean;
  /** Where the queue persists (default: `localStorage` if writable); `null` keeps it in memory. */
  storage?: QueueStorage | null;
  /** Clock in ms since the epoch (default `Date.now`). */
  now?: () => number;
  /** Source of backoff jitter in [0, 1) (default `Math.random`). */
  random?: () => number;
}

export interface TransportSentDetail {
  id: string;
}
export interface TransportErrorDetail {
  id: string;
  /** A sentence that says what went wrong, e.g. "HTTP 503 from https://…". */
  error: string;
  /** HTTP status, or 0 for a network failure or timeout; absent for local causes. */
  status?: number;
  willRetry: boolean;
}
/** @deprecated Listen for `error` with `willRetry: false`, which carries the same reason (and the status). */
export interface TransportDroppedDetail {
  id: string;
  reason: string;
}

export interface TransportEventMap {
  sent: CustomEvent<TransportSentDetail>;
  error: CustomEvent<TransportErrorDetail>;
  /** @deprecated Repeats the final `error` (`willRetry: false`); listen for that instead. */
  dropped: CustomEvent<TransportDroppedDetail>;
}

/** What every widget hands its events to. */
export interface Transport extends EventTarget {
  /** Queues an event for delivery; returns at once. */
  send(event: FeedbackEvent): void;
  /** Sends what is queued now; resolves when the attempt settles. */
  flush(): Promise<void>;
  /** How many events are waiting for a 2xx. */
  pending(): number;
  /** Changes consent: `'granted'` releases held events, `'denied'` drops them. */
  setConsent(consent: Consent): void;
  /** Stops timers and page listeners; queued events stay in storage for the next load. */
  destroy(): void;
  addEventListener<K extends keyof TransportEventMap>(
    type: K,
    listener: (event: TransportEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof TransportEventMap>(
    type: K,
    listener: (event: TransportEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/** Every option but the endpoint: what `configure({ transport })` sets for the shared transports. */
export type SharedTransportOptions = Omit<TransportOptions, 'endpoint'>;

/** A transport made by `createTransport()`: its options can change while it runs. */
export interface LiveTransport extends Transport {
  /**
   * Merges `changes` into the options in force. Queued events, listeners and
   * attempt counts stay; events waiting out a backoff get a fresh try now
   * (a `Retry-After` the server asked for still holds); a new `storage` or
   * `persist` moves the queue there; `consent` acts as `setConsent()`.
   */
  configure(changes: SharedTransportOptions): void;
}
