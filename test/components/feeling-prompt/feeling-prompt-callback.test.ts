// The call-back path, in its own file: defining the stand-in element is global to the registry.
import { beforeEach, describe, expect, it } from 'vitest';
import type { FeelingPrompt } from '../../../src/components/feeling-prompt/feeling-prompt.js';
import type { Transport } from '../../../src/transport/types.js';
import { shadow } from '../../support/dom.js';
import { FakeTransport } from '../../support/fake-transport.js';
import { buttonNamed, clickButton, focused, pick, mountFeelingPrompt, textBox, type } from '../../support/feeling-prompt.js';

/** Stands in for <feelback-callback-request> with the agreed contract's surface. */
class CallbackStandIn extends HTMLElement {
  replyTo?: string;
  transport?: Transport;
  metadata?: Record<string, unknown>;
  cancel(): void {
    this.dispatchEvent(new CustomEvent('feelback-cancel', { bubbles: true, composed: true }));
  }
}

let transport: FakeTransport;

beforeEach(() => {
  transport = new FakeTransport();
});

const callbackButton = (element: FeelingPrompt) => buttonNamed(element, 'Request a call back');
const embedded = (element: FeelingPrompt) => shadow<CallbackStandIn>(element, 'feelback-callback-request');

describe('<feelback-feeling-prompt offer-callback>', () => {
  it('hides the action while <feelback-callback-request> is not loaded, and shows it once it is', async () => {
    const element = await mountFeelingPrompt({ 'offer-callback': true }, { transport });
    await pick(element, 'Frustrated');
    expect(callbackButton(element)).toBeUndefined();

    customElements.define('feelback-callback-request', CallbackStandIn);
    await customElements.whenDefined('feelback-callback-request');
    await element.updateComplete;
    expect(callbackButton(element)).toBeTruthy();
  });

  it('offers the call back for negative feelings only, and only with offer-callback', async () => {
    const offering = await mountFeelingPrompt({ 'offer-callback': true }, { transport });
    await pick(offering, 'Angry');
    expect(callbackButton(offering)).toBeTruthy();
    await pick(offering, 'Okay');
    expect(callbackButton(offering)).toBeUndefined();
    await pick(offering, 'Happy');
    expect(callbackButton(offering)).toBeUndefined();

    const plain = await mountFeelingPrompt({}, { transport });
    await pick(plain, 'Angry');
    expect(callbackButton(plain)).toBeUndefined();
  });

  it('opens the form in place, linked to the feeling event, on the same transport, widget and metadata', async () => {
    const element = await mountFeelingPrompt({ 'offer-callback': true, 'widget-id': 'support' }, { transport });
    element.metadata = { plan: 'pro' };
    await pick(element, 'Frustrated');
    await clickButton(element, 'Request a call back');
    const form = embedded(element)!;
    expect(form).toBeTruthy();
    expect(form.replyTo).toBe(transport.sent[0].id);
    expect(form.transport).toBe(transport);
    expect(form.metadata).toEqual({ plan: 'pro' });
    expect(form.getAttribute('widget-id')).toBe('support');
    expect(form.hasAttribute('cancelable')).toBe(true);
    const group = shadow(element, '[part="callback"]')!;
    expect(group.getAttribute('role')).toBe('group');
    expect(group.getAttribute('aria-label')).toBe('Request a call back');
    expect(shadow(element, '[role="radiogroup"]')).toBeNull();
    // happy-dom lets any element take focus, so focus lands on the form itself;
    // the fallback onto the group is covered in Chromium, where it cannot.
    expect(focused(element)).toBe(form);
    expect(transport.sent).toHaveLength(1);
  });

  it('Cancel in the form returns to the follow-up with the draft kept and focus on the action', async () => {
    const element = await mountFeelingPrompt({ 'offer-callback': true }, { transport });
    await pick(element, 'Angry');
    await type(element, 'Nobody answered the chat');
    await clickButton(element, 'Request a call back');
    embedded(element)!.cancel();
    await element.updateComplete;
    await element.updateComplete;
    expect(embedded(element)).toBeNull();
    expect(textBox(element)?.value).toBe('Nobody answered the chat');
    expect(focused(element)).toBe(callbackButton(element));
  });

  it('with no-comment, a negative feeling still offers the call back, without a text box', async () => {
    const element = await mountFeelingPrompt({ 'offer-callback': true, 'no-comment': true }, { transport });
    await pick(element, 'Angry');
    expect(textBox(element)).toBeNull();
    expect(shadow(element, '[part="intro"]')?.textContent).toBe('We’re sorry we let you down.');
    expect(callbackButton(element)).toBeTruthy();
    expect(buttonNamed(element, 'Skip')).toBeTruthy();
  });
});
