// `node bench/reserved-sizes.mjs`: the first-render height of every element and
// scale, per language and viewport width, measured in Chromium from
// dist/feelback.min.js, beside what src/styles/feelback.css (dist/feelback.css)
// reserves for it before the element is defined. Use it when an element's
// layout or strings change: every "reserved" figure must be at least the
// rendered one, or the page shifts when the element renders (CLS).
//   BENCH_WIDTHS=390,1280  BENCH_LANGS=en,de,…
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const WIDTHS = (process.env.BENCH_WIDTHS ?? '390,1280').split(',').map(Number);
const LANGS = (process.env.BENCH_LANGS ?? 'en,de,fr,es,pt,ar,he,ja').split(',');

/** Every first render the stylesheet has to reserve a box for. */
export const ELEMENT_CASES = [
  ...['stars', 'nps', 'csat', 'ces', 'emoji', 'thumbs', 'numeric'].map((scale) => ({
    name: `rating-bar ${scale}`,
    html: `<feelback-rating-bar scale="${scale}"></feelback-rating-bar>`,
  })),
  { name: 'rating-bar numeric 0–20', html: '<feelback-rating-bar scale="numeric" min="0" max="20"></feelback-rating-bar>' },
  { name: 'feeling-prompt', html: '<feelback-feeling-prompt></feelback-feeling-prompt>' },
  { name: 'callback-request', html: '<feelback-callback-request></feelback-callback-request>' },
];

async function launch() {
  const outfile = join(ROOT, 'node_modules', '.cache', 'feelback-bench', 'browser.mjs');
  await build({ entryPoints: [join(ROOT, 'test/browser/support/browser.ts')], outfile, bundle: true, packages: 'external', platform: 'node', format: 'esm', logLevel: 'silent' });
  const { launchBrowser } = await import(pathToFileURL(outfile).href);
  return launchBrowser();
}

function page(lang, css) {
  const items = ELEMENT_CASES.map((c, i) => `<p>Text before.</p><div class="case" data-i="${i}">${c.html}</div><p>Text after.</p>`).join('\n');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
${css ? '<link rel="stylesheet" href="/dist/feelback.css">' : ''}
<style>body { font: 16px/1.5 system-ui, sans-serif; margin: 1rem; }</style></head><body>${items}
${css ? '' : '<script type="module" src="/dist/feelback.min.js"></script>'}</body></html>`;
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname.startsWith('/dist/')) {
    try {
      const body = await readFile(join(ROOT, url.pathname));
      return res.writeHead(200, { 'content-type': url.pathname.endsWith('.css') ? 'text/css' : 'text/javascript' }).end(body);
    } catch {
      return res.writeHead(404).end();
    }
  }
  const lang = url.searchParams.get('lang') ?? 'en';
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(lang, url.searchParams.has('css')));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const heights = (p) => p.$$eval('.case', (cases) => cases.map((c) => Math.round(c.firstElementChild.getBoundingClientRect().height * 100) / 100));
try {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const p = await context.newPage();
    await p.goto(`${origin}/?css`);
    const reserved = await heights(p);
    const rows = ELEMENT_CASES.map((c, i) => ({ name: c.name, reserved: reserved[i] }));
    for (const lang of LANGS) {
      await p.goto(`${origin}/?lang=${lang}`);
      await p.waitForFunction(() => ['feelback-rating-bar', 'feelback-feeling-prompt', 'feelback-callback-request'].every((t) => customElements.get(t)));
      // Locale tables load on demand; let them land and the elements re-render.
      await p.waitForTimeout(400);
      const rendered = await heights(p);
      rows.forEach((row, i) => (row[lang] = rendered[i]));
    }
    console.log(`\nwidth ${width}px: rendered height per lang (px) vs reserved by feelback.css`);
    console.log(['element'.padEnd(26), 'reserved', ...LANGS.map((l) => l.padStart(7)), '  max'].join(' '));
    for (const row of rows) {
      const max = Math.max(...LANGS.map((l) => row[l]));
      const flag = row.reserved < max ? '  SHORT' : '';
      console.log([row.name.padEnd(26), String(row.reserved).padStart(8), ...LANGS.map((l) => String(row[l]).padStart(7)), String(max).padStart(6)].join(' ') + flag);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
