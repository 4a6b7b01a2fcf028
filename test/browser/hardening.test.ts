import { describe, expect, it } from 'vitest';
import { pageHtml, useBrowserSuite } from './support/suite.js';

const TAGS = ['feelback-rating-bar', 'feelback-feeling-prompt', 'feelback-callback-request'] as const;
const ALL = TAGS.map((tag) => `<${tag} endpoint="/collect" min-fill-ms="0"></${tag}>`).join('\n');

const suite = useBrowserSuite();

/** The elements defined as soon as the bundle runs; the call-back form's code loads when one is on the page. */
const EAGER = TAGS.filter((tag) => tag !== 'feelback-callback-request');

async function open(path: string, body: string, head = '', origin?: string, waitFor: readonly string[] = TAGS): Promise<void> {
  await suite.openPage(path, pageHtml(body, { title: 'hardening', head }), { origin, waitFor });
}

/**
 * Counts what is live on the page: listeners on window and document, pending
 * timers and intervals, and observers observing. Installed before any script.
 */
function installCounters(): void {
  const w = window as unknown as { live: () => Record<string, number> };
  const listeners = new Map<string, number>();
  const keyOf = (target: EventTarget, type: string, capture: boolean) =>
    `${target === window ? 'window' : 'document'}:${type}:${capture}`;
  const listenerIds = new WeakMap<object, number>();
  let nextId = 0;
  const idOf = (listener: object) => {
    if (!listenerIds.has(listener)) listenerIds.set(listener, nextId++);
    return listenerIds.get(listener)!;
  };
  const added = new Set<string>();
  const capture = (options: unknown) => (typeof options === 'boolean' ? options : Boolean((options as { capture?: boolean } | undefined)?.capture));
  const { addEventListener, removeEventListener } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (listener && (this === window || this === document)) {
      const key = `${keyOf(this, type, capture(options))}:${idOf(listener)}`;
      if (!added.has(key)) listeners.set(type, (listeners.get(type) ?? 0) + 1);
      added.add(key);
    }
    return addEventListener.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    if (listener && (this === window || this === document)) {
      const key = `${keyOf(this, type, capture(options))}:${idOf(listener)}`;
      if (added.delete(key)) listeners.set(type, (listeners.get(type) ?? 1) - 1);
    }
    return removeEventListener.call(this, type, listener, options);
  };
  const timers = new Set<number>();
  const intervals = new Set<number>();
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = st(
      (...inner: unknown[]) => {
        timers.delete(id);
        if (typeof handler === 'function') handler(...inner);
      },
      ms,
      ...args,
    );
    timers.add(id);
    return id;
  }) as typeof setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timers.delete(id);
    ct(id);
  }) as typeof clearTimeout;
  window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = si(handler, ms, ...args);
    intervals.add(id);
    return id;
  }) as typeof setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    ci(id);
  }) as typeof clearInterval;
  const observing = new Map<string, Set<object>>();
  for (const name of ['MutationObserver', 'IntersectionObserver', 'ResizeObserver', 'PerformanceObserver'] as const) {
    const Original = (window as unknown as Record<string, { prototype: { observe: (...a: unknown[]) => void; disconnect: () => void } }>)[name];
    if (!Original) continue;
    const live = new Set<object>();
    observing.set(name, live);
    const { observe, disconnect } = Original.prototype;
    Original.prototype.observe = function (...args: unknown[]) {
      live.add(this);
      return observe.apply(this, args);
    };
    Original.prototype.disconnect = function () {
      live.delete(this);
      return disconnect.call(this);
    };
  }
  w.live = () => ({
    listeners: [...listeners.values()].reduce((sum, count) => sum + count, 0),
    timers: timers.size,
    intervals: intervals.size,
    ...Object.fromEntries([...observing].map(([name, live]) => [name, live.size])),
  });
}

/**
 * Some listeners are added once per page, late and on the browser's schedule:
 * web-vitals loads when the page is first idle and registers its listeners
 * then. Resolves once its file has arrived, and a moment later.
 */
async function webVitalsStarted(): Promise<void> {
  await suite.page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/internal/web-vitals-')));
  await suite.page.waitForTimeout(100);
}

describe('lifecycle: create, append, remove many times', () => {
  it('500 cycles of every element leave no more listeners, timers or observers than 10 cycles', async () => {
    await suite.page.addInitScript(installCounters);
    await open('/cycles.html', '<div id="stage"></div>', '', undefined, EAGER);
    const cycle = (count: number) =>
      suite.page.evaluate(
        async ({ tags, count }) => {
          const stage = document.getElementById('stage')!;
          for (let i = 0; i < count; i++) {
            for (const tag of tags) {
              const element = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown>; metadata?: unknown };
              element.setAttribute('endpoint', '/collect');
              element.metadata = { i };
              stage.append(element);
              // The call-back form's code loads when the first one appears on the page.
              await customElements.whenDefined(tag);
              await element.updateComplete;
              element.remove();
            }
          }
          // Let anything a removed element scheduled run out before counting.
          await new Promise((settle) => requestAnimationFrame(() => setTimeout(settle, 50)));
          return (window as unknown as { live: () => Record<string, number> }).live();
        },
        { tags: [...TAGS], count },
      );
    await cycle(10);
    await webVitalsStarted();
    const after10 = await cycle(0);
    const after510 = await cycle(500);
    expect(after510).toEqual(after10);
    expect(suite.consoleLog.errors).toEqual([]);
  });

  it('the page-lifecycle listeners are shared: 50 live widgets on one endpoint add no more window listeners than one', async () => {
    await suite.page.addInitScript(installCounters);
    await open('/shared.html', '<div id="stage"></div>', '', undefined, EAGER);
    const liveWith = (count: number) =>
      suite.page.evaluate(
        async ({ count }) => {
          const stage = document.getElementById('stage')!;
          stage.replaceChildren();
          for (let i = 0; i < count; i++) {
            const bar = document.createElement('feelback-rating-bar') as HTMLElement & { updateComplete: Promise<unknown> };
            bar.setAttribute('endpoint', '/collect');
            stage.append(bar);
            await bar.updateComplete;
            bar.shadowRoot!.querySelector<HTMLElement>('[role="radio"]')!.click();
          }
          await new Promise((settle) => setTimeout(settle, 50));
          return (window as unknown as { live: () => { listeners: number } }).live().listeners;
        },
        { count },
      );
    // web-vitals also registers CLS's back/forward-cache listener only when first-contentful-paint
    // reaches its observer, which may come after the first widget's answer. Let that one-time setup
    // finish (a widget answered, web-vitals loaded, FCP observed, a task later) before taking the one-widget count.
    await liveWith(1);
    await webVitalsStarted();
    await suite.page.evaluate(
      () =>
        new Promise<void>((settle) => {
          new PerformanceObserver((_list, observer) => {
            observer.disconnect();
            setTimeout(settle, 50);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    const one = await liveWith(1);
    const fifty = await liveWith(50);
    expect(fifty).toBe(one);
    await suite.server.waitForAccepted(52);
  });
});

describe('host CSS and the widgets keep apart', () => {
  const HOSTILE_CSS = `<style>
    *:not(html):not(body) { box-sizing: content-box !important; padding: 37px !important; margin: 13px !important; border-radius: 0 !important;
      background: lime !important; outline: none !important; opacity: 0.2 !important; visibility: hidden !important; }
    div, p, span, button, input, textarea, label, svg, [role="radio"], .option, .button { display: none !important; position: absolute !important; }
    main { visibility: visible !important; opacity: 1 !important; }
  </style>`;

  /** Non-inherited styles of every shadow element: what a page's selectors could reach if they pierced the shadow. */
  const fingerprint = () =>
    suite.page.evaluate((tags) => {
      const props = ['display', 'position', 'visibility', 'opacity', 'background-color', 'border-radius', 'padding-top', 'margin-top', 'box-sizing'];
      return tags.map((tag) =>
        [...document.querySelector(tag)!.shadowRoot!.querySelectorAll('*')].map((el) => {
          const style = getComputedStyle(el);
          return `${el.localName}.${el.className}:${props.map((prop) => style.getPropertyValue(prop)).join('|')}`;
        }),
      );
    }, [...TAGS]);

  it("the page's own selectors (*, button, div, [role], .option) do not reach inside the widgets", async () => {
    await open('/calm.html', `<main>${ALL}</main>`);
    const calm = await fingerprint();
    await suite.page.close();
    await suite.newPage();
    // The hosts themselves are the page's to style; keep them visible so the inside can be compared.
    await open('/hostile.html', `<main>${ALL}</main>`, `${HOSTILE_CSS}<style>${TAGS.map((tag) => `html body main > ${tag}`).join(',')} { visibility: visible !important; opacity: 1 !important; display: block !important; position: static !important; }</style>`);
    expect(await fingerprint()).toEqual(calm);
    await suite.page.getByRole('radio', { name: '3 of 5 stars' }).click();
    await suite.server.waitForAccepted(1);
  });

  it('the widgets write nothing outside their hosts: no global styles, no :root variables, no extra elements', async () => {
    await open('/untouched.html', `<main>${ALL}</main>`);
    const before = await suite.page.evaluate(() => ({ head: document.head.innerHTML, body: document.body.children.length }));
    await suite.page.getByRole('radio', { name: '5 of 5 stars' }).click();
    await suite.page.getByRole('radio', { name: 'Angry' }).click();
    await suite.page.getByRole('textbox', { name: /went wrong/i }).fill('Slow checkout');
    await suite.page.getByRole('button', { name: 'Send' }).click();
    await suite.server.waitForAccepted(3);
    const after = await suite.page.evaluate(() => ({
      head: document.head.innerHTML,
      body: document.body.children.length,
      styleSheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      rootStyle: document.documentElement.getAttribute('style'),
      bodyStyle: document.body.getAttribute('style'),
      rootVariables: [...getComputedStyle(document.documentElement)].filter((name) => name.startsWith('--')),
      outsideHosts: [...document.body.querySelectorAll('*')].filter((el) => !['MAIN', 'FEELBACK-RATING-BAR', 'FEELBACK-FEELING-PROMPT', 'FEELBACK-CALLBACK-REQUEST'].includes(el.tagName)).map((el) => el.tagName),
      lightChildren: [...document.querySelectorAll('main > *')].map((el) => el.childNodes.length),
    }));
    expect(after).toEqual({
      head: before.head,
      body: before.body,
      styleSheets: 0,
      adopted: 0,
      rootStyle: null,
      bodyStyle: null,
      rootVariables: [],
      outsideHosts: [],
      lightChildren: [0, 0, 0],
    });
  });
});

describe('hostile environments in Chromium', () => {
  it('plain http on a non-local host (not a secure context, no crypto.randomUUID): answers carry UUID v4 ids', async () => {
    // Requests to http://feelback.test are answered by the test server, so the page is not a secure context.
    await suite.page.route('http://feelback.test/**', async (route) => {
      const url = route.request().url().replace('http://feelback.test', suite.server.origin);
      await route.fulfill({ response: await route.fetch({ url }) });
    });
    await open('/insecure.html', ALL, '', 'http://feelback.test');
    expect(await suite.page.evaluate(() => ({ secure: isSecureContext, randomUUID: typeof crypto.randomUUID }))).toEqual({ secure: false, randomUUID: 'undefined' });
    await suite.page.getByRole('radio', { name: '2 of 5 stars' }).click();
    const [event] = await suite.server.waitForAccepted(1);
    expect(event!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(suite.consoleLog.errors).toEqual([]);
  });

  it('no sendBeacon, IntersectionObserver, ResizeObserver or PerformanceObserver, storage that throws: renders and delivers', async () => {
    await suite.page.addInitScript(() => {
      const deny = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
      for (const name of ['IntersectionObserver', 'ResizeObserver', 'PerformanceObserver']) delete (window as unknown as Record<string, unknown>)[name];
      Object.defineProperty(Navigator.prototype, 'sendBeacon', { value: undefined, configurable: true });
      Object.defineProperty(window, 'localStorage', { get: deny, configurable: true });
      Object.defineProperty(window, 'sessionStorage', { get: deny, configurable: true });
    });
    await open('/bare.html', ALL);
    await suite.page.getByRole('radio', { name: '4 of 5 stars' }).click();
    await suite.page.getByRole('radio', { name: 'Happy' }).click();
    await suite.server.waitForAccepted(2);
    expect(suite.consoleLog.errors).toEqual([]);
  });

  it('properties set on an element before the library loads survive the upgrade', async () => {
    suite.server.page('/late.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>late</title></head><body>
      <feelback-rating-bar endpoint="/collect"></feelback-rating-bar></body></html>`);
    await suite.page.goto(`${suite.server.origin}/late.html`);
    await suite.page.evaluate(() => {
      const bar = document.querySelector('feelback-rating-bar') as unknown as Record<string, unknown>;
      bar.metadata = { plan: 'pro' };
      bar.widgetId = 'early-bird';
      bar.question = 'Set before upgrade?';
    });
    await suite.page.addScriptTag({ url: '/dist/feelback.min.js', type: 'module' });
    await suite.page.waitForFunction(() => customElements.get('feelback-rating-bar'));
    await suite.page.getByText('Set before upgrade?').waitFor();
    await suite.page.getByRole('radio', { name: '1 of 5 stars' }).click();
    const [event] = await suite.server.waitForAccepted(1);
    expect(event).toMatchObject({ widget: 'early-bird', metadata: { plan: 'pro' } });
  });
});
