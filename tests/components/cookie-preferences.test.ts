import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CookiePreferences, CookieTable } from '../../src/index.js';
import { readCookie, uniqueCookieName } from '../support/cookies.js';
import { setStoredDecision, storedDecision } from '../support/decision.js';
import { buttonLabels, expectSame, part, visibleText } from '../support/dom.js';
import { recordConsentChanges } from '../support/events.js';
import { CATEGORY_IDS, testInventory } from '../support/inventories.js';
import {
  LANGUAGE_LOAD_MS,
  setLanguageCookie,
  tablesSettled,
  usePageDefaults,
  warmUpAxe,
  warmUpLanguage,
} from '../support/page.js';

interface Page {
  preferences: CookiePreferences;
  /** A page button that opens the preferences with `show()`. */
  opener: HTMLButtonElement;
  cookieName: string;
}

async function pageWithPreferences(cookieName = uniqueCookieName()): Promise<Page> {
  const container = await fixture<HTMLDivElement>(html`
    <div>
      <button type="button" id="opener">Manage cookies</button>
      <cookie-preferences
        cookie-name=${cookieName}
        .inventory=${testInventory()}
      ></cookie-preferences>
    </div>
  `);
  const preferences = container.querySelector('cookie-preferences')!;
  const opener = container.querySelector<HTMLButtonElement>('#opener')!;
  opener.addEventListener('click', () => preferences.show());
  await preferences.updateComplete;
  return { preferences, opener, cookieName };
}

/** Opens the dialog as a visitor would: focus on the page's button, then press it. */
async function openFromPage(page: Page): Promise<HTMLDialogElement> {
  page.opener.focus();
  page.opener.click();
  await page.preferences.updateComplete;
  return dialogOf(page.preferences);
}

function dialogOf(preferences: CookiePreferences): HTMLDialogElement {
  return preferences.shadowRoot!.querySelector('dialog')!;
}

function switches(preferences: CookiePreferences): HTMLInputElement[] {
  return [...preferences.shadowRoot!.querySelectorAll<HTMLInputElement>('input')];
}

/** Whether each category's switch is on, in the inventory's order. */
function switchStates(preferences: CookiePreferences): boolean[] {
  return switches(preferences).map((input) => input.checked);
}

function switchFor(preferences: CookiePreferences, categoryId: string): HTMLInputElement {
  const index = CATEGORY_IDS.indexOf(categoryId);
  return switches(preferences)[index];
}

async function closed(preferences: CookiePreferences): Promise<void> {
  await waitUntil(() => !dialogOf(preferences).open && !preferences.open, 'the dialog closes', {
    timeout: 2000,
  });
  await preferences.updateComplete;
}

describe('<cookie-preferences>', () => {
  usePageDefaults();
  warmUpAxe();
  warmUpLanguage('fr');

  describe('opening and closing', () => {
    it('show() opens a modal native <dialog> and reflects open', async () => {
      const { preferences } = await pageWithPreferences();
      const dialog = dialogOf(preferences);
      expect(dialog.open).to.equal(false);
      expect(preferences.hasAttribute('open')).to.equal(false);

      preferences.show();
      await preferences.updateComplete;
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(preferences.open).to.equal(true);
      expect(preferences.hasAttribute('open')).to.equal(true);

      preferences.hide();
      await closed(preferences);
      expect(preferences.hasAttribute('open')).to.equal(false);
    });

    it('opens when the open attribute is set', async () => {
      const { preferences } = await pageWithPreferences();
      preferences.setAttribute('open', '');
      await preferences.updateComplete;
      expect(dialogOf(preferences).matches(':modal')).to.equal(true);
      preferences.removeAttribute('open');
      await closed(preferences);
    });

    it('is titled by its heading', async () => {
      const { preferences } = await pageWithPreferences();
      preferences.show();
      await preferences.updateComplete;
      const dialog = dialogOf(preferences);
      const heading = preferences.shadowRoot!.getElementById(
        dialog.getAttribute('aria-labelledby')!,
      )!;
      expect(heading.localName).to.match(/^h[1-6]$/);
      expect(visibleText(heading)).to.equal('Cookie settings');
      preferences.hide();
      await closed(preferences);
    });

    it('holds nothing while closed, so that a page keeping one renders no inventory', async () => {
      const { preferences } = await pageWithPreferences();
      expect(dialogOf(preferences).open).to.equal(false);
      expect(dialogOf(preferences).childElementCount).to.equal(0);
      preferences.show();
      await preferences.updateComplete;
      expect(preferences.shadowRoot!.querySelectorAll('input[role="switch"]')).to.have.length(3);
      preferences.hide();
      await closed(preferences);
      expect(dialogOf(preferences).childElementCount).to.equal(0);
    });

    it('moves focus in when it opens and back to the opener when it closes', async () => {
      const page = await pageWithPreferences();
      const dialog = await openFromPage(page);
      const focused = page.preferences.shadowRoot!.activeElement;
      expect(focused, 'an element of the dialog has focus').to.exist;
      expect(dialog.contains(focused)).to.equal(true);

      page.preferences.hide();
      await closed(page.preferences);
      expectSame(document.activeElement, page.opener, 'focus');
    });

    it('gives focus to the opener show() was given, even one that did not have focus', async () => {
      const page = await pageWithPreferences();
      // Safari does not focus a button on click: the opener may not be the focused element.
      (document.activeElement as HTMLElement | null)?.blur();
      page.preferences.show(page.opener);
      await page.preferences.updateComplete;
      await sendKeys({ press: 'Escape' });
      await closed(page.preferences);
      expectSame(document.activeElement, page.opener, 'focus');
    });

    it('closes on Escape, records nothing and gives focus back', async () => {
      const page = await pageWithPreferences();
      const { events, stop } = recordConsentChanges();
      await openFromPage(page);
      switchFor(page.preferences, 'statistics').click();
      await sendKeys({ press: 'Escape' });
      await closed(page.preferences);
      // Proving a negative: an event of the closing would have fired by now.
      await aTimeout(0);
      stop();
      expect(page.preferences.hasAttribute('open')).to.equal(false);
      expect(readCookie(page.cookieName)).to.equal(undefined);
      expect(events).to.have.length(0);
      expectSame(document.activeElement, page.opener, 'focus');
    });

    it('closes with the ✕ button, records nothing and gives focus back', async () => {
      const page = await pageWithPreferences();
      const { events, stop } = recordConsentChanges();
      await openFromPage(page);
      switchFor(page.preferences, 'marketing').click();
      const close = part<HTMLButtonElement>(page.preferences, 'close-button')!;
      expect(close.localName).to.equal('button');
      expect(close.getAttribute('aria-label')).to.equal('Close without saving');
      const box = close.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
      close.click();
      await closed(page.preferences);
      // Proving a negative: an event of the closing would have fired by now.
      await aTimeout(0);
      stop();
      expect(readCookie(page.cookieName)).to.equal(undefined);
      expect(events).to.have.length(0);
      expectSame(document.activeElement, page.opener, 'focus');
    });
  });

  describe('the switches', () => {
    it('are one checkbox with role switch per category, in a fieldset with a legend', async () => {
      const { preferences } = await pageWithPreferences();
      preferences.show();
      await preferences.updateComplete;
      const fieldset = preferences.shadowRoot!.querySelector('fieldset')!;
      expect(visibleText(fieldset.querySelector('legend'))).to.equal('Cookie categories');
      const inputs = switches(preferences);
      expect(inputs).to.have.length(3);
      for (const input of inputs) {
        expect(input.type).to.equal('checkbox');
        expect(input.getAttribute('role')).to.equal('switch');
        expect(fieldset.contains(input)).to.equal(true);
        // Each is named by its category's label, which never changes with its state.
        expect(input.labels).to.have.length(1);
      }
      expect(inputs.map((input) => visibleText(input.labels![0]))).to.deep.equal([
        'Necessary cookies',
        'Statistics cookies',
        'Advertising cookies',
      ]);
    });

    it('shows the required category on and locked, the others off at first', async () => {
      const { preferences } = await pageWithPreferences();
      preferences.show();
      await preferences.updateComplete;
      const [necessary, statistics, marketing] = switches(preferences);
      expect(necessary.checked).to.equal(true);
      expect(necessary.disabled).to.equal(true);
      expect(statistics.checked).to.equal(false);
      expect(statistics.disabled).to.equal(false);
      expect(marketing.checked).to.equal(false);
      expect(marketing.disabled).to.equal(false);
    });

    it('shows the last decision when it opens again, not an unsaved change', async () => {
      const page = await pageWithPreferences();
      const { preferences } = page;
      await openFromPage(page);
      switchFor(preferences, 'statistics').click();
      part(preferences, 'save-button')!.click();
      await closed(preferences);

      preferences.show();
      await preferences.updateComplete;
      expect(switchStates(preferences)).to.deep.equal([true, true, false]);
      // Changed, then dropped with Escape: the next opening shows the decision again.
      switchFor(preferences, 'marketing').click();
      switchFor(preferences, 'statistics').click();
      preferences.hide();
      await closed(preferences);
      preferences.show();
      await preferences.updateComplete;
      expect(switchStates(preferences)).to.deep.equal([true, true, false]);
    });

    it('shows a decision stored by an earlier visit', async () => {
      const name = uniqueCookieName();
      setStoredDecision(name, {
        categories: { necessary: true, statistics: false, marketing: true },
      });
      const { preferences } = await pageWithPreferences(name);
      preferences.show();
      await preferences.updateComplete;
      expect(switchStates(preferences)).to.deep.equal([true, false, true]);
    });

    it('record nothing when toggled', async () => {
      const page = await pageWithPreferences();
      const { events, stop } = recordConsentChanges();
      await openFromPage(page);
      const statistics = switchFor(page.preferences, 'statistics');
      statistics.click();
      await page.preferences.updateComplete;
      expect(statistics.checked).to.equal(true);
      statistics.click();
      switchFor(page.preferences, 'marketing').click();
      await page.preferences.updateComplete;
      // Proving a negative: an event of the toggling would have fired by now.
      await aTimeout(0);
      stop();
      expect(readCookie(page.cookieName)).to.equal(undefined);
      expect(events).to.have.length(0);
      expect(page.preferences.open).to.equal(true);
    });
  });

  describe('decisions', () => {
    it('save records exactly the switches, fires one event, closes and says so', async () => {
      const page = await pageWithPreferences();
      const { preferences, cookieName } = page;
      await openFromPage(page);
      switchFor(preferences, 'marketing').click();
      const { events, stop } = recordConsentChanges();
      const save = part(preferences, 'save-button')!;
      expect(save.localName).to.equal('button');
      expect(visibleText(save)).to.equal('Save my choices');
      save.click();
      await closed(preferences);
      // No second event: one would have fired by now.
      await aTimeout(0);
      stop();

      const expected = { necessary: true, statistics: false, marketing: true };
      expect(events).to.have.length(1);
      expect(events[0].detail.action).to.equal('save');
      expect(events[0].detail.categories).to.deep.equal(expected);
      expect(events[0].bubbles && events[0].composed).to.equal(true);
      expect(storedDecision(cookieName)!.categories).to.deep.equal(expected);
      expect(storedDecision(cookieName)!.id).to.equal(events[0].detail.id);
      // The page has no banner: the dialog's own status region says it.
      const status = preferences.shadowRoot!.querySelector('[role="status"]')!;
      await waitUntil(
        () => visibleText(status) === 'Your choices have been saved.',
        'the decision is announced',
      );
      expectSame(document.activeElement, page.opener, 'focus');
    });

    for (const [button, action, optional] of [
      ['accept-button', 'accept-all', true],
      ['reject-button', 'reject-all', false],
    ] as const) {
      it(`${button} in the dialog records ${action} whatever the switches say`, async () => {
        const page = await pageWithPreferences();
        const { preferences, cookieName } = page;
        await openFromPage(page);
        // The opposite of what the button decides, to show that it wins.
        switchFor(preferences, optional ? 'marketing' : 'statistics').click();
        const { events, stop } = recordConsentChanges();
        part(preferences, button)!.click();
        await closed(preferences);
        // No second event: one would have fired by now.
        await aTimeout(0);
        stop();

        const expected = { necessary: true, statistics: optional, marketing: optional };
        expect(events).to.have.length(1);
        expect(events[0].detail.action).to.equal(action);
        expect(events[0].detail.categories).to.deep.equal(expected);
        expect(storedDecision(cookieName)!.categories).to.deep.equal(expected);
        expectSame(document.activeElement, page.opener, 'focus');
      });
    }

    it('offers its three decisions as real buttons of the same weight', async () => {
      const { preferences } = await pageWithPreferences();
      preferences.show();
      await preferences.updateComplete;
      expect(buttonLabels(part(preferences, 'actions')!)).to.deep.equal([
        'Accept all',
        'Reject all',
        'Save my choices',
      ]);
      const accept = part(preferences, 'accept-button')!;
      const reject = part(preferences, 'reject-button')!;
      for (const property of ['font-size', 'font-weight', 'font-family', 'background-color']) {
        expect(getComputedStyle(reject).getPropertyValue(property), property).to.equal(
          getComputedStyle(accept).getPropertyValue(property),
        );
      }
      expect(reject.getBoundingClientRect().height).to.be.closeTo(
        accept.getBoundingClientRect().height,
        0.5,
      );
      preferences.hide();
      await closed(preferences);
    });
  });

  describe("each category's cookies", () => {
    it('are listed in a <cookie-table> inside a <details>', async () => {
      const { preferences, cookieName } = await pageWithPreferences();
      preferences.show();
      await preferences.updateComplete;
      const inventory = testInventory();
      const categories = preferences.shadowRoot!.querySelectorAll('[part~="category"]');
      expect(categories).to.have.length(3);
      for (const [index, category] of inventory.categories.entries()) {
        const table = categories[index].querySelector<CookieTable>('details > cookie-table')!;
        expect(table, category.id).to.exist;
        expect(table.category).to.equal(category.id);
        expect(table.cookieName).to.equal(cookieName);
        await table.updateComplete;
        const names = [...table.shadowRoot!.querySelectorAll('tbody tr')].map((row) =>
          visibleText(row.querySelectorAll('td')[2]),
        );
        expect(names, category.id).to.deep.equal(
          inventory
            .cookies!.filter((cookie) => cookie.category === category.id)
            .map((cookie) => cookie.name),
        );
        const summary = categories[index].querySelector('details > summary')!;
        // Named after its category: the lists are told apart by name.
        expect(visibleText(summary)).to.equal(
          `Cookies in the category ${(category.label as Record<string, string>).en} (${names.length})`,
        );
      }
      preferences.hide();
      await closed(preferences);
    });

    it('renders a long list (more than three cookies) only once the visitor opens it', async () => {
      const inventory = testInventory();
      const extra = ['_ga', '_gid', '_gat', '_gcl_au'].map((name) => ({
        ...inventory.cookies!.find((cookie) => cookie.category === 'statistics')!,
        name,
      }));
      const preferences = await fixture<CookiePreferences>(html`
        <cookie-preferences
          cookie-name=${uniqueCookieName()}
          .inventory=${{ ...inventory, cookies: [...inventory.cookies!, ...extra] }}
        ></cookie-preferences>
      `);
      preferences.show();
      await preferences.updateComplete;
      const statistics = preferences.shadowRoot!.querySelectorAll('[part~="category"]')[1];
      const details = statistics.querySelector('details')!;
      expect(details.open, 'five cookies start collapsed').to.equal(false);
      expect(visibleText(details.querySelector('summary'))).to.equal(
        'Cookies in the category Statistics cookies (5)',
      );
      expect(details.querySelector('cookie-table'), 'no table while collapsed').to.equal(null);

      details.querySelector('summary')!.click();
      const table = await waitUntil(
        () => details.querySelector<CookieTable>('cookie-table'),
        'the table is rendered once opened',
        { timeout: 2000 },
      ).then(() => details.querySelector<CookieTable>('cookie-table')!);
      await table.updateComplete;
      expect(table.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(5);
      // Closing keeps the table: opening again costs nothing.
      // The element hears the toggle event before this listener, added after its own.
      const toggled = new Promise((resolve) =>
        details.addEventListener('toggle', resolve, { once: true }),
      );
      details.open = false;
      await toggled;
      await preferences.updateComplete;
      expectSame(details.querySelector('cookie-table'), table, 'the table after closing');
      preferences.hide();
      await closed(preferences);
    });

    it('has no list for a category without cookies', async () => {
      const inventory = testInventory();
      const preferences = await fixture<CookiePreferences>(html`
        <cookie-preferences
          cookie-name=${uniqueCookieName()}
          .inventory=${{
            ...inventory,
            cookies: inventory.cookies!.filter((cookie) => cookie.category !== 'statistics'),
          }}
        ></cookie-preferences>
      `);
      preferences.show();
      await preferences.updateComplete;
      const categories = preferences.shadowRoot!.querySelectorAll('[part~="category"]');
      expect([...categories].map((category) => !!category.querySelector('details'))).to.deep.equal([
        true,
        false,
        true,
      ]);
      preferences.hide();
      await closed(preferences);
    });
  });

  describe('in French', () => {
    it('shows its texts and the inventory texts in French with django_language=fr', async () => {
      setLanguageCookie('fr');
      const { preferences } = await pageWithPreferences();
      preferences.show();
      await waitUntil(
        () => visibleText(part(preferences, 'title')) === 'Paramètres des cookies',
        'the dialog is in French',
        { timeout: LANGUAGE_LOAD_MS },
      );
      expect(buttonLabels(part(preferences, 'actions')!)).to.deep.equal([
        'Tout accepter',
        'Tout refuser',
        'Enregistrer mes choix',
      ]);
      expect(switches(preferences).map((input) => visibleText(input.labels![0]))).to.deep.equal([
        'Cookies nécessaires',
        'Cookies statistiques',
        'Cookies publicitaires',
      ]);
      expect(preferences.getAttribute('lang')).to.equal('fr');
      await tablesRendered(preferences);
      await expect(preferences).to.be.accessible();
      preferences.hide();
      await closed(preferences);
    });
  });

  describe('accessibility', () => {
    it('passes axe while open', async () => {
      const { preferences } = await pageWithPreferences();
      preferences.show();
      await preferences.updateComplete;
      await tablesRendered(preferences);
      await expect(preferences).to.be.accessible();
      preferences.hide();
      await closed(preferences);
    });

    it('passes axe with choices saved and the status announced', async () => {
      const page = await pageWithPreferences();
      await openFromPage(page);
      part(page.preferences, 'save-button')!.click();
      await closed(page.preferences);
      await expect(page.preferences).to.be.accessible();
    });
  });
});

/** The nested tables render after the dialog. */
async function tablesRendered(preferences: CookiePreferences): Promise<void> {
  await tablesSettled([...preferences.shadowRoot!.querySelectorAll<CookieTable>('cookie-table')]);
}
