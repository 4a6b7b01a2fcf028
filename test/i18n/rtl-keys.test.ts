import { describe, expect, it } from 'vitest';
import '../../src/define/feeling-prompt.js';
import '../../src/define/rating-bar.js';
import { mount, press, shadowAll } from '../support/dom.js';
import { FakeTransport } from '../support/fake-transport.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean>; transport?: FakeTransport };

async function widgetIn(markup: string, tag: string): Promise<Widget> {
  const wrapper = (await mount(markup, () => {})) as Element;
  const element = wrapper.querySelector(tag) as Widget;
  element.transport = new FakeTransport();
  await element.updateComplete;
  return element;
}

/** The index of the radio that holds focus, or of the checked one. */
function focusedIndex(element: Widget): number {
  const radios = shadowAll(element, '[role="radio"]');
  const active = element.shadowRoot!.activeElement;
  return radios.findIndex((radio) => radio === active);
}

async function pressOn(element: Widget, key: string): Promise<void> {
  const group = shadowAll(element, '[role="radiogroup"]')[0];
  press(group, key);
  await element.updateComplete;
  await element.updateComplete;
}

describe.each([
  ['feelback-rating-bar', '<feelback-rating-bar></feelback-rating-bar>'],
  ['feelback-feeling-prompt', '<feelback-feeling-prompt></feelback-feeling-prompt>'],
])('%s arrow keys follow the reading direction', (tag, inner) => {
  it('right to left: ArrowLeft moves to the next option, ArrowRight to the previous', async () => {
    const element = await widgetIn(`<div lang="ar" dir="rtl">${inner}</div>`, tag);
    shadowAll(element, '[role="radio"]')[0].focus();
    await pressOn(element, 'ArrowLeft');
    expect(focusedIndex(element)).toBe(1);
    await pressOn(element, 'ArrowLeft');
    expect(focusedIndex(element)).toBe(2);
    await pressOn(element, 'ArrowRight');
    expect(focusedIndex(element)).toBe(1);
  });

  it('left to right: ArrowRight moves to the next option', async () => {
    const element = await widgetIn(`<div dir="ltr">${inner}</div>`, tag);
    shadowAll(element, '[role="radio"]')[0].focus();
    await pressOn(element, 'ArrowRight');
    expect(focusedIndex(element)).toBe(1);
    await pressOn(element, 'ArrowLeft');
    expect(focusedIndex(element)).toBe(0);
  });
});
