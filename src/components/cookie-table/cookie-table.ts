import { LitElement, html } from 'lit';
import { msg } from '../../i18n/localize.js';
import { LocaleController } from '../locale-controller.js';

/**
 * The cookie inventory as a data table.
 *
 * Skeleton: caption and column headers; rows arrive with the inventory model.
 *
 * @summary Table of the cookies a site uses.
 * @csspart table - The table.
 */
export class CookieTable extends LitElement {
  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    return html`
      <table part="table">
        <caption>
          ${msg('Cookies used on this site', { id: 'table.caption', desc: 'Caption of the cookie table' })}
        </caption>
        <thead>
          <tr>
            <th scope="col">
              ${msg('Provider', { id: 'table.provider', desc: 'Column header: who sets the cookie' })}
            </th>
            <th scope="col">
              ${msg('Service and location', { id: 'table.service', desc: 'Column header: service using the cookie and where' })}
            </th>
            <th scope="col">
              ${msg('Cookie name', { id: 'table.name', desc: 'Column header: name of the cookie' })}
            </th>
            <th scope="col">
              ${msg('Purposes', { id: 'table.purpose', desc: 'Column header: what the cookie is for' })}
            </th>
          </tr>
        </thead>
      </table>
    `;
  }
}
