import { describe, expect, it } from 'vitest';
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
