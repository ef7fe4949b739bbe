/**
 * Google Consent Mode, as Google's tags see it: what the page's `dataLayer`
 * holds. The defaults come from dist/consent-mode-default.js (its source is
 * loaded here as a module; tests/e2e/consent-mode-default.test.mjs runs the
 * classic script it is built into); the library pushes
 * `update` for the decision in force and for each change, each followed by a
 * `cookie_consent_update` event.
 */
import { expect, waitUntil } from '@open-wc/testing';
import {
  acceptAll,
  rejectAll,
  resetConsent,
  saveConsent,
  setInventory,
} from '../../src/consent/api.js';
import { serializeDecision } from '../../src/consent/decision-cookie.js';
import { consentModeStates } from '../../src/consent/google-consent-mode.js';
import type { CookieInventory } from '../../src/consent/inventory.js';
import { findInventoryProblems } from '../../src/consent/inventory-problems.js';
import {
  args,
  consentModeInventory,
  DEFAULTS,
  page,
  pushDefaults,
  updates,
} from './consent-mode-support.js';
import { setCookie, uniqueCookieName } from '../support/cookies.js';
import { captureConsole, consoleLine } from '../support/console.js';
import { sampleInventory } from '../support/inventories.js';

/**
 * Waits until the dataLayer holds `count` updates. Once its module has loaded,
 * Consent Mode sends an update from the store's listener, in the same turn as
 * the change: an extra update for the changes so far would be there already,
 * and none comes later on its own.
 */
async function updatesAfter(count: number) {
  await waitUntil(() => updates().length >= count, `${count} consent updates`, { timeout: 5000 });
  return updates();
}

const NOTHING_DECIDED = { ...DEFAULTS, functionality_storage: 'granted' };
const ALL_GRANTED = {
  ...NOTHING_DECIDED,
  analytics_storage: 'granted',
  ad_storage: 'granted',
  ad_user_data: 'granted',
  ad_personalization: 'granted',
};
const STATISTICS_ONLY = { ...NOTHING_DECIDED, analytics_storage: 'granted' };

describe('Google Consent Mode', () => {
  let cookieName: string;

  beforeEach(() => {
    cookieName = uniqueCookieName('gcm');
    pushDefaults();
    delete page.gtag;
  });

  afterEach(() => {
    delete page.dataLayer;
    delete page.gtag;
    for (const script of document.querySelectorAll('script[data-test-gated]')) script.remove();
  });

  describe('the defaults script (dist/consent-mode-default.js)', () => {
    it('denies every consent type but security_storage, with the exact keys, as an arguments object', async () => {
      delete page.dataLayer;
      const script = document.createElement('script');
      script.type = 'module';
      script.src = new URL('../../src/consent-mode-default.ts', import.meta.url).href;
      const loaded = new Promise((resolve, reject) => {
        script.onload = resolve;
        script.onerror = reject;
      });
      document.head.append(script);
      await loaded;
      script.remove();
      expect(page.dataLayer).to.have.length(1);
      const entry = page.dataLayer![0];
      // gtag.js reads the arguments object Google's shim pushes; it ignores arrays.
      expect(Object.prototype.toString.call(entry)).to.equal('[object Arguments]');
      expect(page.gtag, 'the global gtag() of Google’s snippet').to.be.a('function');
      expect(Array.from(args(entry))).to.deep.equal([
        'consent',
        'default',
        { ...DEFAULTS, wait_for_update: 500 },
      ]);
    });
  });

  it('sends nothing for an inventory without consentMode', async () => {
    setInventory(sampleInventory(), cookieName);
    acceptAll(cookieName);
    // Consent Mode's module as the page would have fetched it: had the inventory
    // asked for it, its update follows the load before this test goes on.
    await import('../../src/consent/google-consent-mode.js');
    expect(page.dataLayer).to.have.length(1);
    // Asked for now, Consent Mode sends the states of the moment: the only
    // update, had the first inventory sent none.
    setInventory(consentModeInventory(), cookieName);
    expect(await updatesAfter(1)).to.deep.equal([ALL_GRANTED]);
    expect(page.dataLayer).to.have.length(3);
  });

  it('sends every type as soon as the inventory is known: the required category’s granted', async () => {
    setInventory(consentModeInventory(), cookieName);
    expect(await updatesAfter(1)).to.deep.equal([NOTHING_DECIDED]);
  });

  it('grants the mapped types on "accept all", as an arguments object, then an event', async () => {
    setInventory(consentModeInventory(), cookieName);
    await updatesAfter(1);
    acceptAll(cookieName);
    expect(await updatesAfter(2)).to.deep.equal([NOTHING_DECIDED, ALL_GRANTED]);
    const update = page.dataLayer!.findIndex((entry) => args(entry)[2] === updates()[1]);
    expect(Object.prototype.toString.call(page.dataLayer![update])).to.equal('[object Arguments]');
    expect(page.dataLayer![update + 1]).to.deep.equal({
      event: 'cookie_consent_update',
      cookie_consent: { categories: { necessary: true, statistics: true, marketing: true } },
    });
  });

  it('follows each change, never sending the same states twice, and withdraws on reset', async () => {
    setInventory(consentModeInventory(), cookieName);
    await updatesAfter(1);
    rejectAll(cookieName);
    // Refusing everything leaves the states as they were: nothing new to send.
    saveConsent({ statistics: true }, cookieName);
    saveConsent({ statistics: true }, cookieName);
    acceptAll(cookieName);
    resetConsent(cookieName);
    expect(await updatesAfter(4)).to.deep.equal([
      NOTHING_DECIDED,
      STATISTICS_ONLY,
      ALL_GRANTED,
      NOTHING_DECIDED,
    ]);
  });

  describe('with a decision stored by an earlier visit', () => {
    function storeDecision(revision: number) {
      setCookie(
        cookieName,
        serializeDecision({
          categories: { necessary: true, statistics: true, marketing: false },
          revision,
          timestamp: new Date().toISOString(),
          id: 'earlier-visit',
        }),
      );
    }

    it('sends it as soon as the inventory is known', async () => {
      storeDecision(1);
      setInventory(consentModeInventory(), cookieName);
      expect(await updatesAfter(1)).to.deep.equal([STATISTICS_ONLY]);
    });

    it('grants nothing for a decision taken on another revision', async () => {
      storeDecision(1);
      setInventory(consentModeInventory(2), cookieName);
      expect(await updatesAfter(1)).to.deep.equal([NOTHING_DECIDED]);
    });
  });

  it('follows a decision taken in another tab', async () => {
    setInventory(consentModeInventory(), cookieName);
    await updatesAfter(1);
    const otherTab = new BroadcastChannel(`cookie-consent:${cookieName}`);
    otherTab.postMessage({
      detail: {
        categories: { necessary: true, statistics: true, marketing: true },
        action: 'accept-all',
        revision: 1,
        timestamp: new Date().toISOString(),
        id: 'other-tab',
      },
    });
    otherTab.close();
    expect(await updatesAfter(2)).to.deep.equal([NOTHING_DECIDED, ALL_GRANTED]);
  });

  it('calls the page’s own gtag() when it has one', async () => {
    const calls: unknown[][] = [];
    page.gtag = (...parts: unknown[]) => calls.push(parts);
    setInventory(consentModeInventory(), cookieName);
    await waitUntil(() => calls.length > 0, 'gtag() called', { timeout: 5000 });
    expect(calls).to.deep.equal([['consent', 'update', NOTHING_DECIDED]]);
  });

  it('reports an unknown type and ignores it, keeping the inventory', async () => {
    const inventory = consentModeInventory();
    const categories = inventory.categories.map((category) =>
      category.id === 'statistics'
        ? { ...category, consentMode: ['analytics_storage', 'analytic_storage'] }
        : category,
    );
    const printed = await captureConsole(async (sofar) => {
      expect(setInventory({ ...inventory, categories } as CookieInventory, cookieName)).to.equal(
        true,
      );
      await updatesAfter(1);
      await waitUntil(() => sofar.error.length > 0, 'reported', { timeout: 5000 });
    });
    expect(printed.error).to.have.length(1);
    expect(consoleLine(printed.error[0])).to.contain(
      'categories[1].consentMode: "analytic_storage"',
    );
    expect(printed.warn).to.deep.equal([]);
    expect(updates()).to.deep.equal([NOTHING_DECIDED]);
  });

  it('warns when the page set no defaults before it', async () => {
    page.dataLayer = [];
    const printed = await captureConsole(async (sofar) => {
      setInventory(consentModeInventory(), cookieName);
      await waitUntil(() => sofar.warn.length > 0, 'warned', { timeout: 5000 });
    });
    expect(printed.warn).to.have.length(1);
    expect(consoleLine(printed.warn[0])).to.contain("gtag('consent', 'default'");
  });
});

describe('consentModeStates', () => {
  const inventory: CookieInventory = {
    categories: [
      { id: 'a', consentMode: ['ad_storage'] },
      { id: 'b', consentMode: ['ad_storage', 'analytics_storage'] },
      { id: 'c', consentMode: ['security_storage'] },
      { id: 'd' },
    ],
  };

  it('grants a type when any category listing it is granted; the others keep the defaults', () => {
    expect(consentModeStates(inventory, (id) => id === 'b')).to.deep.equal({
      ...DEFAULTS,
      ad_storage: 'granted',
      analytics_storage: 'granted',
      security_storage: 'denied',
    });
    expect(consentModeStates(inventory, (id) => id === 'a' || id === 'c')).to.deep.equal({
      ...DEFAULTS,
      ad_storage: 'granted',
    });
    expect(consentModeStates({ categories: [{ id: 'd' }] }, () => true)).to.deep.equal(DEFAULTS);
  });
});

describe('consentMode in the inventory', () => {
  it('must be a list of type names; which names is checked apart, and not fatal', () => {
    const inventory = (consentMode: unknown) => ({
      categories: [{ id: 'statistics', consentMode }],
    });
    expect(findInventoryProblems(inventory(['analytics_storage']))).to.deep.equal([]);
    expect(findInventoryProblems(inventory(['analytic_storage']))).to.deep.equal([]);
    expect(findInventoryProblems(inventory([]))).to.deep.equal([]);
    for (const wrong of ['analytics_storage', [1], {}, null]) {
      expect(findInventoryProblems(inventory(wrong)), JSON.stringify(wrong))
        .to.have.length(1)
        .and.to.have.nested.property('[0].path', 'categories[0].consentMode');
    }
  });
});
