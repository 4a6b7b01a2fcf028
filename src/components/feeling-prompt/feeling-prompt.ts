import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { AddFeelbackListener, FeelingPromptEventMap, RemoveFeelbackListener } from '../events.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { COMMENT_MAX_LENGTH } from '../../context/text.js';
import { requestElement } from '../../internal/on-demand.js';
import { warnOnce } from '../../internal/warn.js';
import { faceIcon } from '../../styles/icons.js';
import { promptLayout } from '../../styles/layout.js';
import { dispatchFeelbackEvent } from '../base/dispatch.js';
import { FeelbackElement } from '../base/feelback-element.js';
import { CommentFollowUpController } from '../controllers/comment-follow-up.js';
import { DeliveryController } from '../controllers/delivery.js';
import { LocalizeController } from '../controllers/localize.js';
import { RovingRadioController } from '../controllers/roving-radio.js';
import { feelingPromptStyles } from './feeling-prompt.styles.js';
import { DEFAULT_FEELINGS, feelingPolarity, validFeelings, type Feeling, type FeelingPolarity } from './feelings.js';
import { feelingPromptStrings, type FeelingPromptMessage } from './strings.js';
// Types only, erased from the output: lets a template checker given this file alone (lit-analyzer,
// an editor plugin) see the embedded <feelback-callback-request>'s attributes and properties.
// Its code is never imported from here: the bundles load it on demand.
import type {} from '../callback-request/callback-request.js';

/** The embedded call-back form; defined by its own module, never imported from here. */
const CALLBACK_TAG = 'feelback-callback-request';

type Step = 'pick' | 'follow-up' | 'callback' | 'thanks';

const FOLLOW_UP_KEYS: Record<FeelingPolarity, { intro: FeelingPromptMessage; question: FeelingPromptMessage }> = {
  negative: { intro: 'introNegative', question: 'followUpNegative' },
  neutral: { intro: 'introNeutral', question: 'followUpNeutral' },
  positive: { intro: 'introPositive', question: 'followUpPositive' },
};

/** `comment` is on unless the attribute says `false`, `off`, `no` or `0`; removing it restores the default. */
const onUnlessFalse = {
  fromAttribute: (value: string | null): boolean => value === null || !/^(false|off|no|0)$/i.test(value.trim()),
  toAttribute: (value: boolean): string | null => (value ? '' : 'false'),
};

function callbackElementDefined(): boolean {
  return Boolean(globalThis.customElements?.get(CALLBACK_TAG));
}

/**
 * Asks "How did we make you feel?" with five faces, sends the feeling the
 * moment it is picked, then follows up the way a good service person would:
 * an apology and "What went wrong?" for an upset visitor, real interest for a
 * happy one. With `offer-callback`, an upset visitor can ask for a call back
 * from a human, in place.
 *
 * A click, or Enter/Space on the focused face, commits a feeling; the arrow keys
 * (mirrored right to left), Home and End only move focus. A changed answer
 * before the follow-up is sent is a new `feeling` event; servers should count a
 * widget's latest feeling per session.
 *
 * @tagname feelback-feeling-prompt
 * @summary The "How did we make you feel?" prompt with an empathetic follow-up.
 *
 * @fires {CustomEvent<FeelbackChangeDetail<string>>} feelback-change - The visitor committed a feeling; `detail.value` is its id (`angry` … `delighted`, or your own).
 * @fires {CustomEvent<FeelbackSubmitDetail>} feelback-submit - A feeling or comment event (`detail.event`) is about to go to the transport; cancelable: `preventDefault()` stops the send.
 * @fires {CustomEvent<FeelbackSentDetail>} feelback-sent - The endpoint accepted the event with `detail.id`.
 * @fires {CustomEvent<FeelbackErrorDetail>} feelback-error - Delivering the event with `detail.id` failed; `detail.willRetry` while the transport keeps trying.
 * @fires {Event} change - Like a native radio group, when the visitor commits a different feeling.
 * @fires {Event} input - Like a native radio group, when the visitor commits a different feeling.
 *
 * @csspart base - The wrapper around everything.
 * @csspart question - The question above the feelings.
 * @csspart options - The radiogroup of feelings.
 * @csspart option - One feeling.
 * @csspart option-selected - The committed feeling (alongside `option`).
 * @csspart icon - A feeling's face, glyph or image.
 * @csspart label - A feeling's visible name.
 * @csspart follow-up - The follow-up after a pick.
 * @csspart intro - The follow-up's opening line (the apology, for negative feelings).
 * @csspart follow-up-question - The follow-up's question, the text box's label.
 * @csspart textarea - The comment box.
 * @csspart count - The live character count.
 * @csspart actions - The row of follow-up buttons.
 * @csspart button - Every button.
 * @csspart send-button - The Send button.
 * @csspart skip-button - The Skip button.
 * @csspart callback-button - The "Request a call back" button.
 * @csspart callback - The group around the embedded `<feelback-callback-request>`.
 * @csspart confirmation - The thank-you message.
 *
 * @cssprop --feelback-accent - Accent colour: buttons and, by default, the chosen feeling.
 * @cssprop --feelback-accent-contrast - Text on the accent colour (the Send button).
 * @cssprop --feelback-feeling-color - Colour of the chosen feeling.
 * @cssprop --feelback-feeling-size - Size of each face. Default 2.25rem.
 * @cssprop --feelback-feeling-gap - Space between feelings.
 * @cssprop --feelback-feeling-background - Background of the whole prompt.
 * @cssprop --feelback-question-size - Font size of the question.
 * @cssprop --feelback-text - Text colour.
 * @cssprop --feelback-muted - Colour of unchosen faces and the character count.
 * @cssprop --feelback-surface - Background of the text box.
 * @cssprop --feelback-surface-raised - Background of a hovered or chosen feeling.
 * @cssprop --feelback-border - Border colour.
 * @cssprop --feelback-success - Colour of the thank-you message.
 * @cssprop --feelback-danger - Colour of the count at the limit.
 * @cssprop --feelback-font - Font family.
 * @cssprop --feelback-font-size - Base font size.
 * @cssprop --feelback-radius - Corner radius.
 * @cssprop --feelback-spacing - Space between the parts.
 * @cssprop --feelback-padding - Padding inside the prompt.
 * @cssprop --feelback-focus-ring - Focus outline colour.
 * @cssprop --feelback-duration - Length of transitions (none under `prefers-reduced-motion`).
 */
export class FeelingPrompt extends FeelbackElement {
  static override styles = [...FeelbackElement.styles, promptLayout, feelingPromptStyles];
  static override get properties(): PropertyDeclarations {
    return {
      step: { state: true },
      committed: { state: true },
      feelingEventId: { state: true },
      focusIndex: { state: true },
      announcement: { state: true },
      thanksKey: { state: true },
      question: {},
      comment: { converter: onUnlessFalse },
      noComment: { type: Boolean, attribute: 'no-comment' },
      offerCallback: { type: Boolean, attribute: 'offer-callback' },
      maxLength: { type: Number, attribute: 'maxlength' },
      deprecatedMaxLength: { type: Number, attribute: 'max-length' },
      feelings: { attribute: false },
    };
  }

  protected readonly localize = new LocalizeController<FeelingPromptMessage>(this, 'feeling-prompt', feelingPromptStrings);
  private readonly delivery = new DeliveryController(this, { locale: () => this.localize.contentLanguage });
  private readonly followUp = new CommentFollowUpController(this, {
    localize: this.localize,
    disabled: () => this.disabled,
    announce: (text) => (this.announcement = text),
    onSend: (text) => {
      if (text && this.feelingEventId) {
        this.delivery.submit(this.delivery.createEvent('comment', { comment: { text, replyTo: this.feelingEventId } }));
        this.finish('thanks');
      } else {
        this.finish('thanksNoComment');
      }
    },
    onSkip: () => this.finish('thanksNoComment'),
  });
  private readonly roving = new RovingRadioController(this, {
    count: () => this.activeFeelings.length,
    tabStop: () => this.tabStopIndex,
    disabled: () => this.disabled,
    move: (index) => {
      this.focusIndex = index;
    },
    commit: (index) => {
      this.focusIndex = index;
      this.commitFeeling(this.activeFeelings[index]);
    },
  });

  private step: Step = 'pick';
  /** The feeling last sent, if any. */
  private committed: Feeling | null = null;
  /** Id of the last feeling event: comments and call-back requests reply to it. */
  private feelingEventId: string | null = null;
  /** The face that holds the roving tab stop, or -1 for "the committed one, else the first". */
  private focusIndex = -1;
  private announcement = '';
  private thanksKey: 'thanks' | 'thanksNoComment' = 'thanks';

  // Looked up on each use; `renderRoot` is created when the element first connects.
  private get thanksMessage(): HTMLElement | null | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('.thanks');
  }
  private get callbackButton(): HTMLElement | null | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('.callback-button');
  }
  private get callbackGroup(): HTMLElement | null | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('.callback');
  }
  private get callbackForm(): HTMLElement | null | undefined {
    return this.renderRoot?.querySelector<HTMLElement>(CALLBACK_TAG);
  }

  /** The question above the faces; defaults to the localized "How did we make you feel?". */
  question?: string;

  /** Offer a comment box after a pick (default on); `comment="false"` or `no-comment` turns it off. */
  comment = true;

  /** Turns the comment box off: the feeling alone is sent. */
  noComment = false;

  /** After a negative feeling, offer "Request a call back" (needs `<feelback-callback-request>` loaded). */
  offerCallback = false;

  /** Longest comment (1–10000), counted as a person counts characters. Default 1000. */
  maxLength: number = COMMENT_MAX_LENGTH;

  /** @deprecated The `max-length` attribute; use `maxlength`. Still honoured, with a one-time warning. */
  deprecatedMaxLength?: number;

  /** The feelings offered, in order; replaces the built-in five. */
  feelings: readonly Feeling[] = DEFAULT_FEELINGS;

  /** The feelings in force: `feelings` without its malformed entries, or the defaults. */
  private activeFeelings: readonly Feeling[] = DEFAULT_FEELINGS;

  /** The id of the committed feeling, or `null` before a pick. */
  get value(): string | null {
    return this.committed?.id ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The call-back form may load after this element; show the action once it does.
    if (!callbackElementDefined() && globalThis.customElements) {
      void customElements.whenDefined(CALLBACK_TAG).then(() => this.requestUpdate());
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('feelings')) this.activeFeelings = this.resolveFeelings();
    // Where the form's code loads on demand (dist/feelback.min.js), fetch it once the page is idle.
    if (changed.has('offerCallback') && this.offerCallback) requestElement(CALLBACK_TAG, { idle: true });
  }

  private resolveFeelings(): readonly Feeling[] {
    if (this.feelings === DEFAULT_FEELINGS) return DEFAULT_FEELINGS;
    const { feelings, problems } = validFeelings(this.feelings);
    if (problems.length > 0) {
      const using = feelings.length > 0 ? 'the other feelings' : 'the default feelings';
      warnOnce(`<${this.localName}> feelings: ${problems.join('; ')}; using ${using}.`);
    }
    return feelings.length > 0 ? feelings : DEFAULT_FEELINGS;
  }

  private get commentEnabled(): boolean {
    return this.comment && !this.noComment;
  }

  /** The visible name: a `strings` override or the locale's table by `labelKey`, else the feeling's own label. */
  private feelingLabel(feeling: Feeling): string {
    if (!feeling.labelKey) return feeling.label;
    return this.localize.lookup(feeling.labelKey, feeling.label);
  }

  /** Whether this feeling gets the "Request a call back" action. */
  private offersCallbackFor(feeling: Feeling | null): boolean {
    return this.offerCallback && feeling !== null && feelingPolarity(feeling) === 'negative' && callbackElementDefined();
  }

  private get committedIndex(): number {
    return this.committed ? this.activeFeelings.findIndex((feeling) => feeling.id === this.committed!.id) : -1;
  }

  /** Index of the face that takes Tab: the one last moved to, else the committed one, else the first. */
  private get tabStopIndex(): number {
    if (this.focusIndex >= 0 && this.focusIndex < this.activeFeelings.length) return this.focusIndex;
    return Math.max(this.committedIndex, 0);
  }

  private focusInside(): boolean {
    return Boolean(this.shadowRoot?.activeElement);
  }

  private handleCallbackClick(): void {
    if (this.disabled || !this.offersCallbackFor(this.committed)) return;
    this.step = 'callback';
    this.announcement = '';
    void this.updateComplete.then(() => this.focusCallbackForm());
  }

  private readonly handleCallbackCancel = (): void => {
    this.step = 'follow-up';
    void this.updateComplete.then(() => this.callbackButton?.focus());
  };

  /** Sends the feeling at once (a visitor who leaves now still counts), then follows up. */
  private commitFeeling(feeling: Feeling): void {
    if (this.disabled) return;
    if (this.committed?.id !== feeling.id || !this.feelingEventId) {
      const event = this.delivery.createEvent('feeling', { feeling: { id: feeling.id, score: feeling.score } });
      this.committed = feeling;
      this.feelingEventId = event.id;
      dispatchFeelbackEvent(this, 'feelback-change', { value: feeling.id });
      // Like a native radio group: the value changed by user action.
      this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      this.dispatchEvent(new Event('change', { bubbles: true }));
      this.delivery.submit(event);
    }
    const chosen = this.localize.t('selected', { label: this.feelingLabel(feeling) });
    if (!this.commentEnabled && !this.offersCallbackFor(feeling)) {
      this.finish('thanksNoComment', chosen);
      return;
    }
    // Focus stays on the chosen face, which is still there; the live region reads
    // the follow-up and Tab reaches the text box next. Moving focus into the box
    // would pop up the on-screen keyboard on a tap the visitor meant as an answer.
    this.step = 'follow-up';
    const { intro, question } = FOLLOW_UP_KEYS[feelingPolarity(feeling)];
    this.announcement = [chosen, this.localize.t(intro), this.commentEnabled ? this.localize.t(question) : '']
      .filter(Boolean)
      .join(' ');
  }

  private finish(messageKey: 'thanks' | 'thanksNoComment', prefix = ''): void {
    const hadFocus = this.focusInside();
    this.step = 'thanks';
    this.followUp.clear();
    this.thanksKey = messageKey;
    if (hadFocus) {
      // The control that had focus is gone: put keyboard users on the message, which reads it.
      this.announcement = prefix;
      void this.updateComplete.then(() => this.thanksMessage?.focus());
    } else {
      this.announcement = [prefix, this.localize.t(messageKey)].filter(Boolean).join(' ');
    }
  }

  /**
   * Into the form when it takes focus (delegatesFocus), else onto the group that
   * holds it, so Tab continues into its first field; reaching into its shadow
   * root would tie this element to the form's internals.
   */
  private focusCallbackForm(): void {
    const form = this.callbackForm;
    form?.focus();
    if (!form || this.shadowRoot?.activeElement !== form) this.callbackGroup?.focus();
  }

  /** Starts over: no feeling committed, nothing typed. Sends nothing. */
  reset(): void {
    this.step = 'pick';
    this.committed = null;
    this.feelingEventId = null;
    this.focusIndex = -1;
    this.followUp.clear();
    this.announcement = '';
  }

  private renderIcon(feeling: Feeling): TemplateResult {
    if (feeling.icon) return html`<span class="icon" part="icon" aria-hidden="true"><img src=${feeling.icon} alt="" /></span>`;
    if (feeling.glyph) return html`<span class="icon" part="icon" aria-hidden="true">${feeling.glyph}</span>`;
    return html`<span class="icon" part="icon" aria-hidden="true"
      ><svg viewBox="0 0 24 24" focusable="false">${faceIcon(feeling.score)}</svg></span
    >`;
  }

  private renderOption(feeling: Feeling, index: number): TemplateResult {
    const checked = feeling.id === this.committed?.id;
    return html`<div
      role="radio"
      class="option"
      part=${checked ? 'option option-selected' : 'option'}
      data-feeling=${feeling.id}
      aria-checked=${checked ? 'true' : 'false'}
      aria-disabled=${this.disabled ? 'true' : nothing}
      tabindex=${this.roving.tabIndex(index)}
    >
      ${this.renderIcon(feeling)}<span class="label" part="label">${this.feelingLabel(feeling)}</span>
    </div>`;
  }

  private renderPicker(): TemplateResult {
    return html`<p id="question" class="question" part="question">${this.question ?? this.localize.t('question')}</p>
      <div
        role="radiogroup"
        class="options"
        part="options"
        aria-labelledby="question"
        aria-disabled=${this.disabled ? 'true' : nothing}
        @keydown=${this.roving.handleKeyDown}
        @click=${this.roving.handleClick}
      >
        ${this.activeFeelings.map((feeling, index) => this.renderOption(feeling, index))}
      </div>`;
  }

  private renderFollowUp(feeling: Feeling): TemplateResult {
    const { intro, question } = FOLLOW_UP_KEYS[feelingPolarity(feeling)];
    const withComment = this.commentEnabled;
    return html`<div class="follow-up" part="follow-up">
      <p id="intro" class="intro" part="intro">${this.localize.t(intro)}</p>
      ${withComment
        ? this.followUp.renderBox(this.localize.t(question), { labelPart: 'follow-up-question', labelClass: 'follow-up-question', describedBy: 'intro count' })
        : nothing}
      <div class="actions" part="actions">
        ${withComment ? this.followUp.renderSend() : nothing}
        ${this.offersCallbackFor(feeling)
          ? html`<button
              type="button"
              class="button secondary callback-button"
              part="button callback-button"
              ?disabled=${this.disabled}
              @click=${this.handleCallbackClick}
            >
              ${this.localize.t('requestCallback')}
            </button>`
          : nothing}
        ${this.followUp.renderSkip()}
      </div>
    </div>`;
  }

  private renderCallback(): TemplateResult {
    return html`<div class="callback" part="callback" role="group" aria-label=${this.localize.t('requestCallback')} tabindex="-1">
      <feelback-callback-request
        cancelable
        widget-id=${this.widgetId || this.localName}
        endpoint=${ifDefined(this.endpoint)}
        theme=${ifDefined(this.theme)}
        ?disabled=${this.disabled}
        .replyTo=${this.feelingEventId ?? undefined}
        .transport=${this.delivery.resolveTransport()}
        .metadata=${this.metadata}
        @feelback-cancel=${this.handleCallbackCancel}
      ></feelback-callback-request>
    </div>`;
  }

  override render(): TemplateResult {
    // One fixed slot per part, so the faces keep their DOM (and focus) from pick to follow-up.
    const feeling = this.committed;
    const picking = this.step === 'pick' || this.step === 'follow-up';
    return html`<div part="base" class="base" lang=${this.localize.contentLanguage}>
      ${picking ? this.renderPicker() : nothing}
      ${this.step === 'follow-up' && feeling ? this.renderFollowUp(feeling) : nothing}
      ${this.step === 'callback' ? this.renderCallback() : nothing}
      ${this.step === 'thanks'
        ? html`<p class="thanks" part="confirmation" tabindex="-1">${this.localize.t(this.thanksKey)}</p>`
        : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}

/** Typed `addEventListener` for this element's events (`feelback-change`'s `detail.value` and the rest). */
export interface FeelingPrompt {
  addEventListener: AddFeelbackListener<FeelingPrompt, FeelingPromptEventMap>;
  removeEventListener: RemoveFeelbackListener<FeelingPrompt, FeelingPromptEventMap>;
}

declare global {
  interface HTMLElementTagNameMap {
    'feelback-feeling-prompt': FeelingPrompt;
  }
}
