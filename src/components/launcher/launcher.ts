import { warnAttribute, warnOnce } from '../../internal/warn.js';
import {
  compileUrlRules,
  DEFAULT_ANSWERED_DAYS,
  DEFAULT_DISMISSED_DAYS,
  isExitIntent,
  matchesUrl,
  parseDays,
  parseDelay,
  parseSample,
  parseScroll,
  POOR_INP_MS,
  POOR_LCP_MS,
  RageClickDetector,
  refusal,
  scrolledPercent,
  type DismissReason,
  type LauncherTrigger,
  type Refusal,
  type UrlRules,
} from './decide.js';
import { buildDisplay, DISPLAYS, followKeyboard, nameParts, POSITIONS, type DisplayParts, type LauncherDisplay, type LauncherPosition } from './display.js';
import { launcherCss } from './launcher.styles.js';
import { onRouteChange } from './route-change.js';
import { LAUNCHER_MARK, loadRuntime, publishedRuntime, type LauncherRuntime } from './runtime.js';
import { createStateStore, type LauncherStateStore } from './state-store.js';

const TAG = 'feelback-launcher';

/** `feelback-show`: the launcher opened. */
export interface FeelbackShowDetail {
  launcher: string;
  trigger: LauncherTrigger;
}
/** `feelback-dismiss`: the visitor closed the launcher without answering. */
export interface FeelbackDismissDetail {
  launcher: string;
  reason: DismissReason;
}

/** Options for `show()`. */
export interface FeelbackLauncherShowOptions {
  /** Skip sampling and the answered, dismissed and re-contact waits (never the one-at-a-time rule). */
  force?: boolean;
}

/** Event types that mean the visitor answered. */
const ANSWERS = new Set(['rating', 'feeling', 'comment', 'callback']);

/** The launcher open on this page, if any: only one at a time. */
let openLauncher: Launcher | undefined;

let sharedStore: LauncherStateStore | undefined;
const store = (): LauncherStateStore => (sharedStore ??= createStateStore());

/** Test hook: a fresh store (e.g. after replacing `localStorage`) and no open launcher. */
export function resetLauncherState(next?: LauncherStateStore): void {
  sharedStore = next;
  openLauncher = undefined;
}

const idle = (callback: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 4000 });
  else setTimeout(callback, 1);
};

/** An attribute that takes one of `allowed`: absent or empty gives `fallback`, anything else warns once and gives it too. */
function oneOfAttribute<T extends string>(element: Element, attribute: string, allowed: readonly T[], fallback: T): T {
  const value = element.getAttribute(attribute);
  if (value === null || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  warnAttribute(TAG, attribute, value, `one of ${allowed.join(', ')}`, fallback);
  return fallback;
}

/** Sets an attribute from a property: `null` or `undefined` removes it, as for the platform's own reflected properties. */
function reflect(element: Element, attribute: string, value: string | null | undefined): void {
  if (value === null || value === undefined) element.removeAttribute(attribute);
  else element.setAttribute(attribute, value);
}

// On the server (SSR) there is no HTMLElement: a stand-in keeps `import 'feelback'` from throwing there.
const ElementBase: typeof HTMLElement = globalThis.HTMLElement ?? (class {} as unknown as typeof HTMLElement);

/**
 * Decides when, to whom and how its child widget is shown: on load, after a
 * delay, at a scroll depth, on exit intent, on a click, on a named event, when
 * the visitor is frustrated, or only by `show()`; on matching pages; to a
 * stable sample of visitors; never again soon after an answer or a dismiss,
 * never two at a time, and never twice within the page-wide re-contact wait.
 *
 * @tagname feelback-launcher
 * @summary Shows a feelback widget at the right moment, to the right visitors, without nagging.
 *
 * @slot - The widget to show, e.g. `<feelback-feeling-prompt>`.
 *
 * @attr {'popover' | 'modal' | 'tab' | 'inline'} [display='popover'] - How the widget appears.
 * @attr {'bottom-end' | 'bottom-start' | 'top-end' | 'top-start' | 'center'} [position='bottom-end'] - Where the popover, modal or tab sits; logical, so it mirrors in right-to-left pages.
 * @attr {string} url - Space-separated path globs the launcher may ask on (`*` matches anything, a leading `!` excludes, a pattern with `?` also matches the query). Default: every page.
 * @attr {number} delay - Open this many seconds after the page (or the single-page-app route) was reached.
 * @attr {string} scroll - Open once the visitor has seen this percentage of the page (`50`, `75%`).
 * @attr {boolean} exit-intent - Open when the pointer leaves through the top of the window (desktop only).
 * @attr {string} on-click - Open when the visitor clicks an element matching this CSS selector.
 * @attr {string} on-event - Open when a DOM event of this name reaches `window`.
 * @attr {boolean} frustration - Open when the visitor is frustrated: rage clicks, or a poor INP or LCP on this page.
 * @attr {boolean} manual - Open only when the page calls `show()`.
 * @attr {string} sample - The share of visitors ever asked, `0`..`1` (or `25%`); the draw is stable per visitor and launcher. Default: every visitor.
 * @attr {number} [answered-days=90] - After an answer, stay hidden this many days; `0` asks again on the next trigger.
 * @attr {number} [dismissed-days=7] - After a dismiss, wait this many days.
 * @attr {string} launcher-id - The key this launcher's state is kept under, and `launcher.id` on the wire. Default: the child's `widget-id`, else its tag.
 *
 * @fires {CustomEvent<FeelbackShowDetail>} feelback-show - The launcher opened (for `display="tab"`: the tab appeared); `detail.launcher` is its id, `detail.trigger` what opened it (`load`, `delay`, `scroll`, `exit-intent`, `click`, `event`, `frustration`, `manual`).
 * @fires {CustomEvent<FeelbackDismissDetail>} feelback-dismiss - The visitor closed it unanswered; `detail.launcher` is its id, `detail.reason` how (`close`, `escape`, `outside`).
 *
 * @csspart base - The card (popover, bottom sheet or modal dialog) around the widget.
 * @csspart close - The close button.
 * @csspart tab - The floating tab (`display="tab"`).
 *
 * @cssprop --feelback-z-index - Stacking order of the popover and the tab. Default 2147483000.
 * @cssprop --feelback-launcher-inset - Distance from the viewport's edges. Default 1rem.
 * @cssprop --feelback-launcher-inset-block - Distance from the top or bottom edge (overrides the inset).
 * @cssprop --feelback-launcher-inset-inline - Distance from the start or end edge (overrides the inset).
 * @cssprop --feelback-launcher-width - Width of the popover and the modal. Default 24rem.
 * @cssprop --feelback-launcher-padding - Padding inside the card. Default 1rem.
 * @cssprop --feelback-launcher-shadow - The card's and the tab's shadow.
 * @cssprop --feelback-launcher-backdrop - The modal's backdrop.
 * @cssprop --feelback-surface - Background of the card.
 * @cssprop --feelback-text - Text colour of the card.
 * @cssprop --feelback-border - Border colour of the card.
 * @cssprop --feelback-accent - Background of the tab.
 * @cssprop --feelback-accent-contrast - Text on the tab.
 * @cssprop --feelback-radius - Corner radius of the card and the tab.
 * @cssprop --feelback-focus-ring - Colour of the keyboard focus ring.
 * @cssprop --feelback-font - Font family of the card and the tab.
 */
export class Launcher extends ElementBase {
  static readonly [LAUNCHER_MARK] = true;

  static get observedAttributes(): string[] {
    return ['display', 'position', 'url', 'delay', 'scroll', 'exit-intent', 'on-click', 'on-event', 'frustration', 'manual', 'sample', 'answered-days', 'dismissed-days', 'launcher-id'];
  }

  private parts?: DisplayParts;
  private builtFor = '';
  private isOpen = false;
  private opening = false;
  private answered = false;
  private trigger: LauncherTrigger = 'manual';
  private returnFocusTo: HTMLElement | undefined;
  private disarmers: Array<() => void> = [];
  private stopFollowingKeyboard: () => void = () => {};
  private runtime?: LauncherRuntime;
  private rearmQueued = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(launcherCss);
      root.adoptedStyleSheets = [sheet];
    } catch {
      // No constructable stylesheets: a <style> element (needs style-src 'unsafe-inline' under a CSP, like Lit's fallback).
      this.fallbackStyle = document.createElement('style');
      this.fallbackStyle.textContent = launcherCss;
    }
    this.addEventListener('feelback-submit', this.handleSubmit);
    this.addEventListener('keydown', this.handleKeyDown);
  }

  private fallbackStyle?: HTMLStyleElement;

  // ------------------------------------------------------------ attributes

  /** How the widget appears: `popover` (default), `modal`, `tab` or `inline`. Setting it sets the attribute (`null` removes it). */
  get display(): LauncherDisplay {
    return oneOfAttribute(this, 'display', DISPLAYS, 'popover');
  }
  // A setter, so frameworks that set a known property rather than the attribute (React 19, @lit/react) can.
  set display(value: LauncherDisplay | null | undefined) {
    reflect(this, 'display', value);
  }

  /** Where the popover, modal or tab sits: `bottom-end` (default), `bottom-start`, `top-end`, `top-start`, `center`. Setting it sets the attribute. */
  get position(): LauncherPosition {
    return oneOfAttribute(this, 'position', POSITIONS, 'bottom-end');
  }
  set position(value: LauncherPosition | null | undefined) {
    reflect(this, 'position', value);
  }

  /** The id this launcher's state is kept under: `launcher-id`, else the child's `widget-id`, else its tag. Setting it sets `launcher-id`. */
  get launcherId(): string {
    const widget = this.widget;
    return this.getAttribute('launcher-id') || widget?.getAttribute('widget-id') || widget?.localName || TAG;
  }
  set launcherId(value: string | null | undefined) {
    reflect(this, 'launcher-id', value);
  }

  /** Whether the launcher is open (its tab, popover, modal or inline widget showing). */
  get open(): boolean {
    return this.isOpen;
  }

  /** The widget element it shows: its first element child. */
  get widget(): Element | null {
    return this.firstElementChild;
  }

  private get urlRules(): UrlRules {
    return compileUrlRules(this.getAttribute('url'), (pattern) =>
      warnAttribute(TAG, 'url', pattern, 'a path pattern such as /checkout/* or !/admin/*', 'no match for that pattern'),
    );
  }

  private get sample(): number | undefined {
    const value = this.getAttribute('sample');
    const sample = parseSample(value);
    if (value !== null && sample === undefined) warnAttribute(TAG, 'sample', value, 'a share between 0 and 1', 'every visitor');
    return sample;
  }

  private days(attribute: 'answered-days' | 'dismissed-days', fallback: number): number {
    const value = this.getAttribute(attribute);
    const days = parseDays(value);
    if (value !== null && days === undefined) warnAttribute(TAG, attribute, value, 'a number of days ≥ 0', String(fallback));
    return days ?? fallback;
  }

  // ------------------------------------------------------------ lifecycle

  connectedCallback(): void {
    this.build();
    this.arm();
  }

  disconnectedCallback(): void {
    this.disarm();
    if (this.isOpen) this.close(undefined);
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (before === after || !this.isConnected) return;
    if (name === 'display' || name === 'position') this.build();
    // Several attributes set in a row re-arm once.
    if (this.rearmQueued) return;
    this.rearmQueued = true;
    queueMicrotask(() => {
      this.rearmQueued = false;
      if (!this.isConnected) return;
      this.disarm();
      this.arm();
    });
  }

  // ------------------------------------------------------------ public methods

  /**
   * Opens the launcher now if its rules allow (page, sample, waits; with
   * `force`, only that no other launcher is open). Resolves whether it opened.
   */
  show(options: FeelbackLauncherShowOptions = {}): Promise<boolean> {
    return this.fire('manual', options.force === true);
  }

  /** Closes the launcher without counting a dismiss (for the site's own logic, e.g. a route change). */
  hide(): void {
    if (this.isOpen) this.close(undefined);
  }

  /** Forgets this visitor's state for this launcher (answers, dismisses, the sampling draw) and the page-wide re-contact wait. */
  reset(): void {
    store().forget(this.launcherId);
    store().writePage({});
    this.answered = false;
    if (this.isConnected) {
      this.disarm();
      this.arm();
    }
  }

  // ------------------------------------------------------------ triggers

  private build(): void {
    const display = this.display;
    const position = this.position;
    const key = `${display} ${position}`;
    if (this.builtFor === key) return;
    if (this.isOpen) this.close(undefined);
    this.builtFor = key;
    this.parts = buildDisplay(this.shadowRoot!, display, position);
    if (this.fallbackStyle) this.shadowRoot!.prepend(this.fallbackStyle);
    const { panel, close, tab } = this.parts;
    close?.addEventListener('click', () => this.close('close'));
    tab?.addEventListener('click', () => this.toggleTab());
    if (panel instanceof HTMLDialogElement) {
      panel.addEventListener('cancel', (event) => {
        event.preventDefault();
        this.close('escape');
      });
      // A click on the dialog itself (not its content) landed on the backdrop.
      panel.addEventListener('click', (event) => {
        if (event.target === panel && isOutside(panel, event)) this.close('outside');
      });
    }
    // The inline display holds its place in the layout only once shown.
    if (display === 'inline') panel.hidden = true;
  }

  /** Whether this page, this visitor and the stored waits leave any chance to open. */
  private mayArm(): boolean {
    if (!this.widget) {
      warnOnce(`<${TAG}> has no widget inside; put one (e.g. <feelback-rating-bar>) between its tags.`);
      return false;
    }
    if (!matchesUrl(this.urlRules, location.pathname, location.search)) return false;
    const reason = this.refusal(false);
    return reason === undefined || reason === 'recontact' || reason === 'another-open';
  }

  private arm(): void {
    this.disarmers.push(onRouteChange(this.handleRouteChange));
    this.disarmers.push(store().onExternalChange(this.handleExternalChange));
    if (!this.mayArm()) return;
    // The widgets' code loads at idle, so a trigger finds it ready; a trigger before that loads it itself.
    idle(() => void loadRuntime());

    let armed = 0;
    const on = (target: EventTarget, type: string, listener: (event: Event) => void, options?: AddEventListenerOptions): void => {
      target.addEventListener(type, listener, options);
      this.disarmers.push(() => target.removeEventListener(type, listener, options));
      armed++;
    };

    const delayValue = this.getAttribute('delay');
    if (delayValue !== null) {
      const delay = parseDelay(delayValue);
      if (delay === undefined) warnAttribute(TAG, 'delay', delayValue, 'a number of seconds ≥ 0', 'no delay');
      const timer = setTimeout(() => void this.fire('delay'), delay ?? 0);
      this.disarmers.push(() => clearTimeout(timer));
      armed++;
    }

    const scrollValue = this.getAttribute('scroll');
    if (scrollValue !== null) {
      const percent = parseScroll(scrollValue);
      if (percent === undefined) warnAttribute(TAG, 'scroll', scrollValue, 'a percentage from 0 to 100', '50');
      const check = (): void => {
        const root = document.documentElement;
        if (scrolledPercent(window.scrollY, window.innerHeight, root.scrollHeight) >= (percent ?? 50)) void this.fire('scroll');
      };
      on(window, 'scroll', check, { passive: true });
      armed++;
    }

    if (this.hasAttribute('exit-intent')) {
      // Desktop only: a touch screen has no pointer that leaves the window.
      if (window.matchMedia?.('(hover: hover) and (pointer: fine)').matches !== false) {
        on(document, 'mouseout', (event) => {
          const mouse = event as MouseEvent;
          if (isExitIntent(mouse.clientY, mouse.relatedTarget === null)) void this.fire('exit-intent');
        });
      } else {
        armed++;
      }
    }

    const selector = this.getAttribute('on-click');
    if (selector !== null) {
      if (isValidSelector(selector)) {
        on(document, 'click', (event) => {
          if (event.composedPath().some((node) => node instanceof Element && node.matches(selector))) void this.fire('click');
        }, { capture: true });
      } else {
        warnAttribute(TAG, 'on-click', selector, 'a valid CSS selector', 'no click trigger');
        armed++;
      }
    }

    const eventName = this.getAttribute('on-event');
    if (eventName !== null && eventName.trim() !== '') on(window, eventName.trim(), () => void this.fire('event'));

    if (this.hasAttribute('frustration')) this.armFrustration(on);

    if (this.hasAttribute('manual')) armed++;
    // No trigger given: open on load (a microtask later, so a script that sets attributes right after insertion is seen).
    if (armed === 0) queueMicrotask(() => void this.fire('load'));
  }

  private armFrustration(on: (target: EventTarget, type: string, listener: (event: Event) => void, options?: AddEventListenerOptions) => void): void {
    const rage = new RageClickDetector();
    on(document, 'click', (event) => {
      const mouse = event as MouseEvent;
      if (rage.add({ x: mouse.clientX, y: mouse.clientY, time: event.timeStamp })) void this.fire('frustration');
    }, { capture: true });
    if (typeof PerformanceObserver !== 'function') return;
    const types = PerformanceObserver.supportedEntryTypes ?? [];
    const observers: PerformanceObserver[] = [];
    // The same thresholds web-vitals rates "poor" by; observed here so an unfired launcher needs no web-vitals.
    if (types.includes('largest-contentful-paint')) {
      const lcp = new PerformanceObserver((list) => {
        if (list.getEntries().some((entry) => entry.startTime > POOR_LCP_MS)) void this.fire('frustration');
      });
      lcp.observe({ type: 'largest-contentful-paint', buffered: true });
      observers.push(lcp);
    }
    if (types.includes('event')) {
      const inp = new PerformanceObserver((list) => {
        const slow = list.getEntries().some((entry) => (entry as PerformanceEntry & { interactionId?: number }).interactionId && entry.duration > POOR_INP_MS);
        if (slow) void this.fire('frustration');
      });
      inp.observe({ type: 'event', buffered: true, durationThreshold: 104 } as PerformanceObserverInit);
      observers.push(inp);
    }
    this.disarmers.push(() => observers.forEach((observer) => observer.disconnect()));
  }

  private disarm(): void {
    for (const disarm of this.disarmers.splice(0)) disarm();
  }

  /** Why the rules keep the launcher closed now, or `undefined`. */
  private refusal(force: boolean): Refusal | undefined {
    const id = this.launcherId;
    const record = store().read(id);
    if (record.draw === undefined) {
      // Drawn once per visitor and launcher and kept, so a reload does not re-draw.
      record.draw = Math.random();
      store().write(id, record);
    }
    const anotherOpen = openLauncher !== undefined && openLauncher !== this && openLauncher.isConnected;
    if (force) return anotherOpen ? 'another-open' : undefined;
    return refusal({
      now: Date.now(),
      record,
      page: store().readPage(),
      answeredDays: this.days('answered-days', DEFAULT_ANSWERED_DAYS),
      dismissedDays: this.days('dismissed-days', DEFAULT_DISMISSED_DAYS),
      recontactDays: (this.runtime ?? publishedRuntime())?.recontactDays() ?? 0,
      sample: this.sample,
      anotherOpen,
    });
  }

  /** A trigger fired: check every rule, load the widget if needed, check again, open. */
  private async fire(trigger: LauncherTrigger, force = false): Promise<boolean> {
    if (this.isOpen || this.opening || !this.isConnected || !this.widget) return false;
    if (!force && !matchesUrl(this.urlRules, location.pathname, location.search)) return false;
    if (this.refusal(force)) return false;
    this.opening = true;
    try {
      const runtime = await loadRuntime();
      if (!runtime || !this.isConnected) return false;
      this.runtime = runtime;
      const strings = await runtime.strings(this);
      await (this.widget as Element & { updateComplete?: Promise<unknown> }).updateComplete;
      // Checked again: the route, another launcher or another tab may have changed while the code loaded.
      if (!this.isConnected || (!force && !matchesUrl(this.urlRules, location.pathname, location.search)) || this.refusal(force)) return false;
      nameParts(this.parts!, strings);
      this.openNow(trigger, strings.opened);
      return true;
    } finally {
      this.opening = false;
    }
  }

  private openNow(trigger: LauncherTrigger, announcement: string): void {
    const { panel, tab, announcer } = this.parts!;
    const display = this.display;
    const now = Date.now();
    const id = this.launcherId;
    // A folded tab asks nothing yet: it neither blocks other launchers nor starts the re-contact wait until it is opened.
    if (display !== 'tab') this.claimPage(now);
    this.isOpen = true;
    this.answered = false;
    this.trigger = trigger;
    store().write(id, { ...store().read(id), shownAt: now });

    if (display === 'tab') {
      tab!.hidden = false;
    } else if (display === 'modal' && panel instanceof HTMLDialogElement) {
      this.returnFocusTo = deepActiveElement();
      panel.hidden = false;
      panel.showModal();
      panel.toggleAttribute('data-open', true);
      // The dialog's own focusing steps pick the first focusable element; make sure focus is inside.
      if (!this.contains(deepActiveElement() ?? null) && !panel.contains(this.shadowRoot!.activeElement)) this.focusWidget();
    } else {
      this.showPanel();
      if (display === 'popover') {
        // Not focused: announced politely, so a screen reader user hears it without losing their place.
        announcer.textContent = '';
        setTimeout(() => (announcer.textContent = announcement), 100);
      }
    }
    this.dispatchEvent(new CustomEvent<FeelbackShowDetail>('feelback-show', { detail: { launcher: id, trigger }, bubbles: true, composed: true }));
    this.runtime?.send(this.widget!, 'shown', { id, display, trigger });
  }

  /** Takes the page's one open slot and starts the page-wide re-contact wait. */
  private claimPage(now: number): void {
    // The page's one open launcher is module state shared by every launcher element.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    openLauncher = this;
    store().writePage({ ...store().readPage(), openedAt: now });
  }

  private showPanel(): void {
    const { panel } = this.parts!;
    panel.hidden = false;
    panel.toggleAttribute('data-open', true);
    if (panel.classList.contains('sheet')) this.stopFollowingKeyboard = followKeyboard(panel);
  }

  private focusWidget(): void {
    const widget = this.widget as HTMLElement | null;
    const target = firstFocusable(widget) ?? this.parts?.close;
    target?.focus();
  }

  /**
   * Closes; a `reason` means the visitor dismissed it (counted unless they had
   * answered). A tab's card dismissed by the visitor folds back to the tab,
   * which stays for the rest of the page view.
   */
  private close(reason: DismissReason | undefined): void {
    if (!this.isOpen || !this.parts) return;
    const { panel, tab, announcer } = this.parts;
    const fold = tab !== undefined && reason !== undefined;
    if (fold && panel.hidden) return;
    if (!fold) this.isOpen = false;
    if (openLauncher === this) openLauncher = undefined;
    this.stopFollowingKeyboard();
    this.stopFollowingKeyboard = () => {};
    panel.toggleAttribute('data-open', false);
    if (panel instanceof HTMLDialogElement && panel.open) panel.close();
    if (!(panel instanceof HTMLDialogElement)) panel.hidden = true;
    if (tab) {
      tab.hidden = !fold;
      tab.setAttribute('aria-expanded', 'false');
    }
    announcer.textContent = '';
    const focusBack = this.returnFocusTo;
    this.returnFocusTo = undefined;
    if (focusBack?.isConnected) focusBack.focus();

    if (reason && !this.answered) {
      const id = this.launcherId;
      store().write(id, { ...store().read(id), dismissedAt: Date.now() });
      this.dispatchEvent(new CustomEvent<FeelbackDismissDetail>('feelback-dismiss', { detail: { launcher: id, reason }, bubbles: true, composed: true }));
      this.runtime?.send(this.widget!, 'dismissed', { id, display: this.display, trigger: this.trigger, reason });
    }
  }

  // ------------------------------------------------------------ handlers

  private toggleTab(): void {
    const { panel, tab } = this.parts!;
    const expanding = panel.hidden;
    if (expanding) {
      // The visitor asked for this one: whatever else is open steps aside (not a dismiss).
      if (openLauncher && openLauncher !== this) openLauncher.hide();
      this.claimPage(Date.now());
      this.returnFocusTo = tab;
      this.showPanel();
      tab!.setAttribute('aria-expanded', 'true');
      // The visitor asked for it: focus moves in, as for any disclosure they opened.
      this.focusWidget();
    } else {
      panel.hidden = true;
      tab!.setAttribute('aria-expanded', 'false');
      if (openLauncher === this) openLauncher = undefined;
    }
  }

  private readonly handleSubmit = (event: Event): void => {
    const type = (event as CustomEvent<{ event?: { type?: string } }>).detail?.event?.type;
    if (!type || !ANSWERS.has(type)) return;
    // Read after every listener ran: a site that cancels the send did not get an answer.
    setTimeout(() => {
      if (event.defaultPrevented) return;
      this.answered = true;
      const id = this.launcherId;
      store().write(id, { ...store().read(id), answeredAt: Date.now() });
    });
  };

  private readonly handleKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.isOpen || this.parts?.panel.hidden || event.defaultPrevented) return;
    if (this.display === 'inline' || this.display === 'modal') return; // the dialog's cancel event handles the modal
    event.stopPropagation();
    this.close('escape');
  };

  private readonly handleRouteChange = (): void => {
    const matches = matchesUrl(this.urlRules, location.pathname, location.search);
    // Pending triggers (a delay, say) belonged to the page the visitor left: start over for the new one.
    this.disarm();
    this.arm();
    if (!matches && this.isOpen && !this.answered) this.close(undefined);
  };

  private readonly handleExternalChange = (id: string): void => {
    if (id !== this.launcherId || !this.isOpen || this.answered) return;
    // Answered or dismissed in another tab: no need to keep asking here.
    const reason = this.refusal(false);
    if (reason === 'answered' || reason === 'dismissed') this.close(undefined);
  };
}

function isValidSelector(selector: string): boolean {
  if (selector.trim() === '') return false;
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

function isOutside(panel: HTMLElement, event: MouseEvent): boolean {
  const box = panel.getBoundingClientRect();
  return event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
}

function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

const FOCUSABLE = 'button:not([disabled]),[href],input:not([disabled]),select,textarea,[tabindex]:not([tabindex="-1"])';

/** The first focusable element in `root`'s subtree, looking into open shadow roots (widgets render there). */
function firstFocusable(root: Element | null): HTMLElement | undefined {
  if (!root) return undefined;
  if (root.matches(FOCUSABLE)) return root as HTMLElement;
  const children = root.shadowRoot ? [...root.shadowRoot.children] : [...root.children];
  for (const child of children) {
    const found = firstFocusable(child);
    if (found) return found;
  }
  return undefined;
}

export type FeelbackShowEvent = CustomEvent<FeelbackShowDetail>;
export type FeelbackDismissEvent = CustomEvent<FeelbackDismissDetail>;

/** Events of `<feelback-launcher>` (its widget's `feelback-*` events bubble through it too). */
export interface LauncherEventMap {
  /** The launcher opened. */
  'feelback-show': FeelbackShowEvent;
  /** The visitor closed it unanswered. */
  'feelback-dismiss': FeelbackDismissEvent;
}

// Both events bubble and are composed, so they reach every ancestor, the document and the window.
// Augmenting a global map is done by an empty interface that extends ours.
/* eslint-disable @typescript-eslint/no-empty-object-type */
declare global {
  interface HTMLElementTagNameMap {
    'feelback-launcher': Launcher;
  }
  interface HTMLElementEventMap extends LauncherEventMap {}
  interface DocumentEventMap extends LauncherEventMap {}
  interface WindowEventMap extends LauncherEventMap {}
}
/* eslint-enable @typescript-eslint/no-empty-object-type */
