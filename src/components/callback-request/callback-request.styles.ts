import { css } from 'lit';

export const callbackRequestStyles = css`
  .base {
    display: grid;
    gap: var(--_fb-spacing);
    padding: var(--feelback-callback-padding, var(--_fb-spacing));
    background: var(--_fb-surface);
    color: var(--_fb-text);
    border-radius: var(--_fb-radius);
  }

  form {
    display: grid;
    gap: var(--_fb-spacing);
    margin: 0;
  }

  .heading {
    margin: 0;
    font-size: 1.15em;
    font-weight: 600;
  }

  .intro,
  .privacy,
  .hint {
    margin: 0;
    color: var(--_fb-muted);
    font-size: 0.9em;
  }

  .fields {
    display: grid;
    gap: var(--_fb-spacing);
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  .field {
    display: grid;
    gap: 0.25rem;
  }

  .label {
    font-weight: 600;
  }

  .required {
    font-weight: 400;
    color: var(--_fb-muted);
  }

  input[type='text'],
  input[type='tel'],
  textarea {
    inline-size: 100%;
    min-block-size: 2.5rem;
  }

  textarea {
    min-block-size: 5rem;
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--_fb-danger);
    border-width: 2px;
  }

  fieldset.choices {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  .choices legend {
    padding: 0;
    margin-block-end: 0.25rem;
  }

  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }

  .option,
  .consent {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.25rem;
    cursor: pointer;
  }

  .consent {
    align-items: flex-start;
  }

  input[type='radio'],
  input[type='checkbox'] {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--_fb-accent);
  }

  .error {
    margin: 0;
    color: var(--_fb-danger);
    font-weight: 600;
    font-size: 0.9em;
  }

  .summary:empty,
  .status:empty {
    display: none;
  }

  .summary {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_fb-danger);
    background: var(--_fb-surface-raised);
    color: var(--_fb-text);
  }

  .status {
    margin: 0;
    color: var(--_fb-muted);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.5rem;
  }

  .spinner {
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: feelback-spin 0.8s linear infinite;
  }

  @keyframes feelback-spin {
    to {
      transform: rotate(360deg);
    }
  }

  .honeypot {
    position: absolute;
    inset-inline-start: -10000px;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
  }

  .confirmation {
    display: grid;
    gap: 0.25rem;
    outline: none;
  }

  .confirmation p {
    margin: 0;
  }

  .confirmation .thanks {
    font-weight: 600;
    color: var(--_fb-success);
  }

  @media (forced-colors: active) {
    [aria-invalid='true'] {
      border-color: Mark;
    }
  }
`;
