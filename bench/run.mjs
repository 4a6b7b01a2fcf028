// `npm run bench`: feelback side by side with its peers.
//   1. size: min, gzip-9, brotli-11 of dist/feelback.min.js, of each element with
//      the transport, of the transport and context alone, and of the peers,
//      every bundle made by esbuild with the same options; where the bytes go;
//   2. render cost in Debian's Chromium (headless), medians over runs;
//   3. interaction: click on a score → feelback-submit → next paint;
//   4. the transport's 10,000-event figure and the context module's added bytes
//      (bench/transport.mjs, bench/context-size.mjs, when present).
// Prints the tables and writes bench/RESULTS.md.
//
// Options (environment): BENCH_RUNS (default 10), BENCH_SKIP_RENDER=1,
// BENCH_SKIP_PEERS=1, BENCH_SKIP_OTHERS=1 (transport and context), CHROMIUM_PATH,
// BENCH_CASES=<regex of case keys> (e.g. "bar1$|sentry"), BENCH_BUDGET_MS (render
// time budget, default 300000), BENCH_BASELINE=<commit> (default: bench/baseline.mjs),
// BENCH_COMPARE=<commit> (a second earlier build in the render rounds, e.g. to time one change).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { BUDGET_FULL_BROTLI, GOAL_FULL_BROTLI, GOAL_RATING_BAR_BROTLI, GOALS } from './budget.mjs';
import { breakdown } from './lib/breakdown.mjs';
import { clickScore, median, renderCases, runRender } from './lib/render.mjs';
import { buildFiles, bundle, measure, writeTemp } from './lib/sizes.mjs';
import { baselineDist } from './baseline.mjs';
import { kb, ms, ratio, toMarkdown, toText } from './lib/table.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 10));
const started = Date.now();
const tables = [];
const log = (message) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);

function emit(table) {
  tables.push(table);
  console.log(toText(table));
}

const distFile = (path) => JSON.stringify(join(DIST, path));

// ---------------------------------------------------------------- 1. size

/** Our rows: [label, entry source or file, goal bytes?]. */
const OURS = [
  ['feelback.min.js (the CDN file: rollup + terser)', { file: join(DIST, 'feelback.min.js') }, GOAL_FULL_BROTLI],
  ['everything, via esbuild (dist/index.js)', { source: `export * from ${distFile('index.js')};` }, GOAL_FULL_BROTLI],
  [
    'rating bar + transport',
    { source: `export { RatingBar } from ${distFile('define/rating-bar.js')};\nexport { createTransport } from ${distFile('transport/index.js')};` },
    GOAL_RATING_BAR_BROTLI,
  ],
  [
    'feeling prompt + transport',
    { source: `export { FeelingPrompt } from ${distFile('define/feeling-prompt.js')};\nexport { createTransport } from ${distFile('transport/index.js')};` },
  ],
  [
    'callback request + transport',
    { source: `export { CallbackRequest } from ${distFile('define/callback-request.js')};\nexport { createTransport } from ${distFile('transport/index.js')};` },
  ],
  ['transport alone', { source: `export * from ${distFile('transport/index.js')};` }],
  ['context alone (with web-vitals)', { source: `export * from ${distFile('context/index.js')};` }],
  ['reference: Lit (LitElement, html, svg, css, decorators)', { source: "export { LitElement, html, svg, css, nothing } from 'lit';\nexport * from 'lit/decorators.js';" }],
  ['reference: web-vitals (onCLS/FCP/INP/LCP/TTFB)', { source: "export { onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals';" }],
];

const SENTRY_ENTRY =
  "import { init, feedbackIntegration } from '@sentry/browser';\ninit({ dsn: window.__BENCH_DSN ?? 'http://public@127.0.0.1:9/1', integrations: [feedbackIntegration()] });";

/** Peer rows: [label, package, entry source, what was measured]. */
const PEERS = [
  ['Sentry: init + feedbackIntegration', '@sentry/browser', SENTRY_ENTRY, '`init({ dsn, integrations: [feedbackIntegration()] })`'],
  [
    'PostHog: surveys.js (lazy, on top of core)',
    'posthog-js',
    "import 'posthog-js/dist/surveys.js';",
    '`posthog-js/dist/surveys.js`, the file PostHog loads lazily when surveys are on',
  ],
  ['PostHog: core (needed before surveys)', 'posthog-js', "import posthog from 'posthog-js';\nposthog.init('phc_bench', { api_host: location.origin });", '`posthog.init(…)` from `posthog-js`'],
  [
    'Formbricks: survey renderer',
    '@formbricks/surveys',
    "export { renderSurveyInline, renderSurveyModal } from '@formbricks/surveys';",
    '`renderSurveyInline`, `renderSurveyModal` from `@formbricks/surveys`',
  ],
];

async function packageVersion(name) {
  try {
    return JSON.parse(await readFile(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

async function sizeOf(spec) {
  if (spec.file) return measure(await readFile(spec.file));
  return measure((await bundle(spec.source, { resolveDir: ROOT })).code);
}

async function sizes() {
  const rows = [];
  for (const [label, spec, goal] of OURS) {
    try {
      rows.push({ label, goal, ...(await sizeOf(spec)) });
    } catch (error) {
      rows.push({ label, goal, error: String(error.message).split('\n')[0] });
    }
  }
  const full = rows[0].brotli;
  const peers = [];
  let sentryCode;
  if (!process.env.BENCH_SKIP_PEERS) {
    for (const [label, pkg, source, what] of PEERS) {
      const version = await packageVersion(pkg);
      if (!version) {
        peers.push({ label, pkg, what, error: `${pkg} is not installed (npm install)` });
        continue;
      }
      try {
        const { code } = await bundle(source, { resolveDir: ROOT });
        if (pkg === '@sentry/browser') sentryCode = code;
        peers.push({ label: `${label} (${pkg} ${version})`, pkg, what, ...measure(code) });
      } catch (error) {
        peers.push({ label, pkg, what, error: `could not bundle: ${String(error.message).split('\n')[0]}` });
      }
    }
  }
  const cell = (row, key) => (row.error ? 'n/a' : kb(row[key]));
  emit({
    title: 'Size (esbuild ESM bundles, minified, tree-shaken; gzip level 9, brotli quality 11; 1 KB = 1,000 bytes)',
    columns: [
      { name: 'bundle' },
      { name: 'min', align: 'right' },
      { name: 'gzip', align: 'right' },
      { name: 'brotli', align: 'right' },
      { name: '× feelback.min.js', align: 'right' },
      { name: 'goal (brotli)' },
    ],
    rows: [
      ...rows.map((r) => [
        r.label,
        cell(r, 'min'),
        cell(r, 'gzip'),
        cell(r, 'brotli'),
        r.error ? r.error : ratio(r.brotli / full),
        r.goal ? `≤ ${kb(r.goal)}: ${r.error ? 'n/a' : r.brotli <= r.goal ? 'met' : `OVER by ${kb(r.brotli - r.goal)}`}` : '',
      ]),
      ...peers.map((r) => [r.label, cell(r, 'min'), cell(r, 'gzip'), cell(r, 'brotli'), r.error ? r.error : ratio(r.brotli / full), '']),
    ],
    notes: [
      `Budget enforced by \`npm run size\`: ${BUDGET_FULL_BROTLI} bytes brotli for dist/feelback.min.js (goal ${GOAL_FULL_BROTLI}).`,
      'Ratio column: brotli bytes of the row ÷ brotli bytes of dist/feelback.min.js.',
      ...peers.map((p) => `${p.label}: ${p.what}.`),
    ],
  });
  return { full: rows[0], sentryCode };
}

async function whereTheBytesGo() {
  const entries = [
    ['everything (dist/index.js)', OURS[1][1].source],
    ['rating bar + transport', OURS[2][1].source],
  ];
  for (const [name, source] of entries) {
    const { whole, rows } = await breakdown(source, ROOT);
    emit({
      title: `Where the bytes go: ${name}, esbuild bundle, every output byte attributed by source map`,
      columns: [
        { name: 'module group' },
        { name: 'min', align: 'right' },
        { name: 'brotli alone', align: 'right' },
        { name: '≈ brotli share', align: 'right' },
        { name: '% of total', align: 'right' },
      ],
      rows: [
        ...rows.map((r) => [r.group, kb(r.min), kb(r.brotliAlone), kb(r.brotliShare), `${((100 * r.brotliShare) / whole.brotli).toFixed(1)}%`]),
        ['total', kb(whole.min), '', kb(whole.brotli), '100%'],
      ],
      notes: [
        '"brotli alone" compresses the group\'s bytes on their own; "≈ brotli share" scales those so the shares add up to the bundle\'s real brotli size.',
      ],
    });
  }
}

// ---------------------------------------------------------------- 2 and 3. render and interaction

/** Launches Chromium with the browser tests' helper (test/browser/support/browser.ts), compiled on the fly. */
async function launch() {
  const outdir = join(ROOT, 'node_modules', '.cache', 'feelback-bench');
  await mkdir(outdir, { recursive: true });
  const outfile = join(outdir, 'browser.mjs');
  await build({
    entryPoints: [join(ROOT, 'test/browser/support/browser.ts')],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
  const { launchBrowser } = await import(pathToFileURL(outfile).href);
  return launchBrowser();
}

/** Median of per-round ratios a[i] / b[i] over the rounds where both loaded (the paired comparison). */
function pairedRatio(a, b, key = 'interactive') {
  const ratios = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i].failed || b[i].failed) continue;
    ratios.push(a[i][key] / b[i][key]);
  }
  return median(ratios);
}

/** The builds the render cases load: today's (the baseline commit), the CDN file, and the rating-bar-only file. */
function renderBuilds(baseline, compared) {
  const builds = [];
  const all = ['bar1', 'bar50', 'prompt', 'form'];
  if (baseline) builds.push({ key: 'today', label: `today (${baseline.commit.slice(0, 7)}) feelback.min.js`, dir: baseline.dist, script: 'feelback.min.js', widgets: all });
  if (compared) builds.push({ key: 'cmp', label: `${compared.commit.slice(0, 7)} feelback.min.js`, dir: compared.dist, script: 'feelback.min.js', widgets: all });
  const css = existsSync(join(DIST, 'feelback.css')) ? 'feelback.css' : undefined;
  builds.push({ key: 'full', label: 'feelback.min.js', dir: DIST, script: 'feelback.min.js', css, widgets: all });
  if (existsSync(join(DIST, 'rating-bar.min.js'))) builds.push({ key: 'rb', label: 'rating-bar.min.js', dir: DIST, script: 'rating-bar.min.js', css, widgets: ['bar1', 'bar50'] });
  return builds;
}

async function render(sentryCode, baseline, compared) {
  if (process.env.BENCH_SKIP_RENDER) {
    console.log('\nRender cost: skipped (BENCH_SKIP_RENDER).');
    return undefined;
  }
  let browser;
  try {
    browser = await launch();
  } catch (error) {
    console.log(`\nRender cost: not available (${String(error.message).split('\n')[0]})`);
    return undefined;
  }
  const sentryBundlePath = sentryCode ? await writeTemp('sentry.js', sentryCode) : undefined;
  try {
    const builds = renderBuilds(baseline, compared);
    const all = renderCases({ builds, sentryBundlePath });
    // BENCH_CASES=<regex> keeps the matching case keys (and the blank page), e.g. "bar1$|sentry" for a long paired run.
    const only = process.env.BENCH_CASES ? new RegExp(process.env.BENCH_CASES) : undefined;
    const cases = only ? all.cases.filter((c) => c.key === 'blank' || only.test(c.key)) : all.cases;
    const { files, dirs } = all;
    for (const c of cases) {
      if (c.widget === 'bar1' && !c.css) c.interact = clickScore('feelback-rating-bar', 3);
      if (c.widget === 'prompt' && !c.css) c.interact = clickScore('feelback-feeling-prompt', 3);
    }
    log(`render: ${cases.length} cases × ${RUNS} runs on ${cpus().length} cores`);
    const results = await runRender(browser, { cases, files, dirs }, { runs: RUNS, log, budgetMs: Number(process.env.BENCH_BUDGET_MS ?? 300_000) });
    const summary = Object.fromEntries(
      cases.map((c) => {
        const ok = results[c.key].filter((r) => !r.failed);
        const pick = (f) => median(ok.map(f));
        return [
          c.key,
          {
            label: c.label,
            runs: ok.length,
            failed: results[c.key].length - ok.length,
            failure: results[c.key].find((r) => r.failed)?.failed,
            errors: [...new Set(ok.flatMap((r) => r.errors))],
            interactive: pick((r) => r.interactive),
            fromStart: pick((r) => r.fromStart),
            painted: pick((r) => r.painted),
            longTaskTotal: pick((r) => r.longTaskTotal),
            longestTask: pick((r) => r.longestTask),
            maxLongestTask: Math.max(0, ...ok.map((r) => r.longestTask)),
            longestDefine: pick((r) => r.longestDefine),
            maxLongestDefine: Math.max(0, ...ok.map((r) => r.longestDefine)),
            layoutShift: pick((r) => r.layoutShift),
            maxLayoutShift: Math.max(0, ...ok.map((r) => r.layoutShift)),
            heap: pick((r) => r.heap),
            fetchedBefore: ok[0]?.fetchedBefore ?? [],
            toSubmit: pick((r) => r.interaction?.toSubmit),
            toPaint: pick((r) => r.interaction?.toPaint),
            vsSentry: results.sentry ? pairedRatio(results[c.key], results.sentry) : NaN,
            vsSentryFromStart: results.sentry ? pairedRatio(results[c.key], results.sentry, 'fromStart') : NaN,
            vsToday: c.build && c.build !== 'today' && results[`today-${c.widget}`] ? pairedRatio(results[c.key], results[`today-${c.widget}`]) : NaN,
          },
        ];
      }),
    );
    const sentry = summary.sentry;
    const blankHeap = summary.blank?.heap;
    const version = await browser.version();
    emit({
      title: `Render cost in Chromium ${version} (headless, 127.0.0.1, 1280 × 800; medians of ${RUNS} interleaved runs per case, fresh context per run)`,
      columns: [
        { name: 'case' },
        { name: 'runs', align: 'right' },
        { name: 'interactive', align: 'right' },
        { name: 'from nav start', align: 'right' },
        { name: 'next paint', align: 'right' },
        { name: 'long tasks', align: 'right' },
        { name: 'longest task', align: 'right' },
        { name: 'longest define()', align: 'right' },
        { name: 'CLS', align: 'right' },
        { name: 'JS heap', align: 'right' },
        { name: 'heap − blank', align: 'right' },
        { name: 'interactive ÷ Sentry (paired)', align: 'right' },
        { name: "÷ today's (paired)", align: 'right' },
      ],
      rows: cases.map((c) => {
        const s = summary[c.key];
        const extra = s.heap - blankHeap;
        const blank = c.key === 'blank';
        return [
          s.label,
          s.failed ? `${s.runs} (${s.failed} failed)` : String(s.runs),
          blank ? '' : ms(s.interactive),
          blank ? '' : ms(s.fromStart),
          blank ? '' : ms(s.painted),
          ms(s.longTaskTotal),
          ms(s.longestTask),
          blank || c.key === 'sentry' ? '' : ms(s.longestDefine),
          s.layoutShift.toFixed(4),
          kb(s.heap),
          blank ? '' : kb(extra),
          blank || c.key === 'sentry' ? '' : ratio(s.vsSentry),
          Number.isFinite(s.vsToday) ? ratio(s.vsToday) : '',
        ];
      }),
      notes: [
        'interactive: from the script\'s responseEnd (Resource Timing) to the widget\'s control existing in its shadow DOM (rating bar / feeling prompt: a [role=radio]; form: an input; Sentry: its button). "from nav start" is the same moment from navigation start.',
        'next paint: to the first task after the next animation frame following "interactive".',
        'long tasks: total duration of PerformanceObserver "longtask" entries (≥ 50 ms) during the load; longest task: the longest of them (0 when none). CLS: sum of "layout-shift" values, with text before and after each widget.',
        'longest define(): the longest customElements.define() call, timed by the probe; defining a tag upgrades every such element already in the page in one go (the only part of a first load that cannot be sliced).',
        'JS heap: CDP Performance.getMetrics JSHeapUsedSize after HeapProfiler.collectGarbage; "heap − blank" subtracts the blank page\'s median.',
        'Paired ratios: the median over rounds of (this case ÷ the other case in the same round); "today\'s" is the same widget loaded from the baseline build.',
        sentry ? '' : 'Sentry: not available (@sentry/browser not installed or not bundled).',
        ...cases.flatMap((c) => (summary[c.key].failure ? [`${c.label}: ${summary[c.key].failed} run(s) failed: ${summary[c.key].failure}`] : [])),
        ...cases.flatMap((c) => (summary[c.key].errors.length ? [`${c.label}: page errors: ${summary[c.key].errors.slice(0, 2).join('; ')}`] : [])),
      ].filter(Boolean),
    });
    const interactions = cases.filter((c) => c.interact);
    emit({
      title: `Interaction (medians of ${RUNS} runs): a click on a score, from the click event's timestamp`,
      columns: [{ name: 'case' }, { name: '→ feelback-submit', align: 'right' }, { name: '→ next paint', align: 'right' }],
      rows: interactions.map((c) => [
        `${c.label}: click on ${c.widget === 'bar1' ? 'the 4th star' : '"Happy"'}`,
        ms(summary[c.key].toSubmit),
        ms(summary[c.key].toPaint),
      ]),
      notes: ['next paint: the first task after the animation frame that follows feelback-submit (the endpoint is a local 204 sink). The first answer may load the transport.'],
    });
    return { summary, builds };
  } finally {
    await browser.close();
    if (sentryBundlePath) await rm(dirname(sentryBundlePath), { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- goals (issue 14)

async function goals(baseline, rendered) {
  const builds = [
    ...(baseline ? [{ key: 'today', name: `today (${baseline.commit.slice(0, 7)}) feelback.min.js`, dir: baseline.dist, entry: 'feelback.min.js' }] : []),
    { key: 'full', name: 'feelback.min.js', dir: DIST, entry: 'feelback.min.js', before: GOALS.full.before, total: GOALS.full.total },
    { key: 'rb', name: 'rating-bar.min.js', dir: DIST, entry: 'rating-bar.min.js', before: GOALS.ratingBar.before, total: GOALS.ratingBar.total },
  ];
  const verdict = (value, goal, fmt = kb) => (goal === undefined || !Number.isFinite(value) ? '' : value <= goal ? 'met' : `NOT MET (over by ${fmt(value - goal)})`);
  const rows = [];
  const s = rendered?.summary ?? {};
  for (const b of builds) {
    if (!existsSync(join(b.dir, b.entry))) {
      rows.push([`${b.name}: bytes before interactive`, 'not built', '', '']);
      continue;
    }
    const files = await buildFiles(b.dir, b.entry);
    const seen = s[`${b.key}-bar1`]?.fetchedBefore?.filter((p) => p.endsWith('.js')).map((p) => p.replace(`/${b.key}/`, ''));
    const fetched = seen ? ` (Chromium fetched ${seen.length} script${seen.length === 1 ? '' : 's'} before the first bar was interactive: ${seen.join(', ')})` : '';
    const size = (x) => `${kb(x.min)} min, ${kb(x.gzip)} gzip, ${kb(x.brotli)} brotli`;
    rows.push([`${b.name}: fetched before the first widget is interactive${fetched}`, size(files.beforeSize), b.before ? `≤ ${kb(b.before)} brotli` : '', verdict(files.beforeSize.brotli, b.before)]);
    rows.push([`${b.name}: everything it can load (${files.before.length + files.deferred.length} files, locales aside)`, size(files.totalSize), b.total ? `≤ ${kb(b.total)} brotli` : '', verdict(files.totalSize.brotli, b.total)]);
  }
  for (const key of ['today', 'full', 'rb']) {
    const bar = s[`${key}-bar1`];
    if (!bar) continue;
    const goal = key === 'today' ? undefined : GOALS.vsSentry;
    // Three decimals: a ratio just over the goal must not print as the goal itself.
    const fine = (value) => (Number.isFinite(value) ? `${value.toFixed(3)}×` : 'n/a');
    rows.push([`${bar.label.replace(': 1 rating bar', '')}: first widget interactive ÷ Sentry's (paired median)`, fine(bar.vsSentry), goal ? `≤ ${ratio(goal)}` : '', verdict(bar.vsSentry, goal, fine)]);
    // For reading the one above: the same moment from navigation start, which also counts
    // each script's own fetch (the clock above starts when a script has arrived).
    rows.push([`${bar.label.replace(': 1 rating bar', '')}: the same from navigation start ÷ Sentry's (paired median)`, fine(bar.vsSentryFromStart), '', '']);
  }
  for (const [key, c] of Object.entries(s)) {
    if (!key.endsWith('-css')) continue;
    rows.push([`${c.label}: CLS (worst run), text around it`, c.maxLayoutShift.toFixed(4), '0', c.maxLayoutShift === 0 ? 'met' : 'NOT MET']);
  }
  for (const key of ['today', 'full', 'rb']) {
    const c = s[`${key}-bar50`];
    if (!c) continue;
    rows.push([`${c.label}: longest task (worst run); total long-task time (median); longest define() (median, worst)`, `${ms(c.maxLongestTask)}; ${ms(c.longTaskTotal)}; ${ms(c.longestDefine)}, ${ms(c.maxLongestDefine)}`, key === 'today' ? '' : '< 50 ms', key === 'today' ? '' : c.maxLongestTask < 50 ? 'met' : `NOT MET (${ms(c.maxLongestTask)})`]);
  }
  emit({
    title: 'Goals (issue 14): bytes, first widget, layout shift, 50 widgets',
    columns: [{ name: 'goal' }, { name: 'measured', align: 'right' }, { name: 'target' }, { name: 'verdict' }],
    rows,
    notes: [
      'Bytes: the build\'s entry and what it imports statically (fetched before any widget renders), then everything it can import() on demand; each file compressed on its own (brotli 11, gzip 9). Locale tables aside (a page loads at most one).',
      'Timing rows come from the render table of this run (paired with Sentry round by round).',
    ],
  });
}

// ---------------------------------------------------------------- 4. transport and context (other owners' scripts)

/**
 * The function a bench module exports (the first of `preferred` names, else
 * `default`, else the only function), or undefined when it exports none (a
 * plain script that does its work on load).
 */
async function exportedFunction(file, preferred) {
  const text = await readFile(file, 'utf8');
  if (!/^\s*export\s/m.test(text)) return undefined;
  const mod = await import(pathToFileURL(file).href);
  for (const name of [...preferred, 'default']) if (typeof mod[name] === 'function') return mod[name];
  const functions = Object.values(mod).filter((v) => typeof v === 'function');
  return functions.length === 1 ? functions[0] : undefined;
}

/** Runs a script as its own process (it may own a browser and call process.exit); returns its output. */
function runScript(file, timeoutMs) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, out: out.trim(), err: err.trim() });
    });
  });
}

const firstLine = (error) => String(error?.message ?? error).split('\n')[0];
const cellOf = (key, value) =>
  typeof value === 'number' && /^(min|gzip|brotli|bytes)$/i.test(key) ? `${kb(value)} (${value})` : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** Tables for whatever a bench function returned: arrays of objects become tables, objects of objects rows. */
function emitResult(title, value) {
  if (value === null || typeof value !== 'object') {
    emit({ title, lines: [typeof value === 'number' ? `${kb(value)} (${value} bytes)` : String(value)] });
    return;
  }
  const scalars = [];
  for (const [key, item] of Object.entries(value)) {
    const list = Array.isArray(item) && item.every((x) => x && typeof x === 'object') ? item : null;
    const record = !Array.isArray(item) && item && typeof item === 'object' && Object.values(item).every((x) => x && typeof x === 'object') ? item : null;
    const entries = list ?? (record ? Object.entries(record).map(([name, x]) => ({ name, ...x })) : null);
    if (!entries || entries.length === 0) {
      scalars.push(`${key}: ${cellOf(key, item)}`);
      continue;
    }
    const keys = [...new Set(entries.flatMap((x) => Object.keys(x)))];
    emit({
      title: `${title}: ${key}`,
      columns: keys.map((k) => ({ name: k, align: typeof entries[0][k] === 'number' ? 'right' : undefined })),
      rows: entries.map((x) => keys.map((k) => (x[k] === undefined ? '' : cellOf(k, x[k])))),
    });
  }
  if (scalars.length) emit({ title, lines: scalars });
}

async function otherBenches() {
  const transportFile = join(ROOT, 'bench/transport.mjs');
  const contextFile = join(ROOT, 'bench/context-size.mjs');
  const transportTitle = 'Transport: 10,000 events (bench/transport.mjs)';
  if (!existsSync(transportFile)) {
    emit({ title: transportTitle, lines: ['not available (bench/transport.mjs is missing)'] });
  } else {
    log('transport: running bench/transport.mjs');
    try {
      const fn = await exportedFunction(transportFile, ['benchTransport', 'transportBench', 'runTransportBench', 'run']);
      if (fn) {
        emitResult(transportTitle, await fn());
      } else {
        const { code, signal, out, err } = await runScript(transportFile, 150_000);
        const lines = out.split('\n').filter(Boolean);
        if (code !== 0) lines.push(`(bench/transport.mjs exited with ${code ?? signal}${err ? `: ${err.split('\n')[0]}` : ''})`);
        emit({ title: transportTitle, lines: lines.length ? lines : ['not available (no output)'] });
      }
    } catch (error) {
      emit({ title: transportTitle, lines: [`not available (${firstLine(error)})`] });
    }
  }
  const contextTitle = "Context module's added bytes (bench/context-size.mjs)";
  if (!existsSync(contextFile)) {
    emit({ title: contextTitle, lines: ['not available (bench/context-size.mjs is missing)'] });
    return;
  }
  try {
    const fn = await exportedFunction(contextFile, ['contextSizes', 'contextSize']);
    if (fn) emitResult(contextTitle, await fn());
    else emit({ title: contextTitle, lines: ['not available (bench/context-size.mjs exports no function to call)'] });
  } catch (error) {
    emit({ title: contextTitle, lines: [`not available (${firstLine(error)})`] });
  }
}

// ---------------------------------------------------------------- main

const { sentryCode } = await sizes();
log('size: done');
await whereTheBytesGo();
log('breakdown: done');
let baseline;
try {
  baseline = baselineDist(undefined, log);
} catch (error) {
  log(`baseline: not available (${firstLine(error)})`);
}
// BENCH_COMPARE=<commit>: a second earlier build in the same rounds, paired against the baseline ("÷ today's").
let compared;
if (process.env.BENCH_COMPARE) {
  try {
    compared = baselineDist(process.env.BENCH_COMPARE, log);
  } catch (error) {
    log(`compare: not available (${firstLine(error)})`);
  }
}
const rendered = await render(sentryCode, baseline, compared);
log('render: done');
await goals(baseline, rendered);
if (process.env.BENCH_SKIP_OTHERS) console.log('\nTransport and context benches: skipped (BENCH_SKIP_OTHERS).');
else await otherBenches();
if (!process.env.BENCH_SKIP_OTHERS) emit({ title: 'Launcher (bench/launcher.mjs)', lines: (await runScript(join(ROOT, 'bench/launcher.mjs'), 600_000)).out.split('\n') });

const date = new Date().toISOString();
const commit = await new Promise((done) => {
  const child = spawn('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.on('close', () => done(out.trim() || 'unknown'));
  child.on('error', () => done('unknown'));
});
const markdown = [
  '# feelback benchmark results',
  '',
  `Run on ${date} at commit ${commit} (working tree as built), Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`,
  'Timings are medians on a shared machine: compare rows of the same run, not runs on different days.',
  `Command: \`npm run bench\` (${[`BENCH_RUNS=${RUNS}`, ...Object.entries(process.env).filter(([name]) => name.startsWith('BENCH_') && name !== 'BENCH_RUNS').map(([name, value]) => `${name}=${value}`)].join(', ')}). Took ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  '',
  ...tables.map(toMarkdown),
].join('\n');
const resultsFile = join(ROOT, 'bench/RESULTS.md');
await writeFile(resultsFile, `${markdown}\n`);
console.log(`\nWrote ${relative(ROOT, resultsFile)} (${((Date.now() - started) / 1000).toFixed(0)} s).`);
