// Vue 3 templates with <feelback-launcher>, in happy-dom (Vue's runtime compiler): what reaches the
// element. Vue reads any `on…` name as a listener and sets a name the element has (`scroll`, a DOM
// method) as a property, so `on-click`, `on-event` and `scroll` need `.attr`, as the README says.
import { createApp, nextTick } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isFeelbackTag } from '../../src/vue/index.js';
import { resetLauncherState, type FeelbackShowDetail, type Launcher } from '../../src/components/launcher/launcher.js';
import '../../src/define/launcher.js';
import '../../src/define/rating-bar.js';

let unmount: () => void = () => {};

async function mount(template: string, methods: Record<string, (...args: never[]) => unknown> = {}): Promise<Launcher> {
  const host = document.createElement('div');
  document.body.append(host);
  const app = createApp({ template, methods });
  app.config.compilerOptions.isCustomElement = isFeelbackTag;
  app.config.warnHandler = (message: string) => console.warn(message);
  app.mount(host);
  unmount = () => {
    app.unmount();
    host.remove();
  };
  await nextTick();
  return host.querySelector('feelback-launcher')!;
}

beforeEach(() => {
  localStorage.clear();
  resetLauncherState();
  history.replaceState(null, '', '/');
});
afterEach(() => unmount());

describe('<feelback-launcher> in a Vue template', () => {
  it('is left to the browser by isFeelbackTag, takes its attributes and calls @feelback-show', async () => {
    expect(isFeelbackTag('feelback-launcher')).toBe(true);
    const shows: FeelbackShowDetail[] = [];
    const launcher = await mount(
      `<feelback-launcher manual display="modal" launcher-id="help" :answered-days="30" :on-click.attr="'#help'" :on-event.attr="'checkout:done'" :scroll.attr="'50%'" @feelback-show="onShow">
        <feelback-rating-bar widget-id="nps"></feelback-rating-bar>
      </feelback-launcher>`,
      { onShow: (event: CustomEvent<FeelbackShowDetail>) => shows.push(event.detail) },
    );
    expect(launcher).toBeInstanceOf(customElements.get('feelback-launcher')!);
    const attributes = ['manual', 'display', 'launcher-id', 'answered-days', 'on-click', 'on-event', 'scroll'];
    expect(attributes.map((name) => launcher.getAttribute(name))).toEqual(['', 'modal', 'help', '30', '#help', 'checkout:done', '50%']);
    expect(await launcher.show()).toBe(true);
    expect(shows).toEqual([{ launcher: 'help', trigger: 'manual' }]);
  });

  it('without .attr, on-click is taken for a listener and scroll for the scroll() method (why the README says .attr)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const launcher = await mount(`<feelback-launcher manual on-click="#help" scroll="50%"><feelback-rating-bar></feelback-rating-bar></feelback-launcher>`);
    expect(launcher.hasAttribute('on-click')).toBe(false);
    expect(launcher.hasAttribute('scroll')).toBe(false);
    expect(warn.mock.calls.join('\n')).toContain('Wrong type passed as event handler to on-click');
  });
});
