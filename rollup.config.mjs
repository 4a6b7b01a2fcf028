// Two builds from one source:
// 1. per-module ES modules with .d.ts for bundler users (Lit and web-vitals external);
// 2. dist/feelback.min.js, one self-contained minified module for a <script type="module"> tag,
//    and dist/rating-bar.min.js, the same for a page that shows only rating bars;
//    both beside dist/feelback.css, the stylesheet that reserves each element's size.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readFileSync, rmSync } from 'node:fs';
import minifyCss from './build/minify-css.mjs';

// Every build starts from an empty dist/: chunk names carry a content hash, so files of an
// earlier build would otherwise stay beside the new ones and ship with `npm pack`.
rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// Peer dependencies (React, Vue) are imported by the framework entries and never bundled.
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
const isExternal = (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`));

// The public modules; each becomes an entry so the exports map points at stable paths.
const entries = {
  index: 'src/index.ts',
  'components/rating-bar/rating-bar': 'src/components/rating-bar/rating-bar.ts',
  'components/feeling-prompt/feeling-prompt': 'src/components/feeling-prompt/feeling-prompt.ts',
  'components/callback-request/callback-request': 'src/components/callback-request/callback-request.ts',
  'define/rating-bar': 'src/define/rating-bar.ts',
  'define/feeling-prompt': 'src/define/feeling-prompt.ts',
  'define/callback-request': 'src/define/callback-request.ts',
  'transport/index': 'src/transport/index.ts',
  'context/index': 'src/context/index.ts',
  config: 'src/config.ts',
  'define/launcher': 'src/define/launcher.ts',
  'react/index': 'src/react/index.ts',
  'react/jsx': 'src/react/jsx.ts',
  'vue/index': 'src/vue/index.ts',
};
const existing = Object.fromEntries(
  Object.entries(entries).filter(([, file]) => {
    try {
      readFileSync(file);
      return true;
    } catch {
      return false;
    }
  }),
);

// Lit's dev-mode warnings are stripped from the production bundle by the "production" export condition.
const resolve = nodeResolve({ exportConditions: ['production', 'browser', 'default'] });

/**
 * A one-file build for a <script type="module"> tag: everything inlined except
 * the locale tables, which stay sibling files (dist/locales/<lang>.js) that the
 * bundle import()s, relative to its own URL, only when an element speaks that
 * language.
 */
function oneFile(input, fileName, extraPlugins = []) {
  return {
    input,
    // Shared code stays in the entry file, which the files it loads later import back,
    // rather than moving to a chunk the entry would have to fetch before anything renders.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      entryFileNames: fileName,
      chunkFileNames: (chunk) =>
        chunk.facadeModuleId?.replace(/\\/g, '/').includes('/src/i18n/locales/') ? 'locales/[name].js' : 'internal/[name]-[hash].min.js',
      format: 'es',
      // Maps without a sourceMappingURL comment: the bytes a page fetches stay the same, and
      // `npm run size` attributes every byte of the build to its module from them.
      sourcemap: 'hidden',
    },
    plugins: [
      resolve,
      typescript({ tsconfig: './tsconfig.json', declaration: false, outDir: 'dist' }),
      minifyCss(),
      // passes: 3 and hoist_funs measured 59 bytes brotli smaller than passes: 2; neither changes what the code does.
      terser({ ecma: 2022, module: true, compress: { passes: 3, hoist_funs: true }, format: { comments: false } }),
      ...extraPlugins,
    ],
  };
}

/** dist/feelback.css from src/styles/feelback.css, comments and spare whitespace out. */
function reservedSizes() {
  const source = 'src/styles/feelback.css';
  return {
    name: 'feelback-css',
    generateBundle() {
      this.addWatchFile(source);
      const css = readFileSync(source, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/;}/g, '}')
        .trim();
      this.emitFile({ type: 'asset', fileName: 'feelback.css', source: `${css}\n` });
    },
  };
}

export default [
  {
    input: existing,
    external: isExternal,
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'internal/[name]-[hash].js',
      preserveModules: true,
      preserveModulesRoot: 'src',
    },
    // minifyCss runs after typescript: the typescript plugin emits from the files on disk, not from earlier transforms.
    plugins: [typescript({ tsconfig: './tsconfig.json', outDir: 'dist', declaration: true }), minifyCss()],
  },
  oneFile('src/bundles/feelback.ts', 'feelback.min.js', [reservedSizes()]),
  oneFile('src/bundles/rating-bar.ts', 'rating-bar.min.js'),
  {
    // dist/launcher.min.js: <feelback-launcher> alone (no Lit); it import()s ./feelback.min.js when a launcher may open.
    input: 'src/launcher-only.ts',
    output: { file: 'dist/launcher.min.js', format: 'es', sourcemap: false },
    plugins: [
      resolve,
      typescript({ tsconfig: './tsconfig.json', declaration: false, outDir: 'dist' }),
      terser({ ecma: 2022, module: true, compress: { passes: 3, hoist_funs: true }, format: { comments: false } }),
    ],
  },
];
