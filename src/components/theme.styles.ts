import { css } from 'lit';

/**
 * The look every consent element shares, driven by a short list of custom
 * properties (documented on each element). Colours meet 4.5:1 for text and
 * 3:1 for borders in both schemes. `.visually-hidden` is read by assistive
 * technologies and not shown (the status region).
 */
export const themeStyles = css`
  :host {
    --_background: var(--cookie-consent-background, #ffffff);
    --_color: var(--cookie-consent-color, #1f2328);
    --_muted: var(--cookie-consent-muted-color, #57606a);
    --_accent: var(--cookie-consent-accent, #1f4f99);
    --_accent-color: var(--cookie-consent-accent-color, #ffffff);
    --_border: var(--cookie-consent-border-color, #6e7781);
    --_focus: var(--cookie-consent-focus-color, #0b5cd5);
    --_radius: var(--cookie-consent-radius, 0.5rem);
    font-family: var(
      --cookie-consent-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    font-size: var(--cookie-consent-font-size, 1rem);
    line-height: 1.5;
    color: var(--_color);
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_background: var(--cookie-consent-background, #1c2128);
      --_color: var(--cookie-consent-color, #e6edf3);
      --_muted: var(--cookie-consent-muted-color, #b1bac4);
      --_accent: var(--cookie-consent-accent, #9ecbff);
      --_accent-color: var(--cookie-consent-accent-color, #0d1117);
      --_border: var(--cookie-consent-border-color, #8b949e);
      --_focus: var(--cookie-consent-focus-color, #9ecbff);
    }
  }

  [hidden] {
    display: none !important;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .button {
    box-sizing: border-box;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding-block: 0.5rem;
    padding-inline: 1rem;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    background: var(--_accent);
    color: var(--_accent-color);
  }

  .button.secondary {
    background: transparent;
    color: var(--_accent);
  }

  .button:hover {
    filter: brightness(1.12);
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  a {
    color: var(--_accent);
  }

  @media (prefers-reduced-motion: no-preference) {
    .button {
      transition: filter 0.15s ease-in-out;
    }
  }
`;
