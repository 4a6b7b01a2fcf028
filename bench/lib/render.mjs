// Render and interaction cost in Debian's Chromium, headless, pages served from
// 127.0.0.1. Every case loads one module script; a probe set up in <head>
// notes when the widget is interactive (its control exists in the shadow DOM),
// the next frame after that, long tasks and layout shifts; the heap is read
// over CDP after a forced GC. Cases run round by round, each round in a shuffled
// order, so drift and the slower load after another hit all alike.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { seededRandom } from '../../test/support/seeded-random.mjs';

/** Text that sits around the widgets, so a widget that grows after load shifts it. */
const FILLER = '<p>Thanks for your order. Your parcel leaves the warehouse tomorrow; we will email you the tracking link. You can change the delivery address until then from your account page.</p>';

/** The probe: classic inline script in <head>, before the widget's module script. */
function probeScript(readyExpression, scriptPath) {
  return `<script>
(() => {
  const b = (window.__bench = { layoutShift: 0, longTaskTotal: 0, longTasks: 0, longestTask: 0, longestDefine: 0 });
  // The longest customElements.define() call: defining a tag upgrades every such element
  // already in the page in one go, which no library code can split.
  if (window.customElements) {
    const define = customElements.define.bind(customElements);
    customElements.define = (...args) => { const t = performance.now(); try { define(...args); } finally { b.longestDefine = Math.max(b.longestDefine, performance.now() - t); } };
  }
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) b.layoutShift += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) { b.longTaskTotal += e.duration; b.longTasks++; b.longestTask = Math.max(b.longestTask, e.duration); } })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  const ready = () => { try { return Boolean(${readyExpression}); } catch { return false; } };
  const check = () => {
    if (b.ready !== undefined || !ready()) return;
    b.ready = performance.now();
    const src = new URL(${JSON.stringify(scriptPath)}, location.href).href;
    const entry = performance.getEntriesByName(src)[0];
    b.scriptArrived = entry ? entry.responseEnd : NaN;
    // Every file fetched before the widget was interactive (the page itself aside).
    b.fetchedBefore = performance.getEntriesByType('resource').filter((e) => e.responseEnd <= b.ready).map((e) => new URL(e.name).pathname);
    requestAnimationFrame(() => setTimeout(() => { b.painted = performance.now(); }, 0));
  };
  window.__benchCheck = check;
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  const started = performance.now();
  (function poll() { check(); if (b.ready === undefined && performance.now() - started < 15000) setTimeout(poll, 0); })();
})();
</script>`;
}

function pageHtml({ body, script, ready, head = '' }) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>feelback bench</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; max-width: 40rem; }</style>
${probeScript(ready, script)}${head}
</head><body><main><h1>Order confirmed</h1>${FILLER}
${body}
${FILLER}</main>
<script type="module" src="${script}"></script>
<script type="module">window.__benchCheck()</script>
</body></html>`;
}

const BAR = '<feelback-rating-bar widget-id="bench" endpoint="/collect" question="How was your checkout?"></feelback-rating-bar>';
const shadowControl = (tag, selector, nth = 'last') =>
  `[...document.querySelectorAll('${tag}')].${nth === 'last' ? 'at(-1)' : 'at(0)'}?.shadowRoot?.querySelector('${selector}')`;

/** What each widget case puts on the page and when it counts as interactive. */
const WIDGETS = {
  bar1: { label: '1 rating bar', body: BAR, ready: shadowControl('feelback-rating-bar', '[role="radio"]') },
  bar50: {
    label: '50 rating bars',
    body: Array.from({ length: 50 }, (_, i) => BAR.replace('widget-id="bench"', `widget-id="bench-${i}"`)).join('\n'),
    ready: `document.querySelectorAll('feelback-rating-bar').length === 50 && ${shadowControl('feelback-rating-bar', '[role="radio"]')}`,
  },
  prompt: {
    label: 'feeling prompt',
    body: '<feelback-feeling-prompt widget-id="bench" endpoint="/collect"></feelback-feeling-prompt>',
    ready: shadowControl('feelback-feeling-prompt', '[role="radio"]'),
  },
  form: {
    label: 'callback form',
    body: '<feelback-callback-request widget-id="bench" endpoint="/collect"></feelback-callback-request>',
    ready: shadowControl('feelback-callback-request', 'input'),
  },
};

/**
 * The cases, by key: a blank page, each build × each of its widgets (with and
 * without the build's stylesheet when it ships one), and Sentry's widget.
 * `builds`: [{ key, label, dir (a dist/ folder), script (file in it), css?
 * (stylesheet in it), widgets: keys of WIDGETS }]. Files are served as
 * /<build key>/<path in dir>. Returns `{ cases, files, dirs }`.
 */
export function renderCases({ builds, sentryBundlePath }) {
  const cases = [
    {
      key: 'blank',
      label: 'blank page (baseline, no widget)',
      html: pageHtml({ body: '', script: '/blank.js', ready: 'true' }),
      // The blank case's "script" is an empty module: its figures are the page's own floor.
    },
  ];
  for (const build of builds) {
    for (const widget of build.widgets) {
      const w = WIDGETS[widget];
      const script = `/${build.key}/${build.script}`;
      const variants = build.css ? [false, true] : [false];
      for (const css of variants) {
        if (css && widget === 'bar50') continue;
        cases.push({
          key: `${build.key}-${widget}${css ? '-css' : ''}`,
          build: build.key,
          widget,
          css,
          label: `${build.label}: ${w.label}${css ? ` + ${build.css}` : ''}`,
          html: pageHtml({ body: w.body, script, ready: w.ready, head: css ? `<link rel="stylesheet" href="/${build.key}/${build.css}">` : '' }),
        });
      }
    }
  }
  if (sentryBundlePath) {
    cases.push({
      key: 'sentry',
      label: "Sentry: feedback widget (init + feedbackIntegration)",
      html: pageHtml({ body: '', script: '/sentry.js', ready: `document.getElementById('sentry-feedback')?.shadowRoot?.querySelector('button')` }),
    });
  }
  const files = { '/sentry.js': sentryBundlePath };
  const dirs = Object.fromEntries(builds.map((b) => [`/${b.key}/`, b.dir]));
  return { cases, files, dirs };
}

/** A static server on 127.0.0.1: generated pages, the bundles, and sinks for the collector and Sentry's envelopes. */
export async function startServer(pages, files, dirs = {}) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (req.method === 'POST') {
      for await (const _ of req);
      // Sentry's ingest answers 200 with a JSON body; our collector 204.
      if (path.startsWith('/api/')) res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end('{}');
      else res.writeHead(204).end();
      return;
    }
    const headers = { 'cache-control': 'no-store' };
    if (pages.has(path)) return res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(pages.get(path));
    if (path === '/favicon.ico') return res.writeHead(204).end();
    if (path === '/blank.js') return res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end('export {};');
    const prefix = Object.keys(dirs).find((p) => path.startsWith(p) && !path.includes('..'));
    const file = files[path] ?? (prefix ? join(dirs[prefix], path.slice(prefix.length)) : undefined);
    if (file) {
      try {
        const body = await readFile(file);
        const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
        return res.writeHead(200, { ...headers, 'content-type': `${type}; charset=utf-8` }).end(body);
      } catch {
        // Missing: 404 below, as a CDN would answer.
      }
    }
    res.writeHead(404).end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) };
}

/** Loads one case in a fresh context and returns its figures (ms, CLS units, bytes). */
async function loadOnce(browser, origin, key, { interact }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.addInitScript((dsn) => {
      window.__BENCH_DSN = dsn;
    }, `${origin.replace('://', '://public@')}/1`);
    await page.goto(`${origin}/${key}.html`, { waitUntil: 'load', timeout: 20_000 });
    await page.waitForFunction(() => window.__bench?.painted !== undefined, null, { timeout: 15_000, polling: 20 });
    // Long-task and layout-shift entries are delivered asynchronously: let them land.
    await sleep(250);
    const figures = await page.evaluate(() => ({ ...window.__bench }));
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    const result = {
      interactive: figures.ready - figures.scriptArrived,
      painted: figures.painted - figures.scriptArrived,
      fromStart: figures.ready,
      longTaskTotal: figures.longTaskTotal,
      longestTask: figures.longestTask,
      longestDefine: figures.longestDefine,
      fetchedBefore: figures.fetchedBefore,
      layoutShift: figures.layoutShift,
      heap,
      errors,
    };
    if (interact) result.interaction = await interact(page);
    return result;
  } finally {
    await context.close();
  }
}

/** Clicks a score in the first `tag` on the page; times `feelback-submit` and the next paint from the click's timestamp. */
export function clickScore(tag, nth) {
  return async (page) => {
    await page.evaluate((tagName) => {
      const b = (window.__click = {});
      document.addEventListener('click', (e) => { b.click ??= e.timeStamp; }, { capture: true });
      document.querySelector(tagName).addEventListener('feelback-submit', () => {
        b.submit = performance.now();
        requestAnimationFrame(() => setTimeout(() => { b.painted = performance.now(); }, 0));
      });
    }, tag);
    await page.locator(`${tag} [role="radio"] >> nth=${nth}`).click({ timeout: 5_000 });
    await page.waitForFunction(() => window.__click.painted !== undefined, null, { timeout: 5_000, polling: 20 });
    const c = await page.evaluate(() => window.__click);
    return { toSubmit: c.submit - c.click, toPaint: c.painted - c.click };
  };
}

/**
 * Runs every case `runs` times, round by round (each round in its own
 * shuffled order), within `budgetMs` (whole rounds
 * only; at least `minRuns` rounds however long they take). Returns per-case
 * arrays of results.
 */
export async function runRender(browser, { cases, files, dirs }, { runs = 10, minRuns = 3, budgetMs = 150_000, log = () => {} } = {}) {
  const pages = new Map(cases.map((c) => [`/${c.key}.html`, c.html]));
  const server = await startServer(pages, files, dirs);
  const results = Object.fromEntries(cases.map((c) => [c.key, []]));
  const started = Date.now();
  const random = seededRandom(Number(process.env.BENCH_SEED ?? 14));
  try {
    // One warm-up round, not recorded: first launches pay for disk and code caches.
    for (const c of cases) await loadOnce(browser, server.origin, c.key, { interact: c.interact }).catch(() => {});
    for (let round = 0; round < runs; round++) {
      if (round >= minRuns && Date.now() - started > budgetMs) {
        log(`render: time budget reached after ${round} rounds`);
        break;
      }
      // Each round in its own order: a load runs slower right after another (the previous
      // context is still being torn down), by how much depending on which case came before,
      // so a fixed order (or a rotation, which keeps each case's predecessor) favours some
      // cases over others. Shuffled with a fixed seed, so a run can be repeated.
      for (const c of shuffled(cases, random)) {
        try {
          results[c.key].push(await loadOnce(browser, server.origin, c.key, { interact: c.interact }));
        } catch (error) {
          results[c.key].push({ failed: String(error?.message ?? error).split('\n')[0] });
        }
      }
      log(`render: round ${round + 1}/${runs}`);
    }
  } finally {
    await server.close();
  }
  return results;
}

/** A shuffled copy of `items` (Fisher–Yates). */
function shuffled(items, random) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
