import { beforeEach, describe, expect, it } from 'vitest';
import { press, shadow, shadowAll } from '../../support/dom.js';
import { FakeTransport } from '../../support/fake-transport.js';
import { mountFeelingPrompt } from '../../support/feeling-prompt.js';

let transport: FakeTransport;

beforeEach(() => {
  transport = new FakeTransport();
});

describe('the roving radio group listens once, on the group', () => {
  it('a click on the face inside an option commits that option', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    shadowAll(element, '[part="icon"]')[3].click();
    await element.updateComplete;
    expect(transport.sent.map((event) => event.feeling?.id)).toEqual(['happy']);
    expect(shadow(element, '[aria-checked="true"]')?.dataset.feeling).toBe('happy');
  });

  it('a click on the group between options commits nothing', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    shadow(element, '[role="radiogroup"]')!.click();
    expect(transport.sent).toHaveLength(0);
  });

  it('End then Enter commits the last option; the tab stop follows', async () => {
    const element = await mountFeelingPrompt({}, { transport });
    const group = shadow(element, '[role="radiogroup"]')!;
    press(group, 'End');
    await element.updateComplete;
    expect(shadowAll(element, '[role="radio"]').map((radio) => radio.tabIndex)).toEqual([-1, -1, -1, -1, 0]);
    press(group, 'Enter');
    expect(transport.sent.map((event) => event.feeling?.id)).toEqual(['delighted']);
  });
});
