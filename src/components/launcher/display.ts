import type { LauncherStrings } from './runtime.js';

export const DISPLAYS = ['popover', 'modal', 'tab', 'inline'] as const;
export type LauncherDisplay = (typeof DISPLAYS)[number];
export const POSITIONS = ['bottom-end', 'bottom-start', 'top-end', 'top-start', 'center'] as const;
export type LauncherPosition = (typeof POSITIONS)[number];

const SVG_NS = 'http://www.w3.org/2000/svg';

function closeIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', 'M3 3l10 10M13 3L3 13');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '2');
  path.setAttribute('stroke-linecap', 'round');
  svg.append(path);
  return svg;
}

/** The launcher's shadow parts for one display mode. */
export interface DisplayParts {
  panel: HTMLElement;
  close: HTMLButtonElement | undefined;
  tab: HTMLButtonElement | undefined;
  announcer: HTMLElement;
}

/**
 * Builds the shadow DOM for a display mode: the panel around the slotted
 * widget (a `<dialog>` for `modal`, so the platform holds focus inside and
 * makes the page inert), a close button after the widget (so Tab reaches the
 * widget first), the floating tab, and a polite live region for the popover.
 */
export function buildDisplay(root: ShadowRoot, display: LauncherDisplay, position: LauncherPosition): DisplayParts {
  const panel = document.createElement(display === 'modal' ? 'dialog' : 'div');
  panel.className = `panel ${display === 'inline' ? 'inline' : position}${display === 'popover' || display === 'tab' ? ' sheet' : ''}`;
  panel.setAttribute('part', 'base');
  panel.hidden = display !== 'modal';
  if (display !== 'inline') panel.setAttribute('role', 'dialog');
  if (display === 'modal') panel.setAttribute('aria-modal', 'true');
  panel.append(document.createElement('slot'));

  let close: HTMLButtonElement | undefined;
  if (display !== 'inline') {
    close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.setAttribute('part', 'close');
    close.append(closeIcon());
    panel.append(close);
  }

  let tab: HTMLButtonElement | undefined;
  if (display === 'tab') {
    tab = document.createElement('button');
    tab.type = 'button';
    tab.className = `tab ${position}`;
    tab.setAttribute('part', 'tab');
    tab.setAttribute('aria-expanded', 'false');
    tab.hidden = true;
  }

  const announcer = document.createElement('div');
  announcer.className = 'announcer';
  announcer.setAttribute('role', 'status');

  root.replaceChildren(...(tab ? [tab] : []), panel, announcer);
  return { panel, close, tab, announcer };
}

/** Puts the localized names on the parts. */
export function nameParts(parts: DisplayParts, strings: LauncherStrings): void {
  parts.close?.setAttribute('aria-label', strings.close);
  parts.close?.setAttribute('title', strings.close);
  if (parts.panel.getAttribute('role') === 'dialog') parts.panel.setAttribute('aria-label', strings.tab);
  if (parts.tab) parts.tab.textContent = strings.tab;
}

/**
 * Keeps a bottom sheet above the on-screen keyboard: the keyboard shrinks the
 * visual viewport but not the layout viewport `position: fixed` uses, so the
 * difference is how far the sheet must rise. Returns the stop function.
 */
export function followKeyboard(panel: HTMLElement, view: Window = window): () => void {
  const viewport = view.visualViewport;
  if (!viewport) return () => {};
  const update = (): void => {
    const covered = Math.max(0, view.innerHeight - (viewport.height + viewport.offsetTop));
    panel.style.setProperty('--_keyboard', `${Math.round(covered)}px`);
    panel.style.setProperty('--_visible', `${Math.round(viewport.height)}px`);
  };
  update();
  viewport.addEventListener('resize', update);
  viewport.addEventListener('scroll', update);
  return () => {
    viewport.removeEventListener('resize', update);
    viewport.removeEventListener('scroll', update);
  };
}
