import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/index.js';
import { COMMENT_MAX_LENGTH, sanitizeText } from '../../src/context/text.js';
import { format } from '../../src/i18n/strings.js';
import type { LitElement } from 'lit';
import { mount, shadow, shadowAll } from '../support/dom.js';
import { FakeTransport } from '../support/fake-transport.js';
import { seededRandom } from '../support/seeded-random.mjs';
import { ELEMENT_FIXTURES, hostileString, type ElementFixture } from './fixtures.js';

const SEED = 20260309;
const STRINGS_PER_ATTRIBUTE = 12;

let transport: FakeTransport;
let pageErrors: unknown[];
const recordError = (event: ErrorEvent | PromiseRejectionEvent) => pageErrors.push('error' in event ? event.error : event.reason);

beforeEach(() => {
  transport = new FakeTransport();
  pageErrors = [];
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  window.addEventListener('error', recordError);
  window.addEventListener('unhandledrejection', recordError);
  delete (globalThis as { __pwned?: unknown }).__pwned;
});
afterEach(() => {
  window.removeEventListener('error', recordError);
  window.removeEventListener('unhandledrejection', recordError);
});

function tagsIn(element: Element): Set<string> {
  return new Set(shadowAll(element, '*').map((node) => node.localName));
}

/** Event-handler attributes anywhere in the shadow tree: markup that became markup. */
function handlerAttributes(element: Element): string[] {
  return shadowAll(element, '*').flatMap((node) =>
    [...node.attributes].filter((attribute) => attribute.name.startsWith('on')).map((attribute) => `${node.localName}[${attribute.name}]`),
  );
}

async function mountFixture(fixture: ElementFixture): Promise<LitElement> {
  return mount<LitElement>(`<${fixture.tag}></${fixture.tag}>`, (element) => {
    (element as unknown as { transport: FakeTransport }).transport = transport;
  });
}

/** What the shadow root shows as text, as the DOM holds it (no normalisation, so nothing is hidden). */
const shownText = (element: Element) => element.shadowRoot?.textContent ?? '';

function expectTextOnly(element: Element, allowedTags: Set<string>, context: string): void {
  const unexpected = [...tagsIn(element)].filter((tag) => !allowedTags.has(tag));
  expect(unexpected, `${context}: elements created from text`).toEqual([]);
  expect(handlerAttributes(element), `${context}: event-handler attributes`).toEqual([]);
  expect((globalThis as { __pwned?: unknown }).__pwned, `${context}: script ran`).toBeUndefined();
  expect(element.children.length, `${context}: light DOM children`).toBe(0);
}

describe.each(ELEMENT_FIXTURES)('<$tag> with random hostile text (seed 20260309)', (fixture) => {
  const attributes = [...Object.keys(fixture.textAttributes), ...fixture.otherAttributes];

  it.each(attributes)('attribute %s: never throws, never becomes markup', async (attribute) => {
    const element = await mountFixture(fixture);
    // What the attribute legitimately adds (end labels, say) is part of the allowed structure.
    element.setAttribute(attribute, 'plain words');
    await element.updateComplete;
    const allowed = new Set([...tagsIn(element)]);
    const random = seededRandom(SEED + attribute.length);
    for (let i = 0; i < STRINGS_PER_ATTRIBUTE; i++) {
      const value = hostileString(random);
      const context = `${attribute}=${JSON.stringify(value.slice(0, 80))}`;
      element.setAttribute(attribute, value);
      await expect(element.updateComplete, context).resolves.toBeTypeOf('boolean');
      expectTextOnly(element, allowed, context);
      if (attribute in fixture.textAttributes) expect(shownText(element), context).toContain(value);
    }
    element.removeAttribute(attribute);
    await element.updateComplete;
    expect(pageErrors).toEqual([]);
  });

  it.each(attributes)('attribute %s set before the element connects: renders as text', async (attribute) => {
    const random = seededRandom(SEED * 7 + attribute.length);
    const value = hostileString(random);
    const baseline = await mountFixture(fixture);
    baseline.setAttribute(attribute, 'plain words');
    await baseline.updateComplete;
    const allowed = tagsIn(baseline);
    const element = document.createElement(fixture.tag) as unknown as LitElement;
    element.setAttribute(attribute, value);
    (element as unknown as { transport: FakeTransport }).transport = transport;
    document.body.append(element);
    await element.updateComplete;
    expectTextOnly(element, allowed, attribute);
    if (attribute in fixture.textAttributes) expect(shownText(element)).toContain(value);
    expect(pageErrors).toEqual([]);
  });

  it.each(Object.keys(fixture.textProperties))('property %s: never throws, never becomes markup', async (property) => {
    const element = await mountFixture(fixture);
    const allowed = tagsIn(element);
    const random = seededRandom(SEED + property.length * 31);
    for (let i = 0; i < STRINGS_PER_ATTRIBUTE; i++) {
      const value = hostileString(random);
      const context = `${property} from ${JSON.stringify(value.slice(0, 80))}`;
      (element as unknown as Record<string, unknown>)[property] = fixture.textProperties[property]!(value);
      await expect(element.updateComplete, context).resolves.toBeTypeOf('boolean');
      expectTextOnly(element, allowed, context);
    }
    expect(pageErrors).toEqual([]);
  });
});

describe('site-supplied text shows verbatim', () => {
  const markup = '<img src=x onerror="globalThis.__pwned=1"> & <b>"quoted"</b> مرحبا 👩🏽‍💻';

  it('a feeling label and glyph from the feelings property are text, not markup', async () => {
    const element = await mountFixture(ELEMENT_FIXTURES[1]!);
    (element as unknown as { feelings: unknown }).feelings = [
      { id: 'x', label: markup, score: -1, glyph: '<b>!</b>' },
      { id: 'y', label: 'Fine', score: 1 },
    ];
    await element.updateComplete;
    const labels = shadowAll(element, '[part~="label"]').map((label) => label.textContent);
    expect(labels).toEqual([markup, 'Fine']);
    expect(shadow(element, '[part~="icon"]')?.textContent).toBe('<b>!</b>');
    expect(shadowAll(element, 'img, b')).toEqual([]);
  });

  it('a best-time label from the windows property is text, not markup', async () => {
    const element = await mountFixture(ELEMENT_FIXTURES[2]!);
    (element as unknown as { windows: unknown }).windows = [{ id: 'now', label: markup }];
    await element.updateComplete;
    expect(shadow(element, '[part~="choice"]')?.textContent?.trim()).toBe(markup);
    expect(shadowAll(element, 'img, b')).toEqual([]);
  });

  it('a placeholder that names an Object.prototype member stays literal', () => {
    // `{constructor}` in a site's own string must not print "function Object() { [native code] }".
    expect(format('Thanks {constructor} {toString} {n}', { n: 3 })).toBe('Thanks {constructor} {toString} 3');
  });
});

describe('text a visitor types', () => {
  const DIRTY = 'Bad\u0000 day\u0007\u001b[31m \u0085ok\r\nمرحبا بالعالم 👩🏽‍💻🇺🇳 שלום';
  const CLEAN = 'Bad day[31m ok\r\nمرحبا بالعالم 👩🏽‍💻🇺🇳 שלום';

  it('sanitizeText strips C0/C1 controls but keeps line breaks, emoji sequences and right-to-left text', () => {
    expect(sanitizeText(DIRTY)).toBe(CLEAN);
  });

  it('sanitizeText caps by characters and never splits an emoji', () => {
    const text = '👍'.repeat(COMMENT_MAX_LENGTH + 5);
    const capped = sanitizeText(text);
    expect(Array.from(capped)).toHaveLength(COMMENT_MAX_LENGTH);
    expect(capped).toBe('👍'.repeat(COMMENT_MAX_LENGTH));
  });

  async function typeInto(element: LitElement, selector: string, value: string): Promise<void> {
    const box = shadow<HTMLTextAreaElement | HTMLInputElement>(element, selector)!;
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await element.updateComplete;
  }

  async function clickButton(element: LitElement, name: string): Promise<void> {
    const button = shadowAll<HTMLButtonElement>(element, 'button').find((candidate) => candidate.textContent?.trim() === name);
    if (!button) throw new Error(`no button "${name}"`);
    button.click();
    await element.updateComplete;
  }

  it('a rating-bar comment arrives cleaned and capped', async () => {
    const element = await mount<LitElement>('<feelback-rating-bar comment max-length="40"></feelback-rating-bar>', (bar) => {
      (bar as unknown as { transport: FakeTransport }).transport = transport;
    });
    shadowAll(element, '[role="radio"]')[1]!.click();
    await element.updateComplete;
    await typeInto(element, 'textarea', `${DIRTY} ${'x'.repeat(100)}`);
    await clickButton(element, 'Send');
    const comment = transport.sent.find((event) => event.type === 'comment')!;
    expect(comment.comment!.text).toBe(Array.from(`${CLEAN} ${'x'.repeat(100)}`).slice(0, 40).join(''));
  });

  it('a feeling-prompt comment arrives cleaned, with emoji and right-to-left text intact', async () => {
    const element = await mountFixture(ELEMENT_FIXTURES[1]!);
    shadowAll(element, '[role="radio"]')[0]!.click();
    await element.updateComplete;
    await typeInto(element, 'textarea', DIRTY);
    await clickButton(element, 'Send');
    const comment = transport.sent.find((event) => event.type === 'comment')!;
    expect(comment.comment!.text).toBe(CLEAN);
  });

  it('a call-back topic and name arrive cleaned, the topic capped at 500 characters', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const element = await mountFixture(ELEMENT_FIXTURES[2]!);
      await typeInto(element, '#name', 'Ada\u0000 <b>Lovelace</b> 👩🏽‍💻');
      await typeInto(element, '#phone', '+44 20 7946 0958');
      await typeInto(element, '#topic', `${DIRTY}`);
      const consent = shadow<HTMLInputElement>(element, '#consent')!;
      consent.click();
      await element.updateComplete;
      vi.setSystemTime(Date.now() + 10_000);
      shadow<HTMLButtonElement>(element, 'button[type="submit"]')!.click();
      await element.updateComplete;
      const callback = transport.sent.find((event) => event.type === 'callback')!.callback!;
      expect(callback.name).toBe('Ada <b>Lovelace</b> 👩🏽‍💻');
      expect(callback.topic).toBe(CLEAN);
    } finally {
      vi.useRealTimers();
    }
  });
});
