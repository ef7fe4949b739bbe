import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type {
  CookieBanner,
  CookieInventory,
  CookiePreferences,
  CookieTable,
} from '../../src/index.js';
import { uniqueCookieName } from '../support/cookies.js';
import { part, visibleText } from '../support/dom.js';
import { recordConsentChanges } from '../support/events.js';
import { tablesSettled, usePageDefaults, warmUpAxe } from '../support/page.js';

/** Necessary (required, one vendor), statistics (no vendor), media (YouTube and a map). */
function mediaInventory(): CookieInventory {
  return {
    revision: 1,
    categories: [
      { id: 'necessary', required: true, label: 'Necessary cookies' },
      { id: 'statistics', label: 'Statistics cookies' },
      {
        id: 'media',
        label: 'Embedded media',
        description: 'Videos and maps from other sites.',
      },
    ],
    vendors: [
      { id: 'cdn', category: 'necessary', label: 'Our CDN' },
      {
        id: 'youtube',
        category: 'media',
        label: 'YouTube',
        description: 'Video player.',
        policyHref: 'https://policies.google.com/privacy',
      },
      { id: 'osm', category: 'media', label: 'OpenStreetMap', description: 'Maps.' },
    ],
    cookies: [
      { name: 'sessionid', category: 'necessary', provider: 'Us' },
      { name: '_pk_id', category: 'statistics', provider: 'Matomo' },
      { name: 'media_pref', category: 'media', provider: 'Us' },
      { name: 'VISITOR_INFO1_LIVE', category: 'media', vendor: 'youtube', provider: 'Google' },
      {
        name: 'yt-remote-*',
        category: 'media',
        vendor: 'youtube',
        provider: 'Google',
        storage: 'localStorage',
      },
      { name: '_osm_session', category: 'media', vendor: 'osm', provider: 'OSMF' },
    ],
  };
}

async function openPreferences(
  cookieName = uniqueCookieName(),
  inventory = mediaInventory(),
): Promise<CookiePreferences> {
  const preferences = await fixture<CookiePreferences>(html`
    <cookie-preferences cookie-name=${cookieName} .inventory=${inventory}></cookie-preferences>
  `);
  preferences.show();
  await preferences.updateComplete;
  await waitUntil(() => preferences.shadowRoot!.querySelector('dialog')?.open, 'the dialog opens');
  return preferences;
}

function root(preferences: CookiePreferences): ShadowRoot {
  return preferences.shadowRoot!;
}

/** The input labelled `label`, category or vendor. */
function control(preferences: CookiePreferences, label: string): HTMLInputElement {
  const found = [...root(preferences).querySelectorAll('label')].find(
    (candidate) => visibleText(candidate) === label,
  );
  if (!found) throw new Error(`no control labelled "${label}"`);
  return root(preferences).getElementById(found.htmlFor) as HTMLInputElement;
}

/** The media category's list of vendors (the necessary category has one too). */
function vendorList(preferences: CookiePreferences): HTMLDetailsElement {
  const lists = root(preferences).querySelectorAll<HTMLDetailsElement>('[part~="vendors"]');
  return lists[lists.length - 1];
}

async function expandVendors(preferences: CookiePreferences): Promise<void> {
  vendorList(preferences).open = true;
  await waitUntil(() => vendorList(preferences).querySelector('input'), 'the vendors are listed');
  await preferences.updateComplete;
}

/** The text that `input`'s aria-describedby points at. */
function description(preferences: CookiePreferences, input: HTMLInputElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => visibleText(root(preferences).getElementById(id)))
    .join(' | ');
}

async function toggle(preferences: CookiePreferences, input: HTMLInputElement): Promise<void> {
  input.click();
  await preferences.updateComplete;
}

describe('<cookie-preferences> with vendors', () => {
  usePageDefaults();
  warmUpAxe();

  it('lists a category’s vendors, each with its description, policy link and own cookies', async () => {
    const preferences = await openPreferences();
    expect(visibleText(vendorList(preferences).querySelector('summary'))).to.equal(
      'Partners in the category Embedded media (2)',
    );
    await expandVendors(preferences);
    const vendors = [...root(preferences).querySelectorAll('[part~="vendor"]')];
    // The required category's vendor is listed in its own category's list.
    const mediaVendors = vendors.filter((vendor) =>
      vendor.closest('[part~="category"]')?.textContent?.includes('Embedded media'),
    );
    expect(mediaVendors.map((vendor) => visibleText(vendor.querySelector('label')))).to.deep.equal([
      'YouTube',
      'OpenStreetMap',
    ]);
    const youtube = mediaVendors[0];
    expect(visibleText(youtube.querySelector('.description'))).to.equal('Video player.');
    const link = youtube.querySelector<HTMLAnchorElement>('[part~="vendor-policy-link"]')!;
    expect(visibleText(link)).to.equal('Privacy policy of YouTube');
    expect(link.href).to.equal('https://policies.google.com/privacy');
    expect(link.target).to.equal('_blank');
    expect(link.relList.contains('noopener')).to.equal(true);
    const table = youtube.querySelector<CookieTable>('cookie-table')!;
    await tablesSettled([table]);
    const names = [...table.shadowRoot!.querySelectorAll('code')].map((code) => code.textContent);
    expect(names).to.deep.equal(['VISITOR_INFO1_LIVE', 'yt-remote-*']);
    // The storage column appears because the inventory has a localStorage item.
    const headers = [...table.shadowRoot!.querySelectorAll('th')].map((th) => visibleText(th));
    expect(headers).to.include('Stored in');
    expect(visibleText(table.shadowRoot!.querySelectorAll('tbody tr')[1])).to.include(
      'Local storage',
    );
    // The category's own list holds only the cookies that name no vendor.
    const mediaCategory = root(preferences).querySelectorAll('[part~="category"]')[2];
    const own = [...mediaCategory.querySelectorAll(':scope > [part~="cookies"]')];
    expect(own).to.have.length(1);
    expect(visibleText(own[0].querySelector('summary'))).to.equal(
      'Cookies in the category Embedded media (1)',
    );
  });

  it('switching the category switches all its vendors, on and off', async () => {
    const preferences = await openPreferences();
    await expandVendors(preferences);
    const media = control(preferences, 'Embedded media');
    await toggle(preferences, media);
    expect(control(preferences, 'YouTube').checked).to.equal(true);
    expect(control(preferences, 'OpenStreetMap').checked).to.equal(true);
    expect(media.checked).to.equal(true);
    expect(media.indeterminate).to.equal(false);
    await toggle(preferences, media);
    expect(control(preferences, 'YouTube').checked).to.equal(false);
    expect(control(preferences, 'OpenStreetMap').checked).to.equal(false);
  });

  it('one vendor on makes the category "partly" allowed: a mixed checkbox, said in words too', async () => {
    const preferences = await openPreferences();
    await expandVendors(preferences);
    await toggle(preferences, control(preferences, 'YouTube'));
    const media = control(preferences, 'Embedded media');
    expect(media.indeterminate).to.equal(true);
    expect(media.matches(':indeterminate')).to.equal(true);
    // A switch has no mixed state in ARIA: the category is a checkbox, which has.
    expect(media.hasAttribute('role')).to.equal(false);
    expect(control(preferences, 'YouTube').getAttribute('role')).to.equal('switch');
    expect(description(preferences, media)).to.include('Partly allowed');
    await tablesSettled([...root(preferences).querySelectorAll<CookieTable>('cookie-table')]);
    await expect(preferences).to.be.accessible();
    // Switching the mixed category turns every vendor on.
    await toggle(preferences, media);
    expect(media.indeterminate).to.equal(false);
    expect(control(preferences, 'OpenStreetMap').checked).to.equal(true);
  });

  it('saves the vendor choices in one consent-change, and reopens with them', async () => {
    const cookieName = uniqueCookieName();
    const preferences = await openPreferences(cookieName);
    await expandVendors(preferences);
    await toggle(preferences, control(preferences, 'OpenStreetMap'));
    const { events, stop } = recordConsentChanges(document);
    part(preferences, 'save-button')!.click();
    await waitUntil(() => !preferences.open, 'the dialog closes');
    stop();
    expect(events).to.have.length(1);
    expect(events[0].detail.action).to.equal('save');
    expect(events[0].detail.vendors).to.deep.equal({ cdn: true, youtube: false, osm: true });
    expect(events[0].detail.categories).to.deep.equal({
      necessary: true,
      statistics: false,
      media: false,
    });
    await preferences.updateComplete;
    preferences.show();
    await preferences.updateComplete;
    await expandVendors(preferences);
    expect(control(preferences, 'Embedded media').indeterminate).to.equal(true);
    expect(control(preferences, 'OpenStreetMap').checked).to.equal(true);
    expect(control(preferences, 'YouTube').checked).to.equal(false);
    preferences.hide();
  });

  it('locks the vendors of a required category on', async () => {
    const preferences = await openPreferences();
    const necessaryVendors =
      root(preferences).querySelectorAll<HTMLDetailsElement>('[part~="vendors"]')[0];
    necessaryVendors.open = true;
    await waitUntil(() => necessaryVendors.querySelector('input'), 'the vendors are listed');
    const cdn = control(preferences, 'Our CDN');
    expect(cdn.checked).to.equal(true);
    expect(cdn.disabled).to.equal(true);
    expect(description(preferences, cdn)).to.include('Always on');
  });

  it('works from the keyboard: open the list, switch a vendor, save', async () => {
    const preferences = await openPreferences();
    const summary = vendorList(preferences).querySelector('summary')!;
    summary.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => vendorList(preferences).open, 'Enter opens the list');
    await preferences.updateComplete;
    await sendKeys({ press: 'Tab' });
    const youtube = control(preferences, 'YouTube');
    expect(root(preferences).activeElement === youtube, 'focus on the first vendor').to.equal(true);
    await sendKeys({ press: ' ' });
    await preferences.updateComplete;
    expect(youtube.checked).to.equal(true);
    expect(control(preferences, 'Embedded media').indeterminate).to.equal(true);
  });

  it('passes axe with every list open', async () => {
    const preferences = await openPreferences();
    for (const list of root(preferences).querySelectorAll<HTMLDetailsElement>('details')) {
      list.open = true;
    }
    await preferences.updateComplete;
    await tablesSettled([...root(preferences).querySelectorAll<CookieTable>('cookie-table')]);
    await expect(preferences).to.be.accessible();
  });
});

describe('<cookie-banner> and a vendor added after the decision', () => {
  usePageDefaults();

  /** A banner answered with `button`, then given the inventory with one more media vendor. */
  async function answeredThenVendorAdded(button: 'accept-button' | 'reject-button') {
    const banner = await fixture<CookieBanner>(html`
      <cookie-banner
        cookie-name=${uniqueCookieName()}
        .inventory=${mediaInventory()}
      ></cookie-banner>
    `);
    await waitUntil(() => part(banner, button), 'the banner asks');
    part(banner, button)!.click();
    await banner.updateComplete;
    expect(part(banner, 'base')).to.equal(null);
    const inventory = mediaInventory();
    banner.inventory = {
      ...inventory,
      vendors: [...inventory.vendors!, { id: 'vimeo', category: 'media', label: 'Vimeo' }],
    };
    await banner.updateComplete;
    return banner;
  }

  it('asks again when the vendor joins a category the visitor had granted', async () => {
    const banner = await answeredThenVendorAdded('accept-button');
    await waitUntil(() => part(banner, 'base'), 'the banner asks again');
  });

  it('does not ask when the visitor had refused the category', async () => {
    const banner = await answeredThenVendorAdded('reject-button');
    expect(part(banner, 'base')).to.equal(null);
  });
});
