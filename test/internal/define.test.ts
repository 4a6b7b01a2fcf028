import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineElement, UPGRADE_IN_SCRIPT_TASK } from '../../src/internal/define.js';

let tagCount = 0;
/** A tag no other test has defined (the registry lasts for the whole file). */
const freshTag = () => `x-define-test-${++tagCount}`;

/** Puts `count` not-yet-defined `<tag>` elements in the page, as a server-rendered page would have them. */
function parsed(tag: string, count: number): Element[] {
  const elements = Array.from({ length: count }, () => document.createElement(tag));
  document.body.append(...elements);
  return elements;
}

const nextTask = () => new Promise((done) => setTimeout(done, 0));

afterEach(() => {
  document.body.replaceChildren();
});

describe('defineElement', () => {
  it('defines the tag at once when the page holds no more than a few such elements', () => {
    const tag = freshTag();
    const [first] = parsed(tag, UPGRADE_IN_SCRIPT_TASK);
    class Widget extends HTMLElement {}
    defineElement(tag, Widget);
    expect(customElements.get(tag)).toBe(Widget);
    expect(first).toBeInstanceOf(Widget);
  });

  it('upgrades many elements already in the page in the next task, not the defining script’s', async () => {
    const tag = freshTag();
    const elements = parsed(tag, UPGRADE_IN_SCRIPT_TASK + 1);
    const constructed = vi.fn();
    class Widget extends HTMLElement {
      constructor() {
        super();
        constructed();
      }
    }
    defineElement(tag, Widget);
    expect(customElements.get(tag)).toBeUndefined();
    expect(constructed).not.toHaveBeenCalled();
    // whenDefined() is how a page waits for it either way.
    const defined = vi.fn();
    void customElements.whenDefined(tag).then(defined);

    await nextTask();
    expect(customElements.get(tag)).toBe(Widget);
    expect(constructed).toHaveBeenCalledTimes(elements.length);
    expect(elements.every((element) => element instanceof Widget)).toBe(true);
    expect(defined).toHaveBeenCalled();
  });

  it('a second copy warns once and keeps the first definition, whichever of them waited', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tag = freshTag();
    parsed(tag, UPGRADE_IN_SCRIPT_TASK + 1);
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    defineElement(tag, First);
    defineElement(tag, Second);
    await nextTask();
    expect(customElements.get(tag)).toBe(First);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain(`<${tag}> is already defined by another copy of feelback`);
  });

  it('does nothing where there is no custom-element registry (server rendering)', () => {
    vi.stubGlobal('customElements', undefined);
    expect(() => defineElement(freshTag(), class extends HTMLElement {})).not.toThrow();
    vi.unstubAllGlobals();
  });
});
