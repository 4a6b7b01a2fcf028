// `node bench/launcher.mjs` (after `npm run build`): what <feelback-launcher> costs a page.
//   1. bytes (min, gzip-9, brotli-11) of dist/launcher.min.js and dist/feelback.min.js;
//   2. a page whose launcher has not fired: main-thread time (CDP TaskDuration, from navigation until
//      the launcher is defined and the load event has passed) and bytes of script fetched, for
//      - no feelback at all (the baseline),
//      - the all-in-one dist/feelback.min.js,
//      - dist/launcher.min.js before idle (its idle import of the widgets is held back by the server);
//   3. trigger → widget interactive (feelback-show, then the next paint), with the trigger fired
//      - "cold": the moment the launcher is defined (the launcher-only build must import() the widgets first),
//      - "warm": 1.5 s after load (the launcher-only build has loaded them at idle).
// Cases run interleaved (A B C … A B C …), a fresh browser context each; medians and paired median ratios.
// Options (environment): BENCH_RUNS (default 10), CHROMIUM_PATH.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { median } from './lib/render.mjs';
import { measure } from './lib/sizes.mjs';
import { columns, kb, ms, ratio, toText } from './lib/table.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 10));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FILES = { '/feelback.min.js': join(ROOT, 'dist/feelback.min.js'), '/launcher.min.js': join(ROOT, 'dist/launcher.min.js') };

const WIDGET = '<feelback-rating-bar widget-id="bench" endpoint="/collect"></feelback-rating-bar>';
const page = (script, launcher, extra = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
${script ? `<script type="module" src="${script}"></script>` : ''}
<script type="module">
window.__bench = {};
customElements.whenDefined('feelback-launcher').then(() => { window.__bench.defined = performance.now(); ${extra} });
document.addEventListener('feelback-show', () => requestAnimationFrame(() => setTimeout(() => { window.__bench.interactive = performance.now(); }, 0)));
</script></head><body><main><h1>A page</h1><p>Some text.</p>${launcher}</main></body></html>`;

// Fires the launcher's on-event trigger and notes when.
const FIRE = `window.__bench.fired = performance.now(); window.dispatchEvent(new Event('go'));`;
const LAUNCHER = `<feelback-launcher on-event="go">${WIDGET}</feelback-launcher>`;

const CASES = {
  'unfired: no feelback': { html: page('', '<p>No launcher.</p>').replace("customElements.whenDefined('feelback-launcher')", 'Promise.resolve()'), unfired: true },
  'unfired: feelback.min.js': { html: page('/feelback.min.js', LAUNCHER), unfired: true },
  'unfired: launcher.min.js (before idle)': { html: page('/launcher.min.js', LAUNCHER), unfired: true, holdWidgets: true },
  'cold trigger: feelback.min.js': { html: page('/feelback.min.js', LAUNCHER, FIRE), fire: 'cold' },
  'cold trigger: launcher.min.js': { html: page('/launcher.min.js', LAUNCHER, FIRE), fire: 'cold' },
  'warm trigger: feelback.min.js': { html: page('/feelback.min.js', LAUNCHER), fire: 'warm' },
  'warm trigger: launcher.min.js': { html: page('/launcher.min.js', LAUNCHER), fire: 'warm' },
};

async function startServer() {
  let holdWidgets = false;
  const held = new Set();
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (req.method === 'POST') {
      for await (const _ of req);
      return res.writeHead(204).end();
    }
    const key = decodeURIComponent(path.slice(1, -'.html'.length));
    if (CASES[key]) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(CASES[key].html);
    if (FILES[path]) {
      // "Before idle": the launcher-only build's import() of the widgets never completes, so nothing after it is counted.
      if (holdWidgets && path === '/feelback.min.js') return void held.add(res);
      return res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(await readFile(FILES[path]));
    }
    res.writeHead(404).end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    hold(value) {
      holdWidgets = value;
      for (const res of held) res.destroy();
      held.clear();
    },
    close: () => {
      for (const res of held) res.destroy();
      return new Promise((done) => server.close(done));
    },
  };
}

/**
 * Main-thread time of the page: the summed top-level tasks (RunTask) on the renderer main thread that
 * parsed our page, from the first task that touched it. Other processes and threads are left out.
 */
function mainThreadTime(trace, origin) {
  const events = trace.traceEvents ?? trace;
  const touching = events.filter((e) => JSON.stringify(e.args?.data ?? {}).includes(origin) && (e.name === 'ParseHTML' || e.name === 'ResourceSendRequest' || e.name === 'EvaluateScript'));
  if (touching.length === 0) return NaN;
  const { pid, tid } = touching.find((e) => e.name === 'ParseHTML') ?? touching[0];
  const start = Math.min(...touching.filter((e) => e.pid === pid && e.tid === tid).map((e) => e.ts));
  return events.filter((e) => e.pid === pid && e.tid === tid && e.name === 'RunTask' && e.ph === 'X' && e.ts + e.dur >= start).reduce((sum, e) => sum + e.dur, 0) / 1000;
}

async function runOnce(browser, server, name) {
  const spec = CASES[name];
  server.hold(Boolean(spec.holdWidgets));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const tab = await context.newPage();
    if (spec.unfired) await browser.startTracing(tab, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await tab.goto(`${server.origin}/${encodeURIComponent(name)}.html`, { waitUntil: 'load' });
    await tab.waitForFunction(() => window.__bench?.defined !== undefined, null, { polling: 10 });
    if (spec.unfired) {
      const mainThread = mainThreadTime(JSON.parse(String(await browser.stopTracing())), server.origin);
      const scripts = await tab.evaluate(() =>
        performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js')).reduce((sum, e) => sum + e.decodedBodySize, 0),
      );
      return { mainThread, scriptBytes: scripts };
    }
    if (spec.fire === 'warm') {
      await tab.waitForTimeout(1500);
      await tab.evaluate((fire) => new Function(fire)(), FIRE);
    }
    await tab.waitForFunction(() => window.__bench?.interactive !== undefined, null, { polling: 10, timeout: 15_000 });
    const b = await tab.evaluate(() => window.__bench);
    return { toInteractive: b.interactive - b.fired, sinceNavigation: b.interactive };
  } finally {
    await context.close();
  }
}

async function main() {
  const sizes = ['launcher.min.js', 'feelback.min.js'].map(async (file) => [file, measure(await readFile(join(ROOT, 'dist', file)))]);
  console.log(
    toText({
      title: 'Launcher bytes',
      columns: columns('file', 'min', 'gzip', 'brotli'),
      rows: (await Promise.all(sizes)).map(([file, s]) => [`dist/${file}`, kb(s.min), kb(s.gzip), kb(s.brotli)]),
    }),
  );

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
  const server = await startServer();
  const results = Object.fromEntries(Object.keys(CASES).map((name) => [name, []]));
  try {
    for (const name of Object.keys(CASES)) await runOnce(browser, server, name); // warm-up, not recorded
    for (let round = 0; round < RUNS; round++) {
      for (const name of Object.keys(CASES)) results[name].push(await runOnce(browser, server, name));
      console.error(`[launcher bench] round ${round + 1}/${RUNS}`);
    }
  } finally {
    await server.close();
    await browser.close();
  }

  const paired = (a, b, field) => median(results[a].map((r, i) => r[field] / results[b][i][field]));
  const unfired = Object.keys(CASES).filter((n) => CASES[n].unfired);
  console.log(
    toText({
      title: `A page whose launcher has not fired (${RUNS} interleaved runs, medians)`,
      columns: columns('page', 'script fetched', 'main thread', 'vs no feelback', 'vs feelback.min.js'),
      rows: unfired.map((name) => [
        name,
        kb(median(results[name].map((r) => r.scriptBytes))),
        ms(median(results[name].map((r) => r.mainThread))),
        `+${ms(median(results[name].map((r, i) => r.mainThread - results[unfired[0]][i].mainThread)))}`,
        ratio(paired(name, unfired[1], 'mainThread')),
      ]),
      notes: ['main thread: summed top-level tasks on the page\'s renderer main thread (a Chromium trace) from navigation until the launcher is defined and `load` has fired; bytes uncompressed over loopback.'],
    }),
  );
  const pairs = [
    ['cold trigger: launcher.min.js', 'cold trigger: feelback.min.js'],
    ['warm trigger: launcher.min.js', 'warm trigger: feelback.min.js'],
  ];
  console.log(
    toText({
      title: `Trigger → widget interactive (feelback-show, then the next paint; ${RUNS} interleaved runs)`,
      columns: columns('case', 'trigger → interactive', 'paired ratio', 'navigation → interactive', 'paired ratio'),
      rows: pairs.flatMap(([lite, full]) => [
        [full, ms(median(results[full].map((r) => r.toInteractive))), '1.00×', ms(median(results[full].map((r) => r.sinceNavigation))), '1.00×'],
        [
          lite,
          ms(median(results[lite].map((r) => r.toInteractive))),
          ratio(paired(lite, full, 'toInteractive')),
          ms(median(results[lite].map((r) => r.sinceNavigation))),
          ratio(paired(lite, full, 'sinceNavigation')),
        ],
      ]),
      notes: [
        'cold: fired the moment the launcher is defined, before idle (the launcher-only build must import() the widgets first);',
        'warm: fired 1.5 s after load, once the launcher-only build has loaded the widgets at idle. Ratios: launcher.min.js / feelback.min.js.',
      ],
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
