import { css } from 'lit';

export const ratingBarStyles = css`
  .base {
    background: var(--feelback-rating-background, transparent);
  }

  /* The end labels span the options, not the whole line. */
  .scale {
    display: grid;
    gap: 0.25rem;
    width: max-content;
    max-width: 100%;
  }

  .options {
    gap: var(--feelback-rating-gap, 0.375rem);
  }

  .option {
    --_fb-option-size: var(--feelback-rating-size, 2.75rem);
    gap: 0.125rem;
    min-width: var(--_fb-option-size);
    min-height: var(--_fb-option-size);
    padding: 0.25rem;
    transition:
      transform var(--_fb-duration) ease,
      color var(--_fb-duration) ease,
      background-color var(--_fb-duration) ease;
  }
  .option:hover:not([aria-disabled='true']) {
    transform: scale(1.08);
  }
  .option svg {
    width: calc(var(--_fb-option-size) * 0.75);
    height: calc(var(--_fb-option-size) * 0.75);
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linejoin: round;
  }
  .option.lit,
  .option[aria-checked='true'] {
    color: var(--feelback-rating-color, var(--_fb-accent));
  }
  .option.lit svg.star,
  .option[aria-checked='true'] svg.thumb {
    fill: currentColor;
  }

  /* Numbered scales read as boxes. */
  .option.number {
    border-color: var(--_fb-border);
    background: var(--_fb-surface);
    color: var(--_fb-text);
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .option.number[aria-checked='true'] {
    border-color: var(--feelback-rating-color, var(--_fb-accent));
    background: var(--feelback-rating-color, var(--_fb-accent));
    color: var(--_fb-accent-contrast);
  }
  .option-label {
    font-size: 0.75em;
    font-weight: 400;
    line-height: 1.2;
    text-align: center;
    max-width: 6.5em;
  }


  .ends {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    color: var(--_fb-muted);
    font-size: 0.875em;
  }

  .follow-up {
    display: grid;
    gap: 0.5rem;
  }
  .follow-up textarea {
    width: 100%;
    min-height: 5rem;
    resize: vertical;
  }
  @media (forced-colors: active) {
    .option[aria-checked='true'] {
      outline: 2px solid Highlight;
      forced-color-adjust: none;
      color: Highlight;
    }
    .option.number[aria-checked='true'] {
      background: Highlight;
      color: HighlightText;
    }
  }
`;
