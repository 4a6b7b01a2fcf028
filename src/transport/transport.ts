import { createBatch, type FeedbackEvent } from '../context/event.js';
import { resolveEndpoint } from '../internal/endpoint.js';
import type { Consent, Transport, TransportErrorDetail, TransportOptions } from './types.js';

/**
 * FIRST PATH ONLY (issue 2): queue in memory and POST with fetch.
 * Retries, persistence, batching windows and beacons arrive with the full
 * transport (issue 3); the request function is injected so those rules slot in.
 */
class FeedbackTransport extends EventTarget implements Transport {
  private readonly endpoint: string;
  private readonly queue = new Map<string, FeedbackEvent>();
  private consent: Consent;
  private readonly request: typeof globalThis.fetch;

  constructor(private readonly options: TransportOptions) {
    super();
    const endpoint = resolveEndpoint(options.endpoint);
    if (!endpoint) throw new TypeError(`feelback: transport endpoint "${options.endpoint}" is not an http(s) URL.`);
    this.endpoint = endpoint;
    this.consent = options.consent ?? 'granted';
    this.request = options.fetch ?? ((...args) => globalThis.fetch(...args));
  }

  send(event: FeedbackEvent): void {
    if (this.consent === 'denied') return;
    this.queue.set(event.id, event);
    if (this.consent === 'granted') void this.flush();
  }

  async flush(): Promise<void> {
    if (this.consent !== 'granted' || this.queue.size === 0) return;
    const events = [...this.queue.values()];
    let status = 0;
    try {
      const response = await this.request(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.options.headers },
        body: JSON.stringify(createBatch(events)),
        keepalive: true,
      });
      status = response.status;
    } catch {
      status = 0;
    }
    for (const event of events) {
      if (status >= 200 && status < 300) {
        this.queue.delete(event.id);
        this.dispatchEvent(new CustomEvent('sent', { detail: { id: event.id } }));
      } else {
        const detail: TransportErrorDetail = {
          id: event.id,
          error: status === 0 ? `network error sending to ${this.endpoint}` : `HTTP ${status} from ${this.endpoint}`,
          status,
          willRetry: false,
        };
        this.dispatchEvent(new CustomEvent('error', { detail }));
      }
    }
  }

  pending(): number {
    return this.queue.size;
  }

  setConsent(consent: Consent): void {
    this.consent = consent;
    if (consent === 'denied') this.queue.clear();
    if (consent === 'granted') void this.flush();
  }

  destroy(): void {}
}

/** Creates a transport that delivers events to `options.endpoint`. */
export function createTransport(options: TransportOptions): Transport {
  return new FeedbackTransport(options);
}
