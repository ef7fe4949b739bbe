/**
 * Every decision taken in the elements is announced to assistive
 * technologies once, through one `role="status"` region of the page (WCAG
 * 4.1.3): "Accept all" and "Reject all" from the banner or the dialog, "Save
 * my choices", and "Allow … and load the content".
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CookieBanner, CookieEmbed, CookiePreferences } from '../../src/index.js';
import { uniqueCookieName } from '../support/cookies.js';
import { part, visibleText } from '../support/dom.js';
import { mediaInventory, testInventory } from '../support/inventories.js';
import {
  LANGUAGE_LOAD_MS,
  setLanguageCookie,
  usePageDefaults,
  warmUpAxe,
  warmUpLanguage,
} from '../support/page.js';

const ACCEPTED = 'Your choice has been saved: cookies accepted.';
const REJECTED = 'Your choice has been saved: optional cookies refused.';
const SAVED = 'Your choices have been saved.';

/** Every status region of the page's consent elements. */
function statusRegions(): Element[] {
  return [...document.querySelectorAll('cookie-banner, cookie-preferences, cookie-embed')].flatMap(
    (element) => [...(element.shadowRoot?.querySelectorAll('[role="status"]') ?? [])],
  );
}

/** The regions that say something now. */
function speaking(): Element[] {
  return statusRegions().filter((region) => visibleText(region) !== '');
}

async function announced(text: string): Promise<Element> {
  await waitUntil(
    () => speaking().length === 1 && visibleText(speaking()[0]) === text,
    `"${text}" is announced, in one region`,
    { timeout: 2000 },
  );
  return speaking()[0];
}

async function pageWithBannerAndDialog() {
  const cookieName = uniqueCookieName();
  const container = await fixture<HTMLDivElement>(html`
    <div>
      <cookie-banner cookie-name=${cookieName} .inventory=${testInventory()}></cookie-banner>
      <cookie-preferences cookie-name=${cookieName}></cookie-preferences>
    </div>
  `);
  const banner = container.querySelector<CookieBanner>('cookie-banner')!;
  const preferences = container.querySelector<CookiePreferences>('cookie-preferences')!;
  await banner.updateComplete;
  await preferences.updateComplete;
  return { banner, preferences };
}

async function openDialog(preferences: CookiePreferences): Promise<void> {
  preferences.show();
  await waitUntil(() => part(preferences, 'dialog')?.matches('[open]'), 'the dialog opens');
}

describe('decisions announced (WCAG 4.1.3)', () => {
  usePageDefaults();
  warmUpAxe();
  warmUpLanguage('fr');

  for (const [button, text] of [
    ['accept-button', ACCEPTED],
    ['reject-button', REJECTED],
  ] as const) {
    it(`announces the banner's ${button} once, and keeps its status region when it hides`, async () => {
      const { banner } = await pageWithBannerAndDialog();
      expect(speaking()).to.have.length(0);
      part(banner, button)!.click();
      await waitUntil(() => !part(banner, 'base'), 'the banner hides');
      const region = await announced(text);
      expect(banner.shadowRoot!.contains(region), 'the banner’s region speaks').to.equal(true);
      await expect(banner).to.be.accessible();
    });
  }

  for (const [button, text] of [
    ['accept-button', ACCEPTED],
    ['reject-button', REJECTED],
    ['save-button', SAVED],
  ] as const) {
    it(`announces the dialog's ${button} once, in the same region as the banner's decisions`, async () => {
      const { banner, preferences } = await pageWithBannerAndDialog();
      await openDialog(preferences);
      part(preferences, button)!.click();
      await waitUntil(() => !preferences.open, 'the dialog closes');
      const region = await announced(text);
      expect(banner.shadowRoot!.contains(region), 'the page’s one region speaks').to.equal(true);
    });
  }

  it('announces twice the same decision taken twice', async () => {
    const { banner, preferences } = await pageWithBannerAndDialog();
    part(banner, 'accept-button')!.click();
    await announced(ACCEPTED);
    const changes: string[] = [];
    const observer = new MutationObserver(() => changes.push(visibleText(speaking()[0])));
    observer.observe(banner.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await openDialog(preferences);
    part(preferences, 'accept-button')!.click();
    // Emptied, then said again: a region whose text stays the same says nothing.
    await waitUntil(
      () => changes.includes('') && changes.lastIndexOf(ACCEPTED) > changes.indexOf(''),
      'announced again',
      { timeout: 2000 },
    );
    observer.disconnect();
    await announced(ACCEPTED);
  });

  it('announces in the dialog’s own region when the page has no banner', async () => {
    const preferences = await fixture<CookiePreferences>(html`
      <cookie-preferences
        cookie-name=${uniqueCookieName()}
        .inventory=${testInventory()}
      ></cookie-preferences>
    `);
    await openDialog(preferences);
    part(preferences, 'reject-button')!.click();
    const region = await announced(REJECTED);
    expect(preferences.shadowRoot!.contains(region)).to.equal(true);
    await expect(preferences).to.be.accessible();
  });

  it('announces a vendor allowed from embedded content', async () => {
    const cookieName = uniqueCookieName();
    const container = await fixture<HTMLDivElement>(html`
      <div>
        <cookie-banner cookie-name=${cookieName} .inventory=${mediaInventory()}></cookie-banner>
        <cookie-embed cookie-name=${cookieName} vendor="youtube"
          ><template><p>Video</p></template></cookie-embed
        >
      </div>
    `);
    const embed = container.querySelector<CookieEmbed>('cookie-embed')!;
    await waitUntil(() => part(embed, 'load-button'), 'the placeholder shows', { timeout: 5000 });
    part(embed, 'load-button')!.click();
    const region = await announced('YouTube is allowed: its content is loaded.');
    expect(container.querySelector('cookie-banner')!.shadowRoot!.contains(region)).to.equal(true);
  });

  it('announces in the visitor’s language', async () => {
    setLanguageCookie('fr');
    const { banner } = await pageWithBannerAndDialog();
    await waitUntil(
      () => visibleText(part(banner, 'accept-button')) === 'Tout accepter',
      'the banner is in French',
      { timeout: LANGUAGE_LOAD_MS },
    );
    part(banner, 'accept-button')!.click();
    await announced('Votre choix est enregistré : cookies acceptés.');
  });
});
