import { css } from 'lit';

export const bannerStyles = css`
  :host {
    display: block;
  }
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
`;
