// A rollup plugin that collapses whitespace and drops comments inside Lit `css`
// tagged templates in feelback's own sources. Only `css` literals: `html` and
// `svg` templates are left alone, since whitespace there can be text a visitor
// sees or a screen reader reads. Quoted strings and `${…}` interpolations are
// copied verbatim; a literal the scanner cannot follow is left as written.

/** Characters a space next to can always go in CSS (a space before `:` is a descendant combinator, so it stays). */
const TIGHT_AFTER = new Set(['{', '}', ';', ',', ':']);
const TIGHT_BEFORE = new Set(['{', '}', ';', ',']);

/** Minifies one static piece of a css literal; `atStart`/`atEnd` say whether it begins/ends the literal. */
export function minifyCssChunk(text, atStart, atEnd) {
  let out = '';
  let pendingSpace = false;
  const emit = (s) => {
    if (pendingSpace) {
      const prev = out.at(-1);
      const dropped = (prev === undefined ? atStart : TIGHT_AFTER.has(prev)) || TIGHT_BEFORE.has(s[0]);
      if (!dropped) out += ' ';
      pendingSpace = false;
    }
    // `;}` → `}`: the last declaration needs no separator.
    if (s === '}' && out.endsWith(';')) out = out.slice(0, -1);
    out += s;
  };
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) return null;
      i = end + 2;
      pendingSpace = true;
    } else if (/\s/.test(ch)) {
      while (i < text.length && /\s/.test(text[i])) i++;
      pendingSpace = true;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) return null;
      emit(text.slice(i, j + 1));
      i = j + 1;
    } else if (ch === '\\') {
      emit(text.slice(i, i + 2));
      i += 2;
    } else {
      emit(ch);
      i++;
    }
  }
  if (pendingSpace && !atEnd && out.length > 0 && !TIGHT_AFTER.has(out.at(-1))) out += ' ';
  return out;
}

/** Returns `code` with every css`…` literal minified. */
export function minifyCssLiterals(code) {
  const tag = /(?<![\w$.])css\s*`/g;
  let result = '';
  let last = 0;
  for (let match; (match = tag.exec(code)); ) {
    const open = match.index + match[0].length;
    // Split the literal into static chunks and interpolations.
    const chunks = [];
    const holes = [];
    let chunkStart = open;
    let i = open;
    let ok = true;
    for (;;) {
      if (i >= code.length) {
        ok = false;
        break;
      }
      const ch = code[i];
      if (ch === '\\') {
        i += 2;
      } else if (ch === '`') {
        chunks.push(code.slice(chunkStart, i));
        break;
      } else if (ch === '$' && code[i + 1] === '{') {
        chunks.push(code.slice(chunkStart, i));
        let depth = 1;
        let j = i + 2;
        for (; j < code.length && depth > 0; j++) {
          if (code[j] === '{') depth++;
          else if (code[j] === '}') depth--;
          else if (code[j] === '`' || code[j] === '"' || code[j] === "'" || code[j] === '/') ok = false;
        }
        holes.push(code.slice(i, j));
        i = j;
        chunkStart = j;
      } else {
        i++;
      }
    }
    if (!ok) continue;
    const minified = chunks.map((chunk, n) => minifyCssChunk(chunk, n === 0, n === chunks.length - 1));
    if (minified.includes(null)) continue;
    result += code.slice(last, open) + minified.map((chunk, n) => chunk + (holes[n] ?? '')).join('');
    last = i;
    tag.lastIndex = i + 1;
  }
  return result + code.slice(last);
}

/** @returns {import('rollup').Plugin} */
export default function minifyCss() {
  return {
    name: 'feelback-minify-css',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !/\bcss\s*`/.test(code)) return null;
      const minified = minifyCssLiterals(code);
      return minified === code ? null : { code: minified, map: null };
    },
  };
}
