/**
 * Microsoft's tags released by the gate hear of the decision that released
 * them before their tag reads its queue: the snippet runs, then the library
 * tells it. A file of its own, as google-consent-mode-order.test.ts is: every
 * store of a page gates every script, so each test gates its snippet behind
 * a category that the decisions of the tests before it leave refused.
 */
// First: the page's own nonce, which the gate asks of scripts added by script.
import { PAGE_NONCE } from './fixtures/page-nonce.js';
import { expect, waitUntil } from '@open-wc/testing';
import { acceptAll, saveConsent, setInventory } from '../../src/consent/api.js';
import { consentModeInventory, page, pushDefaults, updates } from './consent-mode-support.js';
import { uniqueCookieName } from '../support/cookies.js';

const tags = window as unknown as { clarity?: { q?: ArrayLike<unknown>[] } };

/** A gated inline script (`text`) or file (`src`) for `category`, carrying the page's nonce. */
function addGated(category: string, { text = '', src = '' }): void {
  const gated = document.createElement('script');
  gated.type = 'text/plain';
  gated.nonce = PAGE_NONCE;
  gated.dataset.consentCategory = category;
  if (src) gated.dataset.src = src;
  else gated.text = text;
  gated.dataset.testGated = '';
  document.body.append(gated);
}

/** What Clarity's tag reads first once loaded: its queue, as plain lists. */
const clarityQueue = () => Array.from(tags.clarity?.q ?? [], (call) => Array.from(call));

/** The inventory taken, Google told, and the gate (fetched for the page's gated script) started. */
async function inventoryKnown(cookieName: string): Promise<void> {
  setInventory(consentModeInventory(), cookieName);
  await waitUntil(() => updates().length > 0, 'the first update', { timeout: 5000 });
  await waitUntil(
    () => performance.getEntriesByType('resource').some((e) => e.name.includes('script-gate')),
    'the gate is loaded',
    { timeout: 5000 },
  );
  // The same module the store asked for: this resolves once it has run, after
  // the store's own callback, which started the gate.
  await import('../../src/consent/script-gate.js');
}

describe("Microsoft Clarity's snippet released by the gate", () => {
  beforeEach(() => pushDefaults());

  afterEach(() => {
    delete page.dataLayer;
    delete tags.clarity;
    for (const script of document.querySelectorAll('script[data-test-gated]')) script.remove();
  });

  it('is told of the decision that released it, inline, before its tag loads', async () => {
    const cookieName = uniqueCookieName('mscm_order');
    addGated('statistics', {
      text: 'window.clarity = window.clarity || function () { (window.clarity.q = window.clarity.q || []).push(arguments); };',
    });
    await inventoryKnown(cookieName);
    // A function's queue holds `arguments`, whose `callee` is the function: compare no such value whole.
    expect(tags.clarity === undefined, 'gated until consent').to.equal(true);
    saveConsent({ statistics: true }, cookieName);
    await waitUntil(() => clarityQueue().length > 0, 'Clarity was told', { timeout: 5000 });
    expect(clarityQueue()).to.deep.equal([
      ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }],
    ]);
  });

  it('is told once a gated file that defines it has run', async () => {
    const cookieName = uniqueCookieName('mscm_order');
    addGated('marketing', { src: new URL('./fixtures/clarity-queue.js', import.meta.url).href });
    await inventoryKnown(cookieName);
    expect(tags.clarity === undefined, 'gated until consent').to.equal(true);
    acceptAll(cookieName);
    await waitUntil(() => clarityQueue().length > 0, 'Clarity was told', { timeout: 5000 });
    expect(clarityQueue()).to.deep.equal([
      ['consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }],
    ]);
  });
});
