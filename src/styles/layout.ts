import { css } from 'lit';

/**
 * The layout every question-and-answer element shares: a one-column grid,
 * the question, a wrapping row of options and the option box, a row of
 * actions, a character count and the thank-you line. Elements add only what
 * differs.
 */
export const promptLayout = css`
  .base {
    display: grid;
    /* One column as wide as the host: without it the track grows to the options' one-line width and clips them. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_fb-spacing);
    padding: var(--feelback-padding, 0);
  }

  .question {
    margin: 0;
    font-weight: 600;
    font-size: var(--feelback-question-size, 1.05em);
  }

  .options {
    display: flex;
    flex-wrap: wrap;
  }

  /* An answer to pick: a face, a star, a number, with its name under it. */
  .option {
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    border: 1px solid transparent;
    border-radius: var(--_fb-radius);
    color: var(--_fb-muted);
    cursor: pointer;
    user-select: none;
    -webkit-tap-highlight-color: transparent;
  }
  .option[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .count {
    color: var(--_fb-muted);
    font-size: 0.8125em;
    font-variant-numeric: tabular-nums;
  }

  .thanks {
    margin: 0;
    color: var(--_fb-success);
    font-weight: 600;
  }
  .thanks:focus {
    outline: none;
  }
`;
