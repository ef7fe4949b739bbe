/**
 * Microsoft's tags, as they see the page before they have loaded: Clarity's
 * queue (`window.clarity`, as its snippet defines it) and UET's
 * (`window.uetq`, with the default the page pushes first). The library tells
 * them the visitor's decision from the same `consentMode` mapping as Google.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { acceptAll, rejectAll, saveConsent, setInventory } from '../../src/consent/api.js';
import { consentModeInventory, page, pushDefaults, updates } from './consent-mode-support.js';
import { uniqueCookieName } from '../support/cookies.js';
import { captureConsole, consoleLine } from '../support/console.js';

interface MicrosoftPage {
  clarity?: ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] };
  uetq?: unknown[];
}
const microsoft = window as unknown as MicrosoftPage;

/** Clarity's snippet, before its tag has loaded: a function that queues its arguments. */
function addClarityQueue(): void {
  const clarity = Object.assign(
    function (this: unknown) {
      // Its snippet and documentation call it on the window, as `window.clarity(…)`.
      if (this !== window) throw new Error('clarity() called on another object than the window');
      // eslint-disable-next-line prefer-rest-params
      (clarity.q ??= []).push(arguments);
    },
    { q: undefined as ArrayLike<unknown>[] | undefined },
  );
  microsoft.clarity = clarity;
}

/** What Clarity was told, in order: each `consentv2` call's consent. */
function clarityConsents(): unknown[] {
  return (microsoft.clarity?.q ?? [])
    .filter((call) => call[0] === 'consentv2')
    .map((call) => call[1]);
}

/** UET's queue as its snippet and the page's default leave it. */
function addUetQueue({ withDefault = true } = {}): void {
  microsoft.uetq = [];
  if (withDefault) microsoft.uetq.push('consent', 'default', { ad_storage: 'denied' });
}

/** What UET was told: each `uetq.push('consent', 'update', …)`'s consent, in order. */
function uetUpdates(): unknown[] {
  const queue = microsoft.uetq ?? [];
  return queue.flatMap((entry, index) =>
    entry === 'consent' && queue[index + 1] === 'update' ? [queue[index + 2]] : [],
  );
}

const DENIED = { ad_Storage: 'denied', analytics_Storage: 'denied' };
const GRANTED = { ad_Storage: 'granted', analytics_Storage: 'granted' };

describe('Microsoft Clarity and UET consent', () => {
  let cookieName: string;

  beforeEach(() => {
    cookieName = uniqueCookieName('mscm');
    pushDefaults();
  });

  afterEach(() => {
    delete page.dataLayer;
    delete microsoft.clarity;
    delete microsoft.uetq;
  });

  it("tells Clarity (consentv2) and UET (ad_storage) from the categories' consentMode, each state once", async () => {
    addClarityQueue();
    addUetQueue();
    setInventory(consentModeInventory(), cookieName);
    await waitUntil(() => clarityConsents().length === 1, 'Clarity told', { timeout: 5000 });
    expect(uetUpdates()).to.deep.equal([{ ad_storage: 'denied' }]);

    saveConsent({ statistics: true }, cookieName);
    acceptAll(cookieName);
    rejectAll(cookieName);
    rejectAll(cookieName);
    expect(clarityConsents()).to.deep.equal([
      DENIED,
      { ad_Storage: 'denied', analytics_Storage: 'granted' },
      GRANTED,
      DENIED,
    ]);
    // UET has one state: statistics alone changed nothing for it.
    expect(uetUpdates()).to.deep.equal([
      { ad_storage: 'denied' },
      { ad_storage: 'granted' },
      { ad_storage: 'denied' },
    ]);
    // Google heard of the same decisions.
    expect(updates().map((states) => states.analytics_storage)).to.deep.equal([
      'denied',
      'granted',
      'granted',
      'denied',
    ]);
  });

  it('tells nothing to a page without their tags, nor for an inventory without consentMode', async () => {
    setInventory(consentModeInventory(), cookieName);
    await waitUntil(() => updates().length === 1, 'Google told', { timeout: 5000 });
    acceptAll(cookieName);
    expect(microsoft.clarity).to.equal(undefined);
    expect(microsoft.uetq).to.equal(undefined);
  });

  it('keeps telling UET when Clarity throws, and says so', async () => {
    microsoft.clarity = () => {
      throw new Error('broken Clarity');
    };
    addUetQueue();
    const printed = await captureConsole(async () => {
      setInventory(consentModeInventory(), cookieName);
      await waitUntil(() => uetUpdates().length === 1, 'UET told', { timeout: 5000 });
    });
    expect(printed.error.map(consoleLine).join('\n')).to.contain('Clarity');
  });

  it("warns of UET's missing default, and not of Google's on a page with only Microsoft's tags", async () => {
    page.dataLayer = [];
    addClarityQueue();
    addUetQueue({ withDefault: false });
    const printed = await captureConsole(async (sofar) => {
      setInventory(consentModeInventory(), cookieName);
      await waitUntil(() => sofar.warn.length > 0, 'warned', { timeout: 5000 });
    });
    expect(printed.warn.map(consoleLine)).to.have.length(1);
    expect(consoleLine(printed.warn[0])).to.contain("uetq.push('consent', 'default'");
  });
});
