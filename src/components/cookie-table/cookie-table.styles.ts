import { css } from 'lit';
import { themeStyles } from '../theme.styles.js';

export const tableStyles = [
  themeStyles,
  css`
    :host {
      display: block;
    }

    .scroller {
      overflow-x: auto;
      max-inline-size: 100%;
    }

    table {
      inline-size: 100%;
      border-collapse: collapse;
      font-size: 0.9375em;
    }

    caption {
      padding-block: 0.5rem;
      font-weight: 600;
      text-align: start;
    }

    th,
    td {
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      text-align: start;
      vertical-align: top;
    }

    th {
      background: var(--cookie-consent-header-background, transparent);
    }

    /* A name breaks only where it cannot fit: break-word, unlike anywhere,
       leaves the column as wide as the longest name, and the box scrolls. */
    code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      overflow-wrap: break-word;
    }

    p {
      margin: 0.5rem 0 0;
      color: var(--_muted);
    }

    /* On paper, which does not scroll, every row built is printed, not only
       those scrolled to, and a wide table is not cut at the page's edge.
       Important, as the theme's [hidden] is, and more specific. */
    @media print {
      tbody[hidden] {
        display: table-row-group !important;
      }

      .scroller {
        overflow: visible;
      }
    }
  `,
];
