/**
 * A long cookie list (over 1,000 entries) is checked after the first render,
 * in slices (late-check.ts). Its cookies may name vendors or storage, whose
 * checks come with the vendors' rules, fetched only once an inventory uses
 * them: the slices must not run without them. Kept in a file of its own, so
 * that its page has not loaded the rules before (each test file runs in a
 * page of its own).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/cookie-consent.js';
import type { CookieBanner } from '../../src/index.js';
import { captureConsole } from '../support/console.js';
import { uniqueCookieName } from '../support/cookies.js';
import { part } from '../support/dom.js';
import { bigInventory } from '../support/inventories.js';
import { loadedModules, usePageDefaults } from '../support/page.js';

describe('vendor checks of a long cookie list checked after the first render', () => {
  usePageDefaults();
  before(() => customElements.whenDefined('cookie-banner'));

  it('reports a cookie that names an unknown vendor, far down the list, and shows nothing', async () => {
    expect(loadedModules('vendor-rules'), 'no rules loaded yet').to.deep.equal([]);
    const long = bigInventory(1500);
    const inventory = {
      ...long,
      cookies: long.cookies!.map((cookie, n) =>
        n === 1400 ? { ...cookie, vendor: 'ghost' } : cookie,
      ),
    };
    let banner!: CookieBanner;
    const { error } = await captureConsole(async ({ error: calls }) => {
      banner = await fixture<CookieBanner>(
        html`<cookie-banner
          cookie-name=${uniqueCookieName()}
          .inventory=${inventory}
        ></cookie-banner>`,
      );
      await waitUntil(() => calls.length > 0, 'the problem is reported', { timeout: 10000 });
    });
    expect(error.map((args) => String(args[0])).join('\n')).to.include(
      'cookies[1400].vendor: "ghost" is not a vendor',
    );
    await waitUntil(
      () => part(banner, 'accept-button') === null,
      'the banner still asks about an invalid inventory',
    );
  });
});
