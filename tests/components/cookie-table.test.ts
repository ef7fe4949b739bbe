import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/index.js';
import type { CookieInventory, CookieTable } from '../../src/index.js';
import { captureConsole } from '../support/console.js';
import { expectSame, part, visibleText } from '../support/dom.js';
import { testInventory } from '../support/inventories.js';
import {
  LANGUAGE_LOAD_MS,
  setLanguageCookie,
  tablesSettled,
  usePageDefaults,
  warmUpAxe,
  warmUpLanguage,
} from '../support/page.js';

async function showTable(
  inventory: unknown = testInventory(),
  attributes: { category?: string; duration?: boolean; party?: boolean } = {},
): Promise<CookieTable> {
  const table = await fixture<CookieTable>(html`
    <cookie-table
      category=${ifDefined(attributes.category)}
      ?show-duration=${attributes.duration}
      ?show-party=${attributes.party}
      .inventory=${inventory}
    ></cookie-table>
  `);
  await tablesSettled([table]);
  return table;
}

function headers(table: CookieTable): string[] {
  return [...table.shadowRoot!.querySelectorAll('thead th')].map(visibleText);
}

function rows(table: CookieTable): string[][] {
  return [...table.shadowRoot!.querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('td')].map(visibleText),
  );
}

function caption(table: CookieTable): string {
  return visibleText(table.shadowRoot!.querySelector('table > caption'));
}

function cookieNamesShown(table: CookieTable): string[] {
  return rows(table).map((cells) => cells[2]);
}

describe('<cookie-table>', () => {
  usePageDefaults();
  warmUpAxe();
  warmUpLanguage('fr');

  describe('structure', () => {
    it('is a <table> with a <caption> and column headers in the seed’s columns', async () => {
      const table = await showTable();
      const element = part(table, 'table')!;
      expect(element.localName).to.equal('table');
      expect(caption(table)).to.equal('Cookies used on this site');
      const ths = [...table.shadowRoot!.querySelectorAll('thead th')];
      expect(ths.map((th) => th.getAttribute('scope'))).to.deep.equal(['col', 'col', 'col', 'col']);
      expect(headers(table)).to.deep.equal([
        'Provider',
        'Service and location',
        'Cookie name',
        'Purposes',
      ]);
    });

    it('has one row per cookie, with its texts in the visitor’s language', async () => {
      const table = await showTable();
      expect(cookieNamesShown(table)).to.deep.equal([
        'sessionid',
        'csrftoken',
        '_pk_id',
        'ad_id',
        'ad_seen',
      ]);
      expect(rows(table)[0]).to.deep.equal([
        'Opendatasoft',
        'Authentication (front and back office)',
        'sessionid',
        'Remember the user from one page to the next.',
      ]);
    });

    it('passes axe', async () => {
      const table = await showTable(testInventory(), { duration: true, party: true });
      await expect(table).to.be.accessible();
    });
  });

  describe('the category attribute', () => {
    it('shows only that category’s cookies, captioned with its label', async () => {
      const inventory = testInventory();
      const container = await fixture<HTMLDivElement>(html`
        <div>
          <cookie-table category="necessary" .inventory=${inventory}></cookie-table>
          <cookie-table category="marketing" .inventory=${inventory}></cookie-table>
        </div>
      `);
      const [necessary, marketing] = container.querySelectorAll('cookie-table');
      await necessary.updateComplete;
      await marketing.updateComplete;
      expect(caption(necessary)).to.equal('Necessary cookies');
      expect(cookieNamesShown(necessary)).to.deep.equal(['sessionid', 'csrftoken']);
      expect(caption(marketing)).to.equal('Advertising cookies');
      expect(cookieNamesShown(marketing)).to.deep.equal(['ad_id', 'ad_seen']);
    });

    it('follows a change of category', async () => {
      const table = await showTable(testInventory(), { category: 'necessary' });
      table.category = 'statistics';
      await table.updateComplete;
      expect(table.getAttribute('category')).to.equal('statistics');
      expect(cookieNamesShown(table)).to.deep.equal(['_pk_id']);
    });

    it('says so when the category has no cookie', async () => {
      const inventory = testInventory();
      const table = await showTable(
        { ...inventory, cookies: inventory.cookies!.filter((c) => c.category !== 'statistics') },
        { category: 'statistics' },
      );
      expect(rows(table)).to.deep.equal([]);
      expect(visibleText(part(table, 'empty'))).to.equal('No cookie is listed here.');
    });

    it('reports a category the inventory lacks, once, and shows no table', async () => {
      let table!: CookieTable;
      const { error: calls } = await captureConsole(async () => {
        table = await showTable(testInventory(), { category: 'unknown' });
        // Rendering again (a language change, a decision) does not report it again.
        table.requestUpdate();
        await table.updateComplete;
      });
      expect(calls).to.have.length(1);
      expect(String(calls[0][0])).to.contain('"unknown"');
      expectSame(table.shadowRoot!.querySelector('table'), null, 'the table');
    });

    it('reports each missing category it is given, each once', async () => {
      const table = await showTable(testInventory(), { category: 'necessary' });
      const { error: calls } = await captureConsole(async () => {
        for (const category of ['unknown', 'unknown', 'other', 'necessary', 'unknown']) {
          table.category = category;
          await table.updateComplete;
          table.requestUpdate();
          await table.updateComplete;
        }
      });
      expect(calls.map((call) => String(call[0]))).to.deep.equal([
        '<cookie-table>: category "unknown" is not in the inventory',
        '<cookie-table>: category "other" is not in the inventory',
        '<cookie-table>: category "unknown" is not in the inventory',
      ]);
      expect(cookieNamesShown(table)).to.deep.equal([]);
    });

    it('lets the caption attribute replace the caption', async () => {
      const table = await fixture<CookieTable>(html`
        <cookie-table caption="Our cookies" .inventory=${testInventory()}></cookie-table>
      `);
      expect(caption(table)).to.equal('Our cookies');
    });
  });

  describe('optional columns', () => {
    it('show-duration adds the duration, formatted in English', async () => {
      const table = await showTable(testInventory(), { duration: true });
      expect(headers(table)).to.have.length(5);
      expect(headers(table)[4]).to.equal('Duration');
      expect(rows(table).map((cells) => cells[4])).to.deep.equal([
        '2 weeks',
        'Session',
        '13 months',
        '1 year',
        '30 days',
      ]);
    });

    it('formats a duration of several units as a list', async () => {
      const inventory = testInventory();
      const table = await showTable(
        {
          ...inventory,
          cookies: [{ ...inventory.cookies![0], duration: { years: 1, months: 1, days: 2 } }],
        },
        { duration: true },
      );
      expect(rows(table)[0][4]).to.equal('1 year, 1 month, 2 days');
    });

    it('show-party adds who sets each cookie', async () => {
      const inventory = testInventory();
      const table = await showTable(
        {
          ...inventory,
          cookies: [...inventory.cookies!, { name: 'unknown_party', category: 'marketing' }],
        },
        { party: true },
      );
      expect(headers(table)).to.deep.equal([
        'Provider',
        'Service and location',
        'Cookie name',
        'Purposes',
        'Set by',
      ]);
      expect(rows(table).map((cells) => cells[4])).to.deep.equal([
        'This site (first party)',
        'This site (first party)',
        'This site (first party)',
        'Third party',
        'This site (first party)',
        '',
      ]);
    });
  });

  describe('in French', () => {
    it('titles its columns as the seed does, with durations in French', async () => {
      setLanguageCookie('fr');
      const table = await showTable(testInventory(), { duration: true, party: true });
      await waitUntil(() => headers(table)[0] === 'Nom du prestataire', 'the table is in French', {
        timeout: LANGUAGE_LOAD_MS,
      });
      expect(headers(table)).to.deep.equal([
        'Nom du prestataire',
        'Service et emplacement',
        'Nom du cookie',
        'Finalités',
        'Durée de conservation',
        'Émetteur',
      ]);
      expect(caption(table)).to.equal('Cookies utilisés sur ce site');
      const durations = rows(table).map((cells) => cells[4]);
      expect(durations).to.deep.equal(['2 semaines', 'Session', '13 mois', '1 an', '30 jours']);
      expect(rows(table)[0][1]).to.equal('Authentification (front et back office)');
      expect(rows(table)[3][5]).to.equal('Tiers');
      await expect(table).to.be.accessible();
    });
  });

  describe('in a language whose unit names the engine may lack', () => {
    it('marks a duration with the language its words are in (Irish)', async () => {
      setLanguageCookie('ga');
      const table = await showTable(testInventory(), { duration: true });
      await waitUntil(
        () => ![undefined, 'Provider'].includes(headers(table)[0]),
        'the table is in Irish',
        {
          timeout: LANGUAGE_LOAD_MS,
        },
      );
      // What this engine's Intl words "13 months" in for Irish: Irish in
      // Firefox and WebKit, English in Chromium, which has no Irish unit names.
      const intl = new Intl.NumberFormat('ga', {
        style: 'unit',
        unit: 'month',
        unitDisplay: 'long',
      });
      const worded = intl.resolvedOptions().locale;
      const cell = table.shadowRoot!.querySelectorAll('tbody tr')[2].querySelectorAll('td')[4];
      expect(visibleText(cell)).to.equal(intl.format(13));
      const marked = cell.querySelector('bdi')!.getAttribute('lang') ?? 'ga';
      expect(marked.split('-')[0], `the language of "${intl.format(13)}"`).to.equal(
        worded.split('-')[0],
      );
    });
  });

  describe('inventory texts', () => {
    it('are rendered as text, never as HTML', async () => {
      const payload = '<img src=x onerror="window.__cookieTableXss = true">';
      const inventory: CookieInventory = {
        categories: [{ id: 'necessary', required: true, label: payload }],
        cookies: [
          {
            name: payload,
            category: 'necessary',
            provider: payload,
            service: { en: payload },
            purpose: payload,
            duration: payload,
          },
        ],
      };
      const table = await showTable(inventory, { category: 'necessary', duration: true });
      const root = table.shadowRoot!;
      expectSame(root.querySelector('img'), null, 'an img element');
      expect(caption(table)).to.equal(payload);
      expect(rows(table)[0]).to.deep.equal([payload, payload, payload, payload, payload]);
      expect((window as { __cookieTableXss?: boolean }).__cookieTableXss).to.equal(undefined);
    });

    it('are shown anew when the inventory is replaced', async () => {
      const table = await showTable();
      expect(rows(table)).to.have.length(5);
      const inventory = testInventory(2);
      table.inventory = {
        ...inventory,
        cookies: [{ ...inventory.cookies![0], name: 'renamed', provider: 'Someone else' }],
      };
      await table.updateComplete;
      expect(rows(table)).to.have.length(1);
      expect(rows(table)[0].slice(0, 3)).to.deep.equal([
        'Someone else',
        'Authentication (front and back office)',
        'renamed',
      ]);
    });
  });

  describe('on a narrow box', () => {
    function scroller(table: CookieTable): HTMLElement {
      return part(table, 'scroller')!;
    }

    it('lets the keyboard scroll the table: the scroller is a named, focusable region', async () => {
      const table = await showTable(testInventory(), { duration: true, party: true });
      table.style.width = '200px';
      await waitUntil(
        () => scroller(table).getAttribute('tabindex') === '0',
        'the scroller becomes focusable',
        { timeout: 2000 },
      );
      const box = scroller(table);
      expect(box.scrollWidth).to.be.greaterThan(box.clientWidth);
      expect(box.getAttribute('role')).to.equal('region');
      const name = table.shadowRoot!.getElementById(box.getAttribute('aria-labelledby')!);
      expect(visibleText(name)).to.equal('Cookies used on this site');
      box.focus();
      expectSame(table.shadowRoot!.activeElement, box, 'focus');
      await expect(table).to.be.accessible();
    });

    it('keeps a wide box out of the tab order', async () => {
      const table = await showTable();
      table.style.width = '1000px';
      await table.updateComplete;
      // Give the resize observer the frames it needs to report.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await table.updateComplete;
      const box = scroller(table);
      expect(box.scrollWidth).to.be.at.most(box.clientWidth + 1);
      expect(box.hasAttribute('tabindex')).to.equal(false);
      expect(box.hasAttribute('role')).to.equal(false);

      table.style.width = '200px';
      await waitUntil(() => box.getAttribute('tabindex') === '0', 'narrow: focusable', {
        timeout: 2000,
      });
      table.style.width = '1000px';
      await waitUntil(() => !box.hasAttribute('tabindex'), 'wide again: not focusable', {
        timeout: 2000,
      });
      expect(box.hasAttribute('role')).to.equal(false);
    });

    it('keeps tracking its width after it is moved in the page', async () => {
      const table = await showTable(testInventory(), { duration: true, party: true });
      const before = document.createElement('div');
      const after = document.createElement('div');
      table.before(before, after);
      table.style.width = '200px';
      await waitUntil(() => scroller(table).getAttribute('role') === 'region', 'narrow: a region', {
        timeout: 2000,
      });

      after.append(table);
      await table.updateComplete;
      table.style.width = '1000px';
      await waitUntil(() => !scroller(table).hasAttribute('role'), 'moved, wide: no region', {
        timeout: 2000,
      });
      table.style.width = '200px';
      await waitUntil(
        () => scroller(table).getAttribute('role') === 'region',
        'moved, narrow: a region again',
        { timeout: 2000 },
      );
      const box = scroller(table);
      expect(box.getAttribute('tabindex')).to.equal('0');
      const name = table.shadowRoot!.getElementById(box.getAttribute('aria-labelledby')!);
      expect(visibleText(name)).to.equal('Cookies used on this site');
    });
  });

  describe('an invalid inventory', () => {
    it('is reported once, naming the field, and no table is shown', async () => {
      const table = await showTable();
      const inventory = testInventory();
      const { error: calls } = await captureConsole(async () => {
        table.inventory = {
          ...inventory,
          cookies: [inventory.cookies![0], { ...inventory.cookies![1], party: 'fourth' }],
        };
        await table.updateComplete;
      });
      expect(calls).to.have.length(1);
      expect(String(calls[0][0])).to.contain('cookies[1].party');
      expectSame(table.shadowRoot!.querySelector('table'), null, 'the table');
    });
  });

  describe('vendors and storage', () => {
    function mixedInventory(): CookieInventory {
      return {
        categories: [{ id: 'media', label: 'Media' }],
        vendors: [
          { id: 'youtube', category: 'media', label: 'YouTube' },
          { id: 'osm', category: 'media', label: 'OpenStreetMap' },
        ],
        cookies: [
          { name: 'media_pref', category: 'media' },
          { name: 'VISITOR_INFO1_LIVE', category: 'media', vendor: 'youtube' },
          { name: 'yt-remote-*', category: 'media', vendor: 'youtube', storage: 'localStorage' },
          { name: 'osm_tab', category: 'media', vendor: 'osm', storage: 'sessionStorage' },
        ],
      };
    }

    it('vendor= shows one vendor’s items; an empty vendor, those that name none', async () => {
      const youtube = await fixture<CookieTable>(html`
        <cookie-table vendor="youtube" .inventory=${mixedInventory()}></cookie-table>
      `);
      await tablesSettled([youtube]);
      expect(cookieNamesShown(youtube)).to.deep.equal(['VISITOR_INFO1_LIVE', 'yt-remote-*']);
      const own = await fixture<CookieTable>(html`
        <cookie-table vendor="" .inventory=${mixedInventory()}></cookie-table>
      `);
      await tablesSettled([own]);
      expect(cookieNamesShown(own)).to.deep.equal(['media_pref']);
    });

    it('show-storage says where each item is kept', async () => {
      const table = await fixture<CookieTable>(html`
        <cookie-table show-storage .inventory=${mixedInventory()}></cookie-table>
      `);
      await tablesSettled([table]);
      expect(headers(table).at(-1)).to.equal('Stored in');
      expect(rows(table).map((cells) => cells.at(-1))).to.deep.equal([
        'Cookie',
        'Cookie',
        'Local storage',
        'Session storage',
      ]);
      await expect(table).to.be.accessible();
    });

    it('shows the storage in French', async () => {
      setLanguageCookie('fr');
      const table = await fixture<CookieTable>(html`
        <cookie-table show-storage .inventory=${mixedInventory()}></cookie-table>
      `);
      await waitUntil(
        () => headers(table).at(-1) === 'Lieu de stockage',
        'the table is in French',
        {
          timeout: LANGUAGE_LOAD_MS,
        },
      );
      expect(rows(table)[2].at(-1)).to.equal('Stockage local');
    });
  });
});
