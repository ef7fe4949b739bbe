/**
 * Global Privacy Control, as a browser that sends it shows it to the page:
 * `navigator.globalPrivacyControl` is defined before the library loads, so
 * this file imports the library only after it (no static import of src/).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type {
  CookieBanner,
  CookieInventory,
  CookiePreferences,
  ConsentChangeEvent,
} from '../../src/index.js';
import { readCookie, setCookie, uniqueCookieName } from '../support/cookies.js';
import { part, visibleText } from '../support/dom.js';
import { usePageDefaults, warmUpAxe } from '../support/page.js';

let signal = true;
Object.defineProperty(navigator, 'globalPrivacyControl', {
  configurable: true,
  get: () => signal,
});
let library: typeof import('../../src/index.js');

/** Statistics (not covered), advertising (covered), media with one covered vendor. */
function gpcInventory(): CookieInventory {
  return {
    revision: 1,
    categories: [
      { id: 'necessary', required: true, label: 'Necessary' },
      { id: 'statistics', label: 'Statistics' },
      { id: 'advertising', label: 'Advertising', gpc: true },
      { id: 'media', label: 'Media' },
    ],
    vendors: [
      { id: 'adnet', category: 'advertising', label: 'AdNet' },
      { id: 'youtube', category: 'media', label: 'YouTube', gpc: true },
      { id: 'osm', category: 'media', label: 'OpenStreetMap' },
    ],
  };
}

async function bannerOf(cookieName: string, inventory = gpcInventory()): Promise<CookieBanner> {
  const banner = await fixture<CookieBanner>(html`
    <cookie-banner cookie-name=${cookieName} .inventory=${inventory}></cookie-banner>
  `);
  await waitUntil(() => part(banner, 'accept-button'), 'the banner asks');
  return banner;
}

/** The decision cookie as a server reads it. */
function stored(cookieName: string): Record<string, unknown> {
  return JSON.parse(decodeURIComponent(readCookie(cookieName)!)) as Record<string, unknown>;
}

describe('Global Privacy Control', () => {
  before(async () => {
    library = await import('../../src/index.js');
  });
  usePageDefaults();
  warmUpAxe();
  beforeEach(() => (signal = true));
  after(() => (signal = false));

  it('is read from the browser', () => {
    expect(navigator.globalPrivacyControl).to.equal(true);
  });

  it('the banner says the signal is honoured, and passes axe', async () => {
    const banner = await bannerOf(uniqueCookieName());
    // Its module and texts are fetched only on pages where the signal matters.
    await waitUntil(() => part(banner, 'gpc'), 'the banner shows the note');
    expect(visibleText(part(banner, 'gpc'))).to.match(/Global Privacy Control/);
    await expect(banner).to.be.accessible();
  });

  it('the banner says nothing of it when the inventory marks nothing for it, but the decision records it', async () => {
    const cookieName = uniqueCookieName();
    const banner = await bannerOf(cookieName, {
      categories: [{ id: 'statistics', label: 'Statistics' }],
    });
    expect(part(banner, 'gpc')).to.equal(null);
    // Nothing is covered: "Accept all" grants everything, and the proof says the signal was on.
    const detail = library.acceptAll(cookieName)!;
    expect(detail.categories.statistics).to.equal(true);
    expect(detail.gpc).to.equal(true);
    expect(stored(cookieName).gpc).to.equal(true);
  });

  it('"Accept all" leaves what the signal covers refused, and records that it was on', async () => {
    const cookieName = uniqueCookieName();
    const banner = await bannerOf(cookieName);
    const heard = new Promise<ConsentChangeEvent>((resolve) =>
      document.addEventListener('consent-change', resolve, { once: true }),
    );
    part(banner, 'accept-button')!.click();
    const { detail } = await heard;
    expect(detail.gpc).to.equal(true);
    expect(detail.categories).to.deep.equal({
      necessary: true,
      statistics: true,
      advertising: false,
      media: false,
    });
    expect(detail.vendors).to.deep.equal({ adnet: false, youtube: false, osm: true });
    expect(library.hasConsent('advertising', cookieName)).to.equal(false);
    expect(library.hasConsent('osm', cookieName)).to.equal(true);
    expect(stored(cookieName).gpc).to.equal(true);
  });

  it('a choice the visitor makes by name stands, and still stands on the next page', async () => {
    const cookieName = uniqueCookieName();
    await bannerOf(cookieName);
    library.saveConsent({ advertising: true, youtube: true }, cookieName);
    expect(library.hasConsent('advertising', cookieName)).to.equal(true);
    expect(library.hasConsent('youtube', cookieName)).to.equal(true);
    // Another page: a store read afresh from the cookie.
    const { ConsentStore } = await import('../../src/consent/store.js');
    const nextPage = new ConsentStore(cookieName);
    nextPage.setInventory(gpcInventory());
    expect(nextPage.isGranted('advertising')).to.equal(true);
    expect(nextPage.isGranted('youtube')).to.equal(true);
  });

  it('overrides a grant recorded before the browser sent the signal', async () => {
    const cookieName = uniqueCookieName();
    setCookie(
      cookieName,
      encodeURIComponent(
        JSON.stringify({
          categories: { necessary: true, statistics: true, advertising: true, media: true },
          vendors: { granted: 'adnet youtube osm', refused: '' },
          revision: 1,
          timestamp: new Date().toISOString(),
          id: 'before-gpc',
        }),
      ),
    );
    library.setInventory(gpcInventory(), cookieName);
    expect(library.hasConsent('statistics', cookieName)).to.equal(true);
    expect(library.hasConsent('osm', cookieName)).to.equal(true);
    expect(library.hasConsent('advertising', cookieName)).to.equal(false);
    expect(library.hasConsent('adnet', cookieName)).to.equal(false);
    expect(library.hasConsent('youtube', cookieName)).to.equal(false);
    // No new question: the signal answers it.
    expect(library.getConsent(cookieName)?.id).to.equal('before-gpc');
  });

  it('changes nothing while the browser does not send it', async () => {
    signal = false;
    const cookieName = uniqueCookieName();
    const banner = await bannerOf(cookieName);
    expect(part(banner, 'gpc')).to.equal(null);
    const detail = library.acceptAll(cookieName)!;
    expect(detail.categories.advertising).to.equal(true);
    expect(detail.gpc).to.equal(undefined);
    expect(stored(cookieName)).to.not.have.property('gpc');
  });

  it('the dialog says it is honoured, and which switches it covers', async () => {
    const preferences = await fixture<CookiePreferences>(html`
      <cookie-preferences
        cookie-name=${uniqueCookieName()}
        .inventory=${gpcInventory()}
      ></cookie-preferences>
    `);
    preferences.show();
    await waitUntil(() => preferences.shadowRoot!.querySelector('dialog')?.open, 'it opens');
    expect(visibleText(part(preferences, 'gpc'))).to.match(/Global Privacy Control/);
    const labelled = (label: string) => {
      const found = [...preferences.shadowRoot!.querySelectorAll('label')].find(
        (candidate) => visibleText(candidate) === label,
      )!;
      return preferences.shadowRoot!.getElementById(found.htmlFor) as HTMLInputElement;
    };
    const describedBy = (input: HTMLInputElement) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => visibleText(preferences.shadowRoot!.getElementById(id)))
        .join(' ');
    expect(describedBy(labelled('Advertising'))).to.include('Covered by Global Privacy Control');
    expect(describedBy(labelled('Statistics'))).to.not.include('Global Privacy Control');
    await expect(preferences).to.be.accessible();
    preferences.hide();
  });
});
