import type { FeedbackEvent } from '../../src/context/event.js';
import type { Consent, Transport } from '../../src/transport/types.js';

/** A transport that records what it is given and reports outcomes on command. */
export class FakeTransport extends EventTarget implements Transport {
  readonly sent: FeedbackEvent[] = [];
  consent: Consent = 'granted';

  send(event: FeedbackEvent): void {
    this.sent.push(event);
  }
  async flush(): Promise<void> {}
  pending(): number {
    return this.sent.length;
  }
  setConsent(consent: Consent): void {
    this.consent = consent;
  }
  destroy(): void {}

  /** Reports an event as accepted by the endpoint. */
  accept(id: string): void {
    this.dispatchEvent(new CustomEvent('sent', { detail: { id } }));
  }
  /** Reports a failed delivery attempt. */
  fail(id: string, error: string, willRetry: boolean): void {
    this.dispatchEvent(new CustomEvent('error', { detail: { id, error, willRetry } }));
    if (!willRetry) this.dispatchEvent(new CustomEvent('dropped', { detail: { id, reason: error } }));
  }
}
