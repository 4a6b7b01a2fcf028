// Where the bytes go: bundle the public entry with esbuild, walk the source map
// to attribute every output byte to the module it came from, group modules
// (Lit, web-vitals, each component, its styles and strings, transport…) and
// compress each group's share.
import { dirname, relative, resolve } from 'node:path';
import { bundle, measure } from './sizes.mjs';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = Object.fromEntries([...B64].map((c, i) => [c, i]));

/** Decodes one source-map line into segments `[genCol, source?, …]` (absolute values, per the v3 spec's running deltas). */
function* decodeMappings(mappings) {
  const state = [0, 0, 0, 0, 0];
  let line = 0;
  for (const lineText of mappings.split(';')) {
    state[0] = 0;
    const segments = [];
    for (const segmentText of lineText.split(',')) {
      if (!segmentText) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segmentText) {
        const digit = B64_VALUE[char];
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      values.forEach((v, i) => (state[i] += v));
      segments.push(values.length >= 4 ? [state[0], state[1]] : [state[0]]);
    }
    yield [line++, segments];
  }
}

/** Names the group a source path (relative to the repository) belongs to. */
export function groupOf(path) {
  const p = path.replace(/\\/g, '/');
  if (/node_modules\/(lit-html|lit-element|lit|@lit\/reactive-element)\//.test(p)) return 'Lit (lit-html, reactive-element, lit-element)';
  if (p.includes('node_modules/web-vitals/')) return p.includes('attribution') ? 'web-vitals (attribution build!)' : 'web-vitals';
  if (p.includes('node_modules/tslib/')) return 'tslib helpers (decorators)';
  if (p.includes('node_modules/')) return `other dependency: ${p.split('node_modules/').pop().split('/')[0]}`;
  const m = p.match(/(?:src|dist)\/(.*)\.(?:ts|js)$/);
  if (!m) return 'bundler glue';
  const file = m[1];
  const component = file.match(/^components\/([^/]+)\/(.+)$/);
  if (component) {
    const [, name, rest] = component;
    if (rest.endsWith('.styles')) return `${name}: styles (css)`;
    if (rest === 'strings') return `${name}: strings (i18n)`;
    return `${name}: element and logic`;
  }
  if (/^components\//.test(file)) return 'base element (feedback-element, form element)';
  if (file === 'styles/tokens') return 'shared styles: tokens (css)';
  if (file.startsWith('styles/')) return `shared styles: ${file.slice(7)}`;
  if (file.startsWith('i18n/')) return 'i18n (locale lookup, shared strings)';
  if (file.startsWith('transport/')) return 'transport';
  if (file.startsWith('context/')) return 'context (event, page, vitals glue)';
  if (file === 'config' || file.startsWith('internal/')) return 'config and internal helpers';
  if (file === 'index') return 'public entry (re-exports)';
  return file;
}

/**
 * Bundles `source` (an entry module's text) and returns rows `{ group, min, brotliAlone,
 * brotliShare }`, largest first, plus the whole bundle's sizes. `brotliShare`
 * scales each group's stand-alone brotli so that the shares add up to the
 * bundle's real brotli size (compressing a slice alone loses the context the
 * rest of the bundle gives it, so stand-alone figures over-count).
 */
export async function breakdown(source, root) {
  const { code, files } = await bundle(source, {
    resolveDir: root,
    sourcemap: true,
  });
  return attribute(files, root, code);
}

/**
 * The same attribution for files already built with source maps (the rollup
 * one-file builds write hidden maps beside each file): `paths` are the .js
 * files, each with `<path>.map`.
 */
export async function breakdownOfBuild(paths, root) {
  const { readFile } = await import('node:fs/promises');
  const files = [];
  for (const path of paths) {
    files.push({ path, code: await readFile(path, 'utf8'), map: JSON.parse(await readFile(`${path}.map`, 'utf8')) });
  }
  return attribute(files, root, files.map((f) => f.code).join('\n'));
}

function attribute(files, root, code) {
  const slices = new Map();
  const add = (group, text) => slices.set(group, (slices.get(group) ?? '') + text);
  const sources = [];
  for (const { path, code: fileCode, map } of files) {
    const lines = fileCode.split('\n');
    const groups = map.sources.map((source) => groupOf(relative(root, resolve(dirname(path), source))));
    sources.push(...map.sources);
    for (const [lineNo, segments] of decodeMappings(map.mappings)) {
      const text = lines[lineNo] ?? '';
      if (segments.length === 0) {
        add('bundler glue', text);
        continue;
      }
      add('bundler glue', text.slice(0, segments[0][0]));
      segments.forEach((segment, i) => {
        const end = i + 1 < segments.length ? segments[i + 1][0] : text.length;
        add(segment.length > 1 ? groups[segment[1]] : 'bundler glue', text.slice(segment[0], end));
      });
    }
  }
  const whole = measure(code);
  const rows = [...slices].map(([group, text]) => ({ group, min: Buffer.byteLength(text), brotliAlone: measure(text).brotli }));
  const aloneTotal = rows.reduce((sum, row) => sum + row.brotliAlone, 0);
  for (const row of rows) row.brotliShare = Math.round((row.brotliAlone * whole.brotli) / aloneTotal);
  rows.sort((a, b) => b.min - a.min);
  return { whole, rows, sources };
}
