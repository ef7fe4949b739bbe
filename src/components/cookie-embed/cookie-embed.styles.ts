import { css } from 'lit';
import { themeStyles } from '../theme.styles.js';

export const embedStyles = [
  themeStyles,
  css`
    :host {
      display: block;
    }

    /* Its aspect ratio and greatest width come from the content's size, set
       through the CSSOM (style-properties.ts). A box too small for the
       placeholder's text grows rather than cut it. */
    .frame {
      box-sizing: border-box;
      display: grid;
      inline-size: 100%;
    }

    .frame:focus {
      outline: none;
    }

    .frame:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }

    ::slotted(:not(template):not(script)) {
      max-inline-size: 100%;
    }

    /* The content fills the box it was given, so that nothing moves when it comes in. */
    .sized ::slotted(:not(template):not(script)) {
      box-sizing: border-box;
      display: block;
      inline-size: 100%;
      block-size: 100%;
      border: 0;
    }

    .placeholder {
      box-sizing: border-box;
      display: flex;
      flex-direction: column;
      justify-content: center;
      gap: 0.5rem;
      padding: 1rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_background);
      color: var(--_color);
      overflow-wrap: anywhere;
    }

    p {
      margin: 0;
    }

    .title {
      font-size: 1.125em;
      font-weight: 600;
    }

    .description {
      color: var(--_muted);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin-block-start: 0.25rem;
    }

    .link {
      box-sizing: border-box;
      display: inline-flex;
      align-items: center;
      min-block-size: 2.75rem;
      min-inline-size: 2.75rem;
      padding: 0;
      border: 0;
      background: none;
      color: var(--_accent);
      font: inherit;
      text-decoration: underline;
      cursor: pointer;
    }

    @media (forced-colors: active) {
      /* The system colours replace the theme's; the link keeps looking like one. */
      .link {
        color: LinkText;
      }
    }
  `,
];
