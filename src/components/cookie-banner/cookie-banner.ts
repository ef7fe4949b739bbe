import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '../../i18n/localize.js';
import { LocaleController } from '../locale-controller.js';
import { bannerStyles } from './cookie-banner.styles.js';

/**
 * The first layer of consent: a short text and three equal choices.
 *
 * Skeleton: renders the first layer; decisions arrive with the consent core.
 *
 * @summary Cookie banner shown while the visitor has not decided.
 * @csspart base - The banner region.
 * @csspart message - The short text.
 * @csspart actions - The row of buttons.
 * @csspart button - Each button.
 */
export class CookieBanner extends LitElement {
  static override styles = bannerStyles;

  /** URL of the site's cookie policy; no link is shown without it. */
  @property({ attribute: 'policy-href' }) policyHref?: string;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    return html`
      <div part="base" role="region" aria-labelledby="title">
        <h2 id="title">
          ${msg('Cookies on this site', { id: 'banner.title', desc: 'Heading of the cookie banner' })}
        </h2>
        <p part="message">
          ${msg(
            'We use cookies to make this site work and, with your consent, to measure its audience.',
            {
              id: 'banner.message',
              desc: 'Short text of the cookie banner',
            },
          )}
          ${
            this.policyHref
              ? html`<a href=${this.policyHref}
                  >${msg('Cookie policy', { id: 'banner.policy-link', desc: 'Link to the cookie policy page' })}</a
                >`
              : null
          }
        </p>
        <div part="actions">
          <button part="button" type="button">
            ${msg('Accept all', { id: 'action.accept-all', desc: 'Button that accepts every cookie category' })}
          </button>
          <button part="button" type="button">
            ${msg('Reject all', { id: 'action.reject-all', desc: 'Button that refuses every optional cookie category' })}
          </button>
          <button part="button" type="button">
            ${msg('Customise', { id: 'action.customise', desc: 'Button that opens the per-category choices' })}
          </button>
        </div>
      </div>
    `;
  }
}
