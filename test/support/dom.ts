// The DOM layer the element harnesses (rating-bar.ts, feeling-prompt.ts, callback-request.ts
// beside this file) build on. Tests mount an element through its harness; `mount` with markup
// is for what a harness does not cover (a `lang` wrapper, every tag from a table).
import type { LitElement } from 'lit';
import type { Transport } from '../../src/transport/types.js';

/** Attributes to set before the element connects: `true` sets it empty, `false`/`undefined` leaves it out. */
export type Attributes = Record<string, string | number | boolean | undefined>;

export interface MountOptions<T> {
  /** Where the element's answers go (a FakeTransport in most tests). */
  transport?: Transport;
  /** Runs before the element connects: properties a page sets before the first render. */
  setup?: (element: T) => void;
}

/** Creates `<tag>` with `attributes`, connects it in a fresh container and waits for its first render. */
export async function mountElement<T extends LitElement>(tag: string, attributes: Attributes = {}, options: MountOptions<T> = {}): Promise<T> {
  const element = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  if (options.transport) (element as T & { transport: Transport }).transport = options.transport;
  options.setup?.(element);
  const container = document.createElement('div');
  document.body.append(container);
  container.append(element);
  await element.updateComplete;
  return element;
}

/** Creates an element from markup in a fresh container and waits for its first render. */
export async function mount<T extends LitElement>(markup: string, setup?: (element: T) => void): Promise<T> {
  const container = document.createElement('div');
  document.body.append(container);
  const template = document.createElement('template');
  template.innerHTML = markup; // test fixtures only: static markup written in the test
  const element = template.content.firstElementChild as T;
  setup?.(element);
  container.append(element);
  await element.updateComplete;
  return element;
}

/** Elements in the shadow root matching `selector`. */
export function shadowAll<E extends Element = HTMLElement>(element: Element, selector: string): E[] {
  return [...(element.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
}

/** The first element in the shadow root matching `selector`. */
export function shadow<E extends Element = HTMLElement>(element: Element, selector: string): E | null {
  return element.shadowRoot?.querySelector<E>(selector) ?? null;
}

/** Dispatches a keydown as a keyboard would, on the given target. */
export function press(target: Element, key: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

/** The accessible name an element gets from its content: `aria-label`, else the text that is not `aria-hidden`. */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label;
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    node.childNodes.forEach(walk);
  };
  element.childNodes.forEach(walk);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The element that has focus inside `element`'s shadow root. */
export function focused(element: Element): Element | null {
  return element.shadowRoot?.activeElement ?? null;
}
