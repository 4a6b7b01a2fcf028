import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { directionOf } from '../../i18n/locale.js';

export interface RovingRadioOptions {
  /** How many options the group has now. */
  count(): number;
  /** The option that holds the tab stop when none has focus: the selected one, say. */
  tabStop(): number;
  /** The group takes no input. */
  disabled(): boolean;
  /** Arrow keys, Home or End moved to an option (focus follows on the next render). */
  move(index: number): void;
  /** A click, or Enter/Space, on an option. */
  commit(index: number, fromKeyboard: boolean): void;
}

/**
 * A radio group's keyboard and pointer behaviour (WAI-ARIA radio group
 * pattern): one tab stop, arrow keys move it (mirrored right to left),
 * Home/End jump to the ends, Enter/Space or a click commits. Listens once on
 * the group, not on each option, so fifty widgets on a page stay cheap.
 * Options are the group's `[role="radio"]` descendants, in order.
 *
 * Bind `handleKeyDown` and `handleClick` on the group and set
 * `tabindex=${roving.tabIndex(index)}` on each option.
 */
export class RovingRadioController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: RovingRadioOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The option's `tabindex`: 0 for the tab stop, -1 for the others and for all while disabled. */
  tabIndex(index: number): 0 | -1 {
    return !this.options.disabled() && index === this.options.tabStop() ? 0 : -1;
  }

  readonly handleClick = (event: MouseEvent): void => {
    if (this.options.disabled()) return;
    const index = this.optionIndex(event);
    if (index !== -1) this.options.commit(index, false);
  };

  readonly handleKeyDown = (event: KeyboardEvent): void => {
    if (this.options.disabled()) return;
    const group = event.currentTarget as Element;
    const count = this.options.count();
    if (count === 0) return;
    const focused = radios(group).indexOf(this.host.shadowRoot?.activeElement as HTMLElement);
    const current = focused === -1 ? this.options.tabStop() : focused;
    const rtl = directionOf(this.host) === 'rtl';
    let next: number;
    switch (event.key) {
      case rtl ? 'ArrowLeft' : 'ArrowRight':
      case 'ArrowDown':
        next = (current + 1) % count;
        break;
      case rtl ? 'ArrowRight' : 'ArrowLeft':
      case 'ArrowUp':
        next = (current - 1 + count) % count;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = count - 1;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.options.commit(current, true);
        return;
      default:
        return;
    }
    event.preventDefault();
    this.options.move(next);
    void this.host.updateComplete.then(() => radios(group)[next]?.focus());
  };

  /** The index of the option an event listened to on the group came from (a click on an icon inside one counts), or -1. */
  optionIndex(event: Event): number {
    const option = event.composedPath().find((node) => node instanceof Element && node.getAttribute('role') === 'radio');
    return option ? radios(event.currentTarget as Element).indexOf(option as HTMLElement) : -1;
  }
}

function radios(group: Element): HTMLElement[] {
  return [...group.querySelectorAll<HTMLElement>('[role="radio"]')];
}
