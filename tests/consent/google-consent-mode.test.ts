/**
 * Google Consent Mode, as Google's tags see it: what the page's `dataLayer`
 * holds. The defaults come from dist/consent-mode-default.js (its source is
 * loaded here as the classic script it is built into); the library pushes
 * `update` for the decision in force and for each change.
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import {
  acceptAll,
  rejectAll,
  resetConsent,
  saveConsent,
  setInventory,
} from '../../src/consent/api.js';
import { serializeDecision } from '../../src/consent/decision-cookie.js';
import { consentModeStates } from '../../src/consent/google-consent-mode.js';
import { findInventoryProblems, type CookieInventory } from '../../src/consent/inventory.js';
import { sampleInventory, setTestCookie, uniqueCookieName } from './support.js';

interface GtagPage {
  dataLayer?: unknown[];
  gtag?: (...args: unknown[]) => void;
}
const page = window as unknown as GtagPage;

/** The sample inventory with Google's consent types mapped as the README suggests. */
function consentModeInventory(): CookieInventory {
  const inventory = sampleInventory();
  const [necessary, statistics, marketing] = inventory.categories;
  return {
    ...inventory,
    categories: [
      { ...necessary, consentMode: ['security_storage'] },
      { ...statistics, consentMode: ['analytics_storage'] },
      { ...marketing, consentMode: ['ad_storage', 'ad_user_data', 'ad_personalization'] },
    ],
  };
}

/** The `gtag('consent', …)` commands in the dataLayer, as `[command, states]`. */
function consentCommands(): [string, Record<string, unknown>][] {
  return (page.dataLayer ?? [])
    .filter((entry) => (entry as ArrayLike<unknown>)[0] === 'consent')
    .map((entry) => {
      const args = entry as ArrayLike<unknown>;
      return [args[1] as string, args[2] as Record<string, unknown>];
    });
}

/** Waits until the dataLayer holds `count` consent commands, then a little, for any extra one. */
async function commandsAfter(count: number) {
  await waitUntil(() => consentCommands().length >= count, `${count} consent commands`, {
    timeout: 5000,
  });
  await aTimeout(50);
  return consentCommands();
}

const ALL_GRANTED = {
  security_storage: 'granted',
  analytics_storage: 'granted',
  ad_storage: 'granted',
  ad_user_data: 'granted',
  ad_personalization: 'granted',
};
const ALL_REFUSED = {
  security_storage: 'granted',
  analytics_storage: 'denied',
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
};

describe('Google Consent Mode', () => {
  let cookieName: string;

  beforeEach(() => {
    cookieName = uniqueCookieName('gcm');
    page.dataLayer = [];
    delete page.gtag;
  });

  afterEach(() => {
    delete page.dataLayer;
    delete page.gtag;
  });

  describe('the defaults script (dist/consent-mode-default.js)', () => {
    it('denies every consent type but security_storage, with the exact keys, as an arguments object', async () => {
      delete page.dataLayer;
      const script = document.createElement('script');
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
      expect(consentCommands()).to.deep.equal([
        [
          'default',
          {
            ad_storage: 'denied',
            ad_user_data: 'denied',
            ad_personalization: 'denied',
            analytics_storage: 'denied',
            functionality_storage: 'denied',
            personalization_storage: 'denied',
            security_storage: 'granted',
            wait_for_update: 500,
          },
        ],
      ]);
    });
  });

  // That other pages do not even load the module: tests/components/lazy-elements.test.ts.
  it('sends nothing for an inventory without consentMode', async () => {
    setInventory(sampleInventory(), cookieName);
    acceptAll(cookieName);
    await aTimeout(200);
    expect(page.dataLayer).to.deep.equal([]);
  });

  it('sends nothing before the visitor decides: the page’s defaults stand', async () => {
    setInventory(consentModeInventory(), cookieName);
    await aTimeout(300);
    expect(consentCommands()).to.deep.equal([]);
  });

  it('grants the mapped types on "accept all", as an arguments object', async () => {
    setInventory(consentModeInventory(), cookieName);
    acceptAll(cookieName);
    expect(await commandsAfter(1)).to.deep.equal([['update', ALL_GRANTED]]);
    expect(Object.prototype.toString.call(page.dataLayer![0])).to.equal('[object Arguments]');
  });

  it('denies all but the required category’s on "reject all", then follows each change', async () => {
    setInventory(consentModeInventory(), cookieName);
    rejectAll(cookieName);
    expect(await commandsAfter(1)).to.deep.equal([['update', ALL_REFUSED]]);
    saveConsent({ statistics: true }, cookieName);
    expect(await commandsAfter(2)).to.deep.equal([
      ['update', ALL_REFUSED],
      ['update', { ...ALL_REFUSED, analytics_storage: 'granted' }],
    ]);
    // The same decision again changes nothing Google needs to hear.
    saveConsent({ statistics: true }, cookieName);
    resetConsent(cookieName);
    expect(await commandsAfter(3)).to.deep.equal([
      ['update', ALL_REFUSED],
      ['update', { ...ALL_REFUSED, analytics_storage: 'granted' }],
      ['update', ALL_REFUSED],
    ]);
  });

  it('sends the decision stored by an earlier visit as soon as the inventory is known', async () => {
    setTestCookie(
      cookieName,
      serializeDecision({
        categories: { necessary: true, statistics: true, marketing: false },
        revision: 1,
        timestamp: new Date().toISOString(),
        id: 'earlier-visit',
      }),
    );
    setInventory(consentModeInventory(), cookieName);
    expect(await commandsAfter(1)).to.deep.equal([
      ['update', { ...ALL_REFUSED, analytics_storage: 'granted' }],
    ]);
  });

  it('calls the page’s own gtag() when it has one', async () => {
    const calls: unknown[][] = [];
    page.gtag = (...args: unknown[]) => calls.push(args);
    setInventory(consentModeInventory(), cookieName);
    acceptAll(cookieName);
    await waitUntil(() => calls.length > 0, 'gtag() called', { timeout: 5000 });
    expect(calls).to.deep.equal([['consent', 'update', ALL_GRANTED]]);
    expect(page.dataLayer).to.deep.equal([]);
  });
});

describe('consentModeStates', () => {
  it('grants a type when any category listing it is granted', () => {
    const inventory: CookieInventory = {
      categories: [
        { id: 'a', consentMode: ['ad_storage'] },
        { id: 'b', consentMode: ['ad_storage', 'analytics_storage'] },
        { id: 'c' },
      ],
    };
    expect(consentModeStates(inventory, (id) => id === 'b')).to.deep.equal({
      ad_storage: 'granted',
      analytics_storage: 'granted',
    });
    expect(consentModeStates(inventory, (id) => id === 'a')).to.deep.equal({
      ad_storage: 'granted',
      analytics_storage: 'denied',
    });
    expect(consentModeStates(inventory, () => false)).to.deep.equal({
      ad_storage: 'denied',
      analytics_storage: 'denied',
    });
  });
});

describe('consentMode in the inventory', () => {
  it('must list Google consent types', () => {
    const inventory = (consentMode: unknown) => ({
      categories: [{ id: 'statistics', consentMode }],
    });
    expect(findInventoryProblems(inventory(['analytics_storage']))).to.deep.equal([]);
    expect(findInventoryProblems(inventory([]))).to.deep.equal([]);
    for (const wrong of ['analytics_storage', ['analytic_storage'], [1], {}]) {
      expect(findInventoryProblems(inventory(wrong)), JSON.stringify(wrong))
        .to.have.length(1)
        .and.to.have.nested.property('[0].path', 'categories[0].consentMode');
    }
  });
});
