import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyCssLiterals } from '../../build/minify-css.mjs';

describe('the build-time css`…` minifier', () => {
  it('drops comments and collapses whitespace, keeping descendant combinators and strings', () => {
    const source = "const s = css`\n  /* a \\`note\\` */\n  :host(:dir(rtl)) .flip {\n    font: 1rem 'Segoe  UI', serif;\n    transition:\n      color 1s ease,\n      filter 1s;\n  }\n`;";
    expect(minifyCssLiterals(source)).toBe(
      "const s = css`:host(:dir(rtl)) .flip{font:1rem 'Segoe  UI',serif;transition:color 1s ease,filter 1s}`;",
    );
  });

  it('copies interpolations verbatim and keeps a space where an interpolation meets a word', () => {
    const source = 'const s = css`\n  :host {\n    ${palette}\n  }\n  a ${b} c { x: y; }\n`;';
    expect(minifyCssLiterals(source)).toBe('const s = css`:host{${palette}}a ${b} c{x:y}`;');
  });

  it('leaves html`…`, svg`…` and other tags alone', () => {
    const source = 'html`<p>  two  spaces </p>`; svg`<path d="M 1 2" />`; unsafeCSS`a  {  }`; x.css`a  {  }`;';
    expect(minifyCssLiterals(source)).toBe(source);
  });

  it('leaves a literal it cannot follow as written', () => {
    const source = "css`a { content: 'open }`;";
    expect(minifyCssLiterals(source)).toBe(source);
  });
});

describe('the shipped styles', () => {
  // A literal the scanner cannot follow is left as written, which would quietly cost bytes; every
  // css`…` in src/ (the declaration-list fragment in tokens.ts included) must come out minified.
  const sources = readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ file, code: readFileSync(join('src', file), 'utf8') }))
    .filter(({ code }) => /(?<![\w$.])css\s*`/.test(code));

  it('has css literals to check', () => {
    expect(sources.map(({ file }) => file.replaceAll('\\', '/'))).toContain('styles/tokens.ts');
  });

  it.each(sources.map(({ file, code }) => [file, code]))('minifies every css literal in %s', (_file, code) => {
    const minified = minifyCssLiterals(code);
    const literals = [...minified.matchAll(/(?<![\w$.])css\s*`((?:[^`\\]|\\.)*)`/g)].map((match) => match[1]);
    expect(literals.length).toBeGreaterThan(0);
    for (const literal of literals) {
      expect(literal).not.toMatch(/\n|\/\*/);
    }
  });
});
