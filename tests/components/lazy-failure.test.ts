/**
 * When the dialog's or the table's module cannot be loaded (a chunk gone after
 * a deploy, a network fault), nothing throws into the page, the banner still
 * decides, and the visitor still reaches the choices: "Customise" and "Manage
 * cookies" links go to their page, which loads the library afresh.
 *
 * The page loads the library from `/faulty/`, where the test server fails
 * the lazy modules (web-test-runner.config.mjs): URLs no other test file
 * uses, so that no engine's cache mixes the two.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CookieBanner } from '../../src/index.js';
import { captureConsole } from '../support/console.js';
import { readCookie, uniqueCookieName } from '../support/cookies.js';
import { part } from '../support/dom.js';
import { bigInventory, testInventory } from '../support/inventories.js';
import { usePageDefaults } from '../support/page.js';

interface PageApi {
  openPreferences(): Promise<boolean>;
}

/** The unhandled promise rejections of the page while `action` runs. */
async function unhandledRejections(action: () => Promise<unknown>): Promise<unknown[]> {
  const reasons: unknown[] = [];
  let last: Promise<never> | undefined;
  let lastSeen = false;
  const listener = (event: PromiseRejectionEvent) => {
    if (event.promise !== last) return void reasons.push(event.reason);
    lastSeen = true;
    // Not one of the page's: kept from the console.
    event.preventDefault();
  };
  window.addEventListener('unhandledrejection', listener);
  try {
    await action();
    // Rejections are reported after the microtasks that could have handled them,
    // in the order they were rejected: one left unhandled now is reported after
    // any of the action's.
    last = Promise.reject(new Error('the last rejection of this check'));
    // The test runner reports a stray rejection through the promise's catch():
    // this one is the test's own, not a stray one.
    last.catch = () => last!;
    await waitUntil(() => lastSeen, 'the last rejection was not reported');
  } finally {
    window.removeEventListener('unhandledrejection', listener);
  }
  return reasons;
}

describe('a lazy module that cannot be loaded', () => {
  usePageDefaults();
  before(async () => {
    const entry = '/faulty/src/cookie-consent.ts';
    await import(entry);
    // The entry defines the banner once the page has painted, as a host's own code awaits it.
    await customElements.whenDefined('cookie-banner');
  });

  beforeEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
  });

  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('sends "Customise" to the cookie policy, and the banner still decides', async () => {
    const name = uniqueCookieName();
    const banner = await fixture<CookieBanner>(
      html`<cookie-banner
        cookie-name=${name}
        policy-href="#cookie-policy"
        .inventory=${testInventory()}
      ></cookie-banner>`,
    );
    await banner.updateComplete;
    let errors: unknown[][] = [];
    const rejections = await unhandledRejections(async () => {
      errors = (
        await captureConsole(async () => {
          part(banner, 'customise-button')!.click();
          await waitUntil(() => location.hash === '#cookie-policy', 'went to the policy', {
            timeout: 5000,
          });
        })
      ).error;
    });
    expect(rejections).to.deep.equal([]);
    expect(errors.map((args) => String(args[0]))).to.deep.equal([
      'cookie consent: could not load <cookie-preferences>',
    ]);
    expect(customElements.get('cookie-preferences')).to.equal(undefined);

    part(banner, 'accept-button')!.click();
    expect(readCookie(name), 'the decision is stored').to.be.a('string');
    await banner.updateComplete;
    expect(part(banner, 'accept-button'), 'the banner is gone').to.equal(null);
  });

  it('lets a "Manage cookies" link lead where it points', async () => {
    const link = await fixture<HTMLAnchorElement>(
      html`<a href="#manage-cookies" data-cookie-preferences>Manage cookies</a>`,
    );
    const { error: errors } = await captureConsole(async () => {
      link.click();
      // Not at once: the link follows only once the dialog is known not to load.
      expect(location.hash).to.equal('');
      await waitUntil(() => location.hash === '#manage-cookies', 'followed the link', {
        timeout: 5000,
      });
    });
    expect(errors.map((args) => String(args[0]))).to.deep.equal([
      'cookie consent: could not load <cookie-preferences>',
    ]);
  });

  it('follows neither a bare "#" nor a javascript: link', async () => {
    const page = window as unknown as { linkRan?: boolean };
    const container = await fixture<HTMLDivElement>(
      html`<div><a href="#" data-cookie-preferences>Manage cookies</a></div>`,
    );
    // Written without the template, whose linter rightly refuses such a link.
    const scripted = document.createElement('a');
    scripted.href = 'javascript:window.linkRan = true';
    scripted.dataset.cookiePreferences = '';
    scripted.textContent = 'Manage cookies';
    container.append(scripted);
    const api = (window as unknown as { cookieConsent: PageApi }).cookieConsent;
    const { error: errors } = await captureConsole(async ({ error: calls }) => {
      for (const link of container.querySelectorAll('a')) link.click();
      // One load for both clicks, so one failure reported.
      await waitUntil(() => calls.length > 0, 'the failure reported', { timeout: 5000 });
      // A load asked for now, once the first failed, is reported after any load
      // the second click would have started: the dialog's page API resolves after it.
      expect(await api.openPreferences()).to.equal(false);
    });
    expect(errors, 'one report for both clicks, one for the page API').to.have.length(2);
    // Following "#" would leave the URL ending in "#" (its hash stays empty).
    expect(location.href.endsWith('#'), location.href).to.equal(false);
    expect(page.linkRan).to.equal(undefined);
  });

  it("resolves the page API's openPreferences() with false, without throwing", async () => {
    const api = (window as unknown as { cookieConsent: PageApi }).cookieConsent;
    let shown: boolean | undefined;
    const rejections = await unhandledRejections(async () => {
      await captureConsole(async () => {
        shown = await api.openPreferences();
      });
    });
    expect(shown).to.equal(false);
    expect(rejections).to.deep.equal([]);
  });

  it('reports a table that cannot be loaded, and throws nothing', async () => {
    let errors: unknown[][] = [];
    const rejections = await unhandledRejections(async () => {
      errors = (
        await captureConsole(async ({ error: calls }) => {
          await fixture(
            html`<cookie-table .inventory=${testInventory()} category="necessary"></cookie-table>`,
          );
          await waitUntil(() => calls.length > 0, 'the failure is reported', { timeout: 5000 });
        })
      ).error;
    });
    expect(rejections).to.deep.equal([]);
    expect(errors.map((args) => String(args[0]))).to.deep.equal([
      'cookie consent: could not load <cookie-table>',
    ]);
    expect(customElements.get('cookie-table')).to.equal(undefined);
  });

  it('reports once that the rules of vendors cannot be loaded, and neither retries nor grants', async () => {
    const name = uniqueCookieName();
    const api = (
      window as unknown as {
        cookieConsent: PageApi & {
          hasConsent(id: string, name: string): boolean;
          setInventory(inventory: unknown, name: string): unknown;
          rejectAll(name: string): unknown;
        };
      }
    ).cookieConsent;
    const { error: errors } = await captureConsole(async ({ error: calls }) => {
      const inventory = { ...testInventory(), vendors: [{ id: 'maps', category: 'marketing' }] };
      const banner = await fixture<CookieBanner>(
        html`<cookie-banner cookie-name=${name} .inventory=${inventory}></cookie-banner>`,
      );
      // A refusal asked for while they are on their way, or after they failed,
      // is reported with the failure, not kept forever nor dropped in silence.
      expect(api.rejectAll(name)).to.equal(undefined);
      await waitUntil(() => calls.length > 1, 'the failure is reported', { timeout: 5000 });
      // Asked again for the rules, the store would try again, had it to. A load
      // asked for after that is reported after it: the page API resolves then.
      api.setInventory(inventory, name);
      expect(await api.openPreferences()).to.equal(false);
      // Nothing can be decided without the rules: the banner does not ask, nothing is granted.
      await banner.updateComplete;
      expect(part(banner, 'accept-button')).to.equal(null);
      expect(api.hasConsent('maps', name)).to.equal(false);
    });
    expect(errors.map((args) => String(args[0]))).to.deep.equal([
      'cookie consent: could not load the rules of vendors',
      'cookie consent: "reject-all" ignored, the store has no inventory it could take',
      'cookie consent: could not load <cookie-preferences>',
    ]);
  });

  /**
   * A banner given `inventory`, once the console has reported something: the
   * errors it wrote, and the page's unhandled rejections meanwhile.
   */
  async function bannerReporting(inventory: unknown, cookieName = uniqueCookieName()) {
    let banner!: CookieBanner;
    let errors: unknown[][] = [];
    const rejections = await unhandledRejections(async () => {
      errors = (
        await captureConsole(async ({ error: calls }) => {
          banner = await fixture<CookieBanner>(
            html`<cookie-banner cookie-name=${cookieName} .inventory=${inventory}></cookie-banner>`,
          );
          await waitUntil(() => calls.length > 0, 'something is reported', { timeout: 5000 });
        })
      ).error;
    });
    return { banner, errors, rejections };
  }

  it('reports an invalid inventory by its paths when the words cannot be loaded, and throws nothing', async () => {
    const { banner, errors, rejections } = await bannerReporting({ categories: [] });
    expect(rejections).to.deep.equal([]);
    expect(errors).to.have.length(1);
    expect(String(errors[0][0])).to.equal('<cookie-banner>: invalid cookie inventory');
    expect(errors[0][1]).to.deep.equal([['categories', 'nonEmptyArray']]);
    expect(part(banner, 'accept-button')).to.equal(null);
  });

  it('keeps the banner of a long cookie list whose check cannot be loaded, and throws nothing', async () => {
    const name = uniqueCookieName();
    const { banner, errors, rejections } = await bannerReporting(bigInventory(1500), name);
    expect(rejections).to.deep.equal([]);
    expect(errors.map((args) => String(args[0]))).to.deep.equal([
      '<cookie-banner>: could not load the check of its cookie list',
    ]);
    // Its categories passed: the banner still asks, and a refusal sticks.
    part(banner, 'reject-button')!.click();
    expect(readCookie(name), 'the decision is stored').to.be.a('string');
  });
});
