// The call-back form's test harness: mount it, read what a visitor sees, act as a visitor does.
import '../../src/define/callback-request.js';
import type { CallbackRequest } from '../../src/components/callback-request/callback-request.js';
import { mountElement, shadow, shadowAll, type Attributes, type MountOptions } from './dom.js';

export { focused } from './dom.js';

/** Mounts `<feelback-callback-request>` with `attributes` (e.g. `{ 'min-fill-ms': 0 }`). */
export function mountCallbackRequest(attributes: Attributes = {}, options: MountOptions<CallbackRequest> = {}): Promise<CallbackRequest> {
  return mountElement<CallbackRequest>('feelback-callback-request', attributes, options);
}

/** The form control with id `id` (name, phone, topic, consent…). */
export function field<E extends HTMLElement = HTMLInputElement>(element: CallbackRequest, id: string): E {
  const found = shadow<E>(element, `#${id}`);
  if (!found) throw new Error(`no #${id}`);
  return found;
}

/** The visible label text of a control, through `<label for>`. */
export function labelOf(element: CallbackRequest, id: string): string {
  return shadow(element, `label[for="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The text of every element an `aria-describedby` points at. */
export function description(element: CallbackRequest, control: Element): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => shadow(element, `#${id}`)?.textContent?.trim() ?? `<missing #${id}>`).join(' | ');
}

/** Types `value` into the control `id`, as a visitor does. */
export async function type(element: CallbackRequest, id: string, value: string): Promise<void> {
  const control = field<HTMLInputElement | HTMLTextAreaElement>(element, id);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await element.updateComplete;
}

export async function click(element: CallbackRequest, target: HTMLElement): Promise<void> {
  target.click();
  await element.updateComplete;
}

export function submitButton(element: CallbackRequest): HTMLButtonElement {
  return shadow<HTMLButtonElement>(element, 'button[type="submit"]')!;
}

/** The best-time radio whose visible label is `label`. */
export function radio(element: CallbackRequest, label: string): HTMLInputElement {
  const option = shadowAll(element, '[part="choice"]').find((choice) => choice.textContent?.trim() === label);
  if (!option) throw new Error(`no best time "${label}"`);
  return option.querySelector('input')!;
}

/** Fills every field with valid values (overridable) and ticks consent. */
export async function fillValid(element: CallbackRequest, overrides: { name?: string; phone?: string; topic?: string } = {}): Promise<void> {
  await type(element, 'name', overrides.name ?? '  Ada Lovelace ');
  await type(element, 'phone', overrides.phone ?? '+44 (0)20 7946-0958');
  await click(element, radio(element, 'Afternoon'));
  await type(element, 'topic', overrides.topic ?? 'My order arrived broken');
  if (!field(element, 'consent').checked) await click(element, field(element, 'consent'));
}

export async function submit(element: CallbackRequest): Promise<void> {
  await click(element, submitButton(element));
}

export function alertText(element: CallbackRequest): string {
  return shadow(element, '[role="alert"]')?.textContent?.trim() ?? '';
}

export function statusText(element: CallbackRequest): string {
  return shadow(element, '[part="status"]')?.textContent?.trim() ?? '';
}
