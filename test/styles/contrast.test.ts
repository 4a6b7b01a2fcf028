import { describe, expect, it } from 'vitest';
import { tokens } from '../../src/styles/tokens.js';

/** The declarations inside the first rule whose selector is exactly `selector`. */
function block(css: string, selector: string): string {
  const start = css.indexOf(`${selector} {`);
  if (start === -1) throw new Error(`no rule ${selector}`);
  const open = css.indexOf('{', start);
  return css.slice(open + 1, css.indexOf('}', open));
}

/** `--_fb-text: var(--feelback-text, #1f2328)` → `{ text: '#1f2328' }`: the default each private token falls back to. */
function palette(declarations: string): Record<string, string> {
  const entries = [...declarations.matchAll(/--_fb-([\w-]+):\s*var\(--feelback-[\w-]+,\s*(#[0-9a-f]{6})\s*\)/gi)];
  return Object.fromEntries(entries.map(([, name, hex]) => [name, hex.toLowerCase()]));
}

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const css = tokens.cssText;
const light = palette(block(css, ':host'));
const dark = palette(block(css, ":host([theme='dark'])"));

// [foreground, background, minimum]: 4.5 for text, 3 for UI parts (borders, focus ring, lit symbols).
const PAIRS: Array<[string, string, number]> = [
  ['text', 'surface', 4.5],
  ['text', 'surface-raised', 4.5],
  ['muted', 'surface', 4.5],
  ['muted', 'surface-raised', 4.5],
  ['accent-contrast', 'accent', 4.5],
  ['accent', 'surface', 4.5], // selected labels are drawn in the accent
  ['accent', 'surface-raised', 4.5],
  ['danger', 'surface', 4.5],
  ['success', 'surface', 4.5],
  ['border', 'surface', 3],
  ['focus', 'surface', 3],
  ['focus', 'surface-raised', 3],
];

describe('default colours pass WCAG AA', () => {
  it('declares every colour token in both schemes', () => {
    const names = ['accent', 'accent-contrast', 'text', 'muted', 'surface', 'surface-raised', 'border', 'danger', 'success', 'focus'];
    expect(Object.keys(light).sort()).toEqual(names.sort());
    expect(Object.keys(dark).sort()).toEqual(names.sort());
  });

  it('uses one dark palette for the media query and for theme="dark"', () => {
    expect(palette(block(css, ":host(:not([theme='light']))"))).toEqual(dark);
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)\s*\{\s*:host\(:not\(\[theme='light'\]\)\)/);
  });

  describe.each([
    ['light', light],
    ['dark', dark],
  ])('%s', (_, colours) => {
    it.each(PAIRS)('%s on %s is at least %s:1', (foreground, background, minimum) => {
      expect(contrast(colours[foreground], colours[background])).toBeGreaterThanOrEqual(minimum);
    });
  });

  it('the contrast formula agrees with known values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
