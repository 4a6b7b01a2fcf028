import { FeelbackElement } from './feelback-element.js';

/**
 * A feelback element that takes part in forms through `ElementInternals`:
 * the subclass calls `setFormValue` and `setValidity` and implements
 * `resetToDefault`; the form does the rest (FormData, `required`, reset,
 * fieldset `disabled`). Where `attachInternals` is missing (old browsers,
 * happy-dom) the element still works, just outside forms.
 */
export abstract class FeelbackFormElement extends FeelbackElement {
  static formAssociated = true;

  protected readonly internals: ElementInternals | undefined;
  private disabledByForm = false;

  constructor() {
    super();
    try {
      this.internals = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;
    } catch {
      this.internals = undefined;
    }
  }

  /** The form the element belongs to, as for native inputs. */
  get form(): HTMLFormElement | null {
    return this.internals?.form ?? null;
  }
  /** The element's validity, as for native inputs. */
  get validity(): ValidityState | undefined {
    return this.internals?.validity;
  }
  /** Why the element is invalid, as for native inputs. */
  get validationMessage(): string {
    return this.internals?.validationMessage ?? '';
  }
  /** Whether the element takes part in constraint validation. */
  get willValidate(): boolean {
    return this.internals?.willValidate ?? false;
  }
  /** Checks validity without showing a message. */
  checkValidity(): boolean {
    return this.internals?.checkValidity() ?? true;
  }
  /** Checks validity and shows the browser's message when invalid. */
  reportValidity(): boolean {
    return this.internals?.reportValidity() ?? true;
  }

  /** Disabled by its own attribute or by a disabled ancestor `<fieldset>`. */
  protected get isDisabled(): boolean {
    return this.disabled || this.disabledByForm;
  }

  protected setFormValue(value: string | null): void {
    this.internals?.setFormValue(value);
  }

  protected setValidity(flags: ValidityStateFlags, message?: string, anchor?: HTMLElement): void {
    if (!this.internals) return;
    try {
      this.internals.setValidity(flags, message, anchor);
    } catch {
      // An anchor not yet rendered is rejected; validity without it still blocks submission.
      this.internals.setValidity(flags, message);
    }
  }

  /** Puts the value back to its default, as `form.reset()` does to native inputs. */
  protected abstract resetToDefault(): void;

  formResetCallback(): void {
    this.resetToDefault();
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabledByForm = disabled;
    this.requestUpdate();
  }
}
