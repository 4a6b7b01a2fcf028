import type { LitElement } from 'lit';

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

export function shadow<E extends Element = HTMLElement>(element: Element, selector: string): E | null {
  return element.shadowRoot?.querySelector<E>(selector) ?? null;
}

/** Dispatches a keydown as a keyboard would, on the given target. */
export function press(target: Element, key: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

export function cleanup(): void {
  document.body.replaceChildren();
}
