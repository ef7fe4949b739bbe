import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { acceptAll, type CookiePreferences, type CookieTable } from '../../src/index.js';
import { uniqueCookieName } from '../support/cookies.js';
import { part, rulesInMedia, visibleText } from '../support/dom.js';
import { bigInventory } from '../support/inventories.js';
import { usePageDefaults, warmUpAxe } from '../support/page.js';

/** Long enough to be built in many groups, short enough for three engines on a busy machine. */
const COOKIES = 5000;
/** Rows in three groups at least, some hidden until scrolled to. */
const AXE_COOKIES = 300;
/**
 * The dialog's long list: 1,200 rows in its second category, over the length
 * from which a list is checked after the first render. Fewer than the table's:
 * WebKit, beside two other engines on a busy 2-core machine, builds the rows
 * of a modal dialog's table at about a group of a hundred a second.
 */
const DIALOG_COOKIES = 2400;
/**
 * A bound on the waits for every row: they end as soon as the rows are there.
 * Under the tests' own `TEST_MS`, so that a wait that runs out names what it
 * waited for instead of the test's bare timeout.
 */
const ALL_ROWS_MS = 40000;
const TEST_MS = 60000;

function bodyRows(table: CookieTable): HTMLTableRowElement[] {
  return [...table.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
}

/** The rows a visitor can see, find and reach: laid out, not hidden. */
function shownRows(table: CookieTable): HTMLTableRowElement[] {
  return bodyRows(table).filter((row) => row.getClientRects().length > 0);
}

function cookieNames(rows: readonly HTMLTableRowElement[]): string[] {
  return rows.map((row) => visibleText(row.cells[2]));
}

function expectedNames(from: number, to: number): string[] {
  return Array.from({ length: to - from }, (_, n) => `cookie_${String(from + n).padStart(5, '0')}`);
}

/** What `check` returns in a task queued now, after those the page queued before. */
function inNextTask<T>(check: () => T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(check())));
}

/** Every row built, in the one table, under its caption and headers. */
async function allRowsBuilt(table: CookieTable, count: number): Promise<void> {
  await waitUntil(() => bodyRows(table).length === count, `all ${count} rows are built`, {
    timeout: ALL_ROWS_MS,
  });
  const tables = table.shadowRoot!.querySelectorAll('table');
  expect(tables.length, 'one table').to.equal(1);
  expect(bodyRows(table).every((row) => row.closest('table') === tables[0])).to.equal(true);
  expect(visibleText(tables[0].caption)).to.not.equal('');
  expect(tables[0].tHead!.querySelectorAll('th[scope="col"]').length).to.be.greaterThan(3);
}

/** Scrolls to the last row shown, as a visitor reading on does, until every row is shown. */
async function scrollThrough(table: CookieTable, count: number): Promise<void> {
  await waitUntil(
    () => {
      const shown = shownRows(table);
      shown[shown.length - 1]?.scrollIntoView({ block: 'end' });
      return shown.length === count;
    },
    `all ${count} rows are shown while scrolling`,
    { timeout: ALL_ROWS_MS },
  );
}

/** Records what changes inside the body rows of `roots` until `stop()` is called. */
function watchRows(roots: readonly ShadowRoot[]): { stop(): MutationRecord[] } {
  const records: MutationRecord[] = [];
  const inRows = (record: MutationRecord) => {
    const target = record.target instanceof Element ? record.target : record.target.parentElement;
    const nodes = [...record.addedNodes, ...record.removedNodes];
    return (
      target?.closest('tbody tr') !== null ||
      nodes.some(
        (node) => node instanceof Element && (node.matches('tbody tr') || node.querySelector('tr')),
      )
    );
  };
  const observer = new MutationObserver((list) => records.push(...list.filter(inRows)));
  for (const root of roots) {
    observer.observe(root, { subtree: true, childList: true, characterData: true });
  }
  return {
    stop() {
      records.push(...observer.takeRecords().filter(inRows));
      observer.disconnect();
      return records;
    },
  };
}

async function tableOf(count: number, cookieName = uniqueCookieName()): Promise<CookieTable> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const table = document.createElement('cookie-table');
  table.cookieName = cookieName;
  table.showDuration = true;
  table.inventory = bigInventory(count);
  container.append(table);
  await table.updateComplete;
  // A long list shows its rows once its cookies are checked, after the first render.
  await waitUntil(() => bodyRows(table).length > 0, 'the first rows', {
    timeout: ALL_ROWS_MS,
    interval: 0,
  });
  return table;
}

describe('<cookie-table> with thousands of cookies', function () {
  this.timeout(TEST_MS);
  usePageDefaults();
  warmUpAxe();

  it('shows its first rows once its cookies are checked and builds the others in later tasks, in order', async () => {
    const table = await tableOf(COOKIES);
    const first = bodyRows(table).length;
    expect(first, 'rows shown first').to.be.greaterThan(0);
    expect(first, 'rows shown first').to.be.lessThan(COOKIES);
    expect(cookieNames(bodyRows(table))).to.deep.equal(expectedNames(0, first));
    // The page's own task, queued now, runs before the last row is built.
    expect(await inNextTask(() => bodyRows(table).length)).to.be.lessThan(COOKIES);
    await allRowsBuilt(table, COOKIES);
    expect(cookieNames(bodyRows(table))).to.deep.equal(expectedNames(0, COOKIES));
  });

  it('shows more rows as the visitor scrolls to them, until every row is shown', async () => {
    const table = await tableOf(COOKIES);
    await allRowsBuilt(table, COOKIES);
    const shown = shownRows(table).length;
    expect(shown, 'rows shown before scrolling').to.be.greaterThan(0);
    expect(shown, 'rows shown before scrolling').to.be.lessThan(COOKIES);
    await scrollThrough(table, COOKIES);
    expect(cookieNames(shownRows(table))).to.deep.equal(expectedNames(0, COOKIES));
  });

  it('renders no row again after a decision', async () => {
    const cookieName = uniqueCookieName();
    const table = await tableOf(COOKIES, cookieName);
    await allRowsBuilt(table, COOKIES);
    await scrollThrough(table, COOKIES);
    const rows = bodyRows(table);
    const watch = watchRows([table.shadowRoot!]);
    expect(acceptAll(cookieName), 'the decision is recorded').to.not.equal(undefined);
    await table.updateComplete;
    await nextFrame();
    expect(watch.stop().length, 'changes inside the rows').to.equal(0);
    const after = bodyRows(table);
    expect(after.length).to.equal(rows.length);
    expect(
      after.every((row, index) => row === rows[index]),
      'the same rows',
    ).to.equal(true);
  });

  it('passes axe with some rows still hidden, then with all shown', async () => {
    // Few enough for axe to go over every cell in time in each engine.
    const table = await tableOf(AXE_COOKIES);
    await allRowsBuilt(table, AXE_COOKIES);
    expect(shownRows(table).length).to.be.lessThan(AXE_COOKIES);
    await expect(table).to.be.accessible();
    await scrollThrough(table, AXE_COOKIES);
    await expect(table).to.be.accessible();
  });
});

describe('<cookie-table> printed', () => {
  usePageDefaults();

  /** A table of rows in several groups, all built, the later ones not scrolled to. */
  async function builtNotScrolled(): Promise<CookieTable> {
    const table = await tableOf(AXE_COOKIES);
    await allRowsBuilt(table, AXE_COOKIES);
    expect(shownRows(table).length, 'rows on screen before scrolling').to.be.lessThan(AXE_COOKIES);
    return table;
  }

  // Every engine: the table's own print rules, applied as they stand. This is
  // how Firefox and WebKit are checked, whose drivers here cannot emulate print.
  it('its print rules show every row built, those not scrolled to included, and do not cut the table', async () => {
    const table = await builtNotScrolled();
    const root = table.shadowRoot!;
    const rules = rulesInMedia(root, 'print');
    expect(rules.length, 'the styles have print rules').to.be.above(0);
    const printed = new CSSStyleSheet();
    printed.replaceSync(rules.join('\n'));
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, printed];
    expect(cookieNames(shownRows(table))).to.deep.equal(expectedNames(0, AXE_COOKIES));
    // Nor is a wide table cut at the page's edge: its box does not scroll on paper.
    expect(getComputedStyle(part(table, 'scroller')!).overflowX).to.equal('visible');
  });

  if (navigator.userAgent.includes('Chrome/')) {
    it('prints every row with print media emulated (Chromium)', async () => {
      const table = await builtNotScrolled();
      await executeServerCommand('emulate-media', { media: 'print' });
      try {
        expect(matchMedia('print').matches, 'print media emulated').to.equal(true);
        expect(cookieNames(shownRows(table))).to.deep.equal(expectedNames(0, AXE_COOKIES));
      } finally {
        await executeServerCommand('emulate-media', { media: 'screen' });
      }
    });
  }
});

describe('<cookie-preferences> with thousands of cookies', function () {
  this.timeout(TEST_MS);
  usePageDefaults();
  warmUpAxe();

  async function openPreferences(count: number, cookieName = uniqueCookieName()) {
    const preferences = await fixture<CookiePreferences>(html`
      <cookie-preferences
        cookie-name=${cookieName}
        .inventory=${bigInventory(count)}
      ></cookie-preferences>
    `);
    preferences.show();
    await preferences.updateComplete;
    await waitUntil(() => part<HTMLDialogElement>(preferences, 'dialog')?.open, 'the dialog opens');
    // The lists of a long inventory show once its cookies are checked, after the first render.
    await waitUntil(() => preferences.shadowRoot!.querySelector('[part~="cookies"]'), 'the lists', {
      timeout: ALL_ROWS_MS,
    });
    return preferences;
  }

  /** The statistics category (the second half of the cookies) and its cookie list. */
  function statistics(preferences: CookiePreferences) {
    const category = preferences.shadowRoot!.querySelectorAll('[part~="category"]')[1];
    const list = category.querySelector<HTMLDetailsElement>('[part~="cookies"]')!;
    return { category, list, summary: list.querySelector('summary')! };
  }

  /** Expands the statistics cookies as a visitor does; resolves with their table, first rendered. */
  async function expandStatistics(preferences: CookiePreferences): Promise<CookieTable> {
    const { list, summary } = statistics(preferences);
    expect(list.open, 'the long list starts collapsed').to.equal(false);
    summary.click();
    await waitUntil(() => list.querySelector('cookie-table'), 'the list renders its table');
    const table = list.querySelector<CookieTable>('cookie-table')!;
    await table.updateComplete;
    return table;
  }

  it('shows the first rows of an expanded category at once and builds the others in later tasks', async () => {
    const preferences = await openPreferences(DIALOG_COOKIES);
    const table = await expandStatistics(preferences);
    const half = DIALOG_COOKIES / 2;
    const first = bodyRows(table).length;
    expect(first, 'rows shown on expanding').to.be.greaterThan(0);
    expect(first, 'rows shown on expanding').to.be.lessThan(half);
    expect(await inNextTask(() => bodyRows(table).length)).to.be.lessThan(half);
    await allRowsBuilt(table, half);
    expect(cookieNames(bodyRows(table))).to.deep.equal(expectedNames(half, DIALOG_COOKIES));
    await scrollThrough(table, half);
    expect(cookieNames(shownRows(table))).to.deep.equal(expectedNames(half, DIALOG_COOKIES));
  });

  it('lets the keyboard go past an expanded long list to the buttons', async () => {
    const preferences = await openPreferences(DIALOG_COOKIES);
    const table = await expandStatistics(preferences);
    await allRowsBuilt(table, DIALOG_COOKIES / 2);
    expect(table.shadowRoot!.querySelector('tbody [tabindex], tbody a, tbody button')).to.equal(
      null,
    );
    statistics(preferences).summary.focus();
    const accept = part(preferences, 'accept-button')!;
    // The table's box takes focus when it scrolls sideways; nothing else does.
    for (let press = 0; press < 2 && preferences.shadowRoot!.activeElement !== accept; press++) {
      await sendKeys({ press: 'Tab' });
    }
    expect(preferences.shadowRoot!.activeElement === accept, 'focus on "Accept all"').to.equal(
      true,
    );
  });

  it('renders no row again when a switch is toggled', async () => {
    const preferences = await openPreferences(DIALOG_COOKIES);
    const table = await expandStatistics(preferences);
    await allRowsBuilt(table, DIALOG_COOKIES / 2);
    const tables = [...preferences.shadowRoot!.querySelectorAll<CookieTable>('cookie-table')];
    const watch = watchRows(tables.map((each) => each.shadowRoot!));
    const toggle =
      statistics(preferences).category.querySelector<HTMLInputElement>('[part~="switch"]')!;
    toggle.click();
    await preferences.updateComplete;
    await Promise.all(tables.map((each) => each.updateComplete));
    await nextFrame();
    expect(toggle.checked, 'the switch is on').to.equal(true);
    expect(watch.stop().length, 'changes inside the rows').to.equal(0);
  });

  it('passes axe with a long list expanded, partly and then fully shown', async () => {
    const preferences = await openPreferences(2 * AXE_COOKIES);
    const table = await expandStatistics(preferences);
    await allRowsBuilt(table, AXE_COOKIES);
    expect(shownRows(table).length).to.be.lessThan(AXE_COOKIES);
    await expect(preferences).to.be.accessible();
    await scrollThrough(table, AXE_COOKIES);
    await expect(preferences).to.be.accessible();
  });
});
