import type { Plugin } from 'rollup';

/** Minifies one static piece of a css literal; null when it cannot be followed (an unclosed string or comment). */
export function minifyCssChunk(text: string, atStart: boolean, atEnd: boolean): string | null;
/** Returns `code` with every css`…` literal's whitespace and comments collapsed; html`…` and svg`…` untouched. */
export function minifyCssLiterals(code: string): string;
export default function minifyCss(): Plugin;
