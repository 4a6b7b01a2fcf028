import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RatingBar } from '../../../src/components/rating-bar/rating-bar.js';
import { configure } from '../../../src/config.js';
import { mount, press, shadow, shadowAll } from '../../support/dom.js';
import { FakeTransport } from '../../support/fake-transport.js';
import { checked, mountRatingBar, names, radios } from '../../support/rating-bar.js';

let transport: FakeTransport;

beforeEach(() => {
  transport = new FakeTransport();
});

describe('<feelback-rating-bar> scales', () => {
  it('shows five stars by default, each named by its score, in a radiogroup labelled by the question', async () => {
    const element = await mountRatingBar({}, { transport });
    const group = shadow(element, '[role="radiogroup"]')!;
    const labelledBy = group.getAttribute('aria-labelledby')!;
    expect(shadow(element, `#${labelledBy}`)?.textContent).toBe('How would you rate your experience?');
    expect(names(element)).toEqual(['1 of 5 stars', '2 of 5 stars', '3 of 5 stars', '4 of 5 stars', '5 of 5 stars']);
  });

  it('shows eleven options 0–10 for NPS, with the end labels in the names', async () => {
    const element = await mountRatingBar({ scale: 'nps' }, { transport });
    expect(radios(element)).toHaveLength(11);
    expect(names(element)[0]).toBe('0 of 10, Not at all likely');
    expect(names(element)[9]).toBe('9 of 10');
    expect(names(element)[10]).toBe('10 of 10, Extremely likely');
    expect(shadow(element, '.question')?.textContent).toContain('recommend');
  });

  it.each([
    ['csat', 5, '4 of 5, Satisfied', 3],
    ['ces', 7, '7 of 7, Very easy', 6],
    ['emoji', 5, '1 of 5, Very bad', 0],
    ['thumbs', 2, 'Thumbs up', 1],
  ])('scale="%s" shows %i options named like "%s"', async (scale, count, name, index) => {
    const element = await mountRatingBar({ scale: scale }, { transport });
    expect(radios(element)).toHaveLength(count);
    expect(names(element)[index]).toBe(name);
  });

  it('numeric uses min and max', async () => {
    const element = await mountRatingBar({ scale: 'numeric', min: '0', max: '4' }, { transport });
    expect(names(element)).toEqual(['0 of 4', '1 of 4', '2 of 4', '3 of 4', '4 of 4']);
  });

  it('uses the question, low-label and high-label attributes', async () => {
    const element = await mountRatingBar({ scale: 'numeric', min: '1', max: '3', question: 'Rate the docs', 'low-label': 'Poor', 'high-label': 'Superb' }, { transport });
    expect(shadow(element, '.question')?.textContent).toBe('Rate the docs');
    expect(names(element)).toEqual(['1 of 3, Poor', '2 of 3', '3 of 3, Superb']);
    expect(shadowAll(element, '.ends span').map((span) => span.textContent)).toEqual(['Poor', 'Superb']);
  });
});

describe('<feelback-rating-bar> bad attributes', () => {
  it('an unknown scale warns once, naming element, attribute and value, and falls back to stars', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mountRatingBar({ scale: 'bogus' }, { transport });
    await mountRatingBar({ scale: 'bogus' }, { transport });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/<feelback-rating-bar> scale="bogus" is not one of .*; using stars/);
    expect(radios(element)).toHaveLength(5);
  });

  it('max below min warns and falls back to 1..10', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mountRatingBar({ scale: 'numeric', min: '5', max: '2' }, { transport });
    expect(warn.mock.calls[0][0]).toMatch(/max="2" is not at least min \(5\)/);
    expect(radios(element)).toHaveLength(10);
  });

  it('removing min, max or maxlength restores its default, without a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mountRatingBar({ scale: 'numeric', min: '0', max: '4', maxlength: '20' }, { transport });
    element.removeAttribute('max');
    await element.updateComplete;
    expect(names(element)[0]).toBe('0 of 10');
    expect(radios(element)).toHaveLength(11);
    element.removeAttribute('min');
    element.removeAttribute('maxlength');
    await element.updateComplete;
    expect(radios(element)).toHaveLength(10);
    expect(element.maxLength).toBe(1000);
    expect(warn).not.toHaveBeenCalled();
  });

  it('a non-http endpoint warns and the bar still renders and works', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mountRatingBar({ endpoint: 'javascript:alert(1)' }, { transport });
    expect(warn.mock.calls[0][0]).toMatch(/endpoint="javascript:alert\(1\)" is not an http\(s\) URL/);
    radios(element)[2].click();
    expect(transport.sent).toHaveLength(1);
  });

  it('a value off the scale warns and leaves nothing selected', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mountRatingBar({ value: '9' }, { transport });
    expect(warn).toHaveBeenCalledOnce();
    expect(checked(element)).toHaveLength(0);
  });
});

describe('<feelback-rating-bar> pointer', () => {
  it('a click commits the score: one rating event in wire format, sent at once', async () => {
    const element = await mountRatingBar({ 'widget-id': 'checkout' }, { transport });
    radios(element)[3].click();
    await element.updateComplete;
    expect(transport.sent).toHaveLength(1);
    const [event] = transport.sent;
    expect(event.id).toBeUuidV4();
    expect(event.type).toBe('rating');
    expect(event.widget).toBe('checkout');
    expect(new Date(event.createdAt).toISOString()).toBe(event.createdAt);
    expect(event.rating).toEqual({ scale: 'stars', value: 4, min: 1, max: 5 });
    expect(event.context.url).toBe(`${location.origin}${location.pathname}`);
    expect(checked(element).map((radio) => radio.getAttribute('aria-label'))).toEqual(['4 of 5 stars']);
    expect(shadow(element, '[part="confirmation"]')?.textContent).toBe('Thank you for your feedback.');
  });

  it('a double click on a score sends it once; a different score is a new event', async () => {
    const element = await mountRatingBar({}, { transport });
    radios(element)[3].click();
    radios(element)[3].click();
    await element.updateComplete;
    expect(transport.sent.map((event) => event.rating?.value)).toEqual([4]);
    radios(element)[4].click();
    await element.updateComplete;
    expect(transport.sent.map((event) => event.rating?.value)).toEqual([4, 5]);
    element.scale = 'nps';
    await element.updateComplete;
    radios(element)[5].click();
    await element.updateComplete;
    expect(transport.sent.map((event) => `${event.rating?.scale} ${event.rating?.value}`)).toEqual(['stars 4', 'stars 5', 'nps 5']);
  });

  it('a score whose submit was cancelled is sent when committed again', async () => {
    const element = await mountRatingBar({}, { transport });
    element.addEventListener('feelback-submit', (event) => event.preventDefault(), { once: true });
    radios(element)[2].click();
    radios(element)[2].click();
    expect(transport.sent.map((event) => event.rating?.value)).toEqual([3]);
  });

  it('the widget id defaults to the tag name', async () => {
    const element = await mountRatingBar({}, { transport });
    radios(element)[0].click();
    expect(transport.sent[0].widget).toBe('feelback-rating-bar');
  });

  it('fires feelback-change, then a cancelable feelback-submit carrying the event', async () => {
    const element = await mountRatingBar({}, { transport });
    const seen: string[] = [];
    element.addEventListener('feelback-change', (e) => seen.push(`change:${(e as CustomEvent).detail.value}`));
    element.addEventListener('feelback-submit', (e) => seen.push(`submit:${(e as CustomEvent).detail.event.rating.value}`));
    radios(element)[1].click();
    expect(seen).toEqual(['change:2', 'submit:2']);
  });

  it('preventDefault on feelback-submit stops the send', async () => {
    const element = await mountRatingBar({}, { transport });
    element.addEventListener('feelback-submit', (e) => e.preventDefault());
    radios(element)[1].click();
    expect(transport.sent).toHaveLength(0);
  });

  it('events bubble out of the shadow root to the page', async () => {
    const element = await mountRatingBar({}, { transport });
    const onPage = vi.fn();
    document.body.addEventListener('feelback-submit', onPage);
    radios(element)[0].click();
    document.body.removeEventListener('feelback-submit', onPage);
    expect(onPage).toHaveBeenCalledOnce();
  });

  it('reports feelback-sent and feelback-error for its own events only', async () => {
    const element = await mountRatingBar({}, { transport });
    const sent = vi.fn();
    const errors = vi.fn();
    element.addEventListener('feelback-sent', (e) => sent((e as CustomEvent).detail));
    element.addEventListener('feelback-error', (e) => errors((e as CustomEvent).detail));
    radios(element)[4].click();
    const { id } = transport.sent[0];
    transport.accept('someone-else');
    transport.fail(id, 'HTTP 503 from http://x', true);
    transport.accept(id);
    expect(errors).toHaveBeenCalledWith({ id, error: 'HTTP 503 from http://x', willRetry: true });
    expect(sent).toHaveBeenCalledTimes(1);
    expect(sent).toHaveBeenCalledWith({ id });
  });

  it('hovering a star lights it and the ones before it, without selecting', async () => {
    const element = await mountRatingBar({}, { transport });
    // As a browser does when the pointer comes over an option: pointerover bubbles to the group.
    radios(element)[2].dispatchEvent(new Event('pointerover', { bubbles: true, composed: true }));
    await element.updateComplete;
    expect(radios(element).map((radio) => radio.classList.contains('lit'))).toEqual([true, true, true, false, false]);
    expect(checked(element)).toHaveLength(0);
    shadow(element, '[role="radiogroup"]')!.dispatchEvent(new Event('pointerleave'));
    await element.updateComplete;
    expect(radios(element).some((radio) => radio.classList.contains('lit'))).toBe(false);
  });

  it('disabled: nothing can be picked or sent, and nothing is focusable', async () => {
    const element = await mountRatingBar({ disabled: true }, { transport });
    radios(element)[2].click();
    expect(transport.sent).toHaveLength(0);
    expect(radios(element).every((radio) => radio.getAttribute('tabindex') === '-1')).toBe(true);
    expect(shadow(element, '[role="radiogroup"]')?.getAttribute('aria-disabled')).toBe('true');
  });
});

describe('<feelback-rating-bar> keyboard', () => {
  it('one option is in the tab order: the selected one, else the first', async () => {
    const element = await mountRatingBar({}, { transport });
    expect(radios(element).map((radio) => radio.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1', '-1']);
    element.value = 3;
    await element.updateComplete;
    expect(radios(element).map((radio) => radio.getAttribute('tabindex'))).toEqual(['-1', '-1', '0', '-1', '-1']);
  });

  it('arrow keys move the selection and focus without sending; Enter commits', async () => {
    const element = await mountRatingBar({}, { transport });
    radios(element)[0].focus();
    press(radios(element)[0], 'ArrowRight');
    await element.updateComplete;
    press(radios(element)[1], 'ArrowRight');
    await element.updateComplete;
    await element.updateComplete;
    expect(transport.sent).toHaveLength(0);
    expect(checked(element)[0].getAttribute('aria-label')).toBe('3 of 5 stars');
    expect(element.shadowRoot!.activeElement).toBe(radios(element)[2]);
    press(radios(element)[2], 'Enter');
    expect(transport.sent.map((event) => event.rating?.value)).toEqual([3]);
  });

  it('Home, End, wrap-around and Space', async () => {
    const element = await mountRatingBar({}, { transport });
    radios(element)[0].focus();
    press(radios(element)[0], 'End');
    await element.updateComplete;
    expect(element.value).toBe(5);
    press(radios(element)[4], 'ArrowRight');
    await element.updateComplete;
    expect(element.value).toBe(1);
    press(radios(element)[0], 'ArrowLeft');
    await element.updateComplete;
    expect(element.value).toBe(5);
    press(radios(element)[4], 'Home');
    await element.updateComplete;
    press(radios(element)[0], ' ');
    expect(transport.sent.map((event) => event.rating?.value)).toEqual([1]);
  });

  it('in a right-to-left container ArrowLeft moves forward', async () => {
    const element = await mount<RatingBar>('<div dir="rtl"><feelback-rating-bar></feelback-rating-bar></div>', () => {});
    const inner = element.querySelector('feelback-rating-bar') as RatingBar;
    inner.transport = transport;
    await inner.updateComplete;
    radios(inner)[0].focus();
    press(radios(inner)[0], 'ArrowLeft');
    await inner.updateComplete;
    expect(inner.value).toBe(2);
  });

  it('a preset value is selected but not sent, and shows no Send button', async () => {
    const element = await mountRatingBar({ scale: 'nps', value: '8' }, { transport });
    expect(checked(element).map((radio) => radio.getAttribute('aria-label'))).toEqual(['8 of 10']);
    expect(shadow(element, '[part~="send-button"]')).toBeNull();
    expect(transport.sent).toHaveLength(0);
  });

  it('a Send button appears for a moved, uncommitted selection and commits it', async () => {
    const element = await mountRatingBar({}, { transport });
    expect(shadow(element, '[part~="send-button"]')).toBeNull();
    press(radios(element)[0], 'ArrowRight');
    await element.updateComplete;
    const send = shadow<HTMLButtonElement>(element, '[part~="send-button"]')!;
    expect(send.textContent?.trim()).toBe('Send');
    send.click();
    expect(transport.sent.map((event) => event.rating?.value)).toEqual([2]);
  });

  it('after Send commits a moved selection, focus goes to the chosen option, not the page', async () => {
    const element = await mountRatingBar({}, { transport });
    radios(element)[0].focus();
    press(radios(element)[0], 'ArrowRight');
    await element.updateComplete;
    await element.updateComplete;
    const send = shadow<HTMLButtonElement>(element, '[part~="send-button"]')!;
    send.focus();
    send.click();
    await element.updateComplete;
    await element.updateComplete;
    expect(shadow(element, '[part~="send-button"]')).toBeNull();
    expect(element.shadowRoot!.activeElement).toBe(radios(element)[1]);
  });
});

describe('<feelback-rating-bar comment>', () => {
  it('offers a labelled comment box after the score and sends the comment pointing back at the rating', async () => {
    const element = await mountRatingBar({ comment: true }, { transport });
    radios(element)[1].click();
    await element.updateComplete;
    const box = shadow<HTMLTextAreaElement>(element, 'textarea')!;
    expect(shadow(element, `label[for="${box.id}"]`)?.textContent).toBe('Anything you would like to add?');
    box.value = '  Checkout\u0007 was slow 🐢  ';
    box.dispatchEvent(new Event('input'));
    await element.updateComplete;
    // The pasted control character is invisible, so it neither stays in the box nor counts.
    expect(box.value).toBe('  Checkout was slow 🐢  ');
    expect(shadow(element, '.count')?.textContent).toBe('23 of 1000 characters');
    shadow<HTMLButtonElement>(element, '[part~="send-button"]')!.click();
    await element.updateComplete;
    const [rating, comment] = transport.sent;
    expect(comment.type).toBe('comment');
    expect(comment.comment).toEqual({ text: 'Checkout was slow 🐢', replyTo: rating.id });
    expect(comment.id).not.toBe(rating.id);
    expect(shadow(element, '[part="confirmation"]')).not.toBeNull();
    expect(shadow(element, 'textarea')).toBeNull();
  });

  it('a tap leaves focus on the star (no on-screen keyboard) and announces the comment box', async () => {
    const element = await mountRatingBar({ comment: true }, { transport });
    radios(element)[3].focus();
    radios(element)[3].click();
    await element.updateComplete;
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement).toBe(radios(element)[3]);
    expect(shadow(element, '[role="status"]')?.textContent).toBe('You chose 4 of 5 stars. Anything you would like to add?');
  });

  it('Enter moves focus into the comment box, where a keyboard user types next', async () => {
    const element = await mountRatingBar({ comment: true }, { transport });
    radios(element)[0].focus();
    press(radios(element)[0], 'Enter');
    await element.updateComplete;
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement).toBe(shadow(element, 'textarea'));
  });

  it('caps the comment in characters (an emoji is one), as the count does, and says when the limit is reached', async () => {
    const element = await mountRatingBar({ comment: true, maxlength: '5' }, { transport });
    radios(element)[1].click();
    await element.updateComplete;
    const box = shadow<HTMLTextAreaElement>(element, 'textarea')!;
    expect(box.hasAttribute('maxlength')).toBe(false);
    box.value = 'ok 🐢🐢🐢';
    box.dispatchEvent(new Event('input'));
    await element.updateComplete;
    expect(box.value).toBe('ok 🐢🐢');
    expect(shadow(element, '.count')?.textContent).toBe('5 of 5 characters');
    expect(shadow(element, '[role="status"]')?.textContent).toBe('You have reached the limit of 5 characters.');
    shadow<HTMLButtonElement>(element, '[part~="send-button"]')!.click();
    expect(transport.sent[1].comment?.text).toBe('ok 🐢🐢');
  });

  it('the deprecated max-length attribute still caps the comment, with one deprecation warning per page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mountRatingBar({ comment: true, 'max-length': '5' }, { transport });
    await mountRatingBar({ comment: true, 'max-length': '7' }, { transport });
    expect(element.maxLength).toBe(5);
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      'feelback: <feelback-rating-bar> max-length is deprecated; use maxlength. It still works for now.',
    ]);
    radios(element)[1].click();
    await element.updateComplete;
    expect(shadow(element, '[part="count"]')?.textContent).toBe('0 of 5 characters');
  });

  it('maxlength wins over the deprecated max-length when both are given', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mountRatingBar({ comment: true, maxlength: '8', 'max-length': '5' }, { transport });
    expect(element.maxLength).toBe(8);
  });

  it('Skip sends nothing more and thanks the visitor', async () => {
    const element = await mountRatingBar({ comment: true }, { transport });
    radios(element)[1].click();
    await element.updateComplete;
    shadow<HTMLButtonElement>(element, '[part~="skip-button"]')!.click();
    await element.updateComplete;
    expect(transport.sent).toHaveLength(1);
    expect(shadow(element, '[part="confirmation"]')?.textContent).toBe('Thank you for your feedback.');
  });

  it('announces the choice to screen readers', async () => {
    const element = await mountRatingBar({}, { transport });
    radios(element)[4].click();
    await element.updateComplete;
    expect(shadow(element, '[role="status"]')?.textContent).toBe('You chose 5 of 5 stars. Thank you for your feedback.');
  });
});

describe('<feelback-rating-bar> configuration', () => {
  it('without a transport property it uses configure()\'s endpoint, and its metadata merged under the element\'s', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    configure({ endpoint: 'https://collect.example/feedback', metadata: { app: 'shop', plan: 'free' }, transport: { fetch, flushIntervalMs: 0 } });
    const element = await mountRatingBar({}, { setup: (el) => (el.metadata = { plan: 'pro' }) });
    radios(element)[0].click();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://collect.example/feedback');
    const body = JSON.parse(String(init.body));
    expect(body.v).toBe(1);
    expect(body.events[0].metadata).toEqual({ app: 'shop', plan: 'pro' });
  });

  it('with no endpoint anywhere it reports a clear feelback-error instead of failing silently', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mountRatingBar();
    const errors = vi.fn();
    element.addEventListener('feelback-error', (e) => errors((e as CustomEvent).detail.error));
    radios(element)[0].click();
    expect(errors.mock.calls[0][0]).toMatch(/no endpoint/);
  });

  it('strings can be overridden per message', async () => {
    const element = await mountRatingBar({}, { transport });
    element.strings = { stars: '{n}/{max} ★' };
    await element.updateComplete;
    expect(names(element)[0]).toBe('1/5 ★');
  });
});
