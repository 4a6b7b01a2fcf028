import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallbackRequest } from '../../../src/components/callback-request/callback-request.js';
import type { FeedbackEvent } from '../../../src/context/event.js';
import { shadow, shadowAll } from '../../support/dom.js';
import {
  alertText,
  click,
  description,
  field,
  fillValid,
  focused,
  labelOf,
  mountCallbackRequest,
  radio,
  statusText,
  submit,
  submitButton,
  type,
} from '../../support/callback-request.js';
import { FakeTransport } from '../../support/fake-transport.js';

const START = new Date('2026-03-02T10:00:00Z');
let transport: FakeTransport;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
  transport = new FakeTransport();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Lets the minimum fill time pass, as it does for a person. */
function wait(ms = 5000) {
  vi.setSystemTime(new Date(Date.now() + ms));
}

/** Every string reachable from the element's own fields (not the DOM): what it still remembers. */
function remembered(element: CallbackRequest): string {
  const seen = new Set<unknown>();
  const out: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || seen.has(value)) return;
    if (typeof value === 'string') out.push(value);
    if (typeof value !== 'object' || value instanceof Node || value instanceof EventTarget) return;
    seen.add(value);
    for (const key of Reflect.ownKeys(value)) visit((value as Record<PropertyKey, unknown>)[key], depth + 1);
  };
  for (const key of Reflect.ownKeys(element)) visit((element as unknown as Record<PropertyKey, unknown>)[key], 0);
  return out.join('\n');
}

describe('<feelback-callback-request> form', () => {
  it('shows every field with a visible label and the right autocomplete', async () => {
    const element = await mountCallbackRequest({ 'consent-label': 'Acme may call me about this.' }, { transport });
    expect(shadow(element, '[part="heading"]')?.textContent).toBe('Request a call back');
    expect(labelOf(element, 'name')).toBe('Name (required)');
    expect(labelOf(element, 'phone')).toBe('Phone number (required)');
    expect(labelOf(element, 'topic')).toBe('What is it about? (optional)');
    expect(labelOf(element, 'consent')).toBe('Acme may call me about this.');
    expect(field(element, 'name').getAttribute('autocomplete')).toBe('name');
    expect(field(element, 'phone').getAttribute('autocomplete')).toBe('tel');
    expect(field(element, 'phone').type).toBe('tel');
    expect(shadow(element, 'form')?.hasAttribute('novalidate')).toBe(true);
    expect(shadow(element, 'legend')?.textContent).toBe('Best time to call');
    expect(shadowAll(element, '[part="choice"]').map((choice) => choice.textContent?.trim())).toEqual([
      'As soon as possible',
      'Morning',
      'Afternoon',
      'Evening',
    ]);
    expect(radio(element, 'As soon as possible').checked).toBe(true);
    expect(description(element, field(element, 'phone'))).toBe(
      '7 to 15 digits. You can use +, spaces, dashes, dots and brackets.',
    );
    expect(submitButton(element).textContent?.trim()).toBe('Request a call back');
  });

  it('hides the honeypot from people and assistive technology', async () => {
    const element = await mountCallbackRequest({}, { transport });
    const honeypot = field(element, 'website');
    expect(honeypot.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(honeypot.tabIndex).toBe(-1);
    expect(honeypot.getAttribute('autocomplete')).toBe('off');
  });

  it('uses the heading attribute and string overrides', async () => {
    const element = await mountCallbackRequest({ heading: 'Talk to a person' }, { transport, setup: (el) => {
      el.strings = { submit: 'Call me', nameLabel: 'Your name' };
    } });
    expect(shadow(element, '[part="heading"]')?.textContent).toBe('Talk to a person');
    expect(submitButton(element).textContent?.trim()).toBe('Call me');
    expect(labelOf(element, 'name')).toBe('Your name (required)');
  });
});

describe('<feelback-callback-request> validation', () => {
  it('an empty submit sends nothing, marks each invalid field, focuses the first and announces a summary', async () => {
    const element = await mountCallbackRequest({}, { transport });
    await submit(element);

    expect(transport.sent).toEqual([]);
    const name = field(element, 'name');
    const phone = field(element, 'phone');
    const consent = field(element, 'consent');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(consent.getAttribute('aria-invalid')).toBe('true');
    expect(field(element, 'topic').getAttribute('aria-invalid')).toBe('false');
    expect(description(element, name)).toBe('Enter your name');
    expect(description(element, phone)).toContain('Enter your phone number');
    expect(description(element, consent)).toBe('Tick the box so that we may call you back');
    expect(focused(element)).toBe(name);
    expect(alertText(element)).toBe('Please correct 3 fields: Name, Phone number, Consent.');
  });

  it.each([
    ['12 34 5', 'Enter a phone number with 7 to 15 digits'],
    ['1234 5678 9012 3456', 'Enter a phone number with 7 to 15 digits'],
    ['0800-FLOWERS', 'Use only digits, spaces and + - . ( ) in the phone number'],
    ['0207 + 9460958', 'Put + only at the start of the phone number'],
  ])('phone %j is blocked with "%s" and gets focus', async (phone, message) => {
    const element = await mountCallbackRequest({}, { transport });
    await fillValid(element, { phone });
    wait();
    await submit(element);

    expect(transport.sent).toEqual([]);
    const input = field(element, 'phone');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(description(element, input)).toContain(message);
    expect(focused(element)).toBe(input);
    expect(alertText(element)).toBe('Please correct 1 field: Phone number.');
    expect(input.value).toBe(phone);
  });

  it('clears a field’s message as soon as the visitor fixes it', async () => {
    const element = await mountCallbackRequest({}, { transport });
    await fillValid(element, { phone: '123' });
    wait();
    await submit(element);
    const input = field(element, 'phone');
    expect(input.getAttribute('aria-invalid')).toBe('true');

    await type(element, 'phone', '020 7946 0958');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(description(element, input)).not.toContain('Enter a phone number');
  });

  it('announces the summary again on a second invalid submit', async () => {
    const element = await mountCallbackRequest({}, { transport });
    await submit(element);
    const first = shadow(element, '[role="alert"]')!.textContent;
    await submit(element);
    const second = shadow(element, '[role="alert"]')!.textContent;
    expect(second).not.toBe(first);
    expect(second?.trim()).toBe(first?.trim());
  });
});

describe('<feelback-callback-request> sending', () => {
  it('sends one callback event with the normalised phone, consent, time zone and cleaned text', async () => {
    const submits: FeedbackEvent[] = [];
    const element = await mountCallbackRequest({ 'widget-id': 'support-callback' }, { transport, setup: (el) => (el.metadata = { plan: 'pro' }) });
    element.addEventListener('feelback-submit', (event) => submits.push(event.detail.event));
    await fillValid(element, { topic: '  Broken\u0007 lamp  ' });
    wait();
    await submit(element);

    expect(transport.sent).toHaveLength(1);
    const [event] = transport.sent;
    expect(submits).toEqual([event]);
    expect(event).toMatchObject({ type: 'callback', widget: 'support-callback', metadata: { plan: 'pro' } });
    expect(event!.callback).toEqual({
      name: 'Ada Lovelace',
      phone: '+442079460958',
      window: 'afternoon',
      topic: 'Broken lamp',
      consent: true,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });

  it('caps the topic at 500 characters as the count shows them: 500 emoji fit, the 501st does not', async () => {
    const element = await mountCallbackRequest({}, { transport });
    const topic = field<HTMLTextAreaElement>(element, 'topic');
    expect(topic.hasAttribute('maxlength')).toBe(false);
    await type(element, 'topic', '🐢'.repeat(501));
    expect(topic.value).toBe('🐢'.repeat(500));
    expect(description(element, topic)).toContain('500 of 500');
    await fillValid(element, { topic: '🐢'.repeat(500) });
    wait();
    await submit(element);
    expect(transport.sent[0]!.callback!.topic).toBe('🐢'.repeat(500));
  });

  it('names its buttons send-button and cancel-button, keeping the old part names beside them', async () => {
    const element = await mountCallbackRequest({ cancelable: true }, { transport });
    expect(submitButton(element).getAttribute('part')?.split(' ')).toEqual(expect.arrayContaining(['button', 'send-button', 'submit']));
    const cancel = shadow(element, '[part~="cancel-button"]');
    expect(cancel?.getAttribute('part')?.split(' ')).toEqual(expect.arrayContaining(['button', 'cancel']));
  });

  it('shows sending: fields locked, button disabled, progress announced', async () => {
    const element = await mountCallbackRequest({}, { transport });
    await fillValid(element);
    wait();
    await submit(element);

    expect(submitButton(element).disabled).toBe(true);
    expect(submitButton(element).textContent?.trim()).toBe('Sending your request…');
    expect(shadow<HTMLFieldSetElement>(element, 'fieldset.fields')!.disabled).toBe(true);
    expect(statusText(element)).toBe('Sending your request…');
    await submit(element);
    expect(transport.sent).toHaveLength(1);
  });

  it('confirms with the chosen time, focuses the confirmation and forgets what was typed', async () => {
    const element = await mountCallbackRequest({}, { transport });
    await fillValid(element);
    wait();
    await submit(element);
    transport.accept(transport.sent[0]!.id);
    await element.updateComplete;

    const confirmation = shadow(element, '[part="confirmation"]')!;
    expect(confirmation.textContent).toContain("Thanks, Ada Lovelace. We'll call you in the afternoon.");
    expect(focused(element)).toBe(confirmation);
    expect(shadow(element, 'form')).toBeNull();
    const memory = remembered(element);
    expect(memory).not.toContain('2079460958');
    expect(memory).not.toContain('7946');
    expect(memory).not.toContain('My order arrived broken');

    element.reset();
    await element.updateComplete;
    expect(field(element, 'name').value).toBe('');
    expect(field(element, 'phone').value).toBe('');
    expect(field(element, 'consent').checked).toBe(false);
  });

  it('carries replyTo when embedded after a feeling', async () => {
    const element = await mountCallbackRequest({ 'reply-to': 'feeling-123' }, { transport });
    await fillValid(element);
    wait();
    await submit(element);
    expect(transport.sent[0]!.callback?.replyTo).toBe('feeling-123');
  });

  it('ignores deliveries of events it did not send', async () => {
    const element = await mountCallbackRequest({}, { transport });
    await fillValid(element);
    wait();
    await submit(element);
    transport.accept('someone-else');
    await element.updateComplete;
    expect(shadow(element, '[part="confirmation"]')).toBeNull();
    expect(statusText(element)).toBe('Sending your request…');
  });
});

describe('<feelback-callback-request> failure and retry', () => {
  it('on a final failure shows the error, keeps every value, and Retry resends the same event', async () => {
    const errors: boolean[] = [];
    const element = await mountCallbackRequest({}, { transport });
    element.addEventListener('feelback-error', (event) => errors.push(event.detail.willRetry));
    await fillValid(element);
    wait();
    await submit(element);
    const first = transport.sent[0]!;
    transport.fail(first.id, 'HTTP 500 from https://collect.example', false);
    await element.updateComplete;

    expect(errors).toEqual([false]);
    expect(alertText(element)).toContain("We couldn't send your request.");
    expect(field(element, 'name').value).toBe('  Ada Lovelace ');
    expect(field(element, 'phone').value).toBe('+44 (0)20 7946-0958');
    expect(field<HTMLTextAreaElement>(element, 'topic').value).toBe('My order arrived broken');
    expect(radio(element, 'Afternoon').checked).toBe(true);
    expect(field(element, 'consent').checked).toBe(true);
    const retry = submitButton(element);
    expect(retry.textContent?.trim()).toBe('Try again');
    expect(retry.disabled).toBe(false);
    expect(focused(element)).toBe(retry);

    await submit(element);
    expect(transport.sent).toHaveLength(2);
    expect(transport.sent[1]).toBe(first);
    transport.accept(first.id);
    await element.updateComplete;
    expect(shadow(element, '[part="confirmation"]')?.textContent).toContain("We'll call you in the afternoon.");
  });

  it('after a failure, an edited request is a new event with the new value', async () => {
    const element = await mountCallbackRequest({}, { transport });
    await fillValid(element);
    wait();
    await submit(element);
    transport.fail(transport.sent[0]!.id, 'network error', false);
    await element.updateComplete;
    await type(element, 'phone', '020 7946 0000');
    await submit(element);

    expect(transport.sent).toHaveLength(2);
    expect(transport.sent[1]!.id).not.toBe(transport.sent[0]!.id);
    expect(transport.sent[1]!.callback?.phone).toBe('02079460000');
  });

  it('while the transport retries on its own, says it is still trying and offers no second send', async () => {
    const element = await mountCallbackRequest({}, { transport });
    await fillValid(element);
    wait();
    await submit(element);
    transport.fail(transport.sent[0]!.id, 'HTTP 503', true);
    await element.updateComplete;

    expect(statusText(element)).toBe('Still trying to send your request. Please keep this page open.');
    expect(submitButton(element).disabled).toBe(true);
    expect(alertText(element)).toBe('');
    transport.accept(transport.sent[0]!.id);
    await element.updateComplete;
    expect(shadow(element, '[part="confirmation"]')).not.toBeNull();
  });

  it('with no endpoint at all, says it was not sent and keeps the values', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mountCallbackRequest();
    await fillValid(element);
    wait();
    await submit(element);

    expect(alertText(element)).toContain('Your request was not sent from this page.');
    expect(submitButton(element).disabled).toBe(false);
    expect(submitButton(element).textContent?.trim()).toBe('Try again');
    expect(field(element, 'phone').value).toBe('+44 (0)20 7946-0958');
  });

  it('when a listener cancels feelback-submit, nothing is sent and the form says so', async () => {
    const element = await mountCallbackRequest({}, { transport });
    element.addEventListener('feelback-submit', (event) => event.preventDefault());
    await fillValid(element);
    wait();
    await submit(element);

    expect(transport.sent).toEqual([]);
    expect(alertText(element)).toContain('Your request was not sent from this page.');
    expect(field(element, 'name').value).toBe('  Ada Lovelace ');
  });
});

describe('<feelback-callback-request> anti-spam', () => {
  it('drops a filled honeypot silently: the bot sees success, nothing is sent', async () => {
    const element = await mountCallbackRequest({}, { transport });
    await fillValid(element);
    await type(element, 'website', 'http://spam.example');
    wait();
    await submit(element);

    expect(transport.sent).toEqual([]);
    expect(shadow(element, '[part="confirmation"]')?.textContent).toContain("Thanks, Ada Lovelace. We'll call you");
  });

  it('drops a submission faster than the minimum fill time, and sends a person’s', async () => {
    const bot = await mountCallbackRequest({}, { transport });
    await fillValid(bot);
    wait(1499);
    await submit(bot);
    expect(transport.sent).toEqual([]);
    expect(shadow(bot, '[part="confirmation"]')).not.toBeNull();

    const person = await mountCallbackRequest({}, { transport });
    await fillValid(person);
    wait(1500);
    await submit(person);
    expect(transport.sent).toHaveLength(1);
  });

  it('removing min-fill-ms restores 1500 without a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mountCallbackRequest({ 'min-fill-ms': '0' }, { transport });
    element.removeAttribute('min-fill-ms');
    await element.updateComplete;
    expect(warn).not.toHaveBeenCalled();
    await fillValid(element);
    wait(1000);
    await submit(element);
    expect(transport.sent).toHaveLength(0);
  });

  it('honours min-fill-ms, and warns and uses 1500 for a bad value', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const quick = await mountCallbackRequest({ 'min-fill-ms': '0' }, { transport });
    await fillValid(quick);
    await submit(quick);
    expect(transport.sent).toHaveLength(1);

    const bad = await mountCallbackRequest({ 'min-fill-ms': 'soon' }, { transport });
    expect(warn).toHaveBeenCalledWith(
      'feelback: <feelback-callback-request> min-fill-ms="NaN" is not a number of milliseconds from 0 to 3600000; using 1500.',
    );
    await fillValid(bad);
    wait(1000);
    await submit(bad);
    expect(transport.sent).toHaveLength(1);
  });
});

describe('<feelback-callback-request> options', () => {
  it('a windows property replaces the best times and the confirmation echoes the choice', async () => {
    const changes: unknown[] = [];
    const element = await mountCallbackRequest({}, { transport, setup: (el) => {
      el.windows = [
        { id: 'weekday', label: 'Weekdays 9–5', when: 'on a weekday between 9 and 5' },
        { id: 'weekend', label: 'Weekend' },
      ];
    } });
    element.addEventListener('feelback-change', (event) => changes.push(event.detail.value));
    expect(shadowAll(element, '[part="choice"]').map((choice) => choice.textContent?.trim())).toEqual([
      'Weekdays 9–5',
      'Weekend',
    ]);
    expect(radio(element, 'Weekdays 9–5').checked).toBe(true);
    await type(element, 'name', 'Ada');
    await type(element, 'phone', '4155550132');
    await click(element, radio(element, 'Weekend'));
    await click(element, field(element, 'consent'));
    wait();
    await submit(element);

    expect(changes).toEqual(['weekend']);
    expect(transport.sent[0]!.callback?.window).toBe('weekend');
    transport.accept(transport.sent[0]!.id);
    await element.updateComplete;
    expect(shadow(element, '[part="confirmation"]')?.textContent).toContain("Thanks, Ada. We'll call you back (Weekend).");
  });

  it('warns about unusable windows and keeps the built-in best times', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mountCallbackRequest({}, { transport, setup: (el) => {
      el.windows = [{ id: '', label: 'Never' }] as never;
    } });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('<feelback-callback-request> windows');
    expect(shadowAll(element, '[part="choice"]')).toHaveLength(4);
  });

  it('offers Cancel only when cancelable, firing a bubbling, composed feelback-cancel', async () => {
    const plain = await mountCallbackRequest({}, { transport });
    expect(shadowAll(plain, 'button').map((button) => button.textContent?.trim())).toEqual(['Request a call back']);

    const element = await mountCallbackRequest({ cancelable: true }, { transport });
    const heard: Event[] = [];
    document.body.addEventListener('feelback-cancel', (event) => heard.push(event));
    const cancel = shadowAll<HTMLButtonElement>(element, 'button').find((button) => button.textContent?.trim() === 'Cancel')!;
    await click(element, cancel);
    expect(heard).toHaveLength(1);
    expect(heard[0]!.composed).toBe(true);
    expect(transport.sent).toEqual([]);
  });

  it('disabled: nothing can be sent', async () => {
    const element = await mountCallbackRequest({ disabled: true }, { transport });
    await fillValid(element);
    wait();
    shadow<HTMLFormElement>(element, 'form')!.requestSubmit();
    await element.updateComplete;
    expect(submitButton(element).disabled).toBe(true);
    expect(transport.sent).toEqual([]);
  });
});
