// feelback/react's <FeelbackLauncher> and React 19's own handling of the plain
// <feelback-launcher> tag, in happy-dom: attributes arrive as attributes, the
// event props are listeners, and setting display/position (which React does
// through the element's properties once the tag is defined) does not throw.
import { act, createElement as h, createRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeelbackLauncher } from '../../src/react/index.js';
import type {} from '../../src/react/jsx.js';
import { resetLauncherState, type FeelbackDismissDetail, type FeelbackShowDetail, type Launcher } from '../../src/components/launcher/launcher.js';
import { shadow } from '../support/dom.js';

// Vitest resolves packages with Node's export conditions, which pick @lit/react's server build
// (it never sets properties or listeners); a browser bundler picks this one.
vi.mock('@lit/react', () => import('../../node_modules/@lit/react/development/index.js'));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  localStorage.clear();
  resetLauncherState();
  history.replaceState(null, '', '/');
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('FeelbackLauncher (feelback/react)', () => {
  it('sets its attributes, opens on show(), and calls onFeelbackShow and onFeelbackDismiss', async () => {
    const shows: FeelbackShowDetail[] = [];
    const dismisses: FeelbackDismissDetail[] = [];
    const ref = createRef<Launcher>();
    act(() =>
      root.render(
        h(
          FeelbackLauncher,
          {
            ref,
            manual: true,
            display: 'modal',
            position: 'top-start',
            'launcher-id': 'help',
            'answered-days': 30,
            onFeelbackShow: (event) => shows.push(event.detail),
            onFeelbackDismiss: (event) => dismisses.push(event.detail),
          },
          h('feelback-rating-bar', { 'widget-id': 'nps' }),
        ),
      ),
    );
    const launcher = ref.current!;
    expect(launcher.localName).toBe('feelback-launcher');
    expect(['display', 'position', 'launcher-id', 'answered-days', 'manual'].map((name) => launcher.getAttribute(name))).toEqual([
      'modal',
      'top-start',
      'help',
      '30',
      '',
    ]);
    expect(launcher.display).toBe('modal');
    expect(launcher.widget?.localName).toBe('feelback-rating-bar');

    expect(await launcher.show()).toBe(true);
    expect(shows).toEqual([{ launcher: 'help', trigger: 'manual' }]);
    shadow<HTMLButtonElement>(launcher, '[part="close"]')!.click();
    expect(dismisses).toEqual([{ launcher: 'help', reason: 'close' }]);
  });

  it('removes an attribute whose prop goes away, and moves display when the prop changes', () => {
    const ref = createRef<Launcher>();
    act(() => root.render(h(FeelbackLauncher, { ref, manual: true, display: 'tab', delay: 5 }, h('feelback-rating-bar'))));
    act(() => root.render(h(FeelbackLauncher, { ref, manual: true, display: 'inline' }, h('feelback-rating-bar'))));
    expect(ref.current!.getAttribute('display')).toBe('inline');
    expect(ref.current!.hasAttribute('delay')).toBe(false);
  });
});

describe('the plain <feelback-launcher> tag in React 19 (feelback/react/jsx)', () => {
  it('takes display and position (set as properties, since the element has them) and other attributes', () => {
    act(() => root.render(h('feelback-launcher', { manual: true, display: 'tab', position: 'center', 'on-click': '#help' }, h('feelback-rating-bar'))));
    const launcher = container.querySelector('feelback-launcher')!;
    expect(launcher.getAttribute('display')).toBe('tab');
    expect(launcher.position).toBe('center');
    expect(launcher.getAttribute('on-click')).toBe('#help');
  });
});
