import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '../../i18n/localize.js';
import { LocaleController } from '../locale-controller.js';

/**
 * Per-category choices in a modal dialog.
 *
 * Skeleton: a titled native dialog; switches arrive with the consent core.
 *
 * @summary Cookie preferences dialog.
 * @csspart dialog - The native dialog.
 */
export class CookiePreferences extends LitElement {
  /** Whether the dialog is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    return html`
      <dialog part="dialog" aria-labelledby="title">
        <h2 id="title">
          ${msg('Cookie preferences', { id: 'preferences.title', desc: 'Title of the preferences dialog' })}
        </h2>
      </dialog>
    `;
  }
}
