import { css } from 'lit';

/**
 * The dark defaults, shared by the media query and the `theme="dark"`
 * attribute so the two can never drift apart.
 */
const darkPalette = css`
    --_fb-accent: var(--feelback-accent, #f0a04b);
    --_fb-accent-contrast: var(--feelback-accent-contrast, #111418);
    --_fb-text: var(--feelback-text, #e6edf3);
    --_fb-muted: var(--feelback-muted, #9da7b3);
    --_fb-surface: var(--feelback-surface, #161b22);
    --_fb-surface-raised: var(--feelback-surface-raised, #21262d);
    --_fb-border: var(--feelback-border, #6e7681);
    --_fb-danger: var(--feelback-danger, #ff7b72);
    --_fb-success: var(--feelback-success, #56d364);
    --_fb-focus: var(--feelback-focus-ring, #58a6ff);
    color-scheme: dark;
`;

/**
 * Shared design tokens. Public tokens (`--feelback-*`) are only ever *read*,
 * with fallbacks, never declared on `:host`, so a page can set them on any
 * ancestor, `:root` included. The private `--_fb-*` names hold the resolved
 * value once, so light/dark switching lives in one place.
 * Default colours pass WCAG AA (4.5:1 text, 3:1 UI) on their surface, in
 * light and dark: test/styles/contrast.test.ts computes every pair from this file.
 */
export const tokens = css`
  :host {
    --_fb-accent: var(--feelback-accent, #b45309);
    --_fb-accent-contrast: var(--feelback-accent-contrast, #ffffff);
    --_fb-text: var(--feelback-text, #1f2328);
    --_fb-muted: var(--feelback-muted, #57606a);
    --_fb-surface: var(--feelback-surface, #ffffff);
    --_fb-surface-raised: var(--feelback-surface-raised, #f6f8fa);
    --_fb-border: var(--feelback-border, #8c959f);
    --_fb-danger: var(--feelback-danger, #b42318);
    --_fb-success: var(--feelback-success, #1a7f37);
    --_fb-radius: var(--feelback-radius, 8px);
    --_fb-spacing: var(--feelback-spacing, 0.75rem);
    --_fb-font: var(--feelback-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_fb-font-size: var(--feelback-font-size, 1rem);
    --_fb-focus: var(--feelback-focus-ring, #0969da);
    --_fb-duration: var(--feelback-duration, 160ms);

    display: block;
    box-sizing: border-box;
    color: var(--_fb-text);
    font-family: var(--_fb-font);
    font-size: var(--_fb-font-size);
    line-height: 1.4;
    color-scheme: light;
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkPalette}
    }
  }

  :host([theme='dark']) {
    ${darkPalette}
  }

  :host([hidden]) {
    display: none;
  }

  /* Not inherit: a page rule on the host (say \`* { box-sizing: content-box }\`) beats :host and would leak inside. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: 2px solid var(--_fb-focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  .button {
    min-height: 2.25rem;
    min-width: 2.25rem;
    padding: 0.4rem 1rem;
    border: 1px solid var(--_fb-accent);
    border-radius: var(--_fb-radius);
    background: var(--_fb-accent);
    color: var(--_fb-accent-contrast);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    transition: filter var(--_fb-duration) ease;
  }
  .button:hover:not(:disabled) {
    filter: brightness(1.08);
  }
  .button.secondary {
    background: transparent;
    color: var(--_fb-text);
    border-color: var(--_fb-border);
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  textarea,
  input,
  select {
    font: inherit;
    color: var(--_fb-text);
    background: var(--_fb-surface);
    border: 1px solid var(--_fb-border);
    border-radius: calc(var(--_fb-radius) / 2);
    padding: 0.5rem;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }

  /* Glyphs that point somewhere (an arrow, a "send" chevron) mirror under
     right-to-left; stars, faces and thumbs carry no direction and stay as drawn. */
  :host(:dir(rtl)) .flip-rtl {
    transform: scaleX(-1);
  }

  @media (forced-colors: active) {
    /* System colours for the places that opt out of forced colours (SVG fills, selected options).
       The selectors match the palette rules' specificity so these win whatever the theme. */
    :host,
    :host(:not([theme='light'])),
    :host([theme='dark']) {
      --_fb-accent: Highlight;
      --_fb-accent-contrast: HighlightText;
      --_fb-text: CanvasText;
      --_fb-muted: CanvasText;
      --_fb-surface: Canvas;
      --_fb-surface-raised: Canvas;
      --_fb-border: CanvasText;
      --_fb-focus: Highlight;
    }
    .button {
      border: 1px solid ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
