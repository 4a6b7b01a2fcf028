import { svg, type SVGTemplateResult } from 'lit';

/**
 * Inline SVG glyphs, drawn with `currentColor` so tokens and forced-colors
 * modes colour them, and independent of the visitor's emoji font.
 */

export const starIcon = svg`<path d="M12 2.6l2.9 6 6.6.8-4.9 4.5 1.3 6.5L12 17.2l-5.9 3.2 1.3-6.5L2.5 9.4l6.6-.8z" />`;

export const thumbUpIcon = svg`<path d="M2 10h4v11H2zM8 21h9.3a2 2 0 0 0 2-1.6l1.5-7.3A2 2 0 0 0 18.8 9.7H14l.8-4a1.8 1.8 0 0 0-3.3-1.3L8 10z" />`;

export const thumbDownIcon = svg`<g transform="rotate(180 12 12)">${thumbUpIcon}</g>`;

/** Mouth curves from very unhappy (-2) to delighted (+2). */
const MOUTHS: Record<number, SVGTemplateResult> = {
  [-2]: svg`<path d="M7.5 17.5q4.5-5 9 0" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" /><path d="M6.8 8.2l2.8 1.2M17.2 8.2l-2.8 1.2" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" />`,
  [-1]: svg`<path d="M8 16.8q4-3 8 0" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />`,
  0: svg`<path d="M8 15.5h8" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />`,
  1: svg`<path d="M8 14.5q4 3.2 8 0" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />`,
  2: svg`<path d="M7 13.5h10q-1 5-5 5t-5-5z" fill="currentColor" />`,
};

/** A face whose expression follows `mood`, from -2 (angry) to +2 (delighted). */
export function faceIcon(mood: number): SVGTemplateResult {
  const clamped = Math.max(-2, Math.min(2, Math.round(mood)));
  return svg`<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="1.6" /><circle cx="8.8" cy="10" r="1.2" fill="currentColor" /><circle cx="15.2" cy="10" r="1.2" fill="currentColor" />${MOUTHS[clamped]}`;
}
