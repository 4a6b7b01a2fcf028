import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { AddFeelbackListener, CallbackRequestEventMap, RemoveFeelbackListener } from '../events.js';
import { live } from 'lit/directives/live.js';
import type { FeelbackEvent } from '../../context/event.js';
import { countCharacters, fitText, sanitizeText } from '../../context/text.js';
import { warnAttribute, warnOnce } from '../../internal/warn.js';
import { tokens } from '../../styles/tokens.js';
import { dispatchFeelbackEvent } from '../base/dispatch.js';
import { FeelbackElement } from '../base/feelback-element.js';
import { DeliveryController, type DeliveryReport } from '../controllers/delivery.js';
import { LocalizeController } from '../controllers/localize.js';
import { callbackRequestStyles } from './callback-request.styles.js';
import {
  buildCallbackPayload,
  DEFAULT_MIN_FILL_MS,
  emptyValues,
  invalidFields,
  isInFlight,
  isLikelyBot,
  NAME_MAX_LENGTH,
  nextStatus,
  TOPIC_MAX_LENGTH,
  validateCallback,
  validateField,
  visitorTimeZone,
  type CallbackField,
  type CallbackFormValues,
  type CallbackWindowOption,
  type FieldErrors,
  type RequestAction,
  type RequestStatus,
} from './form-state.js';
import { callbackRequestStrings, type CallbackRequestMessage } from './strings.js';
import { DEFAULT_WINDOW_IDS, defaultWindows } from './windows.js';

export type { CallbackWindowOption, RequestStatus } from './form-state.js';

/** An hour is far more than anyone needs to fill five fields; a larger value would drop real people. */
const MAX_MIN_FILL_MS = 60 * 60 * 1000;

/**
 * A short form that lets a visitor ask to be called back: name, phone, best
 * time, an optional topic and consent; then a confirmation that says what
 * happens next. Works on its own or inside `<feelback-feeling-prompt>`.
 *
 * @tagname feelback-callback-request
 * @summary Lets a visitor request a call back, validated, accessible and spam-resistant.
 *
 * @fires {CustomEvent<FeelbackChangeDetail<string>>} feelback-change - The visitor picked a best time; `detail.value` is its id (`asap`, `morning`, …).
 * @fires {CustomEvent<FeelbackSubmitDetail>} feelback-submit - The request (`detail.event`) is about to go to the transport; cancelable: `preventDefault()` stops the send.
 * @fires {CustomEvent<FeelbackSentDetail>} feelback-sent - The endpoint accepted the request with `detail.id`.
 * @fires {CustomEvent<FeelbackErrorDetail>} feelback-error - Delivering the request with `detail.id` failed; `detail.willRetry` while the transport keeps trying.
 * @fires {CustomEvent<undefined>} feelback-cancel - The visitor pressed Cancel (only with `cancelable`).
 *
 * @csspart base - The wrapper around the form or the confirmation.
 * @csspart form - The `<form>`.
 * @csspart heading - The heading.
 * @csspart intro - The sentence under the heading.
 * @csspart label - Each field's visible label.
 * @csspart input - The name, phone and honeypot-free text inputs.
 * @csspart textarea - The topic box.
 * @csspart hint - Helper text under a field.
 * @csspart choice - Each best-time option (radio and its label).
 * @csspart checkbox - The consent checkbox.
 * @csspart error - Each field's inline error message.
 * @csspart summary - The list of fields to correct, announced on an invalid submit.
 * @csspart status - "Sending…" and "Still trying…" messages.
 * @csspart button - Every button.
 * @csspart send-button - The submit / retry button.
 * @csspart cancel-button - The Cancel button.
 * @csspart submit - Deprecated name of `send-button`; still on the same button.
 * @csspart cancel - Deprecated name of `cancel-button`; still on the same button.
 * @csspart privacy - The note on how the details are used.
 * @csspart confirmation - The confirmation shown once the request arrived.
 *
 * @cssprop --feelback-accent - Button and selection colour.
 * @cssprop --feelback-accent-contrast - Text on the accent colour.
 * @cssprop --feelback-text - Text colour.
 * @cssprop --feelback-muted - Secondary text colour.
 * @cssprop --feelback-surface - Background.
 * @cssprop --feelback-surface-raised - Background of the error summary.
 * @cssprop --feelback-border - Field borders.
 * @cssprop --feelback-danger - Error colour.
 * @cssprop --feelback-success - Confirmation colour.
 * @cssprop --feelback-radius - Corner radius.
 * @cssprop --feelback-spacing - Space between fields.
 * @cssprop --feelback-font - Font family.
 * @cssprop --feelback-font-size - Base font size.
 * @cssprop --feelback-focus-ring - Focus outline colour.
 * @cssprop --feelback-callback-padding - Padding around the form.
 * @cssprop --feelback-duration - Length of transitions (none under `prefers-reduced-motion`). Default `160ms`.
 */
export class CallbackRequest extends FeelbackElement {
  static override styles = [tokens, callbackRequestStyles];
  static override get properties(): PropertyDeclarations {
    return {
      status: { state: true },
      values: { state: true },
      errors: { state: true },
      summary: { state: true },
      echo: { state: true },
      heading: {},
      consentLabel: { attribute: 'consent-label' },
      minFillMs: { attribute: 'min-fill-ms', type: Number },
      replyTo: { attribute: 'reply-to' },
      cancelable: { type: Boolean, reflect: true },
      windows: { attribute: false },
    };
  }

  protected readonly localize = new LocalizeController<CallbackRequestMessage>(this, 'callback-request', callbackRequestStrings);
  private readonly delivery = new DeliveryController(this, {
    locale: () => this.localize.contentLanguage,
    onReport: (report) => this.handleReport(report),
  });

  private status: RequestStatus = 'editing';
  private values: CallbackFormValues = emptyValues(DEFAULT_WINDOW_IDS[0]);
  private errors: FieldErrors = {};
  private summary = '';
  /** What the confirmation echoes; the only trace of the request kept after it arrived. */
  private echo?: { name: string; window: string };

  /** The heading above the form; defaults to "Request a call back". */
  heading?: string;

  /** The site's own wording for the consent checkbox. */
  consentLabel?: string;

  /** Submissions sooner than this after the form appears are treated as bots and dropped silently, in ms. */
  minFillMs: number = DEFAULT_MIN_FILL_MS;

  /** Id of the feeling or rating event this request follows; sent as `callback.replyTo`. */
  replyTo?: string;

  /** Shows a Cancel button that fires `feelback-cancel`. */
  cancelable = false;

  /** Replaces the best-time choices: `[{ id, label, when? }]`, `when` completing "We'll call you …". */
  windows?: CallbackWindowOption[];

  /** The clock used for the minimum fill time; replaceable in tests. */
  protected now: () => number = () => Date.now();

  private shownAt = 0;
  private effectiveMinFillMs = DEFAULT_MIN_FILL_MS;
  private customWindows?: CallbackWindowOption[];
  private pendingEvent?: FeelbackEvent;
  private pendingKey = '';
  private honeypot = '';
  private timeZone = '';
  private focusAfterUpdate?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.timeZone = visitorTimeZone();
    this.shownAt = this.now();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('minFillMs')) this.effectiveMinFillMs = this.checkMinFill(this.minFillMs);
    if (changed.has('windows')) {
      this.customWindows = this.checkWindows(this.windows);
      const ids = this.windowOptions().map((option) => option.id);
      if (!ids.includes(this.values.window)) this.values = { ...this.values, window: ids[0] ?? '' };
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const focus = this.focusAfterUpdate;
    this.focusAfterUpdate = undefined;
    focus?.();
  }

  /** The delivery controller's word on this request: confirmed once sent, retry offered once failed. */
  private handleReport(report: DeliveryReport): void {
    const pending = this.pendingEvent;
    if (report.id !== pending?.id) return;
    if (report.outcome === 'sent') {
      if (pending.callback) this.confirm(pending.callback.name, pending.callback.window);
      return;
    }
    this.apply({ type: 'error', willRetry: report.outcome === 'retrying' });
    if (this.status === 'failed') this.focusAfterUpdate = () => this.submitButton()?.focus();
  }

  private handleInput(field: CallbackField, event: Event): void {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    let value: string | boolean = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    if (field === 'topic') {
      // Capped in characters as the count shows them (an emoji is one), not native maxlength's UTF-16 units.
      const { text } = fitText(target.value, TOPIC_MAX_LENGTH, this.values.topic);
      if (text !== target.value) target.value = text;
      value = text;
    }
    this.values = { ...this.values, [field]: value };
    // Once a field has been marked, keep its message current so the visitor sees the fix land.
    if (this.errors[field]) {
      const error = validateField(field, this.values, this.windowIds());
      this.errors = { ...this.errors, [field]: error };
    }
    if (field === 'window') dispatchFeelbackEvent(this, 'feelback-change', { value: String(value) });
  }

  private handleHoneypot(event: Event): void {
    this.honeypot = (event.target as HTMLInputElement).value;
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.disabled || isInFlight(this.status) || this.status === 'confirmed') return;
    this.readFormValues();
    const errors = validateCallback(this.values, this.windowIds());
    const invalid = invalidFields(errors);
    this.errors = errors;
    if (invalid.length > 0) {
      this.announceInvalid(invalid);
      this.focusAfterUpdate = () => this.fieldElement(invalid[0]!)?.focus();
      return;
    }
    this.summary = '';
    const values = this.values;
    if (isLikelyBot({ honeypot: this.honeypot, shownAt: this.shownAt, now: this.now(), minFillMs: this.effectiveMinFillMs })) {
      // Silently: the bot sees the same success a person would, and nothing is sent.
      this.confirm(sanitizeText(values.name, NAME_MAX_LENGTH), values.window);
      return;
    }
    const payload = buildCallbackPayload(values, { timeZone: this.timeZone, replyTo: this.replyTo || undefined });
    if (!payload) return;
    // The same answer resent keeps its id, so a server that already has it can dedupe.
    const key = JSON.stringify(payload);
    if (!this.pendingEvent || this.pendingKey !== key) {
      this.pendingEvent = this.delivery.createEvent('callback', { callback: payload });
      this.pendingKey = key;
    }
    this.apply({ type: 'submit' });
    const handed = this.delivery.submit(this.pendingEvent);
    if (!handed) {
      this.apply({ type: 'refused' });
      this.focusAfterUpdate = () => this.submitButton()?.focus();
    }
  }

  private handleCancel(): void {
    dispatchFeelbackEvent(this, 'feelback-cancel', undefined);
  }

  /** Clears the form and shows it again, e.g. to take another request. */
  reset(): void {
    this.values = emptyValues(this.windowIds()[0] ?? '');
    this.errors = {};
    this.summary = '';
    this.echo = undefined;
    this.honeypot = '';
    this.pendingEvent = undefined;
    this.pendingKey = '';
    this.status = nextStatus(this.status, { type: 'reset' });
    this.shownAt = this.now();
  }

  override render(): TemplateResult {
    return html`<div part="base" class="base" lang=${this.localize.contentLanguage}>
      ${this.status === 'confirmed' ? this.renderConfirmation() : this.renderForm()}
    </div>`;
  }

  private renderForm(): TemplateResult {
    const busy = isInFlight(this.status);
    const locked = busy || this.disabled;
    const retrying = this.status === 'failed' || this.status === 'not-sent';
    return html`<form part="form" novalidate aria-labelledby="heading" @submit=${this.handleSubmit}>
      <h2 part="heading" class="heading" id="heading">${this.heading || this.localize.t('heading')}</h2>
      <p part="intro" class="intro">${this.localize.t('intro')}</p>
      <p part="summary" class="summary" role="alert">${this.summary || this.failureMessage()}</p>
      <fieldset class="fields" ?disabled=${locked}>
        ${this.renderTextField('name', 'text', 'name', NAME_MAX_LENGTH)}
        ${this.renderTextField('phone', 'tel', 'tel')}
        ${this.renderWindows()} ${this.renderTopic()} ${this.renderConsent()} ${this.renderHoneypot()}
      </fieldset>
      <p part="status" class="status" role="status">${this.statusMessage()}</p>
      <div class="actions">
        <button part="button send-button submit" class="button" type="submit" ?disabled=${locked}>
          ${busy ? html`<span class="spinner" aria-hidden="true"></span>${this.localize.t('sending')}` : nothing}
          ${busy ? nothing : retrying ? this.localize.t('retry') : this.localize.t('submit')}
        </button>
        ${this.cancelable && !busy
          ? html`<button part="button cancel-button cancel" class="button secondary" type="button" ?disabled=${this.disabled} @click=${this.handleCancel}>
              ${this.localize.t('cancel')}
            </button>`
          : nothing}
      </div>
      <p part="privacy" class="privacy">${this.localize.t('privacy')}</p>
    </form>`;
  }

  private renderTextField(field: 'name' | 'phone', type: 'text' | 'tel', autocomplete: 'name' | 'tel', maxLength?: number): TemplateResult {
    const hint = field === 'phone' ? 'phone-hint' : '';
    return html`<div class="field">
      <label part="label" class="label" for=${field}>
        ${this.localize.t(`${field}Label`)} <span class="required">${this.localize.t('required')}</span>
      </label>
      <input
        part="input"
        id=${field}
        name=${field}
        type=${type}
        autocomplete=${autocomplete}
        maxlength=${maxLength ?? nothing}
        required
        aria-invalid=${this.errors[field] ? 'true' : 'false'}
        aria-describedby=${this.describedBy(field, hint) ?? nothing}
        .value=${live(this.values[field])}
        @input=${(event: Event) => this.handleInput(field, event)}
      />
      ${field === 'phone' ? html`<p part="hint" class="hint" id="phone-hint">${this.localize.t('phoneHint')}</p>` : nothing}
      ${this.renderError(field)}
    </div>`;
  }

  private renderWindows(): TemplateResult {
    const hint = this.timeZone ? 'window-hint' : '';
    return html`<fieldset
      class="choices"
      aria-invalid=${this.errors.window ? 'true' : 'false'}
      aria-describedby=${this.describedBy('window', hint) ?? nothing}
    >
      <legend part="label" class="label">${this.localize.t('windowLabel')}</legend>
      <div class="options">
        ${this.windowOptions().map(
          (option, index) => html`<label part="choice" class="option">
            <input
              type="radio"
              name="window"
              id=${index === 0 ? 'window' : `window-${index}`}
              value=${option.id}
              .checked=${live(this.values.window === option.id)}
              @change=${(event: Event) => this.handleInput('window', event)}
            />
            <span>${option.label}</span>
          </label>`,
        )}
      </div>
      ${hint ? html`<p part="hint" class="hint" id="window-hint">${this.localize.t('windowHint', { timeZone: this.timeZone })}</p>` : nothing}
      ${this.renderError('window')}
    </fieldset>`;
  }

  private renderTopic(): TemplateResult {
    return html`<div class="field">
      <label part="label" class="label" for="topic">${this.localize.t('topicLabel')}</label>
      <textarea
        part="textarea"
        id="topic"
        name="topic"
        rows="3"
        aria-invalid=${this.errors.topic ? 'true' : 'false'}
        aria-describedby=${this.describedBy('topic', 'topic-count') ?? nothing}
        .value=${live(this.values.topic)}
        @input=${(event: Event) => this.handleInput('topic', event)}
      ></textarea>
      <p part="hint" class="hint" id="topic-count">
        ${this.localize.t('topicCount', { count: countCharacters(this.values.topic), max: TOPIC_MAX_LENGTH })}
      </p>
      ${this.renderError('topic')}
    </div>`;
  }

  private renderConsent(): TemplateResult {
    return html`<div class="field">
      <label part="label" class="consent" for="consent">
        <input
          part="checkbox"
          type="checkbox"
          id="consent"
          name="consent"
          required
          aria-invalid=${this.errors.consent ? 'true' : 'false'}
          aria-describedby=${this.describedBy('consent') ?? nothing}
          .checked=${live(this.values.consent)}
          @change=${(event: Event) => this.handleInput('consent', event)}
        />
        <span>${this.consentLabel || this.localize.t('consentLabel')}</span>
      </label>
      ${this.renderError('consent')}
    </div>`;
  }

  /** Out of sight and out of the accessibility tree: only a script filling every field finds it. */
  private renderHoneypot(): TemplateResult {
    return html`<div class="honeypot" aria-hidden="true">
      <label for="website">Website</label>
      <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" .value=${live(this.honeypot)} @input=${this.handleHoneypot} />
    </div>`;
  }

  private renderError(field: CallbackField): TemplateResult | typeof nothing {
    const error = this.errors[field];
    if (!error) return nothing;
    return html`<p part="error" class="error" id=${`${field}-error`}>${this.localize.t(error.key, error.values)}</p>`;
  }

  private renderConfirmation(): TemplateResult {
    const echo = this.echo ?? { name: '', window: '' };
    return html`<div part="confirmation" class="confirmation" role="status" tabindex="-1" id="confirmation">
      <p class="thanks">${this.confirmationText(echo)}</p>
      <p>${this.localize.t('confirmationNext')}</p>
    </div>`;
  }

  private confirmationText(echo: { name: string; window: string }): string {
    const option = this.windowOptions().find((candidate) => candidate.id === echo.window);
    if (option?.when) return this.localize.t('confirmation', { name: echo.name, when: option.when });
    return this.localize.t('confirmationWindow', { name: echo.name, window: option?.label ?? echo.window });
  }

  private failureMessage(): string {
    if (this.status === 'failed') return this.localize.t('failed');
    if (this.status === 'not-sent') return this.localize.t('notSent');
    return '';
  }

  private statusMessage(): string {
    if (this.status === 'sending') return this.localize.t('sending');
    if (this.status === 'still-trying') return this.localize.t('stillTrying');
    return '';
  }

  private describedBy(field: CallbackField, hint = ''): string | undefined {
    const ids = [hint, this.errors[field] ? `${field}-error` : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : undefined;
  }

  private apply(action: RequestAction): void {
    this.status = nextStatus(this.status, action);
  }

  /** Shows the confirmation and forgets everything typed but what it echoes. */
  private confirm(name: string, window: string): void {
    this.echo = { name, window };
    this.status = 'confirmed';
    this.values = emptyValues(this.windowIds()[0] ?? '');
    this.errors = {};
    this.summary = '';
    this.honeypot = '';
    this.pendingEvent = undefined;
    this.pendingKey = '';
    this.focusAfterUpdate = () => this.renderRoot.querySelector<HTMLElement>('#confirmation')?.focus();
  }

  private announceInvalid(invalid: CallbackField[]): void {
    const labels = invalid.map((field) => this.fieldLabel(field)).join(', ');
    const text =
      invalid.length === 1
        ? this.localize.t('summaryOne', { fields: labels })
        : this.localize.t('summaryMany', { count: invalid.length, fields: labels });
    // A no-break space makes an identical summary differ, so a second invalid submit is announced again.
    this.summary = text === this.summary ? `${text}\u00a0` : text;
  }

  private fieldLabel(field: CallbackField): string {
    if (field === 'consent') return this.localize.t('consentField');
    return this.localize.t(`${field}Label`);
  }

  /** Reads what is in the inputs: autofill and scripts do not always fire `input`. */
  private readFormValues(): void {
    const root = this.renderRoot;
    const text = (id: string) => root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)?.value;
    const window = root.querySelector<HTMLInputElement>('input[name="window"]:checked')?.value;
    const consent = root.querySelector<HTMLInputElement>('#consent')?.checked;
    this.values = {
      name: text('name') ?? this.values.name,
      phone: text('phone') ?? this.values.phone,
      window: window ?? this.values.window,
      topic: text('topic') ?? this.values.topic,
      consent: consent ?? this.values.consent,
    };
    this.honeypot = text('website') ?? this.honeypot;
  }

  private fieldElement(field: CallbackField): HTMLElement | null {
    if (field === 'window') {
      return (
        this.renderRoot.querySelector<HTMLElement>('input[name="window"]:checked') ??
        this.renderRoot.querySelector<HTMLElement>('input[name="window"]')
      );
    }
    return this.renderRoot.querySelector<HTMLElement>(`#${field}`);
  }

  private submitButton(): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>('button[type="submit"]');
  }

  private windowOptions(): CallbackWindowOption[] {
    if (this.customWindows) return this.customWindows;
    return defaultWindows((key) => this.localize.t(key));
  }

  private windowIds(): string[] {
    return this.windowOptions().map((option) => option.id);
  }

  private checkMinFill(value: unknown): number {
    // A removed attribute reads as null: that asks for the default, it is not a bad value.
    if (value === null || value === undefined) return DEFAULT_MIN_FILL_MS;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_MIN_FILL_MS) return value;
    warnAttribute(this.localName, 'min-fill-ms', value, `a number of milliseconds from 0 to ${MAX_MIN_FILL_MS}`, `${DEFAULT_MIN_FILL_MS}`);
    return DEFAULT_MIN_FILL_MS;
  }

  private checkWindows(value: unknown): CallbackWindowOption[] | undefined {
    if (value === undefined || value === null) return undefined;
    const valid = Array.isArray(value)
      ? value.filter(
          (option): option is CallbackWindowOption =>
            typeof option === 'object' &&
            option !== null &&
            typeof option.id === 'string' &&
            option.id.trim() !== '' &&
            typeof option.label === 'string' &&
            option.label.trim() !== '' &&
            (option.when === undefined || typeof option.when === 'string'),
        )
      : [];
    const unique = valid.filter((option, index) => valid.findIndex((other) => other.id === option.id) === index);
    if (!Array.isArray(value) || unique.length === 0) {
      warnOnce(`<${this.localName}> windows must be a non-empty array of { id, label }; using the built-in best times.`);
      return undefined;
    }
    if (unique.length !== value.length) {
      warnOnce(`<${this.localName}> windows: entries without a string id and label, or with a repeated id, were ignored.`);
    }
    return unique.map(({ id, label, when }) => (when ? { id, label, when } : { id, label }));
  }
}

/** Typed `addEventListener` for this element's events (`feelback-change`'s `detail.value` and the rest). */
export interface CallbackRequest {
  addEventListener: AddFeelbackListener<CallbackRequest, CallbackRequestEventMap>;
  removeEventListener: RemoveFeelbackListener<CallbackRequest, CallbackRequestEventMap>;
}

declare global {
  interface HTMLElementTagNameMap {
    'feelback-callback-request': CallbackRequest;
  }
}
