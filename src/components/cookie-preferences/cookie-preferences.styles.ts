import { css } from 'lit';
import { themeStyles } from '../theme.styles.js';

export const preferencesStyles = [
  themeStyles,
  css`
    :host {
      display: contents;
    }

    dialog {
      box-sizing: border-box;
      inline-size: min(44rem, 100vw - 1rem);
      max-block-size: calc(100dvh - 1rem);
      padding: 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_background);
      color: var(--_color);
      overflow-y: auto;
    }

    dialog::backdrop {
      background: rgb(0 0 0 / 0.5);
    }

    .header {
      position: sticky;
      inset-block-start: 0;
      z-index: 1;
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      padding-block: 0.75rem;
      padding-inline: 1.25rem 0.75rem;
      background: var(--_background);
      border-block-end: 1px solid var(--_border);
    }

    h2 {
      margin: 0;
      font-size: 1.25rem;
    }

    .close {
      display: grid;
      place-items: center;
      inline-size: 2.75rem;
      block-size: 2.75rem;
      flex: none;
      padding: 0;
      border: 1px solid transparent;
      border-radius: var(--_radius);
      background: transparent;
      color: inherit;
      cursor: pointer;
    }

    .close:hover {
      border-color: var(--_border);
    }

    .intro,
    fieldset,
    .actions {
      margin-inline: 1.25rem;
    }

    /* A fieldset is as wide as its widest content unless told otherwise: the
       tables inside would push the dialog past a 320 px screen. */
    fieldset {
      min-inline-size: 0;
      padding: 0;
      border: 0;
    }

    legend {
      padding: 0;
      margin-block-end: 0.5rem;
      font-weight: 600;
    }

    .category {
      padding-block: 0.75rem;
      border-block-start: 1px solid var(--_border);
    }

    /* Label and note on the start side, the switch on the end side: long
       labels wrap instead of pushing the switch out of a narrow dialog. */
    .switch-row {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas: 'label switch' 'note switch';
      align-items: center;
      column-gap: 0.75rem;
    }

    .label {
      grid-area: label;
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    .always-on {
      grid-area: note;
      color: var(--_muted);
      font-size: 0.875em;
    }

    /* A native checkbox drawn as a switch: 3:1 outline, the thumb shows the state. */
    .switch {
      grid-area: switch;
      appearance: none;
      position: relative;
      flex: none;
      inline-size: 3rem;
      block-size: 1.75rem;
      margin: 0;
      border: 2px solid var(--_border);
      border-radius: 1rem;
      background: var(--_background);
      cursor: pointer;
    }

    .switch::before {
      content: '';
      position: absolute;
      inset-block-start: 0.1875rem;
      inset-inline-start: 0.1875rem;
      inline-size: 1.125rem;
      block-size: 1.125rem;
      border-radius: 50%;
      background: var(--_border);
    }

    .switch:checked {
      border-color: var(--_accent);
      background: var(--_accent);
    }

    .switch:checked::before {
      inset-inline-start: calc(100% - 1.3125rem);
      background: var(--_accent-color);
    }

    .switch:disabled {
      cursor: not-allowed;
      opacity: 0.7;
    }

    @media (prefers-reduced-motion: no-preference) {
      .switch::before {
        transition: inset-inline-start 0.15s ease-in-out;
      }
    }

    .description {
      margin: 0.25rem 0 0;
      color: var(--_muted);
    }

    details {
      margin-block-start: 0.5rem;
    }

    summary {
      cursor: pointer;
      padding-block: 0.25rem;
      color: var(--_accent);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      padding-block: 1rem;
      border-block-start: 1px solid var(--_border);
    }

    .actions .button {
      flex: 1 1 10rem;
    }

    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }
  `,
];
