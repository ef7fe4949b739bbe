/**
 * A page that writes its consent elements in its HTML, before the module that
 * defines them (fixtures/page.html, loaded in an iframe whose size is the
 * page's viewport). Kept in its own file: the iframe runs a second copy of the
 * modules, which would blur the coverage of the other files.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { buttonLabels, part, visibleText } from '../support/dom.js';
import { loadMarkupPage, setLanguageCookie, usePageDefaults } from '../support/page.js';

const ENGLISH = ['Accept all', 'Reject all', 'Customise'];
const FRENCH = ['Tout accepter', 'Tout refuser', 'Personnaliser'];

/** The README's promise: a change of language shows within one second. */
const SWITCH_MS = 1000;
/** The first switch also fetches the French strings, which the test server compiles on demand. */
const FIRST_SWITCH_MS = 2000;

async function speaks(banner: Element, expected: string[], timeout: number): Promise<void> {
  await waitUntil(
    () => buttonLabels(part(banner, 'actions')!).join() === expected.join(),
    `the banner says ${expected.join(', ')}`,
    { timeout },
  );
}

describe('consent elements written in the page’s HTML', function () {
  // Each test loads a whole page, module graph included, in an iframe.
  this.timeout(20000);
  usePageDefaults();

  describe('before the module loads', () => {
    it('render, from their JSON inventory', async () => {
      setLanguageCookie('en');
      const frame = await loadMarkupPage();
      const doc = frame.contentDocument!;
      const banner = doc.querySelector('cookie-banner')!;
      const table = doc.querySelector('cookie-table')!;
      expect(doc.defaultView!.customElements.get('cookie-banner')).to.exist;
      expect(buttonLabels(part(banner, 'actions')!)).to.deep.equal(ENGLISH);
      expect(part(banner, 'policy-link')!.getAttribute('href')).to.equal('/cookies');
      const headers = [...table.shadowRoot!.querySelectorAll('th')].map(visibleText);
      expect(headers.slice(0, 4)).to.deep.equal([
        'Provider',
        'Service and location',
        'Cookie name',
        'Purposes',
      ]);
      expect(table.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(2);

      // A decision there is the page's decision: the banner goes.
      part(banner, 'reject-button')!.click();
      await waitUntil(
        () => !banner.shadowRoot!.querySelector('[role="region"]'),
        'the banner hides after a decision',
        { timeout: 2000 },
      );
    });

    it('switch from English to French within one second when django_language changes', async () => {
      setLanguageCookie('en');
      const frame = await loadMarkupPage();
      const doc = frame.contentDocument!;
      const banner = doc.querySelector('cookie-banner')!;
      const table = doc.querySelector('cookie-table')!;
      const headers = () =>
        [...table.shadowRoot!.querySelectorAll('th')].map(visibleText).slice(0, 4).join();
      await speaks(banner, ENGLISH, SWITCH_MS);

      setLanguageCookie('fr', doc);
      await speaks(banner, FRENCH, FIRST_SWITCH_MS);
      setLanguageCookie('en', doc);
      await speaks(banner, ENGLISH, SWITCH_MS);
      setLanguageCookie('fr', doc);
      await speaks(banner, FRENCH, SWITCH_MS);
      await waitUntil(
        () => headers() === 'Nom du prestataire,Service et emplacement,Nom du cookie,Finalités',
        'the table is in French',
        { timeout: SWITCH_MS },
      );
    });
  });

  describe('at a 320 px wide viewport', () => {
    for (const language of ['en', 'fr']) {
      it(`keeps every button visible, 24 px at least, without sideways scrolling (${language})`, async () => {
        setLanguageCookie(language);
        const frame = await loadMarkupPage(320, 640);
        const doc = frame.contentDocument!;
        const banner = doc.querySelector('cookie-banner')!;
        const expected = language === 'fr' ? 'Tout accepter' : 'Accept all';
        await waitUntil(
          () => visibleText(part(banner, 'accept-button')) === expected,
          `the banner is in ${language}`,
          { timeout: 2000 },
        );
        expect(frame.contentWindow!.innerWidth).to.equal(320);
        const buttons = [...banner.shadowRoot!.querySelectorAll('button')];
        expect(buttons).to.have.length(3);
        for (const button of buttons) {
          const label = visibleText(button);
          const box = button.getBoundingClientRect();
          expect(box.width, label).to.be.at.least(24);
          expect(box.height, label).to.be.at.least(24);
          expect(box.left, label).to.be.at.least(0);
          expect(box.right, label).to.be.at.most(320);
          expect(frame.contentWindow!.getComputedStyle(button).visibility, label).to.equal(
            'visible',
          );
          // Reachable: the banner scrolls it into its own box if it has to.
          button.scrollIntoView({ block: 'nearest' });
          const shown = button.getBoundingClientRect();
          expect(shown.top, label).to.be.at.least(0);
          expect(shown.bottom, label).to.be.at.most(640);
        }
        const accept = part(banner, 'accept-button')!.getBoundingClientRect();
        const reject = part(banner, 'reject-button')!.getBoundingClientRect();
        expect(reject.width).to.be.closeTo(accept.width, 0.5);
        expect(reject.height).to.be.closeTo(accept.height, 0.5);
        // The page does not scroll sideways; the cookie table scrolls in its own box.
        expect(doc.documentElement.scrollWidth).to.be.at.most(320);
        const scroller = part(doc.querySelector('cookie-table')!, 'scroller')!;
        await waitUntil(
          () => scroller.getAttribute('tabindex') === '0',
          'the table scrolls in its own focusable box',
          { timeout: 2000 },
        );
      });
    }
  });
});
