import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CookieBanner, CookieTable } from '../../src/index.js';
import { deleteCookie, uniqueCookieName } from '../support/cookies.js';
import { buttonLabels, part, visibleText } from '../support/dom.js';
import { testInventory } from '../support/inventories.js';
import { setLanguageCookie, usePageDefaults } from '../support/page.js';

const ENGLISH = ['Accept all', 'Reject all', 'Customise'];
const FRENCH = ['Tout accepter', 'Tout refuser', 'Personnaliser'];

/** The README's promise: a change of language shows within one second. */
const SWITCH_MS = 1000;

async function showBanner(attributes: { languageCookie?: string } = {}): Promise<CookieBanner> {
  const banner = await fixture<CookieBanner>(html`
    <cookie-banner
      cookie-name=${uniqueCookieName()}
      language-cookie=${attributes.languageCookie ?? 'django_language'}
      .inventory=${testInventory()}
    ></cookie-banner>
  `);
  await banner.updateComplete;
  return banner;
}

function labels(banner: Element): string[] {
  return buttonLabels(part(banner, 'actions')!);
}

async function speaks(banner: Element, expected: string[], timeout = 2000): Promise<void> {
  await waitUntil(
    () => labels(banner).join() === expected.join(),
    `the banner says ${expected.join(', ')}`,
    { timeout },
  );
}

describe('the language of the consent elements', () => {
  usePageDefaults();

  describe('follows Django’s language cookie while the page is open', () => {
    it('switches the banner to French and back within one second each', async () => {
      setLanguageCookie('en');
      const banner = await showBanner();
      await speaks(banner, ENGLISH);

      // The first switch also fetches the French strings (compiled on demand
      // by the test server); the switches after it are timed.
      setLanguageCookie('fr');
      await speaks(banner, FRENCH);
      setLanguageCookie('en');
      await speaks(banner, ENGLISH, SWITCH_MS);
      setLanguageCookie('fr');
      await speaks(banner, FRENCH, SWITCH_MS);
      expect(visibleText(part(banner, 'message'))).to.match(/^Nous utilisons des cookies/);

      setLanguageCookie('en');
      await speaks(banner, ENGLISH, SWITCH_MS);
    });

    it('keeps the banner on screen, in the old language, while a new one loads', async () => {
      setLanguageCookie('fr');
      const banner = await showBanner();
      await speaks(banner, FRENCH);
      const shown: string[] = [];
      const record = () => shown.push(part(banner, 'actions') ? labels(banner).join() : 'nothing');
      const observer = new MutationObserver(record);
      observer.observe(banner.shadowRoot!, { childList: true, subtree: true, characterData: true });
      try {
        setLanguageCookie('de');
        await speaks(banner, ['Alle akzeptieren', 'Alle ablehnen', 'Einstellungen']);
      } finally {
        observer.disconnect();
      }
      expect(shown.filter((labelsShown) => labelsShown === 'nothing')).to.deep.equal([]);
      expect(shown).to.not.include(ENGLISH.join());
    });

    it('switches every element of the page, table and inventory texts included', async () => {
      const name = uniqueCookieName();
      const container = await fixture<HTMLDivElement>(html`
        <div>
          <cookie-table cookie-name=${name} category="statistics"></cookie-table>
          <cookie-banner cookie-name=${name} .inventory=${testInventory()}></cookie-banner>
        </div>
      `);
      const table = container.querySelector('cookie-table')!;
      const banner = container.querySelector('cookie-banner')!;
      await table.updateComplete;
      const caption = () => visibleText(table.shadowRoot!.querySelector('caption'));
      expect(caption()).to.equal('Statistics cookies');

      setLanguageCookie('fr');
      await speaks(banner, FRENCH, SWITCH_MS);
      await waitUntil(() => caption() === 'Cookies statistiques', 'the caption is in French', {
        timeout: SWITCH_MS,
      });
      const cells = [...table.shadowRoot!.querySelectorAll('tbody td')].map(visibleText);
      expect(cells[3]).to.equal('Compter les visites.');
    });

    it('reads the cookie that language-cookie names', async () => {
      document.cookie = 'site_language=fr; Path=/';
      try {
        const banner = await showBanner({ languageCookie: 'site_language' });
        await speaks(banner, FRENCH);
      } finally {
        deleteCookie('site_language');
      }
    });
  });

  describe('chooses in the order the README gives', () => {
    it('uses <html lang> without a cookie', async () => {
      document.documentElement.lang = 'fr';
      const banner = await showBanner();
      await speaks(banner, FRENCH);
      document.documentElement.lang = 'en';
      await speaks(banner, ENGLISH, SWITCH_MS);
    });

    it('puts the cookie before <html lang>', async () => {
      setLanguageCookie('fr');
      document.documentElement.lang = 'en';
      const banner = await showBanner();
      await speaks(banner, FRENCH);
    });

    it('puts a language the host sets through the API before the cookie', async () => {
      setLanguageCookie('en');
      const banner = await showBanner();
      try {
        window.cookieConsent!.setLanguage('fr');
        await speaks(banner, FRENCH, SWITCH_MS);
      } finally {
        window.cookieConsent!.setLanguage(undefined);
      }
      await speaks(banner, ENGLISH, SWITCH_MS);
    });

    it('normalises Django codes and falls back like Django (fr_CA → fr)', async () => {
      setLanguageCookie('fr_CA');
      const banner = await showBanner();
      await speaks(banner, FRENCH);
      // No Klingon: the next source, <html lang="en">, decides.
      setLanguageCookie('tlh');
      await speaks(banner, ENGLISH, SWITCH_MS);
    });
  });

  describe('marks the elements for assistive technologies (WCAG 3.1.2)', () => {
    it('sets lang on an element whose language differs from the page, and only then', async () => {
      setLanguageCookie('fr');
      const banner = await showBanner();
      await speaks(banner, FRENCH);
      expect(banner.getAttribute('lang')).to.equal('fr');

      document.documentElement.lang = 'fr-FR';
      await waitUntil(() => !banner.hasAttribute('lang'), 'lang is dropped on a French page', {
        timeout: SWITCH_MS,
      });
      // The page turns English while the cookie keeps French.
      document.documentElement.lang = 'en';
      await waitUntil(() => banner.getAttribute('lang') === 'fr', 'lang is set again', {
        timeout: SWITCH_MS,
      });
      expect(labels(banner)).to.deep.equal(FRENCH);
    });

    it('sets lang and dir="rtl" for a right-to-left language on a left-to-right page', async () => {
      setLanguageCookie('ar');
      const banner = await showBanner();
      await waitUntil(() => banner.getAttribute('lang') === 'ar', 'the banner is in Arabic', {
        timeout: 2000,
      });
      expect(banner.getAttribute('dir')).to.equal('rtl');
      expect(labels(banner)).to.have.length(3);
      expect(labels(banner)).to.not.include('Accept all');
    });

    it('sets dir when the page is right-to-left and the element is not', async () => {
      document.documentElement.dir = 'rtl';
      const banner = await showBanner();
      expect(banner.getAttribute('dir')).to.equal('ltr');
      const table = await fixture<CookieTable>(
        html`<cookie-table .inventory=${testInventory()}></cookie-table>`,
      );
      expect(table.getAttribute('dir')).to.equal('ltr');
    });
  });
});
