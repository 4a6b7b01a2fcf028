import type { FeelingPrompt } from '../../../src/components/feeling-prompt/feeling-prompt.js';
import { mount, shadow, shadowAll } from '../../support/dom.js';
import type { FakeTransport } from '../../support/fake-transport.js';

/** Mounts a prompt that sends to `transport`. */
export function prompt(transport: FakeTransport, markup = '<feelback-feeling-prompt></feelback-feeling-prompt>'): Promise<FeelingPrompt> {
  return mount<FeelingPrompt>(markup, (element) => {
    element.transport = transport;
  });
}

/** The accessible name a radio gets from its content: what is not `aria-hidden`. */
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

export const radios = (element: FeelingPrompt) => shadowAll(element, '[role="radio"]');
export const radioNamed = (element: FeelingPrompt, name: string) => radios(element).find((radio) => accessibleName(radio) === name)!;
export const buttonNamed = (element: FeelingPrompt, name: string) =>
  shadowAll<HTMLButtonElement>(element, 'button').find((button) => button.textContent?.trim() === name);
export const statusText = (element: FeelingPrompt) => shadow(element, '[role="status"]')?.textContent?.trim() ?? '';
export const textBox = (element: FeelingPrompt) => shadow<HTMLTextAreaElement>(element, 'textarea');
/** The text of the label tied to the comment box by `for`. */
export const textBoxLabel = (element: FeelingPrompt) => {
  const box = textBox(element);
  return box ? shadow(element, `label[for="${box.id}"]`)?.textContent?.trim() : undefined;
};
export const focused = (element: FeelingPrompt) => element.shadowRoot?.activeElement ?? null;

/** Picks a feeling with a click and waits for the render. */
export async function pick(element: FeelingPrompt, name: string): Promise<void> {
  const radio = radioNamed(element, name);
  radio.focus();
  radio.click();
  await element.updateComplete;
}

/** Types into the comment box as a visitor would. */
export async function type(element: FeelingPrompt, text: string): Promise<void> {
  const box = textBox(element)!;
  box.focus();
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await element.updateComplete;
}

export async function clickButton(element: FeelingPrompt, name: string): Promise<void> {
  const button = buttonNamed(element, name);
  if (!button) throw new Error(`no button named "${name}"`);
  button.focus();
  button.click();
  await element.updateComplete;
  // Focus moves after the render that follows.
  await element.updateComplete;
}
