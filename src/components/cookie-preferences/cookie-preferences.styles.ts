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
      /* Wide enough for a six-column table in French at 1280 px. */
      inline-size: min(60rem, 100vw - 1rem);
      max-block-size: calc(100dvh - 1rem);
      padding: 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_background);
      color: var(--_color);
      overflow-y: auto;
      /* What is focused or scrolled to stays clear of the sticky header and
         buttons (WCAG 2.4.11): their height, two rows of buttons when narrow. */
      scroll-padding-block: 4.5rem 5rem;
    }

    @media (max-width: 30rem) {
      dialog {
        scroll-padding-block-end: 8.5rem;
      }
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

    .notes {
      grid-area: note;
      display: flex;
      flex-wrap: wrap;
      column-gap: 0.75rem;
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

    /* Partly on (some vendors): the thumb in the middle, on an outlined track. */
    .switch:indeterminate {
      border-color: var(--_accent);
    }

    .switch:indeterminate::before {
      inset-inline-start: calc(50% - 0.5625rem);
      background: var(--_accent);
    }

    .switch:disabled {
      cursor: not-allowed;
      opacity: 0.7;
    }

    /* Forced colours (Windows High Contrast) repaint track and thumb alike, so
       that on, off and locked looked the same: the switch paints itself in
       system colours, one set per state (WCAG 1.4.11). */
    @media (forced-colors: active) {
      .switch,
      .switch::before {
        forced-color-adjust: none;
      }

      .switch {
        border-color: CanvasText;
        background: Canvas;
      }

      .switch::before {
        background: CanvasText;
      }

      .switch:checked {
        border-color: Highlight;
        background: Highlight;
      }

      .switch:checked::before {
        background: HighlightText;
      }

      .switch:indeterminate {
        border-color: Highlight;
        background: Canvas;
      }

      .switch:indeterminate::before {
        background: Highlight;
      }

      .switch:disabled {
        opacity: 1;
        border-color: GrayText;
        background: GrayText;
      }

      .switch:disabled::before {
        background: Canvas;
      }

      .switch:focus-visible {
        outline-color: Highlight;
      }
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

    .vendor-list {
      margin: 0.25rem 0 0;
      padding: 0;
      list-style: none;
    }

    .vendor {
      padding-block: 0.5rem;
      padding-inline-start: 1rem;
      border-inline-start: 2px solid var(--_border);
    }

    .vendor + .vendor {
      margin-block-start: 0.5rem;
    }

    .vendor .label {
      font-weight: 500;
    }

    .policy {
      margin: 0.25rem 0 0;
    }

    .gpc {
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--_accent);
    }

    summary {
      cursor: pointer;
      padding-block: 0.25rem;
      color: var(--_accent);
    }

    /* The buttons stay in view at the bottom of the dialog, however long the
       list: a small screen need not scroll through every category to save. */
    .actions {
      position: sticky;
      inset-block-end: 0;
      z-index: 1;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-inline: 0;
      padding-block: 0.75rem;
      padding-inline: 1.25rem;
      background: var(--_background);
      border-block-start: 1px solid var(--_border);
    }

    /* Two to a row on a 320 px screen: accept and reject side by side. */
    .actions .button {
      flex: 1 1 7rem;
    }

    /* Too short a viewport for fixed header and footer: everything scrolls. */
    @media (max-height: 30rem) {
      dialog {
        scroll-padding-block: 0;
      }

      .header,
      .actions {
        position: static;
      }
    }
  `,
];
