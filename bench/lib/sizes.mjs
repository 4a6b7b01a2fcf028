// Size measurement: minified, gzip-9 and brotli-11 bytes, and the esbuild
// bundling that every row of the size table goes through (ours and the peers'),
// so that all figures come from one bundler with one set of options.
import { build } from 'esbuild';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** `{ min, gzip, brotli }` byte counts for a piece of minified code. */
export function measure(code) {
  const bytes = Buffer.isBuffer(code) ? code : Buffer.from(code, 'utf8');
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/** The options every bundle shares: ESM, minified, browser, tree-shaken, no source map. */
export const BUNDLE_OPTIONS = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2021',
  minify: true,
  treeShaking: true,
  legalComments: 'none',
  // Lit ships its dev build under the "development" condition only; leaving it
  // out selects the production build, as a site's bundler would.
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'silent',
};

/**
 * Bundles `source` (an entry module's text, whose imports are absolute paths or
 * bare specifiers resolved from `resolveDir`) with code splitting, as a site's
 * bundler would: what the entry loads up front (`code`, the entry chunk and the
 * chunks it imports statically) is kept apart from what it `import()`s on
 * demand (`lazy`: e.g. feelback's locale tables). `files` holds each up-front
 * chunk's code and, with `sourcemap`, its map.
 */
export async function bundle(source, { resolveDir, sourcemap = false } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'feelback-bench-'));
  try {
    const result = await build({
      ...BUNDLE_OPTIONS,
      stdin: { contents: source, resolveDir, sourcefile: 'entry.mjs', loader: 'js' },
      outdir: dir,
      entryNames: 'entry',
      splitting: true,
      metafile: true,
      sourcemap: sourcemap ? 'external' : false,
      write: true,
    });
    const outputs = result.metafile.outputs;
    // The stdin entry; the files it import()s (locale tables) are entry points of their own too.
    const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint === 'entry.mjs');
    const upFront = new Set();
    const visit = (path) => {
      if (upFront.has(path)) return;
      upFront.add(path);
      for (const imported of outputs[path].imports) if (imported.kind === 'import-statement') visit(imported.path);
    };
    visit(entry);
    const files = [];
    for (const path of upFront) {
      const absolute = resolvePath(process.cwd(), path);
      files.push({
        path: absolute,
        code: await readFile(absolute, 'utf8'),
        map: sourcemap ? JSON.parse(await readFile(`${absolute}.map`, 'utf8')) : undefined,
      });
    }
    const lazy = Object.keys(outputs).filter((path) => path.endsWith('.js') && !upFront.has(path));
    let lazyCode = '';
    for (const path of lazy) lazyCode += await readFile(resolvePath(process.cwd(), path), 'utf8');
    return { code: files.map((f) => f.code).join('\n'), files, lazy: { chunks: lazy.length, code: lazyCode }, metafile: result.metafile };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes `code` to a fresh temp file and returns its path (for pages that load a bundle). */
export async function writeTemp(name, code) {
  const dir = await mkdtemp(join(tmpdir(), 'feelback-bench-'));
  const file = join(dir, name);
  await writeFile(file, code);
  return file;
}

/**
 * The files a one-file build is made of, found by following the relative
 * imports in its code from `entry` (a path inside `dir`): `before` is the entry
 * and what it imports statically (fetched before any widget can render),
 * `deferred` what is reached only through `import()` (fetched later, on demand).
 * Locale tables are left out: a page loads at most the one its language needs.
 */
export async function buildFiles(dir, entry) {
  const { readFile: read } = await import('node:fs/promises');
  const { dirname: dirOf, join: joinPath, relative: rel } = await import('node:path');
  const before = new Set();
  const deferred = new Set();
  const visit = async (file, kind) => {
    const key = rel(dir, file);
    if (key.startsWith('locales/')) return;
    if (before.has(key) || (kind === 'deferred' && deferred.has(key))) return;
    if (kind === 'before') {
      deferred.delete(key);
      before.add(key);
    } else deferred.add(key);
    const code = await read(file, 'utf8');
    const statics = [...code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
    const dynamics = [...code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => m[1]);
    for (const spec of statics) await visit(joinPath(dirOf(file), spec), kind);
    for (const spec of dynamics) await visit(joinPath(dirOf(file), spec), 'deferred');
  };
  await visit(joinPath(dir, entry), 'before');
  for (const key of before) deferred.delete(key);
  // Each file is fetched and compressed on its own, so sizes add up file by file.
  const sizeOf = async (keys) => {
    const sum = { min: 0, gzip: 0, brotli: 0 };
    for (const key of keys) {
      const size = measure(await read(joinPath(dir, key)));
      for (const k of Object.keys(sum)) sum[k] += size[k];
    }
    return sum;
  };
  return {
    before: [...before],
    deferred: [...deferred],
    beforeSize: await sizeOf(before),
    totalSize: await sizeOf([...before, ...deferred]),
  };
}
