import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getConfig } from '../../config.js';
import { createFeedbackEvent, type EventFields, type FeelbackEvent, type FeelbackEventType } from '../../context/event.js';
import { mergeMetadata } from '../../context/metadata.js';
import { pageContext } from '../../context/page.js';
import { currentVitals, observeVitals } from '../../context/vitals.js';
import { resolveEndpoint } from '../../internal/endpoint.js';
import { warnOnce } from '../../internal/warn.js';
import { transportFor } from '../../transport/registry.js';
import type { Transport, TransportErrorDetail, TransportSentDetail } from '../../transport/types.js';
import { dispatchFeelbackEvent } from '../base/dispatch.js';

/** What the controller needs of its element: the shared delivery properties. */
export interface DeliveryHost extends ReactiveControllerHost, HTMLElement {
  widgetId: string;
  endpoint?: string;
  transport?: Transport;
  metadata?: Record<string, unknown>;
}

/**
 * How one of the element's own answers is doing: `retrying` may come several
 * times; `sent` or `failed` settles it and comes exactly once.
 */
export type DeliveryReport =
  | { id: string; outcome: 'sent' }
  | { id: string; outcome: 'retrying' | 'failed'; error: string };

export interface DeliveryOptions {
  /** The locale recorded in each event's context: the language the widget's text is actually in. */
  locale(): string;
  /** Told about the element's own answers, before the matching `feelback-*` event reaches the page. */
  onReport?(report: DeliveryReport): void;
}

/**
 * The one path of an answer: builds the wire-format event, asks the page with
 * a cancelable `feelback-submit`, hands it to the transport, and reports its
 * outcome back to the element (and the page, as `feelback-sent` /
 * `feelback-error`) exactly once. The element never touches a transport.
 *
 * The shared transport is reached only through the registry's `transportFor()`,
 * so the transport can later load on demand without the elements changing.
 */
export class DeliveryController implements ReactiveController {
  /** Ids of this element's answers not yet settled. */
  private readonly pending = new Set<string>();
  /** The transports this element handed answers to (one per endpoint for the page's life, or its own). */
  private readonly transports = new Set<Transport>();
  private endpointSeen?: string;

  constructor(
    private readonly host: DeliveryHost,
    private readonly options: DeliveryOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // A microtask later, so a configure({ vitals: false }) in the same script, run
    // after the bundle defined (and upgraded) the elements, is seen first.
    queueMicrotask(() => {
      if (getConfig().vitals !== false) observeVitals();
    });
    // Transports live as long as the page (configure() updates them in place), so answers still
    // in flight report where they were handed over.
    for (const transport of this.transports) this.listenTo(transport);
  }

  hostDisconnected(): void {
    // A detached element must not be kept alive by a page-long transport.
    for (const transport of this.transports) {
      transport.removeEventListener('sent', this.handleSent);
      transport.removeEventListener('error', this.handleError);
    }
  }

  hostUpdate(): void {
    // The shared transport starts with the widget, not its first answer, so what an earlier page load left queued goes out now.
    if (this.host.endpoint === this.endpointSeen) return;
    this.endpointSeen = this.host.endpoint;
    if (this.host.isConnected && !this.host.transport) this.resolveTransport();
  }

  /** The transport in force: the element's `transport` property, else the shared one for its endpoint. */
  resolveTransport(): Transport | undefined {
    if (this.host.transport) return this.host.transport;
    const endpoint = resolveEndpoint(this.host.endpoint) ?? resolveEndpoint(getConfig().endpoint);
    return endpoint ? transportFor(endpoint) : undefined;
  }

  /** Builds a wire-format event carrying the widget's id, page context and metadata. */
  createEvent(type: FeelbackEventType, fields: EventFields): FeelbackEvent {
    const config = getConfig();
    const context = pageContext(this.options.locale(), config.context);
    if (config.vitals !== false) {
      const vitals = currentVitals();
      if (vitals) context.vitals = vitals;
    }
    const tag = this.host.localName;
    return createFeedbackEvent({
      type,
      widget: this.host.widgetId || tag,
      context,
      metadata: mergeMetadata(config.metadata, this.host.metadata, `<${tag}>`, warnOnce),
      ...fields,
    });
  }

  /**
   * Hands an event to the transport after a cancelable `feelback-submit`.
   * Returns false when a listener cancelled it or no endpoint is configured
   * (then it is reported as failed, once).
   */
  submit(event: FeelbackEvent): boolean {
    if (!dispatchFeelbackEvent(this.host, 'feelback-submit', { event }, true)) return false;
    const transport = this.resolveTransport();
    if (!transport) {
      const error = 'no endpoint: set the endpoint attribute or call configure({ endpoint }).';
      warnOnce(`<${this.host.localName}> has ${error}`);
      this.report({ id: event.id, outcome: 'failed', error });
      return false;
    }
    this.pending.add(event.id);
    this.transports.add(transport);
    this.listenTo(transport);
    transport.send(event);
    return true;
  }

  /** Adding the same listener twice is a no-op, so this is safe on every submit and reconnect. */
  private listenTo(transport: Transport): void {
    transport.addEventListener('sent', this.handleSent);
    // A drop is the final `error` (willRetry false); `dropped` repeats it and is not listened to.
    transport.addEventListener('error', this.handleError);
  }

  private readonly handleSent = (event: Event): void => {
    const { id } = (event as CustomEvent<TransportSentDetail>).detail;
    if (!this.pending.delete(id)) return;
    this.report({ id, outcome: 'sent' });
  };

  private readonly handleError = (event: Event): void => {
    const { id, error, willRetry } = (event as CustomEvent<TransportErrorDetail>).detail;
    if (!this.pending.has(id)) return;
    if (!willRetry) this.pending.delete(id);
    this.report({ id, outcome: willRetry ? 'retrying' : 'failed', error });
  };

  private report(report: DeliveryReport): void {
    this.options.onReport?.(report);
    if (report.outcome === 'sent') dispatchFeelbackEvent(this.host, 'feelback-sent', { id: report.id });
    else dispatchFeelbackEvent(this.host, 'feelback-error', { id: report.id, error: report.error, willRetry: report.outcome === 'retrying' });
  }
}
