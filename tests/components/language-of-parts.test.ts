/**
 * WCAG 3.1.2 (language of parts): an inventory text shown in another
 * language than the interface's (the inventory has none in the visitor's)
 * carries its own `lang`, and `dir` when its direction differs, so that a
 * screen reader reads French with a French voice in an Arabic interface.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CookieEmbed, CookieInventory, CookiePreferences } from '../../src/index.js';
import { uniqueCookieName } from '../support/cookies.js';
import { part, visibleText } from '../support/dom.js';
import { mediaInventory, testInventory } from '../support/inventories.js';
import {
  LANGUAGE_LOAD_MS,
  setLanguageCookie,
  tablesSettled,
  usePageDefaults,
  warmUpAxe,
  warmUpLanguage,
} from '../support/page.js';

/** `inventory` with its texts in `language` only (a plain string stays as it is). */
function onlyIn(inventory: CookieInventory, language: string): CookieInventory {
  const keep = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(keep);
    if (typeof value !== 'object' || value === null) return value;
    const record = value as Record<string, unknown>;
    if (typeof record[language] === 'string') return { [language]: record[language] };
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, keep(item)]));
  };
  return keep(inventory) as CookieInventory;
}

/** Where `text` is shown in `root`: the innermost element whose text it is. */
function elementOf(root: ParentNode, text: string): Element {
  const found = [...(root instanceof Element ? [root] : []), ...root.querySelectorAll('*')]
    .filter((element) => visibleText(element) === text)
    .pop();
  expect(found, `"${text}" is shown`).to.exist;
  return found!;
}

/** The language and direction an element is read in: its own or its nearest ancestor's. */
function languageOf(element: Element): { lang: string | null; dir: string | null } {
  return {
    lang: element.closest('[lang]')?.getAttribute('lang') ?? null,
    dir: element.closest('[dir]')?.getAttribute('dir') ?? null,
  };
}

async function openPreferences(inventory: CookieInventory, uiLanguage: string) {
  const preferences = await fixture<CookiePreferences>(html`
    <cookie-preferences
      cookie-name=${uniqueCookieName()}
      .inventory=${inventory}
    ></cookie-preferences>
  `);
  await waitUntil(() => preferences.getAttribute('lang') === uiLanguage, `${uiLanguage} loaded`, {
    timeout: LANGUAGE_LOAD_MS,
  });
  preferences.show();
  await waitUntil(() => part(preferences, 'dialog')?.matches('[open]'), 'the dialog opens', {
    timeout: LANGUAGE_LOAD_MS,
  });
  // Every list open, so that every table is there.
  for (const details of preferences.shadowRoot!.querySelectorAll('details')) details.open = true;
  await preferences.updateComplete;
  const tables = [...preferences.shadowRoot!.querySelectorAll('cookie-table')];
  await tablesSettled(tables);
  return { preferences, tables };
}

/** The switches, by role, with the element their label's text is in. */
function switchesOf(preferences: CookiePreferences) {
  return [...preferences.shadowRoot!.querySelectorAll<HTMLInputElement>('input')].map((input) => ({
    input,
    name: visibleText(input.labels![0]),
    description: (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => preferences.shadowRoot!.getElementById(id))
      .find((element) => element?.localName === 'p'),
  }));
}

describe('inventory texts in another language than the interface (WCAG 3.1.2)', () => {
  usePageDefaults();
  warmUpAxe();
  warmUpLanguage('ar');
  warmUpLanguage('de');

  it('marks French texts in an Arabic interface with lang="fr" and dir="ltr"', async () => {
    setLanguageCookie('ar');
    const { preferences, tables } = await openPreferences(onlyIn(testInventory(), 'fr'), 'ar');
    expect(preferences.getAttribute('dir')).to.equal('rtl');

    const switches = switchesOf(preferences);
    expect(switches.map((item) => item.name)).to.deep.equal([
      'Cookies nécessaires',
      'Cookies statistiques',
      'Cookies publicitaires',
    ]);
    for (const { input, name, description } of switches) {
      // The switch's accessible name is French: the switch says so, and so does its label.
      expect(input.getAttribute('lang'), name).to.equal('fr');
      expect(languageOf(elementOf(input.labels![0], name)), name).to.deep.equal({
        lang: 'fr',
        dir: 'ltr',
      });
      expect(description, `${name} has a description`).to.exist;
      // The text as the inventory has it, with no white space of the template around it.
      expect(description!.textContent, `${name}'s description`).to.equal(visibleText(description));
      expect(languageOf(description!), `${name}'s description`).to.deep.equal({
        lang: 'fr',
        dir: 'ltr',
      });
    }

    for (const table of tables) {
      const caption = part(table, 'caption')!;
      expect(languageOf(elementOf(caption, visibleText(caption))), 'caption').to.deep.equal({
        lang: 'fr',
        dir: 'ltr',
      });
    }
    const statistics = tables.find((table) => table.getAttribute('category') === 'statistics')!;
    for (const text of ['Matomo', 'Mesure d’audience (tout le site)', 'Compter les visites.']) {
      const cell = elementOf(statistics.shadowRoot!, text);
      expect(cell.closest('[part~="cell"]'), `${text} is a cell`).to.exist;
      // Matomo is a plain string: its language is not known, and not claimed.
      const expected = text === 'Matomo' ? { lang: null, dir: null } : { lang: 'fr', dir: 'ltr' };
      expect(languageOf(cell), text).to.deep.equal(expected);
    }
    // Text of the interface stays Arabic, as the element says.
    const header = statistics.shadowRoot!.querySelector('[part~="header"]')!;
    expect(languageOf(header)).to.deep.equal({ lang: null, dir: null });
    // The names in the disclosures' summaries too.
    for (const summary of preferences.shadowRoot!.querySelectorAll('summary')) {
      const name = summary.querySelector('bdi');
      expect(name, visibleText(summary)).to.exist;
      expect(languageOf(name!), visibleText(summary)).to.deep.equal({ lang: 'fr', dir: 'ltr' });
    }
    await expect(preferences).to.be.accessible();
  });

  it('marks English texts in a German interface with lang="en" only', async () => {
    setLanguageCookie('de');
    const { preferences, tables } = await openPreferences(onlyIn(testInventory(), 'en'), 'de');
    for (const { input, name, description } of switchesOf(preferences)) {
      expect(input.getAttribute('lang'), name).to.equal('en');
      expect(languageOf(elementOf(input.labels![0], name)), name).to.deep.equal({
        lang: 'en',
        dir: null,
      });
      // Left to right, as German is: its direction is left to the text (`auto`).
      expect(languageOf(description!).lang, `${name}'s description`).to.equal('en');
      expect(languageOf(description!).dir, `${name}'s description`).to.not.equal('rtl');
    }
    const purpose = elementOf(
      tables[0].shadowRoot!,
      'Remember the user from one page to the next.',
    );
    expect(languageOf(purpose)).to.deep.equal({ lang: 'en', dir: null });
    await expect(preferences).to.be.accessible();
  });

  it('marks nothing when the inventory speaks the interface’s language', async () => {
    setLanguageCookie('de');
    const { preferences, tables } = await openPreferences(testInventory(), 'de');
    // German is missing from it: English is the visitor's next language, and marked.
    expect(switchesOf(preferences)[0].input.getAttribute('lang')).to.equal('en');
    setLanguageCookie('fr');
    await waitUntil(() => preferences.getAttribute('lang') === 'fr', 'French loaded', {
      timeout: LANGUAGE_LOAD_MS,
    });
    await preferences.updateComplete;
    await tablesSettled(tables);
    // The element says French; nothing inside says otherwise.
    expect(preferences.getAttribute('lang')).to.equal('fr');
    for (const { input, name } of switchesOf(preferences)) {
      expect(input.hasAttribute('lang'), name).to.equal(false);
      expect(languageOf(elementOf(input.labels![0], name)).lang, name).to.equal(null);
    }
    const purpose = elementOf(
      tables[0].shadowRoot!,
      'Se souvenir de l’utilisateur d’une page à une autre.',
    );
    expect(purpose.closest('[lang]')?.getAttribute('lang') ?? null).to.equal(null);
  });

  it('marks the placeholder of embedded content in an Arabic interface', async () => {
    setLanguageCookie('ar');
    const inventory = onlyIn(mediaInventory(), 'fr');
    const vendors = inventory.vendors!.map((vendor) =>
      vendor.id === 'youtube' ? { ...vendor, label: { fr: 'Vidéos YouTube' } } : vendor,
    );
    const embed = await fixture<CookieEmbed>(html`
      <cookie-embed
        vendor="youtube"
        cookie-name=${uniqueCookieName()}
        .inventory=${{ ...inventory, vendors }}
        ><template><p>Content</p></template></cookie-embed
      >
    `);
    await waitUntil(
      () => embed.getAttribute('lang') === 'ar' && part(embed, 'placeholder'),
      'Arabic',
      {
        timeout: LANGUAGE_LOAD_MS,
      },
    );
    const description = part(embed, 'description')!;
    expect(description.textContent).to.equal(
      'Lecteur vidéo de Google, sans cookie tant que la vidéo n’est pas lancée.',
    );
    expect(languageOf(elementOf(description, visibleText(description)))).to.deep.equal({
      lang: 'fr',
      dir: 'ltr',
    });
    for (const name of ['title', 'notice', 'load-button']) {
      const vendor = part(embed, name)!.querySelector('bdi');
      expect(visibleText(vendor), name).to.equal('Vidéos YouTube');
      expect(languageOf(vendor!), name).to.deep.equal({ lang: 'fr', dir: 'ltr' });
    }
    await expect(embed).to.be.accessible();
  });
});
