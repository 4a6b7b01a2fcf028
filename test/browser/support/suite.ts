import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, watchConsole } from './browser.js';
import { startServer, type TestServer } from './server.js';

export type ConsoleLog = ReturnType<typeof watchConsole>;

export interface SuiteOptions {
  /** Runs on every fresh page before it is handed to a test, e.g. to add init scripts. */
  init?: (page: Page) => Promise<void>;
  /** Close each test's page afterwards (default: leave it open until the browser closes). */
  closePage?: boolean;
}

export interface OpenOptions {
  /** Custom element tags that must be defined before the page counts as open. */
  waitFor?: string | readonly string[];
  /** Response headers for the served page, e.g. a CSP. */
  headers?: Record<string, string>;
  /** Appended verbatim to the URL: a query and/or fragment such as `?token=x#frag`. */
  query?: string;
  referer?: string;
  /** Navigate here instead of the test server (which must still end up answering, e.g. via a route). */
  origin?: string;
}

export interface BrowserSuite {
  readonly browser: Browser;
  readonly server: TestServer;
  /** This test's page. */
  readonly page: Page;
  /** The browser context of this test's page (its own: each page gets one). */
  readonly context: BrowserContext;
  /** Errors and warnings from this test's page. */
  readonly consoleLog: ConsoleLog;
  /** Replaces this test's page with a fresh one, for tests that compare two loads side by side. */
  newPage(): Promise<Page>;
  /** Serves `html` at `path` on the test server, navigates there and waits for `waitFor`. */
  openPage(path: string, html: string, options?: OpenOptions): Promise<void>;
}

export interface PageHtmlOptions {
  title: string;
  /** Inserted into `<head>` after the title. */
  head?: string;
  /** Load the bundle from a module script (default); off for pages that import it themselves. */
  bundle?: boolean;
}

/** A minimal English page around `body`, loading the built bundle. */
export function pageHtml(body: string, { title, head = '', bundle = true }: PageHtmlOptions): string {
  const script = bundle ? '\n<script type="module" src="/dist/feelback.min.js"></script>' : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}${script}</head><body>${body}</body></html>`;
}

/**
 * One Chromium and one test server per file, a fresh page per test, and the
 * server's record cleared per test so each test sees only its own requests.
 * Call at the top level of a test file.
 */
export function useBrowserSuite(options: SuiteOptions = {}): BrowserSuite {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  let page: Page | undefined;
  let consoleLog: ConsoleLog | undefined;

  // Getters rather than fields: the values only exist once the hooks have run.
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is not ready: use it inside a test or hook`);
    return value;
  };

  async function newPage(): Promise<Page> {
    const fresh = await ready(browser, 'browser').newPage();
    consoleLog = watchConsole(fresh);
    await options.init?.(fresh);
    page = fresh;
    return fresh;
  }

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    const current = ready(server, 'server');
    current.requests.length = 0;
    current.accepted.length = 0;
    current.respond(() => 204);
    await newPage();
  });
  if (options.closePage) {
    afterEach(async () => {
      await page?.close();
    });
  }

  return {
    get browser() {
      return ready(browser, 'browser');
    },
    get server() {
      return ready(server, 'server');
    },
    get page() {
      return ready(page, 'page');
    },
    get context() {
      return ready(page, 'page').context();
    },
    get consoleLog() {
      return ready(consoleLog, 'consoleLog');
    },
    newPage,
    async openPage(path, html, { waitFor = [], headers, query = '', referer, origin } = {}) {
      const current = ready(server, 'server');
      const target = ready(page, 'page');
      current.page(path, html, headers);
      await target.goto(`${origin ?? current.origin}${path}${query}`, referer === undefined ? undefined : { referer });
      const tags = typeof waitFor === 'string' ? [waitFor] : [...waitFor];
      if (tags.length > 0) await target.waitForFunction((tags) => tags.every((tag) => customElements.get(tag) !== undefined), tags);
    },
  };
}
