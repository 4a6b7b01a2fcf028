import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { AddFeelbackListener, RatingBarEventMap, RemoveFeelbackListener } from '../events.js';
import type { FeelbackEvent } from '../../context/event.js';
import { COMMENT_MAX_LENGTH } from '../../context/text.js';
import { warnAttribute } from '../../internal/warn.js';
import { faceIcon, starIcon, thumbDownIcon, thumbUpIcon } from '../../styles/icons.js';
import { promptLayout } from '../../styles/layout.js';
import { dispatchFeelbackEvent } from '../base/dispatch.js';
import { FeelbackElement } from '../base/feelback-element.js';
import { FeelbackFormElement } from '../base/feelback-form-element.js';
import { CommentFollowUpController } from '../controllers/comment-follow-up.js';
import { DeliveryController } from '../controllers/delivery.js';
import { LocalizeController } from '../controllers/localize.js';
import { RovingRadioController } from '../controllers/roving-radio.js';
import { ratingBarStyles } from './rating-bar.styles.js';
import {
  isScaleName,
  NUMERIC_DEFAULT_MAX,
  NUMERIC_DEFAULT_MIN,
  NUMERIC_MAX_OPTIONS,
  scaleDefinition,
  SCALE_NAMES,
  type ScaleDefinition,
  type ScaleName,
  type ScaleOption,
} from './scales.js';
import { ratingBarStrings, type RatingBarMessage } from './strings.js';

/** Where the visitor is: choosing a score, adding a comment, or done. */
type Step = 'rate' | 'comment' | 'thanks';

/**
 * A one-tap score on a scale: stars, NPS, CSAT, CES, emoji, thumbs or numeric.
 * A click, or Enter/Space on the focused option, commits the score and sends it
 * at once; arrow keys only move the selection. Inside a `<form>` it behaves like
 * a native input (`name`, `required`, reset, `change`).
 *
 * @tagname feelback-rating-bar
 * @summary One-tap rating on a scale, delivered the moment it is chosen.
 *
 * @fires {CustomEvent<FeelbackChangeDetail<number>>} feelback-change - The visitor committed a score (`detail.value`).
 * @fires {CustomEvent<FeelbackSubmitDetail>} feelback-submit - A rating or comment event (`detail.event`) is about to be sent; cancelable: `preventDefault()` stops the send.
 * @fires {CustomEvent<FeelbackSentDetail>} feelback-sent - The endpoint accepted the event with `detail.id`.
 * @fires {CustomEvent<FeelbackErrorDetail>} feelback-error - Delivering the event with `detail.id` failed; `detail.willRetry` while the transport keeps trying.
 * @fires {Event} change - Like a native input, when the selection changes by user action.
 * @fires {Event} input - Like a native input, when the selection changes by user action.
 *
 * @csspart base - The wrapper around everything.
 * @csspart question - The question text.
 * @csspart options - The radiogroup holding the options.
 * @csspart option - Each option.
 * @csspart option-selected - The selected option (alongside `option`).
 * @csspart label - Visible option labels and the low/high end labels.
 * @csspart low-label - The label under the lowest score (alongside `label`).
 * @csspart high-label - The label under the highest score (alongside `label`).
 * @csspart button - The Send and Skip buttons.
 * @csspart send-button - The Send button (alongside `button`).
 * @csspart skip-button - The Skip button (alongside `button`).
 * @csspart textarea - The follow-up comment box.
 * @csspart count - The comment box's live character count.
 * @csspart confirmation - The thank-you message.
 *
 * @cssprop --feelback-accent - Accent colour (selected options, buttons). Default `#b45309`.
 * @cssprop --feelback-accent-contrast - Text on the accent colour (the Send button, a selected number).
 * @cssprop --feelback-rating-color - Colour of lit stars and selected options. Default: the accent.
 * @cssprop --feelback-rating-size - Size of each option (target size). Default `2.75rem`.
 * @cssprop --feelback-rating-gap - Gap between options. Default `0.375rem`.
 * @cssprop --feelback-rating-background - Background of the whole widget. Default: transparent.
 * @cssprop --feelback-question-size - Font size of the question.
 * @cssprop --feelback-padding - Padding inside the widget. Default `0`.
 * @cssprop --feelback-text - Text colour.
 * @cssprop --feelback-muted - Secondary text and unlit symbols.
 * @cssprop --feelback-surface - Background of boxes and fields.
 * @cssprop --feelback-surface-raised - Raised surfaces (a shared token; no part of the rating bar uses it today).
 * @cssprop --feelback-border - Border colour of boxes and fields.
 * @cssprop --feelback-radius - Corner radius. Default `8px`.
 * @cssprop --feelback-font - Font family.
 * @cssprop --feelback-font-size - Base font size.
 * @cssprop --feelback-spacing - Space between the parts. Default `0.75rem`.
 * @cssprop --feelback-focus-ring - Focus outline colour.
 * @cssprop --feelback-success - Colour of the thank-you message.
 * @cssprop --feelback-danger - Error colour (a shared token; no part of the rating bar uses it today).
 * @cssprop --feelback-duration - Length of transitions (none under `prefers-reduced-motion`). Default `160ms`.
 */
export class RatingBar extends FeelbackFormElement {
  static override styles = [...FeelbackElement.styles, promptLayout, ratingBarStyles];
  static override get properties(): PropertyDeclarations {
    return {
      committed: { state: true },
      hovered: { state: true },
      step: { state: true },
      announcement: { state: true },
      moved: { state: true },
      scale: {},
      min: { type: Number },
      max: { type: Number },
      value: { type: Number },
      question: {},
      lowLabel: { attribute: 'low-label' },
      highLabel: { attribute: 'high-label' },
      name: {},
      required: { type: Boolean, reflect: true },
      comment: { type: Boolean },
      maxLength: { type: Number, attribute: 'maxlength' },
      deprecatedMaxLength: { type: Number, attribute: 'max-length' },
    };
  }

  protected readonly localize = new LocalizeController<RatingBarMessage>(this, 'rating-bar', ratingBarStrings);
  private readonly delivery = new DeliveryController(this, { locale: () => this.localize.contentLanguage });
  private readonly followUp = new CommentFollowUpController(this, {
    localize: this.localize,
    disabled: () => this.isDisabled,
    announce: (text) => (this.announcement = text),
    onSend: (text) => {
      if (text && this.ratingEventId) this.deliver(this.delivery.createEvent('comment', { comment: { text, replyTo: this.ratingEventId } }));
      this.finish();
    },
    onSkip: () => this.finish(),
  });
  private readonly roving = new RovingRadioController(this, {
    count: () => this.definition.options.length,
    tabStop: () => this.tabStopIndex,
    disabled: () => this.isDisabled,
    move: (index) => {
      this.select(this.definition.options[index].value);
      this.moved = this.value !== this.committed;
    },
    commit: (index, fromKeyboard) => {
      const { value } = this.definition.options[index];
      this.select(value);
      // A tap leaves focus on the option: moving it into the comment box would pop up an on-screen keyboard.
      this.commitScore(value, fromKeyboard);
    },
  });

  private committed: number | null = null;
  private hovered: number | null = null;
  private step: Step = 'rate';
  private announcement = '';
  /** The visitor moved the selection with the keyboard and has not committed it yet. */
  private moved = false;

  // Looked up on each use; `renderRoot` is created when the element first connects.
  private get commentBox(): HTMLTextAreaElement | null | undefined {
    return this.renderRoot?.querySelector<HTMLTextAreaElement>('.comment');
  }
  private get thanksMessage(): HTMLElement | null | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('.thanks');
  }
  private get optionElements(): NodeListOf<HTMLElement> | undefined {
    return this.renderRoot?.querySelectorAll<HTMLElement>('[role="radio"]');
  }

  /** The scale: `stars` (default), `nps`, `csat`, `ces`, `emoji`, `thumbs` or `numeric`. */
  scale: ScaleName = 'stars';

  /** Lowest score of a `numeric` scale. Default 1. */
  min: number = NUMERIC_DEFAULT_MIN;

  /** Highest score of a `numeric` scale. Default 10; at most 20 above `min`. */
  max: number = NUMERIC_DEFAULT_MAX;

  /** The selected score; the `value` attribute is the default that a form reset returns to. */
  value: number | null = null;

  /** The question; the default depends on the scale. */
  question?: string;

  /** Label under the lowest score. */
  lowLabel?: string;

  /** Label under the highest score. */
  highLabel?: string;

  /** Form field name: inside a `<form>` the score is submitted as `name=value`. */
  name = '';

  /** A score must be chosen before the surrounding form can submit. */
  required = false;

  /** After a score, offer a comment box whose text is sent as a `comment` event. */
  comment = false;

  /** Most characters a comment may have (1–10000), counted as a person counts them. Default 1000. */
  maxLength: number = COMMENT_MAX_LENGTH;

  /** @deprecated The `max-length` attribute; use `maxlength`. Still honoured, with a one-time warning. */
  deprecatedMaxLength?: number;

  /** The validated scale in force (bad attributes fall back here, never throw). */
  private definition: ScaleDefinition = scaleDefinition('stars');
  private ratingEventId?: string;
  /** The rating last sent, so the same answer committed again is not sent twice. */
  private sentRating?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('scale') || changed.has('min') || changed.has('max')) {
      this.definition = this.validatedDefinition();
    }
    if (this.value !== null && !this.isOnScale(this.value)) {
      warnAttribute(this.localName, 'value', this.value, `a score from ${this.definition.min} to ${this.definition.max}`, 'no selection');
      this.value = null;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setFormValue(this.value === null ? null : String(this.value));
    this.updateValidity();
  }

  protected resetToDefault(): void {
    const initial = this.getAttribute('value');
    const parsed = initial === null ? null : Number(initial);
    this.value = parsed !== null && this.isOnScale(parsed) ? parsed : null;
    this.committed = null;
    this.hovered = null;
    this.step = 'rate';
    this.followUp.clear();
    this.announcement = '';
    this.moved = false;
    this.ratingEventId = undefined;
    this.sentRating = undefined;
  }

  /** Restores the value when the browser restores a form (back navigation, autofill). */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    const parsed = typeof state === 'string' ? Number(state) : NaN;
    if (this.isOnScale(parsed)) this.value = parsed;
  }

  private validatedDefinition(): ScaleDefinition {
    let scale = this.scale;
    if (!isScaleName(scale)) {
      warnAttribute(this.localName, 'scale', scale, `one of ${SCALE_NAMES.join(', ')}`, 'stars');
      scale = 'stars';
    }
    if (scale !== 'numeric') return scaleDefinition(scale);
    // A removed `min` or `max` attribute reads as null: use that end's default.
    let min = (this.min as number | null) ?? NUMERIC_DEFAULT_MIN;
    let max = (this.max as number | null) ?? NUMERIC_DEFAULT_MAX;
    if (!Number.isInteger(min) || !Number.isInteger(max)) {
      warnAttribute(this.localName, Number.isInteger(min) ? 'max' : 'min', Number.isInteger(min) ? max : min, 'a whole number', `${NUMERIC_DEFAULT_MIN}..${NUMERIC_DEFAULT_MAX}`);
      [min, max] = [NUMERIC_DEFAULT_MIN, NUMERIC_DEFAULT_MAX];
    } else if (max < min) {
      warnAttribute(this.localName, 'max', max, `at least min (${min})`, `${NUMERIC_DEFAULT_MIN}..${NUMERIC_DEFAULT_MAX}`);
      [min, max] = [NUMERIC_DEFAULT_MIN, NUMERIC_DEFAULT_MAX];
    } else if (max - min + 1 > NUMERIC_MAX_OPTIONS) {
      warnAttribute(this.localName, 'max', max, `within ${NUMERIC_MAX_OPTIONS - 1} of min (${min})`, `${NUMERIC_DEFAULT_MIN}..${NUMERIC_DEFAULT_MAX}`);
      [min, max] = [NUMERIC_DEFAULT_MIN, NUMERIC_DEFAULT_MAX];
    }
    return scaleDefinition('numeric', min, max);
  }

  private isOnScale(value: number): boolean {
    return this.definition.options.some((option) => option.value === value);
  }

  private updateValidity(): void {
    if (this.required && this.value === null) {
      this.setValidity({ valueMissing: true }, this.localize.t('required'), this.optionElements?.[0]);
    } else {
      this.setValidity({});
    }
  }

  /** The option's accessible name: "4 of 5 stars", "0 of 10, Not at all likely", "Thumbs up". */
  private optionName(option: ScaleOption): string {
    const { max, options } = this.definition;
    const values = { n: option.value, max };
    if (this.definition.name === 'thumbs') return this.localize.t(option.labelKey!);
    if (this.definition.name === 'stars') return this.localize.t('stars', values);
    const label = this.optionLabel(option) ?? this.endLabel(option, options);
    return label ? this.localize.t('scoreWithLabel', { ...values, label }) : this.localize.t('score', values);
  }

  /** The option's own label (CSAT, emoji), if it has one. */
  private optionLabel(option: ScaleOption): string | undefined {
    return option.labelKey ? this.localize.t(option.labelKey) : undefined;
  }

  /** The low or high end label, for the first and last option. */
  private endLabel(option: ScaleOption, options: readonly ScaleOption[]): string | undefined {
    if (option === options[0]) return this.lowLabel ?? (this.definition.lowLabelKey && this.localize.t(this.definition.lowLabelKey));
    if (option === options[options.length - 1]) return this.highLabel ?? (this.definition.highLabelKey && this.localize.t(this.definition.highLabelKey));
    return undefined;
  }

  /** Index of the option that takes focus: the selected one, else the first. */
  private get tabStopIndex(): number {
    const index = this.definition.options.findIndex((option) => option.value === this.value);
    return index === -1 ? 0 : index;
  }

  private readonly handlePointerOver = (event: PointerEvent): void => {
    if (this.isDisabled || this.definition.name !== 'stars') return;
    const index = this.roving.optionIndex(event);
    if (index !== -1) this.hovered = this.definition.options[index].value;
  };

  private handlePointerLeave(): void {
    this.hovered = null;
  }

  private handleSendClick(): void {
    if (this.value === null) return;
    this.commitScore(this.value, true);
    // The Send button is gone; with no follow-up to move to, keep focus on the chosen option rather than the page.
    if (this.step === 'thanks') void this.updateComplete.then(() => this.optionElements?.[this.tabStopIndex]?.focus());
  }

  /** Moves the selection by user action and tells listeners, like a native radio. */
  private select(value: number): void {
    if (value === this.value) return;
    this.value = value;
    dispatchFeelbackEvent(this, 'feelback-change', { value });
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /**
   * Commits a score: sends the rating event now, then offers the follow-up.
   * `fromKeyboard` moves focus into the comment box, where a keyboard user types next.
   */
  private commitScore(value: number, fromKeyboard: boolean): void {
    const { name: scale, min, max } = this.definition;
    const rating = { scale, value, min, max };
    // A double click, or Enter on the score already sent, is the same answer: count it once.
    const key = JSON.stringify(rating);
    if (key !== this.sentRating || !this.ratingEventId) {
      const event = this.delivery.createEvent('rating', { rating });
      this.ratingEventId = event.id;
      // Remembered only once handed over: after a cancelled submit or a missing endpoint, a second try sends.
      this.sentRating = this.deliver(event) ? key : undefined;
    }
    this.committed = value;
    this.moved = false;
    const option = this.definition.options.find((candidate) => candidate.value === value)!;
    const chosen = this.localize.t('selected', { label: this.optionName(option) });
    if (this.comment) {
      this.step = 'comment';
      this.announcement = `${chosen} ${this.localize.t('commentLabel')}`;
      if (fromKeyboard) void this.updateComplete.then(() => this.commentBox?.focus());
    } else {
      this.finish(chosen);
    }
  }

  private finish(prefix = ''): void {
    const hadFocus = this.shadowRoot?.activeElement !== null && this.step === 'comment';
    this.step = 'thanks';
    this.followUp.clear();
    this.announcement = [prefix, this.localize.t('thanks')].filter(Boolean).join(' ');
    // The follow-up form is gone; keep keyboard users where the content is.
    if (hadFocus) void this.updateComplete.then(() => this.thanksMessage?.focus());
  }

  /**
   * Sends through the transport. A bar used only as a form field (it has a
   * `name` and nowhere to send) stays quiet instead of reporting a missing endpoint.
   */
  private deliver(event: FeelbackEvent): boolean {
    if (this.name && !this.delivery.resolveTransport()) return false;
    return this.delivery.submit(event);
  }

  private renderGlyph(option: ScaleOption): TemplateResult | string {
    switch (option.glyph) {
      case 'star':
        return html`<svg class="star" viewBox="0 0 24 24" aria-hidden="true">${starIcon}</svg>`;
      case 'face':
        return html`<svg class="face" viewBox="0 0 24 24" aria-hidden="true">${faceIcon(option.mood ?? 0)}</svg>`;
      case 'thumb-up':
        return html`<svg class="thumb" viewBox="0 0 24 24" aria-hidden="true">${thumbUpIcon}</svg>`;
      case 'thumb-down':
        return html`<svg class="thumb" viewBox="0 0 24 24" aria-hidden="true">${thumbDownIcon}</svg>`;
      default:
        return html`<span aria-hidden="true">${this.localize.formatNumber(option.value)}</span>`;
    }
  }

  private renderOption(option: ScaleOption, index: number): TemplateResult {
    const checked = option.value === this.value;
    const preview = this.hovered ?? this.value;
    const lit = this.definition.name === 'stars' && preview !== null && option.value <= preview;
    const visibleLabel = this.definition.name === 'csat' ? this.optionLabel(option) : undefined;
    return html`<div
      role="radio"
      class="option ${option.glyph === 'number' ? 'number' : option.glyph} ${lit ? 'lit' : ''}"
      part=${checked ? 'option option-selected' : 'option'}
      aria-checked=${checked ? 'true' : 'false'}
      aria-label=${this.optionName(option)}
      aria-disabled=${this.isDisabled ? 'true' : nothing}
      tabindex=${this.roving.tabIndex(index)}
      title=${this.definition.name === 'emoji' ? this.optionName(option) : nothing}
    >
      ${this.renderGlyph(option)}${visibleLabel ? html`<span class="option-label" part="label" aria-hidden="true">${visibleLabel}</span>` : nothing}
    </div>`;
  }

  private renderEnds(): TemplateResult | typeof nothing {
    const { lowLabelKey, highLabelKey } = this.definition;
    const low = this.lowLabel ?? (lowLabelKey ? this.localize.t(lowLabelKey) : undefined);
    const high = this.highLabel ?? (highLabelKey ? this.localize.t(highLabelKey) : undefined);
    if (!low && !high) return nothing;
    return html`<div class="ends" aria-hidden="true">
      <span part="label low-label">${low ?? ''}</span><span part="label high-label">${high ?? ''}</span>
    </div>`;
  }

  private renderSend(): TemplateResult | typeof nothing {
    if (!this.moved || this.value === null) return nothing;
    return html`<div class="actions">
      <button type="button" class="button" part="button send-button" ?disabled=${this.isDisabled} @click=${this.handleSendClick}>
        ${this.localize.t('send')}
      </button>
    </div>`;
  }

  private renderFollowUp(): TemplateResult | typeof nothing {
    if (this.step !== 'comment') return nothing;
    return html`<div class="follow-up">
      ${this.followUp.renderBox(this.localize.t('commentLabel'))}
      <div class="actions">${this.followUp.renderSend()} ${this.followUp.renderSkip()}</div>
    </div>`;
  }

  override render(): TemplateResult {
    const question = this.question ?? this.localize.t(this.definition.questionKey);
    return html`<div part="base" class="base" lang=${this.localize.contentLanguage}>
      <p id="question" class="question" part="question">${question}</p>
      <div class="scale">
        <div
          role="radiogroup"
          class="options"
          part="options"
          aria-labelledby="question"
          aria-required=${this.required ? 'true' : nothing}
          aria-disabled=${this.isDisabled ? 'true' : nothing}
          @keydown=${this.roving.handleKeyDown}
          @click=${this.roving.handleClick}
          @pointerover=${this.handlePointerOver}
          @pointerleave=${this.handlePointerLeave}
        >
          ${this.definition.options.map((option, index) => this.renderOption(option, index))}
        </div>
        ${this.renderEnds()}
      </div>
      ${this.renderSend()} ${this.renderFollowUp()}
      ${this.step === 'thanks'
        ? html`<p class="thanks" part="confirmation" tabindex="-1">${this.localize.t('thanks')}</p>`
        : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}

/** Typed `addEventListener` for this element's events (`feelback-change`'s `detail.value` and the rest). */
export interface RatingBar {
  addEventListener: AddFeelbackListener<RatingBar, RatingBarEventMap>;
  removeEventListener: RemoveFeelbackListener<RatingBar, RatingBarEventMap>;
}

declare global {
  interface HTMLElementTagNameMap {
    'feelback-rating-bar': RatingBar;
  }
}
