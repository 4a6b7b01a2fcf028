import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { COMMENT_MAX_LENGTH, countCharacters, fitText, sanitizeText } from '../../context/text.js';
import { warnAttribute, warnDeprecated } from '../../internal/warn.js';
import type { LocalizeController } from './localize.js';

/** The largest `maxlength` a comment box accepts: `maxlength="1e12"` must not let megabytes into an event. */
export const COMMENT_MAX_LENGTH_LIMIT = 10_000;

/** The messages the comment box speaks; every element that offers one has them. */
export type CommentMessage = 'commentCount' | 'commentLimit' | 'send' | 'skip';

/** What the controller needs of its element: the `maxlength` it offers, and the deprecated `max-length`. */
export interface CommentFollowUpHost extends ReactiveControllerHost, HTMLElement {
  maxLength: number;
  deprecatedMaxLength?: number;
}

export interface CommentFollowUpOptions {
  localize: LocalizeController<CommentMessage>;
  disabled(): boolean;
  /** Says something through the element's live region. */
  announce(text: string): void;
  /** Send: the comment cleaned and capped, or '' when nothing was typed. */
  onSend(text: string): void;
  onSkip(): void;
}

/**
 * The comment box that follows a score or a feeling: the text box, a live
 * character count, the cap in characters (an emoji is one) and Send/Skip.
 * The element places the pieces (`renderBox`, `renderSend`, `renderSkip`)
 * and decides what a sent comment becomes.
 */
export class CommentFollowUpController implements ReactiveController {
  /** What the visitor has typed so far. */
  text = '';
  /** The cap in force, after validating `maxlength`. */
  cap = COMMENT_MAX_LENGTH;
  private maxLengthSeen?: number = COMMENT_MAX_LENGTH;
  private deprecatedSeen?: number;

  constructor(
    private readonly host: CommentFollowUpHost,
    private readonly options: CommentFollowUpOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const host = this.host;
    if (!Object.is(host.deprecatedMaxLength, this.deprecatedSeen)) {
      this.deprecatedSeen = host.deprecatedMaxLength;
      if (host.hasAttribute('max-length')) warnDeprecated(host.localName, 'max-length', 'maxlength');
      // `maxlength` wins when both are given; a removed `max-length` (null) asks for the default.
      if (!host.hasAttribute('maxlength')) host.maxLength = host.deprecatedMaxLength as number;
    }
    if (!Object.is(host.maxLength, this.maxLengthSeen)) {
      this.cap = commentCap(host.localName, host.maxLength);
      // The property reads the cap in force, as after a removed or bad attribute.
      host.maxLength = this.maxLengthSeen = this.cap;
    }
  }

  /** Forgets what was typed. */
  clear(): void {
    this.text = '';
  }

  /** The label, the text box and its live count. */
  renderBox(label: string, { labelPart = 'label', labelClass = '', describedBy = 'count' } = {}): TemplateResult {
    const count = countCharacters(this.text);
    return html`<label for="comment" class=${labelClass} part=${labelPart}>${label}</label>
      <textarea
        id="comment"
        class="comment"
        part="textarea"
        aria-describedby=${describedBy}
        .value=${this.text}
        ?disabled=${this.options.disabled()}
        @input=${this.handleInput}
      ></textarea>
      <span id="count" class="count ${count >= this.cap ? 'full' : ''}" part="count"
        >${this.options.localize.t('commentCount', { count, max: this.cap })}</span
      >`;
  }

  renderSend(): TemplateResult {
    return html`<button type="button" class="button" part="button send-button" ?disabled=${this.options.disabled()} @click=${this.handleSend}>
      ${this.options.localize.t('send')}
    </button>`;
  }

  renderSkip(): TemplateResult {
    return html`<button type="button" class="button secondary" part="button skip-button" ?disabled=${this.options.disabled()} @click=${this.handleSkip}>
      ${this.options.localize.t('skip')}
    </button>`;
  }

  private readonly handleInput = (event: Event): void => {
    const box = event.target as HTMLTextAreaElement;
    const { text, reachedLimit } = fitText(box.value, this.cap, this.text);
    if (text !== box.value) box.value = text;
    this.text = text;
    if (reachedLimit) this.options.announce(this.options.localize.t('commentLimit', { max: this.cap }));
    this.host.requestUpdate();
  };

  private readonly handleSend = (): void => {
    if (this.options.disabled()) return;
    const text = sanitizeText(this.text, this.cap);
    this.clear();
    this.options.onSend(text);
  };

  private readonly handleSkip = (): void => {
    if (this.options.disabled()) return;
    this.clear();
    this.options.onSkip();
  };
}

/**
 * The comment cap for a `maxlength` value: the default when the attribute was
 * removed (it then reads as null, which asks for the default and is not a bad
 * value), the value itself when it is a whole number from 1 to 10000, else the
 * default with one warning.
 */
export function commentCap(tag: string, value: number | null | undefined): number {
  if (value === null || value === undefined) return COMMENT_MAX_LENGTH;
  if (Number.isInteger(value) && value >= 1 && value <= COMMENT_MAX_LENGTH_LIMIT) return value;
  warnAttribute(tag, 'maxlength', value, `a whole number from 1 to ${COMMENT_MAX_LENGTH_LIMIT}`, String(COMMENT_MAX_LENGTH));
  return COMMENT_MAX_LENGTH;
}
