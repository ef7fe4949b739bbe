import { css } from 'lit';
import { themeStyles } from '../theme.styles.js';

// A short viewport (a phone held sideways, a zoomed page) keeps half of
// itself for the page, where focus must stay in view, and the banner scrolls
// inside (WCAG 2.4.11): the `max-height: 40rem` rule. (Comments inside the
// CSS would ship in the banner's bytes.)
export const bannerStyles = [
  themeStyles,
  css`
    :host {
      display: block;
    }

    .banner {
      position: fixed;
      inset-inline: 0;
      z-index: var(--cookie-consent-z-index, 2147483000);
      box-sizing: border-box;
      max-block-size: 80dvh;
      overflow-y: auto;
      padding: 1rem;
      background: var(--_background);
      color: var(--_color);
      box-shadow: 0 0 1rem rgb(0 0 0 / 0.25);
    }

    @media (max-height: 40rem) {
      .banner {
        max-block-size: 50dvh;
      }
    }

    .banner.bottom {
      inset-block-end: 0;
      border-block-start: 1px solid var(--_border);
    }

    .banner.top {
      inset-block-start: 0;
      border-block-end: 1px solid var(--_border);
    }

    .content {
      max-inline-size: var(--cookie-consent-max-width, 70rem);
      margin-inline: auto;
    }

    h2 {
      margin: 0 0 0.25rem;
      font-size: 1.125rem;
    }

    p {
      margin: 0 0 0.75rem;
    }

    a[part~='policy-link'] {
      display: inline-block;
      margin-inline-start: 0.25rem;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }

    /* Accept and reject share one width, so neither stands out (CNIL, EDPB). */
    .actions .button {
      flex: 1 1 12rem;
    }

    @media (min-width: 48rem) {
      .actions .button {
        flex: 0 1 14rem;
      }
    }

    .reopen {
      position: fixed;
      inset-inline-start: 1rem;
      z-index: var(--cookie-consent-z-index, 2147483000);
      display: grid;
      place-items: center;
      inline-size: 2.75rem;
      block-size: 2.75rem;
      padding: 0;
      border: 2px solid var(--_accent);
      border-radius: 50%;
      background: var(--_background);
      color: var(--_accent);
      cursor: pointer;
      box-shadow: 0 0 0.5rem rgb(0 0 0 / 0.25);
    }

    .reopen.bottom {
      inset-block-end: 1rem;
    }

    .reopen.top {
      inset-block-start: 1rem;
    }
  `,
];
