/**
 * The preferences dialog as small screens, long texts and other scripts see
 * it: a page of its own in an iframe, whose size is then the viewport's.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CookieInventory, CookiePreferences, CookieTable } from '../../src/index.js';
import { part, visibleText } from '../support/dom.js';
import {
  LANGUAGE_LOAD_MS,
  loadMarkupPage,
  setLanguageCookie,
  tablesSettled,
  usePageDefaults,
} from '../support/page.js';

/** The decision cookie of fixtures/page.html. */
const PAGE_COOKIE = 'markup_preferences';

interface FrameApi {
  setInventory(inventory: CookieInventory, cookieName?: string): boolean;
  openPreferences(opener?: HTMLElement | null, cookieName?: string): Promise<boolean>;
}

/** Opens the preferences of the page in `frame` over `inventory`, every list expanded. */
async function openInFrame(
  frame: HTMLIFrameElement,
  inventory: CookieInventory,
): Promise<CookiePreferences> {
  const api = (frame.contentWindow as unknown as { cookieConsent: FrameApi }).cookieConsent;
  api.setInventory(inventory, PAGE_COOKIE);
  expect(await api.openPreferences(null, PAGE_COOKIE)).to.equal(true);
  const preferences = frame.contentDocument!.querySelector<CookiePreferences>(
    'body > cookie-preferences',
  )!;
  await waitUntil(
    () => preferences.shadowRoot!.querySelector('dialog')?.open,
    'the dialog opens in the page',
  );
  for (const list of preferences.shadowRoot!.querySelectorAll('details')) list.open = true;
  await preferences.updateComplete;
  await tablesSettled([...preferences.shadowRoot!.querySelectorAll<CookieTable>('cookie-table')]);
  return preferences;
}

/** Twelve optional categories of three cookies: far more than a phone's screen holds. */
function longInventory(): CookieInventory {
  const categories = Array.from({ length: 12 }, (_, index) => ({
    id: `category-${index}`,
    label: `Category ${index}`,
    description: 'A purpose described in a sentence or two, as real inventories do.',
  }));
  return {
    revision: 1,
    categories: [{ id: 'necessary', required: true, label: 'Necessary' }, ...categories],
    cookies: categories.flatMap((category) =>
      [1, 2, 3].map((n) => ({ name: `${category.id}_${n}`, category: category.id })),
    ),
  };
}

async function seedInventory(): Promise<CookieInventory> {
  const response = await fetch('/demo/seed-inventory.json');
  return (await response.json()) as CookieInventory;
}

describe('the preferences dialog on small screens and with long texts', () => {
  usePageDefaults();

  it('keeps its buttons on screen at 320 × 640, without scrolling through the categories', async () => {
    const frame = await loadMarkupPage(320, 640);
    const preferences = await openInFrame(frame, longInventory());
    const dialog = preferences.shadowRoot!.querySelector('dialog')!;
    // The list is longer than the dialog: it scrolls.
    expect(dialog.scrollHeight).to.be.above(dialog.clientHeight);
    for (const name of ['accept-button', 'reject-button', 'save-button']) {
      const button = part(preferences, name)!;
      const box = button.getBoundingClientRect();
      expect(box.top, name).to.be.at.least(0);
      expect(box.bottom, name).to.be.at.most(640);
      expect(box.right, name).to.be.at.most(320);
      // Nothing of the dialog lies over it.
      const hit = preferences.shadowRoot!.elementFromPoint(
        box.left + box.width / 2,
        box.top + box.height / 2,
      );
      expect(hit === button, `${name} is the element at its centre`).to.equal(true);
    }
    // A focused switch at the end of the list is scrolled clear of the buttons.
    const switches = preferences.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="switch"]');
    const last = switches[switches.length - 1];
    last.focus();
    last.scrollIntoView({ block: 'nearest' });
    const lastBox = last.getBoundingClientRect();
    const actions = part(preferences, 'actions')!.getBoundingClientRect();
    expect(lastBox.bottom).to.be.at.most(actions.top + 1);
  });

  it('shows the seed’s tables in French at 1280 px without overflow, names unbroken', async () => {
    setLanguageCookie('fr');
    const frame = await loadMarkupPage(1280, 800);
    const preferences = await openInFrame(frame, await seedInventory());
    await waitUntil(
      () => visibleText(part(preferences, 'accept-button')) === 'Tout accepter',
      'the dialog is in French',
      // A page of its own: it loads the French texts afresh.
      { timeout: LANGUAGE_LOAD_MS },
    );
    const tables = [...preferences.shadowRoot!.querySelectorAll<CookieTable>('cookie-table')];
    await tablesSettled(tables);
    expect(tables.length).to.be.above(0);
    for (const table of tables) {
      const scroller = part(table, 'scroller')!;
      expect(scroller.scrollWidth, table.category).to.be.at.most(scroller.clientWidth + 1);
      for (const code of table.shadowRoot!.querySelectorAll('code')) {
        expect(code.getClientRects().length, code.textContent!).to.equal(1);
      }
    }
  });
});

describe('inventory texts in another script than the UI', () => {
  usePageDefaults();

  it('keeps "13 mois" in its own order in an Arabic UI', async () => {
    setLanguageCookie('ar');
    const table = await fixture<CookieTable>(html`
      <cookie-table
        show-duration
        .inventory=${{
          categories: [{ id: 'statistics', label: { fr: 'Statistiques' } }],
          cookies: [
            {
              name: '_pk_id',
              category: 'statistics',
              provider: 'Matomo',
              purpose: { fr: 'Compter les visites.' },
              duration: { fr: '13 mois' },
            },
          ],
        }}
      ></cookie-table>
    `);
    await waitUntil(
      () => table.getAttribute('dir') === 'rtl' && table.shadowRoot!.querySelector('tbody tr'),
      'the table is in Arabic',
      { timeout: LANGUAGE_LOAD_MS },
    );
    const cells = table.shadowRoot!.querySelectorAll('tbody td');
    const duration = [...cells].find((cell) => visibleText(cell) === '13 mois')!;
    expect(duration, 'the duration cell').to.not.equal(undefined);
    const bdi = duration.querySelector('bdi')!;
    const text = [...bdi.childNodes].find(
      (node): node is Text => node instanceof Text && node.data.includes('13'),
    )!;
    const offset = text.data.indexOf('13');
    const number = document.createRange();
    number.setStart(text, offset);
    number.setEnd(text, offset + 2);
    const word = document.createRange();
    word.setStart(text, text.data.indexOf('mois'));
    word.setEnd(text, text.data.indexOf('mois') + 4);
    // Read left to right, as French is: the number first.
    expect(number.getBoundingClientRect().left).to.be.below(word.getBoundingClientRect().left);
  });
});
