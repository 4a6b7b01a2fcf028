import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/define/rating-bar.js';
import '../../../src/define/launcher.js';
import type { Launcher } from '../../../src/components/launcher/launcher.js';
import { resetLauncherState } from '../../../src/components/launcher/launcher.js';
import { createStateStore, KEY_PREFIX } from '../../../src/components/launcher/state-store.js';
import { DAY_MS } from '../../../src/components/launcher/decide.js';
import { configure } from '../../../src/config.js';
import { FakeTransport } from '../../support/fake-transport.js';
import { shadow, shadowAll } from '../../support/dom.js';

let transport: FakeTransport;

/** Puts a launcher around a rating bar (whose events go to `transport`) on the page. */
function place(attributes = '', widgetId = 'checkout'): Launcher {
  const template = document.createElement('template');
  template.innerHTML = `<feelback-launcher ${attributes}><feelback-rating-bar widget-id="${widgetId}"></feelback-rating-bar></feelback-launcher>`; // static test markup
  const placed = template.content.firstElementChild as Launcher;
  (placed.firstElementChild as HTMLElement & { transport: FakeTransport }).transport = transport;
  document.body.append(placed);
  return placed;
}

const panelOf = (launcher: Launcher) => shadow<HTMLElement>(launcher, '[part="base"]')!;
const opened = (launcher: Launcher) => vi.waitFor(() => expect(launcher.open).toBe(true));
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const launcherEvents = () => transport.sent.filter((event) => event.type === 'shown' || event.type === 'dismissed');

beforeEach(() => {
  localStorage.clear();
  resetLauncherState();
  transport = new FakeTransport();
  history.replaceState(null, '', '/');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('<feelback-launcher>', () => {
  it('opens on load with no trigger, says so, and sends a shown event to the widget\'s transport', async () => {
    const shows: unknown[] = [];
    document.addEventListener('feelback-show', (event) => shows.push((event as CustomEvent).detail), { once: true });
    const launcher = place();
    await opened(launcher);
    expect(panelOf(launcher).hidden).toBe(false);
    expect(panelOf(launcher).getAttribute('role')).toBe('dialog');
    expect(shadow(launcher, '[part="close"]')!.getAttribute('aria-label')).toBe('Close');
    expect(shows).toEqual([{ launcher: 'checkout', trigger: 'load' }]);
    expect(launcherEvents()).toMatchObject([{ type: 'shown', widget: 'checkout', launcher: { id: 'checkout', display: 'popover', trigger: 'load' } }]);
    // The popover does not take focus.
    expect(launcher.contains(document.activeElement)).toBe(false);
  });

  it('closes from its close button as a dismiss, then waits dismissed-days before asking again', async () => {
    const launcher = place();
    await opened(launcher);
    const dismisses: unknown[] = [];
    launcher.addEventListener('feelback-dismiss', (event) => dismisses.push(event.detail));
    shadow<HTMLButtonElement>(launcher, '[part="close"]')!.click();
    expect(launcher.open).toBe(false);
    expect(panelOf(launcher).hidden).toBe(true);
    expect(dismisses).toEqual([{ launcher: 'checkout', reason: 'close' }]);
    expect(launcherEvents().map((event) => [event.type, event.launcher?.reason])).toEqual([['shown', undefined], ['dismissed', 'close']]);

    launcher.remove();
    configure({ launcher: { recontactDays: 0 } });
    const again = place();
    await settle();
    expect(again.open).toBe(false);
    // Eight days later the dismiss no longer holds it back.
    const record = JSON.parse(localStorage.getItem(`${KEY_PREFIX}checkout`)!);
    localStorage.setItem(`${KEY_PREFIX}checkout`, JSON.stringify({ ...record, dismissedAt: Date.now() - 8 * DAY_MS }));
    again.remove();
    const later = place();
    await opened(later);
  });

  it('closes on Escape from inside the popover as a dismiss with reason escape', async () => {
    const launcher = place();
    await opened(launcher);
    const reasons: string[] = [];
    launcher.addEventListener('feelback-dismiss', (event) => reasons.push(event.detail.reason));
    launcher.firstElementChild!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(launcher.open).toBe(false);
    expect(reasons).toEqual(['escape']);
  });

  it('counts an answer: closing afterwards is no dismiss, and it stays hidden for answered-days', async () => {
    const launcher = place();
    await opened(launcher);
    shadowAll(launcher.firstElementChild!, '[role="radio"]')[4].click();
    await settle();
    expect(transport.sent.some((event) => event.type === 'rating')).toBe(true);
    shadow<HTMLButtonElement>(launcher, '[part="close"]')!.click();
    expect(launcherEvents().map((event) => event.type)).toEqual(['shown']);
    launcher.remove();
    configure({ launcher: { recontactDays: 0 } });
    const again = place();
    await settle();
    expect(again.open).toBe(false);
    again.remove();
    const soon = place('answered-days="0"');
    await opened(soon);
  });

  it('a cancelled send is not an answer', async () => {
    const launcher = place();
    await opened(launcher);
    launcher.addEventListener('feelback-submit', (event) => event.preventDefault());
    shadowAll(launcher.firstElementChild!, '[role="radio"]')[4].click();
    await settle();
    shadow<HTMLButtonElement>(launcher, '[part="close"]')!.click();
    expect(launcherEvents().map((event) => event.type)).toEqual(['shown', 'dismissed']);
  });

  it('opens after its delay, and a route change away cancels a pending delay', async () => {
    history.replaceState(null, '', '/checkout/thanks');
    const launcher = place('delay="1" url="/checkout/*"');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(launcher.open).toBe(false);
    history.pushState(null, '', '/home');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(launcher.open).toBe(false);
    // Back on a matching route the delay starts over.
    history.pushState(null, '', '/checkout/done');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(launcher.open).toBe(false);
    await vi.waitFor(() => expect(launcher.open).toBe(true), { timeout: 2000 });
    expect(launcherEvents()[0].launcher).toMatchObject({ trigger: 'delay' });
  }, 10_000);

  it('stays off excluded pages', async () => {
    history.replaceState(null, '', '/admin/users');
    const launcher = place('url="/* !/admin/*"');
    await settle();
    expect(launcher.open).toBe(false);
  });

  it('samples visitors with a draw kept per launcher, so a reload does not re-draw', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.9);
    const launcher = place('sample="0.25"');
    await settle();
    expect(launcher.open).toBe(false);
    launcher.remove();
    vi.spyOn(Math, 'random').mockReturnValue(0.1);
    const reloaded = place('sample="0.25"');
    await settle();
    expect(reloaded.open).toBe(false);
    expect(JSON.parse(localStorage.getItem(`${KEY_PREFIX}checkout`)!).draw).toBe(0.9);
  });

  it('never opens two at a time, and holds others for the re-contact wait', async () => {
    configure({ launcher: { recontactDays: 0 } });
    const first = place('', 'one');
    await opened(first);
    const second = place('on-event="ask-two"', 'two');
    window.dispatchEvent(new Event('ask-two'));
    await settle();
    expect(second.open).toBe(false);

    shadow<HTMLButtonElement>(first, '[part="close"]')!.click();
    window.dispatchEvent(new Event('ask-two'));
    await opened(second);

    // With the default one-day re-contact wait, a third launcher keeps quiet.
    configure({ launcher: { recontactDays: 1 } });
    shadow<HTMLButtonElement>(second, '[part="close"]')!.click();
    const third = place('', 'three');
    await settle();
    expect(third.open).toBe(false);
    expect(await third.show()).toBe(false);
    expect(await third.show({ force: true })).toBe(true);
  });

  it('opens on a click matching on-click, and on a named window event', async () => {
    configure({ launcher: { recontactDays: 0 } });
    const button = document.createElement('button');
    button.className = 'help';
    document.body.append(button);
    const byClick = place('on-click=".help"', 'click');
    await settle();
    expect(byClick.open).toBe(false);
    button.click();
    await opened(byClick);
    expect(launcherEvents()[0].launcher).toMatchObject({ trigger: 'click' });
  });

  it('opens only by show() when manual, and reset() forgets the visitor', async () => {
    const launcher = place('manual');
    await settle();
    expect(launcher.open).toBe(false);
    expect(await launcher.show()).toBe(true);
    shadow<HTMLButtonElement>(launcher, '[part="close"]')!.click();
    expect(await launcher.show()).toBe(false);
    launcher.reset();
    // Only a fresh sampling draw is left: no shown, answered or dismissed time.
    expect(Object.keys(JSON.parse(localStorage.getItem(`${KEY_PREFIX}checkout`)!))).toEqual(['draw']);
    expect(await launcher.show()).toBe(true);
  });

  it('keeps working in memory when storage throws', async () => {
    const throwing = {
      getItem: () => { throw new DOMException('denied', 'SecurityError'); },
      setItem: () => { throw new DOMException('full', 'QuotaExceededError'); },
      removeItem: () => { throw new DOMException('denied', 'SecurityError'); },
    } as unknown as Storage;
    resetLauncherState(createStateStore(throwing));
    const launcher = place();
    await opened(launcher);
    shadow<HTMLButtonElement>(launcher, '[part="close"]')!.click();
    launcher.remove();
    configure({ launcher: { recontactDays: 0 } });
    const again = place();
    await settle();
    // The dismiss was remembered in memory for this page.
    expect(again.open).toBe(false);
  });

  it('shows a labelled tab that opens the card', async () => {
    const launcher = place('display="tab"');
    await opened(launcher);
    const tab = shadow<HTMLButtonElement>(launcher, '[part="tab"]')!;
    expect(tab.hidden).toBe(false);
    expect(tab.textContent).toBe('Feedback');
    expect(panelOf(launcher).hidden).toBe(true);
    tab.click();
    expect(panelOf(launcher).hidden).toBe(false);
    expect(tab.getAttribute('aria-expanded')).toBe('true');
  });

  it("closing the tab's card folds it back to the tab, which stays for the page view; the dismissal counts", async () => {
    const launcher = place('display="tab"');
    await opened(launcher);
    const reasons: string[] = [];
    launcher.addEventListener('feelback-dismiss', (event) => reasons.push(event.detail.reason));
    const tab = shadow<HTMLButtonElement>(launcher, '[part="tab"]')!;
    tab.click();
    shadow<HTMLButtonElement>(launcher, '[part="close"]')!.click();
    expect(panelOf(launcher).hidden).toBe(true);
    expect(tab.hidden).toBe(false);
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(launcher.shadowRoot!.activeElement).toBe(tab);
    expect(launcher.open).toBe(true);
    expect(reasons).toEqual(['close']);

    // Opened again and closed with Escape: folded again; Escape on the folded tab does nothing more.
    tab.click();
    expect(panelOf(launcher).hidden).toBe(false);
    const escape = () => new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true });
    launcher.dispatchEvent(escape());
    expect(panelOf(launcher).hidden).toBe(true);
    expect(tab.hidden).toBe(false);
    const onFoldedTab = escape();
    tab.dispatchEvent(onFoldedTab);
    expect(reasons).toEqual(['close', 'escape']);
    expect(launcherEvents().filter((event) => event.type === 'dismissed')).toHaveLength(2);

    // hide() still removes it.
    launcher.hide();
    expect(tab.hidden).toBe(true);
    expect(launcher.open).toBe(false);
  });

  it('a folded tab neither blocks other launchers nor starts the re-contact wait; opening it sets the other aside', async () => {
    const tabbed = place('display="tab"', 'site');
    await opened(tabbed);
    const popover = place('', 'checkout');
    await opened(popover);
    const tab = shadow<HTMLButtonElement>(tabbed, '[part="tab"]')!;
    tab.click();
    expect(panelOf(tabbed).hidden).toBe(false);
    expect(popover.open).toBe(false);
    // Set aside by the visitor's choice, not dismissed by them.
    expect(launcherEvents().filter((event) => event.type === 'dismissed')).toEqual([]);
  });

  it('warns once per bad attribute, naming it, and falls back', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const launcher = place('display="sideways" position="middle" sample="lots" on-click="[[" delay="soon"');
    await opened(launcher);
    const messages = warn.mock.calls.map((call) => String(call[0]));
    for (const expected of ['display="sideways"', 'position="middle"', 'sample="lots"', 'on-click="[["', 'delay="soon"']) {
      expect(messages.filter((message) => message.includes(expected)), expected).toHaveLength(1);
    }
    expect(panelOf(launcher).classList.contains('bottom-end')).toBe(true);
  });

  it('warns about an invalid url pattern and then asks on no page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const launcher = place('url="checkout/*"');
    await settle();
    expect(launcher.open).toBe(false);
    expect(warn.mock.calls.some((call) => String(call[0]).includes('url="checkout/*"'))).toBe(true);
  });
});
