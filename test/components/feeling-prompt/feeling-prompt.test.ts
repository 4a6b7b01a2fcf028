import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FEELINGS, feelingPolarity, type Feeling } from '../../../src/components/feeling-prompt/feelings.js';
import { registerLocale } from '../../../src/i18n/strings.js';
import { press, shadow, shadowAll } from '../../support/dom.js';
import { FakeTransport } from '../../support/fake-transport.js';
import {
  accessibleName,
  buttonNamed,
  clickButton,
  focused,
  pick,
  mountFeelingPrompt,
  radioNamed,
  radios,
  statusText,
  textBox,
  textBoxLabel,
  type,
} from '../../support/feeling-prompt.js';

let transport: FakeTransport;

beforeEach(() => {
  transport = new FakeTransport();
});

describe('<feelback-feeling-prompt> feelings', () => {
  it('asks "How did we make you feel?" over five named feelings in a labelled radiogroup', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    const group = shadow(element, '[role="radiogroup"]')!;
    const question = shadow(element, `#${group.getAttribute('aria-labelledby')}`);
    expect(question?.textContent).toBe('How did we make you feel?');
    expect(radios(element).map(accessibleName)).toEqual(['Angry', 'Frustrated', 'Okay', 'Happy', 'Delighted']);
    expect(radios(element).every((radio) => radio.querySelector('[part="icon"] svg'))).toBe(true);
    expect(radios(element).every((radio) => radio.getAttribute('aria-checked') === 'false')).toBe(true);
    expect(element.value).toBeNull();
  });

  it('uses the question attribute', async () => {
    const element = await mountFeelingPrompt({ question: 'How was checkout?' }, { transport });
    expect(shadow(element, '[part="question"]')?.textContent).toBe('How was checkout?');
  });

  it.each([
    ['Angry', 'angry', -2],
    ['Frustrated', 'frustrated', -1],
    ['Okay', 'neutral', 0],
    ['Happy', 'happy', 1],
    ['Delighted', 'delighted', 2],
  ])('a click on "%s" sends { id: %s, score: %i } at once and checks it', async (name, id, score) => {
    const element = await mountFeelingPrompt({ 'widget-id': 'checkout' }, { transport });
    const changes: unknown[] = [];
    element.addEventListener('feelback-change', (event) => changes.push(event.detail));
    await pick(element, name);
    expect(transport.sent).toHaveLength(1);
    const [event] = transport.sent;
    expect(event).toMatchObject({ type: 'feeling', widget: 'checkout', feeling: { id, score } });
    expect(event.id).toBeUuidV4();
    expect(changes).toEqual([{ value: id }]);
    expect(radioNamed(element, name).getAttribute('aria-checked')).toBe('true');
    expect(radioNamed(element, name).getAttribute('part')).toBe('option option-selected');
    expect(element.value).toBe(id);
  });

  it('merges metadata into the feeling event', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    element.metadata = { plan: 'pro' };
    await pick(element, 'Happy');
    expect(transport.sent[0].metadata).toEqual({ plan: 'pro' });
  });

  it('feelback-submit can be cancelled: nothing reaches the transport', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    element.addEventListener('feelback-submit', (event) => event.preventDefault());
    await pick(element, 'Happy');
    expect(transport.sent).toHaveLength(0);
  });

  it('re-dispatches feelback-sent for its feeling event', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    const sent: unknown[] = [];
    element.addEventListener('feelback-sent', (event) => sent.push(event.detail));
    await pick(element, 'Okay');
    transport.accept(transport.sent[0].id);
    expect(sent).toEqual([{ id: transport.sent[0].id }]);
  });
});

describe('<feelback-feeling-prompt> follow-up', () => {
  it.each([
    ['Angry', 'We’re sorry we let you down.', 'What went wrong?'],
    ['Frustrated', 'We’re sorry we let you down.', 'What went wrong?'],
    ['Okay', 'Thanks for telling us.', 'What could we do better?'],
    ['Happy', 'That’s great to hear!', 'What did we do well?'],
    ['Delighted', 'That’s great to hear!', 'What did we do well?'],
  ])('after "%s" it says "%s" and asks "%s" as the text box label', async (name, intro, question) => {
    const element = await mountFeelingPrompt({}, { transport });
    await pick(element, name);
    expect(shadow(element, '[part="intro"]')?.textContent).toBe(intro);
    expect(textBoxLabel(element)).toBe(question);
    expect(textBox(element)?.getAttribute('aria-describedby')).toContain('intro');
    expect(buttonNamed(element, 'Send')).toBeTruthy();
    expect(buttonNamed(element, 'Skip')).toBeTruthy();
  });

  it('sends the comment as a second event whose replyTo is the feeling event id, then thanks', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    await pick(element, 'Frustrated');
    await type(element, 'The checkout page kept timing out.');
    await clickButton(element, 'Send');
    expect(transport.sent).toHaveLength(2);
    const [feeling, comment] = transport.sent;
    expect(comment).toMatchObject({ type: 'comment', comment: { text: 'The checkout page kept timing out.', replyTo: feeling.id } });
    expect(comment.id).not.toBe(feeling.id);
    const thanks = shadow(element, '[part="confirmation"]')!;
    expect(thanks.textContent).toBe('Thank you — we read every message.');
    expect(focused(element)).toBe(thanks);
    expect(radios(element)).toHaveLength(0);
  });

  it('cleans the comment: control characters go, whitespace is trimmed', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    await pick(element, 'Happy');
    await type(element, '  Fast\u0007 delivery  ');
    await clickButton(element, 'Send');
    expect(transport.sent[1].comment?.text).toBe('Fast delivery');
  });

  it('caps the comment at maxlength characters and counts live', async () => {
    const element = await mountFeelingPrompt({ maxlength: '10' }, { transport });
    await pick(element, 'Happy');
    const count = shadow(element, '[part="count"]')!;
    expect(count.textContent).toBe('0 of 10 characters');
    expect(textBox(element)?.getAttribute('aria-describedby')).toContain(count.id);
    await type(element, 'Great!');
    expect(count.textContent).toBe('6 of 10 characters');
    await type(element, '😀😀😀😀😀😀😀😀😀😀😀😀');
    expect(count.textContent).toBe('10 of 10 characters');
    expect(statusText(element)).toBe('You have reached the limit of 10 characters.');
    await clickButton(element, 'Send');
    expect(Array.from(transport.sent[1].comment!.text)).toHaveLength(10);
  });

  it('defaults the cap to 1000 characters', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    await pick(element, 'Okay');
    expect(shadow(element, '[part="count"]')?.textContent).toBe('0 of 1000 characters');
  });

  it('Skip sends nothing more and thanks the visitor', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    await pick(element, 'Angry');
    await type(element, 'half a thought');
    await clickButton(element, 'Skip');
    expect(transport.sent.map((event) => event.type)).toEqual(['feeling']);
    expect(shadow(element, '[part="confirmation"]')?.textContent).toBe('Thank you for telling us how you feel.');
  });

  it('Send with an empty box sends no comment', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    await pick(element, 'Happy');
    await type(element, '   ');
    await clickButton(element, 'Send');
    expect(transport.sent.map((event) => event.type)).toEqual(['feeling']);
    expect(shadow(element, '[part="confirmation"]')).toBeTruthy();
  });

  it('the answer can be changed before the follow-up is sent; the comment replies to the new feeling', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    await pick(element, 'Frustrated');
    await type(element, 'Actually it went fine');
    await pick(element, 'Happy');
    expect(transport.sent.map((event) => event.feeling?.id)).toEqual(['frustrated', 'happy']);
    expect(textBoxLabel(element)).toBe('What did we do well?');
    expect(textBox(element)?.value).toBe('Actually it went fine');
    expect(radioNamed(element, 'Frustrated').getAttribute('aria-checked')).toBe('false');
    await clickButton(element, 'Send');
    expect(transport.sent[2].comment?.replyTo).toBe(transport.sent[1].id);
  });

  it('picking the same feeling again sends nothing new', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    await pick(element, 'Happy');
    await pick(element, 'Happy');
    expect(transport.sent).toHaveLength(1);
  });

  it.each([
    ['no-comment', { 'no-comment': true }],
    ['comment="false"', { comment: 'false' }],
  ])('with %s a pick goes straight to thanks', async (_markup, attributes) => {
    const element = await mountFeelingPrompt(attributes, { transport });
    await pick(element, 'Happy');
    await element.updateComplete;
    expect(textBox(element)).toBeNull();
    expect(transport.sent).toHaveLength(1);
    const thanks = shadow(element, '[part="confirmation"]')!;
    expect(thanks.textContent).toBe('Thank you for telling us how you feel.');
    expect(focused(element)).toBe(thanks);
  });
});

describe('<feelback-feeling-prompt> keyboard', () => {
  it('has one tab stop; arrows, Home and End move focus without sending', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    const tabStops = () => radios(element).filter((radio) => radio.getAttribute('tabindex') === '0');
    expect(tabStops()).toEqual([radioNamed(element, 'Angry')]);
    radioNamed(element, 'Angry').focus();
    press(focused(element)!, 'ArrowRight');
    await element.updateComplete;
    expect(focused(element)).toBe(radioNamed(element, 'Frustrated'));
    press(focused(element)!, 'ArrowDown');
    await element.updateComplete;
    expect(focused(element)).toBe(radioNamed(element, 'Okay'));
    press(focused(element)!, 'End');
    await element.updateComplete;
    expect(focused(element)).toBe(radioNamed(element, 'Delighted'));
    press(focused(element)!, 'ArrowRight');
    await element.updateComplete;
    expect(focused(element)).toBe(radioNamed(element, 'Angry'));
    press(focused(element)!, 'ArrowLeft');
    await element.updateComplete;
    expect(focused(element)).toBe(radioNamed(element, 'Delighted'));
    press(focused(element)!, 'Home');
    await element.updateComplete;
    expect(focused(element)).toBe(radioNamed(element, 'Angry'));
    expect(tabStops()).toEqual([radioNamed(element, 'Angry')]);
    expect(transport.sent).toHaveLength(0);
  });

  it.each(['Enter', ' '])('%j commits the focused feeling', async (key) => {
    const element = await mountFeelingPrompt({}, { transport });
    radioNamed(element, 'Angry').focus();
    press(focused(element)!, 'ArrowRight');
    await element.updateComplete;
    press(focused(element)!, key);
    await element.updateComplete;
    expect(transport.sent[0].feeling).toEqual({ id: 'frustrated', score: -1 });
    expect(radioNamed(element, 'Frustrated').getAttribute('aria-checked')).toBe('true');
    expect(focused(element)).toBe(radioNamed(element, 'Frustrated'));
  });

  it('right to left, ArrowLeft moves forward', async () => {
    const element = await mountFeelingPrompt({ dir: 'rtl' }, { transport });
    radioNamed(element, 'Angry').focus();
    press(focused(element)!, 'ArrowLeft');
    await element.updateComplete;
    expect(focused(element)).toBe(radioNamed(element, 'Frustrated'));
    press(focused(element)!, 'ArrowRight');
    await element.updateComplete;
    expect(focused(element)).toBe(radioNamed(element, 'Angry'));
  });

  it('after a pick, the committed feeling holds the tab stop', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    await pick(element, 'Happy');
    const tabStops = radios(element).filter((radio) => radio.getAttribute('tabindex') === '0');
    expect(tabStops).toEqual([radioNamed(element, 'Happy')]);
  });
});

describe('<feelback-feeling-prompt> announcements and focus', () => {
  it('announces the choice and the follow-up; focus stays on the chosen face', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    await pick(element, 'Frustrated');
    expect(statusText(element)).toBe('You chose Frustrated. We’re sorry we let you down. What went wrong?');
    expect(focused(element)).toBe(radioNamed(element, 'Frustrated'));
  });

  it('announces the positive follow-up', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    await pick(element, 'Delighted');
    expect(statusText(element)).toBe('You chose Delighted. That’s great to hear! What did we do well?');
  });

  it('announces the thank-you when focus was not inside (e.g. a pointer without focus)', async () => {
    const element = await mountFeelingPrompt({ 'no-comment': true }, { transport });
    radioNamed(element, 'Okay').click();
    await element.updateComplete;
    expect(statusText(element)).toBe('You chose Okay. Thank you for telling us how you feel.');
  });

  it('the live region is there before anything happens, so screen readers track it', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    expect(shadow(element, '[role="status"]')?.getAttribute('aria-live')).toBe('polite');
    expect(statusText(element)).toBe('');
  });
});

describe('<feelback-feeling-prompt> custom feelings', () => {
  const feelings: Feeling[] = [
    { id: 'lost', label: 'Lost', score: -1, glyph: '😵' },
    { id: 'fine', label: 'Fine', score: 0, icon: '/fine.svg' },
    { id: 'relieved', label: 'Relieved', score: 3 },
  ];

  it('replaces the set, with its glyphs, icons and scores', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    element.feelings = feelings;
    await element.updateComplete;
    expect(radios(element).map(accessibleName)).toEqual(['Lost', 'Fine', 'Relieved']);
    expect(radioNamed(element, 'Lost').querySelector('[part="icon"]')?.textContent).toBe('😵');
    expect(radioNamed(element, 'Fine').querySelector('img')?.getAttribute('alt')).toBe('');
    await pick(element, 'Relieved');
    expect(transport.sent[0].feeling).toEqual({ id: 'relieved', score: 3 });
    expect(textBoxLabel(element)).toBe('What did we do well?');
  });

  it('a feeling\'s polarity can override its score\'s sign', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    element.feelings = [{ id: 'meh', label: 'Meh', score: 2, polarity: 'negative' }];
    await element.updateComplete;
    await pick(element, 'Meh');
    expect(textBoxLabel(element)).toBe('What went wrong?');
  });

  it('drops malformed entries with one warning; with none left it uses the defaults', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mountFeelingPrompt({}, { transport });
    element.feelings = [{ id: 'ok', label: 'OK', score: 0 }, { id: 'ok', label: 'Again', score: 1 }, { label: 'No id', score: 1 }] as Feeling[];
    await element.updateComplete;
    expect(radios(element).map(accessibleName)).toEqual(['OK']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/<feelback-feeling-prompt> feelings: entry 1 repeats the id "ok"; entry 2 has no id/);
    element.feelings = 'nope' as unknown as Feeling[];
    await element.updateComplete;
    expect(radios(element)).toHaveLength(5);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('feelingPolarity follows the sign of the score', () => {
    expect(DEFAULT_FEELINGS.map(feelingPolarity)).toEqual(['negative', 'negative', 'neutral', 'positive', 'positive']);
  });
});

describe('<feelback-feeling-prompt> strings, attributes, disabled', () => {
  it('every string can be overridden through strings', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    element.strings = { question: 'Ça va ?', feelingAngry: 'Furious', introNegative: 'Oh no.', followUpNegative: 'Tell us more', send: 'Go' };
    await element.updateComplete;
    expect(shadow(element, '[part="question"]')?.textContent).toBe('Ça va ?');
    await pick(element, 'Furious');
    expect(shadow(element, '[part="intro"]')?.textContent).toBe('Oh no.');
    expect(textBoxLabel(element)).toBe('Tell us more');
    expect(buttonNamed(element, 'Go')).toBeTruthy();
  });

  it('speaks a registered locale from the nearest lang, English for what it lacks', async () => {
    // qaa: reserved for local use, so no built-in table can fill the gaps.
    registerLocale('qaa', { 'feeling-prompt': { question: 'Wie haben Sie sich bei uns gefühlt?', feelingNeutral: 'Okay-ish' } });
    const element = await mountFeelingPrompt({ lang: 'qaa' }, { transport });
    expect(shadow(element, '[part="question"]')?.textContent).toBe('Wie haben Sie sich bei uns gefühlt?');
    expect(radios(element).map(accessibleName)[2]).toBe('Okay-ish');
    expect(radios(element).map(accessibleName)[0]).toBe('Angry');
  });

  it('removing maxlength restores 1000 without a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mountFeelingPrompt({ maxlength: '20' }, { transport });
    element.removeAttribute('maxlength');
    await element.updateComplete;
    await pick(element, 'Okay');
    expect(shadow(element, '[part="count"]')?.textContent).toBe('0 of 1000 characters');
    expect(warn).not.toHaveBeenCalled();
  });

  it('a bad maxlength warns once, naming the element, attribute and value, and uses 1000', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mountFeelingPrompt({ maxlength: 'lots' }, { transport });
    await mountFeelingPrompt({ maxlength: 'lots' }, { transport });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/<feelback-feeling-prompt> maxlength="NaN" is not a whole number from 1 to 10000; using 1000/);
    await pick(element, 'Okay');
    expect(shadow(element, '[part="count"]')?.textContent).toBe('0 of 1000 characters');
  });

  it('the deprecated max-length still caps the comment, with one deprecation warning; removing it restores 1000', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mountFeelingPrompt({ 'max-length': '10' }, { transport });
    await pick(element, 'Happy');
    expect(shadow(element, '[part="count"]')?.textContent).toBe('0 of 10 characters');
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      'feelback: <feelback-feeling-prompt> max-length is deprecated; use maxlength. It still works for now.',
    ]);
    element.removeAttribute('max-length');
    await element.updateComplete;
    expect(shadow(element, '[part="count"]')?.textContent).toBe('0 of 1000 characters');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('committing a feeling fires native input and change, like a radio group', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    const fired: string[] = [];
    element.addEventListener('input', () => fired.push('input'));
    element.addEventListener('change', () => fired.push('change'));
    await pick(element, 'Happy');
    expect(fired).toEqual(['input', 'change']);
    expect(element.value).toBe('happy');
  });

  it('disabled: faces cannot be picked or focused, nothing is sent', async () => {
    const element = await mountFeelingPrompt({ disabled: true }, { transport });
    expect(radios(element).every((radio) => radio.getAttribute('aria-disabled') === 'true')).toBe(true);
    expect(radios(element).every((radio) => radio.getAttribute('tabindex') === '-1')).toBe(true);
    radioNamed(element, 'Happy').click();
    press(radioNamed(element, 'Happy'), 'Enter');
    await element.updateComplete;
    expect(transport.sent).toHaveLength(0);
  });

  it('disabled during the follow-up disables the box and buttons', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    await pick(element, 'Happy');
    element.disabled = true;
    await element.updateComplete;
    expect(textBox(element)?.disabled).toBe(true);
    expect(shadowAll<HTMLButtonElement>(element, 'button').every((button) => button.disabled)).toBe(true);
  });

  it('reset() starts over without sending', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    await pick(element, 'Happy');
    await clickButton(element, 'Skip');
    element.reset();
    await element.updateComplete;
    expect(radios(element)).toHaveLength(5);
    expect(element.value).toBeNull();
    expect(transport.sent).toHaveLength(1);
  });
});
