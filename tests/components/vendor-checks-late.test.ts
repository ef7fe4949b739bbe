/**
 * The checks of vendors, storage and Global Privacy Control flags come with
 * their rules, which the script-tag build fetches once an inventory uses
 * them: an element has then already checked that inventory without them.
 * Kept in a file of its own, so that its page has not loaded the rules
 * before (each test file runs in a page of its own).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/cookie-consent.js';
import type { CookieBanner } from '../../src/index.js';
import { captureConsole } from '../support/console.js';
import { uniqueCookieName } from '../support/cookies.js';
import { part } from '../support/dom.js';
import { mediaInventory } from '../support/inventories.js';
import { loadedModules, usePageDefaults } from '../support/page.js';

describe('vendor checks loaded after an element checked its inventory', () => {
  usePageDefaults();
  // The entry defines the banner once the page has painted, as a host's own code awaits it.
  before(() => customElements.whenDefined('cookie-banner'));

  it('reports the first inventory of the page whose vendors are wrong, and shows nothing', async () => {
    expect(loadedModules('vendor-rules'), 'no rules loaded yet').to.deep.equal([]);
    const inventory = mediaInventory();
    let banner!: CookieBanner;
    const { error } = await captureConsole(async ({ error: calls }) => {
      banner = await fixture<CookieBanner>(
        html`<cookie-banner
          cookie-name=${uniqueCookieName()}
          .inventory=${{ ...inventory, vendors: [...inventory.vendors!, { id: 'maps', category: 'x' }] }}
        ></cookie-banner>`,
      );
      await waitUntil(() => calls.length > 0, 'the problem is reported', { timeout: 5000 });
    });
    expect(loadedModules('vendor-rules'), 'the rules were fetched').to.have.length(1);
    expect(error.map((args) => String(args[0])).join('\n')).to.include(
      'vendors[2].category: "x" is not a category',
    );
    await banner.updateComplete;
    expect(part(banner, 'accept-button'), 'nothing is shown').to.equal(null);
  });
});
