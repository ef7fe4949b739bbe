import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CookiePreferences } from '../../src/index.js';
import { deleteCookie, uniqueCookieName } from '../support/cookies.js';
import { setStoredDecision } from '../support/decision.js';
import { expectSame, part } from '../support/dom.js';
import { testInventory } from '../support/inventories.js';
import { usePageDefaults } from '../support/page.js';

async function opened(preferences: CookiePreferences): Promise<void> {
  await waitUntil(() => preferences.open, 'the preferences open', { timeout: 2000 });
  await preferences.updateComplete;
}

async function closeWithEscape(preferences: CookiePreferences): Promise<void> {
  await sendKeys({ press: 'Escape' });
  await waitUntil(() => !preferences.open, 'the preferences close', { timeout: 2000 });
}

function checkedSwitches(preferences: CookiePreferences): boolean[] {
  return [...preferences.shadowRoot!.querySelectorAll<HTMLInputElement>('input')].map(
    (input) => input.checked,
  );
}

describe('reopening the preferences from the page', () => {
  usePageDefaults();

  it('a data-cookie-preferences link opens them, and the page does not navigate', async () => {
    // The one test of this page that uses the default decision cookie.
    deleteCookie('cookies_preferences');
    const container = await fixture<HTMLDivElement>(html`
      <div>
        <footer><a href="#" data-cookie-preferences>Manage cookies</a></footer>
        <cookie-preferences .inventory=${testInventory()}></cookie-preferences>
      </div>
    `);
    const link = container.querySelector('a')!;
    const preferences = container.querySelector('cookie-preferences')!;
    const href = location.href;
    const hash = location.hash;
    let defaultPrevented: boolean | undefined;
    const onClick = (event: Event) => (defaultPrevented = event.defaultPrevented);
    window.addEventListener('click', onClick);
    try {
      // Not focused first: Safari does not focus a link or button on click.
      link.click();
      await opened(preferences);
    } finally {
      window.removeEventListener('click', onClick);
    }
    expect(defaultPrevented).to.equal(true);
    expect(location.href).to.equal(href);
    expect(location.hash).to.equal(hash);
    expect(preferences.shadowRoot!.querySelector('dialog')!.matches(':modal')).to.equal(true);

    await closeWithEscape(preferences);
    expectSame(document.activeElement, link, 'focus');
  });

  it('works from any element inside the trigger, for the cookie it names', async () => {
    const name = uniqueCookieName();
    const other = uniqueCookieName();
    setStoredDecision(name, {
      categories: { necessary: true, statistics: true, marketing: false },
    });
    const container = await fixture<HTMLDivElement>(html`
      <div>
        <button type="button" data-cookie-preferences=${name}>
          <span>Cookie settings</span>
        </button>
        <cookie-preferences cookie-name=${other} .inventory=${testInventory()}></cookie-preferences>
        <cookie-preferences cookie-name=${name} .inventory=${testInventory()}></cookie-preferences>
      </div>
    `);
    const [unrelated, preferences] = container.querySelectorAll('cookie-preferences');
    container.querySelector('span')!.click();
    await opened(preferences);
    expect(unrelated.open).to.equal(false);
    // It opens with the choices in force.
    expect(checkedSwitches(preferences)).to.deep.equal([true, true, false]);
    preferences.hide();
    await waitUntil(() => !preferences.open, 'closed', { timeout: 2000 });
  });

  it('creates the preferences when the page has a trigger but no element', async () => {
    const name = uniqueCookieName();
    const container = await fixture<HTMLDivElement>(html`
      <div>
        <cookie-banner cookie-name=${name} .inventory=${testInventory()}></cookie-banner>
        <a href="#" data-cookie-preferences=${name}>Manage cookies</a>
      </div>
    `);
    container.querySelector('a')!.click();
    const created = await waitUntil(
      () => document.querySelector<CookiePreferences>('body > cookie-preferences'),
      'a <cookie-preferences> is created',
      { timeout: 2000 },
    ).then(() => document.querySelector<CookiePreferences>('body > cookie-preferences')!);
    await opened(created);
    expect(created.getAttribute('cookie-name')).to.equal(name);
    expect(checkedSwitches(created)).to.deep.equal([true, false, false]);
    created.hide();
    await waitUntil(() => !created.open, 'closed', { timeout: 2000 });
  });

  it('window.cookieConsent.openPreferences() opens them for classic scripts', async () => {
    const name = uniqueCookieName();
    const preferences = await fixture<CookiePreferences>(html`
      <cookie-preferences cookie-name=${name} .inventory=${testInventory()}></cookie-preferences>
    `);
    const shown = await window.cookieConsent!.openPreferences(null, name);
    expect(shown, 'resolves true once shown').to.equal(true);
    await opened(preferences);
    expect(part(preferences, 'dialog')!.hasAttribute('open')).to.equal(true);
    preferences.hide();
    await waitUntil(() => !preferences.open, 'closed', { timeout: 2000 });
  });

  it('lets a visitor withdraw in two clicks: the trigger, then reject all', async () => {
    const name = uniqueCookieName();
    setStoredDecision(name, { categories: { necessary: true, statistics: true, marketing: true } });
    const container = await fixture<HTMLDivElement>(html`
      <div>
        <a href="#" data-cookie-preferences=${name}>Manage cookies</a>
        <cookie-preferences cookie-name=${name} .inventory=${testInventory()}></cookie-preferences>
      </div>
    `);
    const preferences = container.querySelector('cookie-preferences')!;
    expect(window.cookieConsent!.getConsent(name)!.categories.marketing).to.equal(true);
    container.querySelector('a')!.click();
    await opened(preferences);
    part(preferences, 'reject-button')!.click();
    await waitUntil(() => !preferences.open, 'closed', { timeout: 2000 });
    expect(window.cookieConsent!.getConsent(name)!.categories).to.deep.equal({
      necessary: true,
      statistics: false,
      marketing: false,
    });
  });
});
