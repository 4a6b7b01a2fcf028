import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { getConfig, onConfigChange, transportFor } from '../config.js';
import { createFeedbackEvent, type EventFields, type FeedbackEvent, type FeedbackEventType } from '../context/event.js';
import { mergeMetadata } from '../context/metadata.js';
import { pageContext } from '../context/page.js';
import { currentVitals, observeVitals } from '../context/vitals.js';
import { onLangChange } from '../i18n/lang-observer.js';
import { loadLocale } from '../i18n/load-locale.js';
import { resolveLocale } from '../i18n/locale.js';
import { format, formatNumber, hasLocale, lookupString, onLocalesChange, type StringTable } from '../i18n/strings.js';
import { resolveEndpoint } from '../internal/endpoint.js';
import { warnAttribute, warnOnce } from '../internal/warn.js';
import { tokens } from '../styles/tokens.js';
import type { Transport, TransportDroppedDetail, TransportErrorDetail, TransportSentDetail } from '../transport/types.js';
import type { FeelbackErrorDetail } from './events.js';

/**
 * What every feelback element shares: `widget-id`, `endpoint`, `disabled`,
 * `transport`, `metadata`, localized strings, and the path from an answer to
 * the transport and back as `feelback-*` events.
 *
 * Subclasses build events with `createEvent()` and hand them to `submitEvent()`;
 * they never talk to the network.
 */
export abstract class FeedbackElement extends LitElement {
  static override styles = [tokens];

  /** Names the widget in every event it sends; defaults to the tag name. */
  @property({ attribute: 'widget-id' }) widgetId = '';

  /** Where this widget's answers go (http or https); overrides `configure({ endpoint })`. */
  @property() endpoint?: string;

  /** Disables the widget: nothing can be picked or sent. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** `light` or `dark` forces a colour scheme; by default it follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** A transport of your own; overrides both `endpoint` and `configure()`. */
  @property({ attribute: false }) transport?: Transport;

  /** Merged into each event's `metadata`, over `configure({ metadata })`. */
  @property({ attribute: false }) metadata?: Record<string, unknown>;

  /** Overrides for any of the element's strings, by message id. */
  @property({ attribute: false }) strings: Partial<StringTable> = {};

  /** The locale the element speaks, resolved from the nearest `lang`. */
  protected locale = 'en';

  /** The i18n namespace of this element's strings, e.g. `rating-bar`. */
  protected abstract readonly stringNamespace: string;
  /** Built-in English for every message id the element uses. */
  protected abstract readonly defaultStrings: StringTable;

  private readonly ownEventIds = new Set<string>();
  private listeningTransport?: Transport;
  private transportOptionsSeen = getConfig().transport;
  private unsubscribers: Array<() => void> = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.refreshLocale();
    this.unsubscribers.push(
      onLocalesChange(() => this.requestUpdate()),
      onConfigChange(() => {
        this.refreshLocale();
        this.followReplacedTransport();
        this.requestUpdate();
      }),
      onLangChange(() => this.refreshLocale()),
    );
    // A microtask later, so a configure({ vitals: false }) in the same script, run
    // after the bundle defined (and upgraded) the elements, is seen first.
    queueMicrotask(() => {
      if (getConfig().vitals !== false) observeVitals();
    });
    // configure({ transport }) may have replaced the shared transport while this element was detached.
    this.followReplacedTransport();
  }

  /**
   * New transport options replace the shared transports; answers this element
   * still has queued report on the replacement, so keep listening there.
   */
  private followReplacedTransport(): void {
    const options = getConfig().transport;
    if (this.listeningTransport) {
      const replaced = options !== this.transportOptionsSeen && !this.transport;
      this.listenTo(replaced ? (this.resolveTransport() ?? this.listeningTransport) : this.listeningTransport);
    }
    this.transportOptionsSeen = options;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.unsubscribers = [];
    this.stopListening();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') && this.endpoint && !resolveEndpoint(this.endpoint)) {
      warnAttribute(this.localName, 'endpoint', this.endpoint, 'an http(s) URL', "configure()'s endpoint");
    }
    // The shared transport starts with the widget, not its first answer, so what an earlier page load left queued goes out now.
    if (changed.has('endpoint') && this.isConnected && !this.transport) this.resolveTransport();
    if (changed.has('theme') && this.theme !== undefined && this.theme !== 'light' && this.theme !== 'dark') {
      warnAttribute(this.localName, 'theme', this.theme, 'light or dark', 'the visitor\'s colour scheme');
    }
  }

  /**
   * Re-reads the locale from the nearest `lang` (then `configure({ locale })`,
   * then the document) and loads its built-in strings if needed. Runs on
   * connect, on `configure()` and when any `lang` in the document changes; call
   * it yourself after changing a `lang` inside another component's shadow root.
   */
  refreshLocale(): void {
    const locale = resolveLocale(this);
    void loadLocale(locale);
    if (locale === this.locale) return;
    this.locale = locale;
    this.requestUpdate();
  }

  /** A localized message: a `strings` override, else the locale's table, else English; numbers in the locale's digits. */
  protected t(key: string, values?: Record<string, string | number>): string {
    const template =
      this.strings?.[key] ?? lookupString(this.locale, this.stringNamespace, key, this.defaultStrings[key] ?? key);
    return values ? format(template, values, this.locale) : template;
  }

  /** A number written as the element's locale writes it (Arabic-Indic digits for `ar-EG`, say). */
  protected formatNumber(value: number): string {
    return formatNumber(value, this.locale);
  }

  /**
   * The language the element's built-in text is in: its locale once that
   * table is loaded, else English. Set as `lang` on the base part so screen
   * readers speak English fallback text with an English voice on, say, an
   * Arabic page.
   */
  protected get contentLanguage(): string {
    return this.locale.toLowerCase().startsWith('en') || hasLocale(this.locale) ? this.locale : 'en';
  }

  /** The id this widget reports in its events. */
  protected get widgetName(): string {
    return this.widgetId || this.localName;
  }

  /** Builds a wire-format event carrying this widget's id, context and metadata. */
  protected createEvent(type: FeedbackEventType, fields: EventFields): FeedbackEvent {
    const config = getConfig();
    const context = pageContext(this.locale, config.context);
    if (config.vitals !== false) {
      const vitals = currentVitals();
      if (vitals) context.vitals = vitals;
    }
    return createFeedbackEvent({
      type,
      widget: this.widgetName,
      context,
      metadata: this.mergedMetadata(),
      ...fields,
    });
  }

  /**
   * Hands an event to the transport after a cancelable `feelback-submit`.
   * Returns false when a listener cancelled it or no endpoint is configured.
   */
  protected submitEvent(event: FeedbackEvent): boolean {
    const submit = new CustomEvent('feelback-submit', {
      detail: { event },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    if (!this.dispatchEvent(submit)) return false;
    const transport = this.resolveTransport();
    if (!transport) {
      const error = `no endpoint: set the endpoint attribute or call configure({ endpoint }).`;
      warnOnce(`<${this.localName}> has ${error}`);
      this.emitError({ id: event.id, error, willRetry: false });
      return false;
    }
    this.ownEventIds.add(event.id);
    this.listenTo(transport);
    transport.send(event);
    return true;
  }

  /** Dispatches a bubbling, composed `feelback-*` event on the host. */
  protected emit<T>(type: string, detail: T, options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(
      new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
    );
  }

  /** The transport in force: the `transport` property, else the shared one for the endpoint. */
  protected resolveTransport(): Transport | undefined {
    if (this.transport) return this.transport;
    const endpoint = resolveEndpoint(this.endpoint) ?? resolveEndpoint(getConfig().endpoint);
    return endpoint ? transportFor(endpoint) : undefined;
  }

  private mergedMetadata(): Record<string, unknown> | undefined {
    return mergeMetadata(getConfig().metadata, this.metadata, `<${this.localName}>`, warnOnce);
  }

  private emitError(detail: FeelbackErrorDetail): void {
    this.emit('feelback-error', detail);
  }

  private readonly handleTransportSent = (event: Event): void => {
    const { id } = (event as CustomEvent<TransportSentDetail>).detail;
    if (!this.ownEventIds.delete(id)) return;
    this.emit('feelback-sent', { id });
  };

  private readonly handleTransportError = (event: Event): void => {
    const { id, error, willRetry } = (event as CustomEvent<TransportErrorDetail>).detail;
    if (!this.ownEventIds.has(id)) return;
    if (!willRetry) this.ownEventIds.delete(id);
    this.emitError({ id, error, willRetry });
  };

  private readonly handleTransportDropped = (event: Event): void => {
    const { id, reason } = (event as CustomEvent<TransportDroppedDetail>).detail;
    if (!this.ownEventIds.delete(id)) return;
    this.emitError({ id, error: reason, willRetry: false });
  };

  private listenTo(transport: Transport): void {
    if (this.listeningTransport && this.listeningTransport !== transport) this.stopListening();
    this.listeningTransport = transport;
    // addEventListener ignores a listener already added, so reconnecting is safe.
    transport.addEventListener('sent', this.handleTransportSent);
    transport.addEventListener('error', this.handleTransportError);
    transport.addEventListener('dropped', this.handleTransportDropped);
  }

  private stopListening(): void {
    const transport = this.listeningTransport;
    if (!transport) return;
    transport.removeEventListener('sent', this.handleTransportSent);
    transport.removeEventListener('error', this.handleTransportError);
    transport.removeEventListener('dropped', this.handleTransportDropped);
  }
}
