/**
 * Google must hear of a decision before the tags it lets run: the scripts the
 * gate releases for a category (gtag.js, its `config`) come after the
 * `consent update`, even when the gate's module arrives before Consent
 * Mode's. A file of its own: every store of a page gates every script, so
 * the decisions other tests leave would release this one.
 */
// First: the page's own nonce, which the gate asks of scripts added by script.
import { PAGE_NONCE } from './fixtures/page-nonce.js';
import { expect, waitUntil } from '@open-wc/testing';
import { acceptAll, getConsent, setInventory } from '../../src/consent/api.js';
import { serializeDecision } from '../../src/consent/decision-cookie.js';
import { args, consentModeInventory, page, pushDefaults } from './consent-mode-support.js';
import { setCookie, uniqueCookieName } from '../support/cookies.js';

/** A gated inline script that marks the dataLayer when it runs. */
function addGatedScript(category: string, mark: string): void {
  const gated = document.createElement('script');
  gated.type = 'text/plain';
  gated.nonce = PAGE_NONCE;
  gated.dataset.consentCategory = category;
  gated.text = `window.dataLayer.push({ event: ${JSON.stringify(mark)} })`;
  gated.dataset.testGated = '';
  document.body.append(gated);
}

/** The dataLayer as a list of names: `consent default`, `consent update`, or the event. */
function order(): string[] {
  return page.dataLayer!.map((entry) =>
    args(entry)[0] === 'consent'
      ? `consent ${String(args(entry)[1])}`
      : (entry as { event: string }).event,
  );
}

async function gateLoaded(): Promise<void> {
  await waitUntil(
    () => performance.getEntriesByType('resource').some((e) => e.name.includes('script-gate')),
    'the gate is loaded',
    { timeout: 5000 },
  );
  // The same module the store asked for: this resolves once it has run, after
  // the store's own callback, which started the gate.
  await import('../../src/consent/script-gate.js');
}

describe('Google Consent Mode before the gated tags', () => {
  beforeEach(() => pushDefaults());

  afterEach(() => {
    delete page.dataLayer;
    for (const script of document.querySelectorAll('script[data-test-gated]')) script.remove();
  });

  it('sends a stored decision before the scripts it releases run, with the gate loaded first', async () => {
    const cookieName = uniqueCookieName('gcm_order');
    setCookie(
      cookieName,
      serializeDecision({
        categories: { necessary: true, statistics: true, marketing: false },
        revision: 1,
        timestamp: new Date().toISOString(),
        id: 'earlier-visit',
      }),
    );
    // The page's store exists (a script asked for the decision) before the
    // inventory: its gate is loaded, waiting for it.
    expect(getConsent(cookieName)).to.equal(undefined);
    addGatedScript('statistics', 'stored-config');
    await gateLoaded();
    setInventory(consentModeInventory(), cookieName);
    await waitUntil(() => order().includes('stored-config'), 'the gated script ran', {
      timeout: 5000,
    });
    expect(order()).to.deep.equal([
      'consent default',
      'consent update',
      'cookie_consent_update',
      'stored-config',
    ]);
  });

  it('sends a new decision before the scripts it releases run', async () => {
    const cookieName = uniqueCookieName('gcm_order');
    setInventory(consentModeInventory(), cookieName);
    addGatedScript('marketing', 'click-config');
    await waitUntil(() => order().includes('cookie_consent_update'), 'the first update', {
      timeout: 5000,
    });
    await gateLoaded();
    acceptAll(cookieName);
    await waitUntil(() => order().includes('click-config'), 'the gated script ran', {
      timeout: 5000,
    });
    expect(order()).to.deep.equal([
      'consent default',
      'consent update',
      'cookie_consent_update',
      'consent update',
      'cookie_consent_update',
      'click-config',
    ]);
  });
});
