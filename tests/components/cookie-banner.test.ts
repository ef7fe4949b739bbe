import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { acceptAll, rejectAll, resetConsent } from '../../src/index.js';
import type { CookieBanner, CookieInventory, CookiePreferences } from '../../src/index.js';
import { isUiLocaleSettled } from '../../src/i18n/localize.js';
import { captureConsole } from '../support/console.js';
import { deleteCookie, readCookie, setCookie, uniqueCookieName } from '../support/cookies.js';
import { setStoredDecision, storedDecision } from '../support/decision.js';
import { buttonLabels, expectSame, part, visibleText } from '../support/dom.js';
import { recordConsentChanges } from '../support/events.js';
import { CATEGORY_IDS, testInventory } from '../support/inventories.js';
import {
  LANGUAGE_LOAD_MS,
  setLanguageCookie,
  openedPageDialog,
  usePageDefaults,
  warmUpAxe,
  warmUpLanguage,
} from '../support/page.js';

async function showBanner(
  cookieName = uniqueCookieName(),
  inventory: unknown = testInventory(),
): Promise<CookieBanner> {
  const banner = await fixture<CookieBanner>(
    html`<cookie-banner cookie-name=${cookieName} .inventory=${inventory}></cookie-banner>`,
  );
  await banner.updateComplete;
  return banner;
}

/** The banner shows nothing: neither its region nor a button. */
function expectNothingShown(banner: CookieBanner): void {
  expectSame(
    banner.shadowRoot!.querySelector('[role="region"], button'),
    null,
    'what the banner shows',
  );
}

function region(banner: CookieBanner): HTMLElement | null {
  return banner.shadowRoot!.querySelector<HTMLElement>('[role="region"]');
}

/**
 * Resolves once every listener of the decision has run and the banner
 * re-rendered. The task turn is there for the tests that count events: an
 * extra one would have fired by then (a negative, which no condition shows).
 */
async function settled(banner: CookieBanner): Promise<void> {
  await banner.updateComplete;
  await aTimeout(0);
}

describe('<cookie-banner>', () => {
  usePageDefaults();
  warmUpAxe();
  warmUpLanguage('fr');

  describe('when it shows', () => {
    it('asks when the page has an inventory and the visitor no decision', async () => {
      const banner = await showBanner();
      expect(region(banner)).to.exist;
      expect(banner.visible).to.equal(true);
    });

    it('shows nothing before it has an inventory', async () => {
      const banner = await fixture<CookieBanner>(
        html`<cookie-banner cookie-name=${uniqueCookieName()}></cookie-banner>`,
      );
      // Only its status region, empty and hidden, for the announcements to come.
      const children = [...banner.shadowRoot!.children];
      expect(children.map((child) => child.getAttribute('role'))).to.deep.equal(['status']);
      expect(children[0].getClientRects()[0]?.height ?? 0).to.be.at.most(1);
      expect(visibleText(children[0])).to.equal('');
      banner.inventory = testInventory();
      await banner.updateComplete;
      expect(region(banner)).to.exist;
    });

    it('hides after a decision', async () => {
      const banner = await showBanner();
      part(banner, 'accept-button')!.click();
      await settled(banner);
      expectSame(region(banner), null, 'the banner region');
      expect(banner.visible).to.equal(false);
    });

    it('stays hidden when the cookie holds a decision for this revision', async () => {
      const name = uniqueCookieName();
      // The cookie holds the revision as a string: "1" and 1 are the same revision.
      setStoredDecision(name, { revision: '1' });
      const banner = await showBanner(name, testInventory(1));
      expectSame(region(banner), null, 'the banner region');
    });

    it('asks again when the stored decision is for another revision', async () => {
      const name = uniqueCookieName();
      setStoredDecision(name, { revision: 1 });
      const banner = await showBanner(name, testInventory(2));
      expect(region(banner)).to.exist;
    });

    it('asks again when the stored decision has expired', async () => {
      const name = uniqueCookieName();
      setStoredDecision(name, { timestamp: new Date(Date.now() - 400 * 86400000).toISOString() });
      const banner = await showBanner(name);
      expect(region(banner)).to.exist;
    });

    for (const [what, value] of [
      ['is not JSON', 'not-json'],
      ['is badly encoded', '%E0%A4%A'],
      ['is JSON of another shape', encodeURIComponent('{"categories":{"statistics":"yes"}}')],
      ['is JSON null', 'null'],
    ]) {
      it(`asks, and throws nothing, when the cookie ${what}`, async () => {
        const name = uniqueCookieName();
        setCookie(name, value);
        const errors: unknown[] = [];
        const onError = (event: ErrorEvent) => errors.push(event.error);
        const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
        window.addEventListener('error', onError);
        window.addEventListener('unhandledrejection', onRejection);
        try {
          const banner = await showBanner(name);
          expect(region(banner)).to.exist;
          // The next decision replaces the tampered value.
          const { events, stop } = recordConsentChanges();
          part(banner, 'reject-button')!.click();
          await settled(banner);
          stop();
          expectSame(region(banner), null, 'the banner region');
          // WebKit's cookie cache in the page may briefly still echo the value
          // this test wrote a moment ago; the browser's jar converges on ours.
          await waitUntil(
            () => readCookie(name) !== value,
            'the decision replaces the tampered cookie',
            { timeout: 2000 },
          );
          const stored = storedDecision(name)!;
          expect(stored.id).to.equal(events[0].detail.id);
          expect(stored.categories).to.deep.equal({
            necessary: true,
            statistics: false,
            marketing: false,
          });
        } finally {
          window.removeEventListener('error', onError);
          window.removeEventListener('unhandledrejection', onRejection);
        }
        expect(errors).to.deep.equal([]);
      });
    }
  });

  describe('what it shows', () => {
    it('is a region named by its heading, in its own shadow root, not a modal', async () => {
      const banner = await showBanner();
      const base = region(banner)!;
      expect(base.getAttribute('role')).to.equal('region');
      expect(base.hasAttribute('aria-modal')).to.equal(false);
      const labelledBy = base.getAttribute('aria-labelledby')!;
      const heading = banner.shadowRoot!.getElementById(labelledBy)!;
      expect(heading.localName).to.match(/^h[1-6]$/);
      expect(visibleText(heading)).to.equal('Your choice about cookies');
    });

    it('links to the cookie policy only with policy-href', async () => {
      const without = await showBanner();
      expectSame(without.shadowRoot!.querySelector('a'), null, 'the policy link');
      const withLink = await fixture<CookieBanner>(html`
        <cookie-banner
          cookie-name=${uniqueCookieName()}
          policy-href="/cookies/"
          .inventory=${testInventory()}
        ></cookie-banner>
      `);
      const link = part<HTMLAnchorElement>(withLink, 'policy-link')!;
      expect(link.getAttribute('href')).to.equal('/cookies/');
      expect(visibleText(link)).to.equal('Read our cookie policy');
    });

    it('shows no link, and reports it once, for a policy-href that is not http(s) or relative', async () => {
      for (const href of [
        'javascript:alert(1)',
        ' JavaScript:alert(1)',
        'java\nscript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox(1)',
      ]) {
        let banner!: CookieBanner;
        const { error: errors } = await captureConsole(async () => {
          banner = await fixture<CookieBanner>(html`
            <cookie-banner
              cookie-name=${uniqueCookieName()}
              policy-href=${href}
              .inventory=${testInventory()}
            ></cookie-banner>
          `);
          // Further renders do not report it again.
          banner.position = 'top';
          await banner.updateComplete;
        });
        expect(region(banner), href).to.exist;
        expectSame(banner.shadowRoot!.querySelector('a'), null, `the link for ${href}`);
        expect(errors, href).to.have.length(1);
        expect(String(errors[0][0])).to.include('policy-href');
      }
    });

    it('follows policy-href when it changes to or from an unsafe URL', async () => {
      const banner = await fixture<CookieBanner>(html`
        <cookie-banner
          cookie-name=${uniqueCookieName()}
          policy-href="https://example.com/cookies"
          .inventory=${testInventory()}
        ></cookie-banner>
      `);
      expect(part<HTMLAnchorElement>(banner, 'policy-link')!.href).to.equal(
        'https://example.com/cookies',
      );
      const { error: errors } = await captureConsole(async () => {
        banner.setAttribute('policy-href', 'javascript:void(0)');
        await banner.updateComplete;
      });
      expect(errors).to.have.length(1);
      expectSame(part(banner, 'policy-link'), null, 'the link');
      banner.setAttribute('policy-href', 'cookies.html');
      await banner.updateComplete;
      expect(part(banner, 'policy-link')!.getAttribute('href')).to.equal('cookies.html');
    });

    it('offers accept all, reject all and customise as real buttons', async () => {
      const banner = await showBanner();
      const actions = part(banner, 'actions')!;
      expect(buttonLabels(actions)).to.deep.equal(['Accept all', 'Reject all', 'Customise']);
      for (const name of ['accept-button', 'reject-button', 'customise-button']) {
        const button = part(banner, name)!;
        expect(button.localName, name).to.equal('button');
        expect(button.getAttribute('type'), name).to.equal('button');
      }
    });

    it('gives reject all the same size, font and weight as accept all', async () => {
      const banner = await showBanner();
      const accept = part(banner, 'accept-button')!;
      const reject = part(banner, 'reject-button')!;
      const acceptStyle = getComputedStyle(accept);
      const rejectStyle = getComputedStyle(reject);
      for (const property of [
        'font-size',
        'font-weight',
        'font-family',
        'background-color',
        'color',
        'border-top-width',
      ]) {
        expect(rejectStyle.getPropertyValue(property), property).to.equal(
          acceptStyle.getPropertyValue(property),
        );
      }
      const acceptBox = accept.getBoundingClientRect();
      const rejectBox = reject.getBoundingClientRect();
      expect(acceptBox.width).to.be.greaterThan(0);
      expect(rejectBox.width).to.be.closeTo(acceptBox.width, 0.5);
      expect(rejectBox.height).to.be.closeTo(acceptBox.height, 0.5);
    });

    it('takes its inventory from a <script type="application/json"> child', async () => {
      const banner = await fixture<CookieBanner>(html`
        <cookie-banner cookie-name=${uniqueCookieName()}>
          <script type="application/json">
            {
              "revision": 3,
              "categories": [
                { "id": "necessary", "required": true, "label": "Necessary" },
                { "id": "statistics", "label": "Statistics" }
              ]
            }
          </script>
        </cookie-banner>
      `);
      expect(region(banner)).to.exist;
      expect(banner.inventory!.revision).to.equal(3);
      const { events, stop } = recordConsentChanges();
      part(banner, 'accept-button')!.click();
      stop();
      expect(events[0].detail.categories).to.deep.equal({ necessary: true, statistics: true });
      expect(events[0].detail.revision).to.equal(3);
    });

    it('sits at the top of the viewport with position="top"', async () => {
      const banner = await fixture<CookieBanner>(html`
        <cookie-banner
          cookie-name=${uniqueCookieName()}
          position="top"
          .inventory=${testInventory()}
        ></cookie-banner>
      `);
      const box = region(banner)!.getBoundingClientRect();
      expect(box.top).to.be.closeTo(0, 0.5);
      expect(box.bottom).to.be.lessThan(window.innerHeight);
      const bottom = await showBanner();
      const bottomBox = region(bottom)!.getBoundingClientRect();
      expect(bottomBox.bottom).to.be.closeTo(window.innerHeight, 0.5);
    });

    it('passes axe while it asks', async () => {
      const banner = await fixture<CookieBanner>(html`
        <cookie-banner
          cookie-name=${uniqueCookieName()}
          policy-href="/cookies/"
          .inventory=${testInventory()}
        ></cookie-banner>
      `);
      await expect(banner).to.be.accessible();
    });
  });

  describe('decisions', () => {
    it('follows the decisions of the cookie it names, after a change of name and a move', async () => {
      const first = uniqueCookieName();
      const second = uniqueCookieName();
      const banner = await showBanner(first);
      banner.cookieName = second;
      await banner.updateComplete;
      acceptAll(first);
      await banner.updateComplete;
      expect(region(banner), 'a decision under the old name').to.exist;

      rejectAll(second);
      await waitUntil(() => !region(banner), 'a decision under the new name hides it');
      resetConsent(second);
      await waitUntil(() => region(banner), 'withdrawn: it asks again');

      banner.parentElement!.append(banner);
      await banner.updateComplete;
      acceptAll(second);
      await waitUntil(() => !region(banner), 'moved in the page: a decision hides it');
      banner.remove();
      resetConsent(second);
      await aTimeout(0);
      expectSame(region(banner), null, 'the region of a removed banner, after a withdrawal');
    });

    for (const [button, action, optional] of [
      ['accept-button', 'accept-all', true],
      ['reject-button', 'reject-all', false],
    ] as const) {
      it(`${button} records ${action} in the cookie and fires one consent-change`, async () => {
        const name = uniqueCookieName();
        const banner = await showBanner(name);
        const { events, stop } = recordConsentChanges();
        part(banner, button)!.click();
        await settled(banner);
        stop();

        expect(events).to.have.length(1);
        const [event] = events;
        expect(event.bubbles).to.equal(true);
        expect(event.composed).to.equal(true);
        expectSame(event.target, banner, 'event.target');
        expect(event.detail.action).to.equal(action);
        expect(event.detail.categories).to.deep.equal({
          necessary: true,
          statistics: optional,
          marketing: optional,
        });
        expect(Object.keys(event.detail.categories)).to.deep.equal(CATEGORY_IDS);
        expect(event.detail.revision).to.equal(1);
        expect(Date.parse(event.detail.timestamp)).to.be.closeTo(Date.now(), 60000);
        expect(event.detail.id).to.be.a('string').and.not.equal('');

        const stored = storedDecision(name)!;
        expect(stored.categories).to.deep.equal(event.detail.categories);
        expect(String(stored.revision)).to.equal('1');
        expect(stored.timestamp).to.equal(event.detail.timestamp);
        expect(stored.id).to.equal(event.detail.id);
      });
    }

    it('writes the cookies_preferences cookie by default', async () => {
      deleteCookie('cookies_preferences');
      const banner = await fixture<CookieBanner>(
        html`<cookie-banner .inventory=${testInventory()}></cookie-banner>`,
      );
      expect(region(banner)).to.exist;
      part(banner, 'accept-button')!.click();
      await settled(banner);
      const value = readCookie('cookies_preferences')!;
      expect(JSON.parse(decodeURIComponent(value)).categories).to.deep.equal({
        necessary: true,
        statistics: true,
        marketing: true,
      });
    });

    it('records nothing until a button is pressed', async () => {
      const name = uniqueCookieName();
      const { events, stop } = recordConsentChanges();
      const banner = await showBanner(name);
      // Room to scroll, so that the page really scrolls.
      const spacer = document.createElement('div');
      spacer.style.height = '200vh';
      document.body.append(spacer);
      try {
        // Added after the page's listeners, this one hears the scroll after them;
        // the click is dispatched at once.
        const scrolled = new Promise((resolve) =>
          window.addEventListener('scroll', resolve, { once: true }),
        );
        document.body.click();
        window.scrollBy(0, 50);
        await scrolled;
        await settled(banner);
      } finally {
        spacer.remove();
      }
      stop();
      expect(region(banner)).to.exist;
      expect(readCookie(name)).to.equal(undefined);
      expect(events).to.have.length(0);
    });
  });

  describe('customise', () => {
    it("opens the page's <cookie-preferences> with the same inventory", async () => {
      const name = uniqueCookieName();
      const container = await fixture<HTMLDivElement>(html`
        <div>
          <cookie-banner cookie-name=${name} .inventory=${testInventory()}></cookie-banner>
          <cookie-preferences cookie-name=${name}></cookie-preferences>
        </div>
      `);
      const banner = container.querySelector('cookie-banner')!;
      const preferences = container.querySelector('cookie-preferences')!;
      await banner.updateComplete;
      part(banner, 'customise-button')!.click();
      await waitUntil(() => preferences.open, 'the preferences open', { timeout: 2000 });
      await preferences.updateComplete;
      expect(document.querySelectorAll('cookie-preferences')).to.have.length(1);
      const labels = [...preferences.shadowRoot!.querySelectorAll('[part~="category"] label')];
      expect(labels.map(visibleText)).to.deep.equal([
        'Necessary cookies',
        'Statistics cookies',
        'Advertising cookies',
      ]);
      preferences.hide();
    });

    it('creates a <cookie-preferences> at the end of <body> when the page has none', async () => {
      const name = uniqueCookieName();
      const banner = await showBanner(name);
      part(banner, 'customise-button')!.click();
      const created = await waitUntil(
        () => document.body.lastElementChild?.localName === 'cookie-preferences',
        'a <cookie-preferences> is appended to <body>',
        { timeout: 2000 },
      ).then(() => document.body.lastElementChild as CookiePreferences);
      await waitUntil(() => created.open, 'the created preferences open', { timeout: 2000 });
      await created.updateComplete;
      expect(created.cookieName).to.equal(name);
      const switches = created.shadowRoot!.querySelectorAll('input[role="switch"]');
      expect(switches).to.have.length(3);
      // Its decision is the banner's: accepting there hides the banner.
      part(created, 'accept-button')!.click();
      await settled(banner);
      expectSame(region(banner), null, 'the banner region');
      expect(storedDecision(name)!.categories.marketing).to.equal(true);
    });
  });

  describe('the reopen button', () => {
    it('appears after a decision and opens the preferences as decided', async () => {
      const name = uniqueCookieName();
      const banner = await fixture<CookieBanner>(html`
        <cookie-banner
          cookie-name=${name}
          reopen-button
          .inventory=${testInventory()}
        ></cookie-banner>
      `);
      expectSame(part(banner, 'reopen-button'), null, 'the reopen button');
      part(banner, 'reject-button')!.click();
      await settled(banner);

      const reopen = part(banner, 'reopen-button')!;
      expect(reopen.localName).to.equal('button');
      expect(reopen.getAttribute('aria-label')).to.equal('Cookie preferences');
      const box = reopen.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
      await expect(banner).to.be.accessible();

      reopen.click();
      const preferences = await openedPageDialog();
      const switches = [
        ...preferences.shadowRoot!.querySelectorAll<HTMLInputElement>('input[role="switch"]'),
      ];
      expect(switches.map((input) => input.checked)).to.deep.equal([true, false, false]);
      preferences.hide();
    });

    it('is absent without the reopen-button attribute', async () => {
      const banner = await showBanner();
      part(banner, 'accept-button')!.click();
      await settled(banner);
      expectSame(banner.shadowRoot!.querySelector('button'), null, 'a button');
    });
  });

  describe('an invalid inventory', () => {
    const invalid = (): unknown => {
      const inventory = testInventory() as CookieInventory & { cookies: object[] };
      return {
        ...inventory,
        cookies: [inventory.cookies[0], { ...inventory.cookies[1], category: 'unknown' }],
      };
    };

    it('is reported once, naming the field, and nothing is shown', async () => {
      const banner = await showBanner();
      expect(region(banner)).to.exist;
      const { error: calls } = await captureConsole(async () => {
        banner.inventory = invalid();
        await banner.updateComplete;
      });
      expect(calls).to.have.length(1);
      expect(String(calls[0][0])).to.contain('cookies[1].category');
      expectNothingShown(banner);
    });

    it('is not replaced by the inventory another element gave the page', async () => {
      const name = uniqueCookieName();
      await showBanner(name);
      let second!: CookieBanner;
      const { error: calls } = await captureConsole(async () => {
        second = await showBanner(name, { categories: [] });
      });
      expect(calls).to.have.length(1);
      expect(String(calls[0][0])).to.contain('categories');
      expectNothingShown(second);
    });

    it('in a script child that is not JSON is reported once', async () => {
      const { error: calls } = await captureConsole(async () => {
        const banner = await fixture<CookieBanner>(html`
          <cookie-banner cookie-name=${uniqueCookieName()}>
            <script type="application/json">
              { "categories": [ }
            </script>
          </cookie-banner>
        `);
        expectNothingShown(banner);
      });
      expect(calls).to.have.length(1);
      expect(String(calls[0][0])).to.contain('not valid JSON');
    });
  });

  describe('in French', () => {
    it('says "Tout accepter", "Tout refuser", "Personnaliser" with django_language=fr', async () => {
      setLanguageCookie('fr');
      const banner = await showBanner();
      await waitUntil(
        () => visibleText(part(banner, 'accept-button')) === 'Tout accepter',
        'the banner is in French',
        { timeout: LANGUAGE_LOAD_MS },
      );
      expect(buttonLabels(part(banner, 'actions')!)).to.deep.equal([
        'Tout accepter',
        'Tout refuser',
        'Personnaliser',
      ]);
      expect(visibleText(banner.shadowRoot!.querySelector('h2'))).to.equal(
        'Vos choix en matière de cookies',
      );
      await expect(banner).to.be.accessible();
    });

    it('keeps English with django_language=en', async () => {
      setLanguageCookie('en');
      document.documentElement.lang = 'fr';
      const banner = await showBanner();
      // A switch asked for as the banner connected would be under way: wait for
      // the texts of the language last asked for.
      await waitUntil(isUiLocaleSettled, 'the texts did not settle', {
        timeout: LANGUAGE_LOAD_MS,
      });
      await banner.updateComplete;
      expect(buttonLabels(part(banner, 'actions')!)).to.deep.equal([
        'Accept all',
        'Reject all',
        'Customise',
      ]);
    });
  });
});
