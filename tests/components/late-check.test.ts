import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import '../../src/index.js';
import type { CookieBanner, CookieInventory, CookieTable } from '../../src/index.js';
import { captureConsole, consoleLine } from '../support/console.js';
import { readCookie, setCookie, uniqueCookieName } from '../support/cookies.js';
import { storedDecision } from '../support/decision.js';
import { part } from '../support/dom.js';
import { recordConsentChanges } from '../support/events.js';
import { bigInventory } from '../support/inventories.js';
import { usePageDefaults } from '../support/page.js';

/** Past the length from which the cookie list is checked after the first render. */
const COOKIES = 3000;
/** A bound on the waits for the check: they end as soon as it is done. */
const CHECK_MS = 20000;

function region(banner: CookieBanner): HTMLElement | null {
  return banner.shadowRoot!.querySelector<HTMLElement>('[role="region"]');
}

function bodyRows(table: CookieTable): number {
  return table.shadowRoot!.querySelectorAll('tbody tr').length;
}

/**
 * A banner and a table over the same long inventory, as a cookie policy page
 * has them, rendered so that no task runs between their connection and their
 * first render: the check may start in the first task after a tenth of a
 * second without a frame, and a browser that draws frames slowly (WebKit
 * beside two other engines on two cores) let it finish before the test
 * looked. So the page has painted its content first (until then the banner's
 * first render waits for a frame, after-first-paint.ts), and the two are
 * rendered into it at once (`fixture` of them would wait for a frame).
 * `atFirstRender` runs as soon as the banner has rendered.
 */
async function bannerAndTable(
  inventory: CookieInventory,
  cookieName = uniqueCookieName(),
  atFirstRender = (_banner: CookieBanner) => {},
) {
  const container = await fixture<HTMLDivElement>(html`<div><h1>Cookies</h1></div>`);
  await waitUntil(
    () => performance.getEntriesByType('paint').length > 0,
    'the page has painted its content',
  );
  render(
    html`
      <cookie-banner cookie-name=${cookieName} .inventory=${inventory}></cookie-banner>
      <cookie-table cookie-name=${cookieName} .inventory=${inventory}></cookie-table>
    `,
    container,
  );
  const banner = container.querySelector<CookieBanner>('cookie-banner')!;
  const table = container.querySelector<CookieTable>('cookie-table')!;
  await banner.updateComplete;
  atFirstRender(banner);
  await table.updateComplete;
  return { banner, table, cookieName };
}

/** The inventory with `cookies[index]` in no category. */
function withBadCookie(inventory: CookieInventory, index: number): CookieInventory {
  const cookies = [...inventory.cookies!];
  cookies[index] = { ...cookies[index], category: 'nowhere' };
  return { ...inventory, cookies };
}

/**
 * `inventory` with one cookie in a hundred slow to read (3 ms a read, as on a
 * slow device; `onRead` is told of each): its check takes ninety milliseconds
 * at least, over many tasks, so that a test acts surely before it ends.
 */
function slowToCheck(inventory: CookieInventory, onRead = () => {}): CookieInventory {
  const cookies = inventory.cookies!.map((cookie, index) => {
    if (index % 100 !== 0) return cookie;
    const { name, ...rest } = cookie;
    return Object.defineProperty(rest, 'name', {
      enumerable: true,
      get() {
        onRead();
        const until = performance.now() + 3;
        while (performance.now() < until) {
          // Busy.
        }
        return name;
      },
    }) as typeof cookie;
  });
  return { ...inventory, cookies };
}

describe('a long cookie list', () => {
  usePageDefaults();

  it('shows the banner at once, and the table its rows once the cookies are checked', async () => {
    const { banner, table } = await bannerAndTable(bigInventory(COOKIES));
    expect(region(banner), 'the banner, at its first render').to.not.equal(null);
    expect(bodyRows(table), 'rows before the check').to.equal(0);
    await waitUntil(() => bodyRows(table) > 0, 'the table shows rows', { timeout: CHECK_MS });
    expect(region(banner), 'the banner, after the check').to.not.equal(null);
  });

  it('reports a bad cookie deep in the list at its path, then shows nothing', async () => {
    const calls = await captureConsole(async (seen) => {
      const { banner, table } = await bannerAndTable(
        withBadCookie(bigInventory(COOKIES), 2500),
        undefined,
        (rendered) => {
          expect(seen.error, 'errors at the first render').to.deep.equal([]);
          expect(region(rendered), 'the banner, at its first render').to.not.equal(null);
        },
      );
      await waitUntil(() => region(banner) === null, 'the banner hides', { timeout: CHECK_MS });
      await table.updateComplete;
      expect(table.shadowRoot!.querySelector('table'), "the table's table").to.equal(null);
    });
    const lines = calls.error.map(consoleLine);
    const line = '  cookies[2500].category: "nowhere" is not a category';
    // Each element given the inventory says so, as for any invalid inventory.
    expect(lines.length).to.be.greaterThan(0);
    for (const each of lines) {
      expect(each).to.contain('invalid cookie inventory, nothing is shown until it is fixed');
      expect(each.split('\n').slice(1), 'the problems listed').to.deep.equal([line]);
    }
  });

  it('keeps a decision taken before the check, even when the check then fails', async () => {
    const events = recordConsentChanges();
    await captureConsole(async () => {
      const { banner, cookieName } = await bannerAndTable(
        slowToCheck(withBadCookie(bigInventory(COOKIES), COOKIES - 1)),
      );
      part(banner, 'accept-button')!.click();
      expect(storedDecision(cookieName)?.categories.statistics, 'stored at once').to.equal(true);
      await waitUntil(() => region(banner) === null, 'the check fails', { timeout: CHECK_MS });
      expect(storedDecision(cookieName)?.categories.statistics, 'still stored').to.equal(true);
    });
    events.stop();
    expect(events.events.map((event) => event.detail.action)).to.deep.equal(['accept-all']);
  });

  it('removes the cookies refused before the check only once the list passed it', async () => {
    const refused = `cookie_${String(COOKIES - 1).padStart(5, '0')}`;
    setCookie(refused, '1');
    const { banner, table, cookieName } = await bannerAndTable(slowToCheck(bigInventory(COOKIES)));
    part(banner, 'reject-button')!.click();
    expect(storedDecision(cookieName)?.categories.statistics, 'the refusal').to.equal(false);
    expect(readCookie(refused), 'an unchecked list removes nothing').to.equal('1');
    await waitUntil(() => bodyRows(table) > 0, 'the check passes', { timeout: CHECK_MS });
    await waitUntil(() => readCookie(refused) === undefined, 'the refused cookie is removed');
  });

  it('is checked in short tasks, between which the page runs its own', async () => {
    let pageRan = false;
    /** Reads of a slow cookie that came after a task of the page's own. */
    let readsAfterPageTask = 0;
    const inventory = slowToCheck(bigInventory(COOKIES), () => {
      if (pageRan) readsAfterPageTask++;
      pageRan = false;
    });
    const { table } = await bannerAndTable(inventory);
    // The page's own tasks, one after another, until the rows show (the check has passed).
    await new Promise<void>((done) => {
      const tick = () => {
        pageRan = true;
        if (bodyRows(table) > 0) done();
        else setTimeout(tick);
      };
      setTimeout(tick);
    });
    // In one task, the check's reads would follow a task of the page once, and the
    // table's first render once more. How long each task took depends on the
    // machine's load: what is asserted is that they took turns.
    expect(readsAfterPageTask, 'reads of the list between tasks of the page').to.be.greaterThan(3);
  });
});
