import { css } from 'lit';

export const feelingPromptStyles = css`
  .base {
    background: var(--feelback-feeling-background, transparent);
  }

  .options {
    gap: var(--feelback-feeling-gap, 0.25rem);
  }

  .option {
    --_fb-feeling-size: var(--feelback-feeling-size, 2.25rem);
    /* Equal shares up to a comfortable width, never narrower than the longest name:
       five fit in a 320px viewport and none stretches across a wide one. */
    flex: 1 1 0;
    gap: 0.25rem;
    min-width: min-content;
    max-width: 6rem;
    min-height: 2.75rem;
    padding: 0.375rem 0.125rem;
    transition:
      color var(--_fb-duration) ease,
      background-color var(--_fb-duration) ease,
      border-color var(--_fb-duration) ease;
  }
  .option:hover:not([aria-disabled='true']) {
    color: var(--_fb-text);
    background: var(--_fb-surface-raised);
  }
  .option[aria-checked='true'] {
    color: var(--feelback-feeling-color, var(--_fb-accent));
    border-color: currentColor;
    background: var(--_fb-surface-raised);
  }

  .icon {
    /* The padding keeps even a short-named option at least 44px wide. */
    box-sizing: content-box;
    padding-inline: 0.125rem;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: var(--_fb-feeling-size);
    height: var(--_fb-feeling-size);
    font-size: calc(var(--_fb-feeling-size) * 0.8);
    line-height: 1;
    /* Transform only: a hover lift must not move the row around it. */
    transition: transform var(--_fb-duration) ease;
  }
  .option:hover:not([aria-disabled='true']) .icon {
    transform: scale(1.1);
  }
  .icon svg,
  .icon img {
    width: 100%;
    height: 100%;
  }

  .label {
    font-size: 0.75em;
    white-space: nowrap;
    line-height: 1.2;
    text-align: center;
    color: var(--_fb-text);
  }

  .follow-up,
  .callback {
    display: grid;
    gap: 0.5rem;
  }
  .intro {
    margin: 0;
  }
  .follow-up-question {
    font-weight: 600;
  }
  .follow-up textarea {
    width: 100%;
    min-height: 5rem;
    resize: vertical;
  }
  .count.full {
    color: var(--_fb-danger);
  }

  .button {
    min-height: 2.75rem;
  }

  /* Optional motion: new content fades in place; opacity and transform never shift layout. */
  @media (prefers-reduced-motion: no-preference) {
    .follow-up,
    .callback,
    .thanks {
      animation: feelback-enter var(--_fb-duration) ease-out;
    }
  }
  @keyframes feelback-enter {
    from {
      opacity: 0;
      transform: translateY(-0.25rem);
    }
  }

  @media (forced-colors: active) {
    .option[aria-checked='true'] {
      forced-color-adjust: none;
      color: Highlight;
      border-color: Highlight;
    }
  }
`;
