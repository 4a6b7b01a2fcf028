import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { useBrowserSuite } from './support/suite.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const suite = useBrowserSuite();

interface Fixture {
  tag: string;
  markup: string;
  /** Each state, reached from the previous one by user action. */
  states: Array<[name: string, reach: () => Promise<void>]>;
}

const FIXTURES: Fixture[] = [
  {
    tag: 'feelback-rating-bar',
    markup: '<feelback-rating-bar endpoint="/collect" comment></feelback-rating-bar>',
    states: [
      ['initial', async () => {}],
      ['selected', async () => {
        await suite.page.getByRole('radio', { name: '1 of 5 stars' }).focus();
        await suite.page.keyboard.press('ArrowRight');
      }],
      ['follow-up', async () => {
        await suite.page.keyboard.press('Enter');
        await suite.page.getByRole('textbox').waitFor();
      }],
      ['confirmation', async () => {
        await suite.page.getByRole('textbox').fill('Fine');
        await suite.page.getByRole('button', { name: 'Send' }).click();
        await suite.page.locator('feelback-rating-bar [part~="confirmation"]').waitFor();
      }],
    ],
  },
  {
    tag: 'feelback-feeling-prompt',
    markup: '<feelback-feeling-prompt endpoint="/collect" offer-callback></feelback-feeling-prompt>',
    states: [
      ['initial', async () => {}],
      ['follow-up', async () => {
        await suite.page.getByRole('radio', { name: 'Angry' }).click();
        await suite.page.getByRole('button', { name: 'Request a call back' }).waitFor();
      }],
      ['call-back form', async () => {
        await suite.page.getByRole('button', { name: 'Request a call back' }).click();
        await suite.page.getByRole('textbox', { name: 'Name (required)' }).waitFor();
      }],
      ['confirmation', async () => {
        await suite.page.getByRole('button', { name: 'Cancel' }).click();
        await suite.page.getByRole('button', { name: 'Skip' }).click();
        await suite.page.locator('feelback-feeling-prompt [part~="confirmation"]').waitFor();
      }],
    ],
  },
  {
    tag: 'feelback-callback-request',
    markup: '<feelback-callback-request endpoint="/collect" min-fill-ms="0" cancelable></feelback-callback-request>',
    states: [
      ['initial', async () => {}],
      ['invalid', async () => {
        await suite.page.getByRole('button', { name: 'Request a call back' }).click();
        await expect.poll(() => suite.page.getByRole('textbox', { name: 'Name (required)' }).getAttribute('aria-invalid')).toBe('true');
      }],
      ['delivery error', async () => {
        suite.server.respond(() => 400);
        await suite.page.getByRole('textbox', { name: 'Name (required)' }).fill('Ada Lovelace');
        await suite.page.getByRole('textbox', { name: 'Phone number (required)' }).fill('+44 20 7946 0958');
        await suite.page.getByRole('checkbox', { name: /I agree/ }).check();
        await suite.page.getByRole('button', { name: 'Request a call back' }).click();
        await suite.page.getByRole('button', { name: /try again/i }).waitFor();
      }],
      ['confirmation', async () => {
        suite.server.respond(() => 204);
        await suite.page.getByRole('button', { name: /try again/i }).click();
        await suite.page.getByText(/We'll call you/).waitFor();
      }],
    ],
  },
];

function html(body: string): string {
  // A page that follows the visitor's scheme, as a dark-mode site does: the widgets sit on its background.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark"><title>a11y</title>
<style>html { background: #fff; } @media (prefers-color-scheme: dark) { html { background: #0d1117; } }</style>
<script type="module" src="/dist/feelback.min.js"></script></head><body><main>${body}</main></body></html>`;
}

async function open(fixture: Fixture, colorScheme: 'light' | 'dark' = 'light'): Promise<void> {
  await suite.page.emulateMedia({ colorScheme });
  await suite.openPage(`/${fixture.tag}.html`, html(`<button>before</button>${fixture.markup}`), { waitFor: fixture.tag });
  await suite.page.addScriptTag({ path: AXE });
}

/** Serious and critical axe violations inside the element (axe walks its shadow roots). */
function seriousViolations(tag: string): Promise<string[]> {
  return suite.page.evaluate(async (selector) => {
    // Judge the settled state: a fade-in caught half way is not the contrast a visitor reads.
    // document.getAnimations() leaves out animations inside shadow roots, so ask every root.
    const roots: Array<Document | ShadowRoot> = [document];
    const collect = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          roots.push(el.shadowRoot);
          collect(el.shadowRoot);
        }
      }
    };
    collect(document);
    const animations = roots.flatMap((root) => root.getAnimations());
    await Promise.all(animations.map((animation) => animation.finished.catch(() => undefined)));
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run({ include: [[selector]] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
  }, tag);
}

/** Every interactive thing in the element smaller than 24×24 CSS px (WCAG 2.2 target size, minimum). */
function smallTargets(tag: string): Promise<string[]> {
  return suite.page.evaluate((selector) => {
    const found: string[] = [];
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        const interactive = el.matches('button, [role="radio"], input:not([type="hidden"]):not([tabindex="-1"]), textarea, select, a[href]');
        if (!interactive || el.closest('[aria-hidden="true"]')) continue;
        const box = (el.matches('input[type="radio"], input[type="checkbox"]') ? el.closest('label') ?? el : el).getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue; // honeypot and other hidden fields
        if (box.width < 24 || box.height < 24) found.push(`${el.localName}.${el.className} ${box.width}×${box.height}`);
      }
    };
    walk(document.querySelector(selector)!.shadowRoot!);
    return found;
  }, tag);
}

describe.each(FIXTURES)('<$tag> accessibility', (fixture) => {
  it.each(['light', 'dark'] as const)('axe finds no serious or critical violation in any state (%s scheme), and every target is at least 24×24', async (scheme) => {
    await open(fixture, scheme);
    const report: Record<string, string[]> = {};
    for (const [name, reach] of fixture.states) {
      await reach();
      report[name] = [...(await seriousViolations(fixture.tag)), ...(await smallTargets(fixture.tag))];
    }
    expect(report).toEqual(Object.fromEntries(fixture.states.map(([name]) => [name, []])));
  });

  it('is reachable by Tab and shows a visible focus ring, also in forced-colors mode', async () => {
    for (const forcedColors of ['none', 'active'] as const) {
      await suite.page.emulateMedia({ forcedColors });
      await open(fixture);
      await suite.page.getByRole('button', { name: 'before' }).focus();
      await suite.page.keyboard.press('Tab');
      const focus = await suite.page.evaluate((tag) => {
        const host = document.querySelector(tag)!;
        let active = host.shadowRoot!.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        if (!active) return null;
        const style = getComputedStyle(active);
        return { inside: document.activeElement === host, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      }, fixture.tag);
      expect(focus, `forced colors ${forcedColors}`).toEqual({ inside: true, outline: expect.not.stringMatching(/^none$/), width: expect.any(Number) });
      expect(focus!.width, `forced colors ${forcedColors}`).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('complete keyboard paths and announcements', () => {
  const status = (tag: string) =>
    suite.page.evaluate((selector) => document.querySelector(selector)!.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? '', tag);

  it('rating bar: Tab, arrows, Enter, type, Tab to Send, Enter; each step announced', async () => {
    await open(FIXTURES[0]!);
    await suite.page.getByRole('button', { name: 'before' }).focus();
    await suite.page.keyboard.press('Tab');
    await suite.page.keyboard.press('End');
    await suite.page.keyboard.press('Enter');
    await expect.poll(() => status('feelback-rating-bar')).toContain('5 of 5 stars');
    await suite.page.keyboard.type('Great');
    await suite.page.keyboard.press('Tab');
    await suite.page.keyboard.press('Enter');
    const events = await suite.server.waitForAccepted(2);
    expect(events.map((event) => event.type).sort()).toEqual(['comment', 'rating']);
    await expect.poll(() => status('feelback-rating-bar')).toContain('Thank you');
  });

  it('feeling prompt: Tab, arrows, Enter, Tab into the comment, type, Tab to Send, Enter', async () => {
    await open({ ...FIXTURES[1]!, markup: '<feelback-feeling-prompt endpoint="/collect"></feelback-feeling-prompt>' });
    await suite.page.getByRole('button', { name: 'before' }).focus();
    await suite.page.keyboard.press('Tab');
    await suite.page.keyboard.press('ArrowRight');
    await suite.page.keyboard.press('Enter');
    await expect.poll(() => status('feelback-feeling-prompt')).not.toBe('');
    await suite.page.keyboard.press('Tab');
    await suite.page.keyboard.type('Slow');
    await suite.page.keyboard.press('Tab');
    await suite.page.keyboard.press('Enter');
    const events = await suite.server.waitForAccepted(2);
    expect(events.find((event) => event.type === 'feeling')?.feeling?.id).toBe('frustrated');
    expect(events.find((event) => event.type === 'comment')?.comment?.text).toBe('Slow');
  });

  it('callback request: every field by Tab and keys alone, then Enter submits', async () => {
    await open(FIXTURES[2]!);
    await suite.page.getByRole('button', { name: 'before' }).focus();
    await suite.page.keyboard.press('Tab');
    await suite.page.keyboard.type('Ada Lovelace');
    await suite.page.keyboard.press('Tab');
    await suite.page.keyboard.type('+44 20 7946 0958');
    await suite.page.keyboard.press('Tab');
    await suite.page.keyboard.press('ArrowDown');
    await suite.page.keyboard.press('Tab');
    await suite.page.keyboard.type('Order 12');
    await suite.page.keyboard.press('Tab');
    await suite.page.keyboard.press('Space');
    await suite.page.keyboard.press('Enter');
    const [event] = await suite.server.waitForAccepted(1);
    expect(event!.callback).toMatchObject({ name: 'Ada Lovelace', consent: true, topic: 'Order 12' });
    await suite.page.getByText(/We'll call you/).waitFor();
  });
});
