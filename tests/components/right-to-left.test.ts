import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CookieBanner, CookiePreferences } from '../../src/index.js';
import { uniqueCookieName } from '../support/cookies.js';
import { buttonLabels, part } from '../support/dom.js';
import { testInventory } from '../support/inventories.js';
import { setLanguageCookie, usePageDefaults, warmUpAxe } from '../support/page.js';

const ARABIC = ['قبول الكل', 'رفض الكل', 'تخصيص'];
const HEBREW = ['אישור הכול', 'דחיית הכול', 'התאמה אישית'];
const FRENCH = ['Tout accepter', 'Tout refuser', 'Personnaliser'];

async function speaks(banner: Element, expected: string[], timeout = 3000): Promise<void> {
  await waitUntil(
    () => buttonLabels(part(banner, 'actions')).join() === expected.join(),
    `the banner says ${expected.join(', ')}`,
    { timeout },
  );
}

describe('right-to-left languages', () => {
  usePageDefaults();
  warmUpAxe();

  it('mirror the banner with dir="rtl" and lang, pass axe, and switch live to and from French', async () => {
    setLanguageCookie('ar');
    const banner = await fixture<CookieBanner>(html`
      <cookie-banner
        cookie-name=${uniqueCookieName()}
        .inventory=${testInventory()}
      ></cookie-banner>
    `);
    await speaks(banner, ARABIC);
    expect(banner.getAttribute('dir')).to.equal('rtl');
    expect(banner.getAttribute('lang')).to.equal('ar');
    // Logical properties mirror the layout: "Accept all" starts on the right.
    const accept = part(banner, 'accept-button')!.getBoundingClientRect();
    const reject = part(banner, 'reject-button')!.getBoundingClientRect();
    expect(accept.left).to.be.greaterThan(reject.left);
    await expect(banner).to.be.accessible();

    setLanguageCookie('fr');
    await speaks(banner, FRENCH);
    expect(banner.hasAttribute('dir')).to.equal(false);
    expect(part(banner, 'accept-button')!.getBoundingClientRect().left).to.be.lessThan(
      part(banner, 'reject-button')!.getBoundingClientRect().left,
    );

    setLanguageCookie('he');
    await speaks(banner, HEBREW);
    expect(banner.getAttribute('dir')).to.equal('rtl');
    expect(banner.getAttribute('lang')).to.equal('he');
  });

  it('keep the dialog usable from the keyboard in Arabic', async () => {
    setLanguageCookie('ar');
    const cookieName = uniqueCookieName();
    const preferences = await fixture<CookiePreferences>(html`
      <cookie-preferences
        cookie-name=${cookieName}
        .inventory=${testInventory()}
      ></cookie-preferences>
    `);
    await waitUntil(() => preferences.getAttribute('dir') === 'rtl', 'Arabic loaded', {
      timeout: 3000,
    });
    preferences.show();
    const dialog = part<HTMLDialogElement>(preferences, 'dialog')!;
    await waitUntil(() => dialog.open, 'dialog open');
    await expect(preferences).to.be.accessible();
    // Focus moves in; Tab stays inside the modal dialog; Escape closes it.
    await waitUntil(() => preferences.shadowRoot!.activeElement !== null, 'focus inside');
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'Tab' });
      expect(
        preferences.shadowRoot!.activeElement,
        `Tab ${i + 1} stays in the dialog`,
      ).to.not.equal(null);
    }
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape closes the dialog');
    expect(document.cookie).to.not.include(`${cookieName}=`);
  });
});
