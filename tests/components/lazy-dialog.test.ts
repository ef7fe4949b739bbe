/**
 * The script-tag build loads the preferences dialog, and its texts, the first
 * time it is asked for: here, a French page with only a banner, whose
 * "Personnaliser" must load, define and open it, in French from its first
 * frame. (A page of its own: once defined, a tag stays defined.)
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/cookie-consent.js';
import type { CookieBanner, CookiePreferences } from '../../src/index.js';
import { readCookie, uniqueCookieName } from '../support/cookies.js';
import { part, visibleText } from '../support/dom.js';
import { testInventory } from '../support/inventories.js';
import { loadedModules, setLanguageCookie, usePageDefaults } from '../support/page.js';

describe('the dialog loaded on demand (dist/cookie-consent.js)', () => {
  usePageDefaults();
  // The entry defines the banner once the page has painted, as a host's own code awaits it.
  before(() => customElements.whenDefined('cookie-banner'));

  it('is loaded with its texts, defined and opened by the banner’s Customise, and records a decision', async () => {
    setLanguageCookie('fr');
    const name = uniqueCookieName();
    const banner = await fixture<CookieBanner>(
      html`<cookie-banner cookie-name=${name} .inventory=${testInventory()}></cookie-banner>`,
    );
    await waitUntil(
      () => visibleText(part(banner, 'customise-button')) === 'Personnaliser',
      'the banner is in French',
      { timeout: 5000 },
    );
    expect(customElements.get('cookie-preferences'), 'not loaded before the click').to.equal(
      undefined,
    );
    expect(loadedModules('generated/fr.ts'), 'the banner’s French texts').to.have.length(1);
    expect(loadedModules('fr.details'), 'not the dialog’s before the click').to.deep.equal([]);

    part(banner, 'customise-button')!.click();
    let titleWhenOpened: string | undefined;
    await waitUntil(
      () => {
        const preferences = document.querySelector<CookiePreferences>('body > cookie-preferences');
        if (!preferences?.shadowRoot?.querySelector('dialog')?.open) return false;
        titleWhenOpened = visibleText(part(preferences, 'title'));
        return true;
      },
      'the dialog opens',
      { timeout: 5000, interval: 5 },
    );
    // Never an empty or English dialog while its texts load.
    expect(titleWhenOpened).to.equal('Paramètres des cookies');
    expect(loadedModules('fr.details')).to.have.length(1);
    const preferences = document.querySelector('body > cookie-preferences') as CookiePreferences;
    // Its cookie lists need the table, which came with it.
    expect(customElements.get('cookie-table')).to.not.equal(undefined);

    part(preferences, 'reject-button')!.click();
    await waitUntil(() => readCookie(name) !== undefined, 'the decision is written');
    expect(JSON.parse(decodeURIComponent(readCookie(name)!)).categories).to.deep.equal({
      necessary: true,
      statistics: false,
      marketing: false,
    });
  });
});
