// What the context module costs: bundles the all-in-one entry (src/index.ts)
// with esbuild, once as shipped and once with parts of src/context/ replaced by
// stubs of the same exports, and reports minified, gzip-9 and brotli-11 bytes.
// The difference is what page context, Core Web Vitals and metadata sanitizing
// add to a page. It also checks which public entries pull in web-vitals at all.
//
// Usage:  node bench/context-size.mjs
// Import: import { contextSizes } from './context-size.mjs'; const { rows, deltas } = await contextSizes();
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLE_OPTIONS, measure } from './lib/sizes.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const src = (path) => resolve(ROOT, 'src', path);

/** Same exports as the real modules, doing nothing: the bundle as if the context module were absent. */
const STUBS = {
  webVitals: `const none = () => {}; export { none as onCLS, none as onFCP, none as onINP, none as onLCP, none as onTTFB };`,
  vitals: `export const observeVitals = () => {}; export const currentVitals = () => undefined;`,
  page: `export const pageUrl = () => ''; export const referrerUrl = () => ''; export const sessionId = () => '';
export const resetSessionId = () => {};
export const pageContext = (locale) => ({ url: '', referrer: '', locale, viewport: { width: 0, height: 0 }, sessionId: '' });`,
  metadata: `export const METADATA_MAX_BYTES = 0; export const toJsonSafeMetadata = (m) => m;
export const capMetadataSize = (m) => m; export const mergeMetadata = (a, b) => ({ ...a, ...b });`,
};

/** An esbuild plugin that serves `stubs` (absolute source path or bare specifier → code) instead of the real module. */
function stubPlugin(stubs) {
  return {
    name: 'feelback-context-stubs',
    setup(builder) {
      // Built-in locale tables are separate files fetched on demand (src/i18n/load-locale.ts);
      // without code splitting esbuild would inline them, which the shipped bundle does not.
      builder.onResolve({ filter: /^\.\/locales\// }, (args) =>
        /[\\/]i18n$/.test(args.resolveDir) ? { path: args.path, external: true } : undefined,
      );
      builder.onResolve({ filter: /^web-vitals$/ }, () =>
        'web-vitals' in stubs ? { path: 'web-vitals', namespace: 'stub' } : undefined,
      );
      builder.onLoad({ filter: /.*/, namespace: 'stub' }, (args) => ({ contents: stubs[args.path], loader: 'js' }));
      builder.onLoad({ filter: /src[\\/]context[\\/].*\.ts$/ }, (args) =>
        args.path in stubs ? { contents: stubs[args.path], loader: 'ts', resolveDir: ROOT } : undefined,
      );
    },
  };
}

/** Bundles `entry` minified as a site's bundler would (production Lit, ES2021) and returns the code and its inputs. */
async function bundle(entry, stubs = {}) {
  const result = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: [entry],
    tsconfig: resolve(ROOT, 'tsconfig.json'),
    plugins: [stubPlugin(stubs)],
    write: false,
    metafile: true,
  });
  const code = result.outputFiles[0].text;
  const inputs = Object.keys(result.metafile.inputs);
  return { code, hasWebVitals: inputs.some((input) => input.includes('node_modules/web-vitals/')) };
}

/**
 * Measures the all-in-one bundle with and without the context module and the
 * public entries that should not pay for web-vitals. Returns table rows and the
 * deltas (bytes the context module adds), without printing.
 */
export async function contextSizes() {
  const index = src('index.ts');
  const variants = [
    ['all-in-one (src/index.ts), as shipped', index, {}],
    ['all-in-one, web-vitals stubbed', index, { 'web-vitals': STUBS.webVitals }],
    [
      'all-in-one, context stubbed (page, vitals, metadata, web-vitals)',
      index,
      {
        'web-vitals': STUBS.webVitals,
        [src('context/vitals.ts')]: STUBS.vitals,
        [src('context/page.ts')]: STUBS.page,
        [src('context/metadata.ts')]: STUBS.metadata,
      },
    ],
    ['feelback/context alone (src/context/index.ts)', src('context/index.ts'), {}],
    ['feelback/transport alone (src/transport/index.ts)', src('transport/index.ts'), {}],
    ['feelback/rating-bar alone', src('components/rating-bar/rating-bar.ts'), {}],
  ];
  const rows = [];
  for (const [name, entry, stubs] of variants) {
    const { code, hasWebVitals } = await bundle(entry, stubs);
    rows.push({ name, ...measure(code), webVitals: hasWebVitals });
  }
  // For reference: the file that ships, as built by rollup and terser (when `npx rollup -c` has run).
  const shipped = await readFile(resolve(ROOT, 'dist/feelback.min.js'), 'utf8').catch(() => undefined);
  if (shipped !== undefined) {
    rows.push({ name: 'dist/feelback.min.js (rollup + terser, for reference)', ...measure(shipped), webVitals: shipped.includes('largest-contentful-paint') });
  }
  const [full, noWebVitals, noContext] = rows;
  const delta = (a, b) => ({ min: a.min - b.min, gzip: a.gzip - b.gzip, brotli: a.brotli - b.brotli });
  return {
    rows,
    deltas: {
      context: delta(full, noContext),
      webVitals: delta(full, noWebVitals),
      contextOwnCode: delta(noWebVitals, noContext),
    },
  };
}

function printTable({ rows, deltas }) {
  const pad = (value, width) => String(value).padStart(width);
  const line = (name, s, extra = '') =>
    `${name.padEnd(66)} ${pad(s.min, 8)} ${pad(s.gzip, 7)} ${pad(s.brotli, 7)}  ${extra}`;
  console.log(`${'bundle (esbuild, minified)'.padEnd(66)} ${pad('min', 8)} ${pad('gzip', 7)} ${pad('brotli', 7)}  web-vitals?`);
  for (const row of rows) console.log(line(row.name, row, row.webVitals ? 'yes' : 'no'));
  console.log('');
  console.log(line('context module adds to the all-in-one bundle', deltas.context));
  console.log(line('  of which web-vitals', deltas.webVitals));
  console.log(line("  of which feelback's own context code", deltas.contextOwnCode));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  printTable(await contextSizes());
}
