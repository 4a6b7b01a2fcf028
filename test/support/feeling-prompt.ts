// The feeling prompt's test harness: mount it, read what a visitor sees, act as a visitor does.
import '../../src/define/feeling-prompt.js';
import type { FeelingPrompt } from '../../src/components/feeling-prompt/feeling-prompt.js';
import { accessibleName, mountElement, shadow, shadowAll, type Attributes, type MountOptions } from './dom.js';

export { accessibleName, focused } from './dom.js';

/** Mounts `<feelback-feeling-prompt>` with `attributes` (e.g. `{ 'offer-callback': true }`). */
export function mountFeelingPrompt(attributes: Attributes = {}, options: MountOptions<FeelingPrompt> = {}): Promise<FeelingPrompt> {
  return mountElement<FeelingPrompt>('feelback-feeling-prompt', attributes, options);
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
