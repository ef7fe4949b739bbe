/**
 * The script-tag build loads the preferences dialog the first time it is
 * asked for: here, a page with only a banner, whose "Customise" must load,
 * define and open it. (A page of its own: once defined, a tag stays defined.)
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/cookie-consent.js';
import type { CookieBanner, CookiePreferences } from '../../src/index.js';
import { part, rawCookie, testInventory, uniqueCookieName, usePageDefaults } from './fixtures.js';

describe('the dialog loaded on demand (dist/cookie-consent.js)', () => {
  usePageDefaults();

  it('is loaded, defined and opened by the banner’s Customise, and records a decision', async () => {
    const name = uniqueCookieName();
    const banner = await fixture<CookieBanner>(
      html`<cookie-banner cookie-name=${name} .inventory=${testInventory()}></cookie-banner>`,
    );
    await banner.updateComplete;
    expect(customElements.get('cookie-preferences'), 'not loaded before the click').to.equal(
      undefined,
    );

    part(banner, 'customise-button')!.click();
    await waitUntil(
      () => (document.querySelector('body > cookie-preferences') as CookiePreferences | null)?.open,
      'the dialog opens',
      { timeout: 5000 },
    );
    const preferences = document.querySelector('body > cookie-preferences') as CookiePreferences;
    await preferences.updateComplete;
    expect(preferences.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    // Its cookie lists need the table, which came with it.
    expect(customElements.get('cookie-table')).to.not.equal(undefined);

    part(preferences, 'reject-button')!.click();
    await waitUntil(() => rawCookie(name) !== undefined, 'the decision is written');
    expect(JSON.parse(decodeURIComponent(rawCookie(name)!)).categories).to.deep.equal({
      necessary: true,
      statistics: false,
      marketing: false,
    });
  });
});
