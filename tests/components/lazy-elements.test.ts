/**
 * The script-tag build defines <cookie-preferences>, <cookie-table> and
 * <cookie-embed> on first use. Each test file runs in a page of its own, so what this file sees is a
 * page that has loaded dist's entry and nothing else; the tests run in order,
 * each one using an element the page did not use before.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/cookie-consent.js';
import type { CookieBanner, CookieEmbed, CookiePreferences, CookieTable } from '../../src/index.js';
import { uniqueCookieName } from '../support/cookies.js';
import { setStoredDecision } from '../support/decision.js';
import { expectSame, part, visibleText } from '../support/dom.js';
import { mediaInventory, testInventory } from '../support/inventories.js';
import { loadedModules, usePageDefaults } from '../support/page.js';

describe('elements defined on first use (dist/cookie-consent.js)', () => {
  usePageDefaults();
  // The entry defines the banner once the page has painted, as a host's own code awaits it.
  before(() => customElements.whenDefined('cookie-banner'));

  it('fetches the focus guard only once a banner shows, not for a visitor who has decided', async () => {
    const decided = uniqueCookieName();
    setStoredDecision(decided);
    const hidden = await fixture<CookieBanner>(
      html`<cookie-banner cookie-name=${decided} .inventory=${testInventory(1)}></cookie-banner>`,
    );
    await hidden.updateComplete;
    expectSame(part(hidden, 'base'), null, 'the banner region');
    expect(loadedModules('focus-not-obscured')).to.deep.equal([]);
    const banner = await fixture<CookieBanner>(
      html`<cookie-banner
        cookie-name=${uniqueCookieName()}
        .inventory=${testInventory()}
      ></cookie-banner>`,
    );
    const root = document.documentElement;
    await waitUntil(
      () => parseFloat(root.style.getPropertyValue('scroll-padding-bottom')) > 0,
      'room is kept for the banner',
      { timeout: 5000 },
    );
    expect(part(banner, 'base')).to.exist;
    expect(loadedModules('focus-not-obscured')).to.have.length(1);
  });

  it('defines only <cookie-banner> on a page that uses neither the dialog, the table, an embed nor gated scripts', async () => {
    const banner = await fixture<CookieBanner>(
      html`<cookie-banner
        cookie-name=${uniqueCookieName()}
        .inventory=${testInventory()}
      ></cookie-banner>`,
    );
    await banner.updateComplete;
    expect(part(banner, 'accept-button'), 'the banner works').to.exist;
    expect(customElements.get('cookie-preferences')).to.equal(undefined);
    expect(customElements.get('cookie-table')).to.equal(undefined);
    expect(customElements.get('cookie-embed')).to.equal(undefined);
    // The page does list the modules it loaded, so the empty lists below mean something.
    expect(loadedModules('cookie-banner')).to.not.deep.equal([]);
    expect(loadedModules('cookie-preferences')).to.deep.equal([]);
    expect(loadedModules('cookie-table')).to.deep.equal([]);
    expect(loadedModules('cookie-embed')).to.deep.equal([]);
    // Nor the gate, on a page without a script waiting for consent, nor Google
    // Consent Mode, for an inventory that does not use it.
    expect(loadedModules('script-gate')).to.deep.equal([]);
    expect(loadedModules('google-consent-mode')).to.deep.equal([]);
    // Nor the rules of vendors, storage and Global Privacy Control, for an inventory without any.
    expect(loadedModules('vendor-rules')).to.deep.equal([]);
    expect(loadedModules('gpc-note')).to.deep.equal([]);
    // Nor the words of the inventory's problems, for a valid inventory.
    expect(loadedModules('inventory-problems')).to.deep.equal([]);
  });

  it('fetches the rules of vendors for an inventory with vendors, and asks only once they are there', async () => {
    const cookieName = uniqueCookieName();
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const banner = document.createElement('cookie-banner');
    banner.cookieName = cookieName;
    banner.inventory = mediaInventory();
    container.append(banner);
    await banner.updateComplete;
    // The rules are a module on its way (no microtask brings it): nothing can
    // be decided yet, so the banner does not ask, and nothing is granted.
    expect(part(banner, 'accept-button'), 'no banner before the rules').to.equal(null);
    expect(window.cookieConsent!.hasConsent('youtube', cookieName)).to.equal(false);
    await waitUntil(() => part(banner, 'accept-button'), 'the banner asks', { timeout: 5000 });
    expect(loadedModules('vendor-rules')).to.have.length(1);
    part(banner, 'accept-button')!.click();
    expect(window.cookieConsent!.getConsent(cookieName)?.vendors).to.include({ youtube: true });
  });

  it('shows every element that holds its own copy of an inventory with vendors', async () => {
    const cookieName = uniqueCookieName();
    const container = await fixture<HTMLDivElement>(html`
      <div>
        <cookie-banner cookie-name=${cookieName} .inventory=${mediaInventory()}></cookie-banner>
        <cookie-table
          cookie-name=${cookieName}
          category="media"
          .inventory=${mediaInventory()}
        ></cookie-table>
      </div>
    `);
    const banner = container.querySelector('cookie-banner')!;
    await waitUntil(() => part(banner, 'accept-button'), 'the banner asks', { timeout: 5000 });
    const table = container.querySelector('cookie-table')!;
    await waitUntil(() => customElements.get('cookie-table'), 'the table is defined', {
      timeout: 5000,
    });
    await waitUntil(() => table.shadowRoot?.querySelector('table'), 'the table shows its copy', {
      timeout: 5000,
    });
  });

  it('reports an inventory whose vendors are wrong once their checks are loaded, and shows nothing', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const inventory = mediaInventory();
      const banner = await fixture<CookieBanner>(
        html`<cookie-banner
          cookie-name=${uniqueCookieName()}
          .inventory=${{ ...inventory, vendors: [...inventory.vendors!, { id: 'media', category: 'x' }] }}
        ></cookie-banner>`,
      );
      await waitUntil(() => errors.length > 0, 'the problems are reported');
      await banner.updateComplete;
      expect(String(errors[0][0])).to.include('vendors[2].category: "x" is not a category');
      expect(String(errors[0][0])).to.include('"media" is already the id of a category');
      expect(loadedModules('inventory-problems'), 'its words were fetched').to.have.length(1);
      expect(part(banner, 'accept-button')).to.equal(null);
    } finally {
      console.error = original;
    }
  });

  it('defines <cookie-table> as soon as one is added to the page, keeping its inventory', async () => {
    const table = await fixture<CookieTable>(
      html`<cookie-table .inventory=${testInventory()} category="necessary"></cookie-table>`,
    );
    await waitUntil(() => customElements.get('cookie-table'), 'the table is defined', {
      timeout: 5000,
    });
    await table.updateComplete;
    const rows = table.shadowRoot!.querySelectorAll('tbody tr');
    expect([...rows].map((row) => visibleText(row.querySelector('td, th')))).to.have.length(2);
    // The table alone does not bring the dialog.
    expect(customElements.get('cookie-preferences')).to.equal(undefined);
  });

  it('defines <cookie-embed> as soon as one is added to the page, keeping its content held back', async () => {
    const embed = await fixture<CookieEmbed>(
      html`<cookie-embed
        vendor="youtube"
        cookie-name=${uniqueCookieName()}
        .inventory=${mediaInventory()}
      ></cookie-embed>`,
    );
    await waitUntil(() => customElements.get('cookie-embed'), 'the embed is defined', {
      timeout: 5000,
    });
    await embed.updateComplete;
    expect(loadedModules('cookie-embed.define')).to.have.length(1);
    expect(visibleText(part(embed, 'title'))).to.equal('Content from YouTube');
    // The embed alone does not bring the dialog.
    expect(customElements.get('cookie-preferences')).to.equal(undefined);
  });

  it('defines a <cookie-preferences> of the page without any click, so that its show() works', async () => {
    const name = uniqueCookieName();
    const preferences = await fixture<CookiePreferences>(
      html`<cookie-preferences
        cookie-name=${name}
        .inventory=${testInventory()}
      ></cookie-preferences>`,
    );
    await waitUntil(() => customElements.get('cookie-preferences'), 'the dialog is defined', {
      timeout: 5000,
    });
    preferences.show();
    await preferences.updateComplete;
    const dialog = preferences.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(preferences.shadowRoot!.querySelectorAll('input[role="switch"]')).to.have.length(3);
    preferences.hide();
    await preferences.updateComplete;
    expectSame(dialog.open, false, 'dialog.open after hide()');
  });
});
