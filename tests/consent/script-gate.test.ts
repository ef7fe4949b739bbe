// First: the page's own nonce, there before the library looks at the page.
import { PAGE_NONCE } from './fixtures/page-nonce.js';
import { expect, waitUntil } from '@open-wc/testing';
import {
  acceptAll,
  hasConsent,
  rejectAll,
  resetConsent,
  saveConsent,
  setInventory,
} from '../../src/consent/api.js';
import { serializeDecision } from '../../src/consent/decision-cookie.js';
import type { CookieInventory } from '../../src/consent/inventory.js';
import { consentStore } from '../../src/consent/registry.js';
import { ScriptGate } from '../../src/consent/script-gate.js';
// The vendors' rules at once: a vendor inventory is then taken synchronously
// (lazy-elements.test.ts covers fetching them on first need).
import '../../src/consent/vendor-rules.js';
import { ConsentStore } from '../../src/consent/store.js';
import { captureConsole } from '../support/console.js';
import { deleteCookie, setCookie, uniqueCookieName } from '../support/cookies.js';
import { sampleInventory, vendorInventory } from '../support/inventories.js';

/** What the gated scripts of these tests leave on the page when they run. */
interface GatedGlobals {
  __gatedRuns?: number;
  __gatedModuleUrls?: string[];
  __inlineRuns?: string[];
  __gatePasses?: number;
}
const page = globalThis as typeof globalThis & GatedGlobals;

const GATED_FILE = new URL('./fixtures/gated.js', import.meta.url).href;
const GATED_MODULE = new URL('./fixtures/gated-module.js', import.meta.url).href;

/** An inline script that records `label` when it runs. */
function inlineCode(label: string): string {
  return `globalThis.__inlineRuns = [...(globalThis.__inlineRuns ?? []), ${JSON.stringify(label)}];`;
}

/**
 * `<script type="text/plain" …>` with the given attributes and inline code,
 * and the page's nonce: added by the page's scripts, it needs it to be released.
 */
function gatedScript(attributes: Record<string, string>, code = ''): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.nonce = PAGE_NONCE;
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  script.text = code;
  return script;
}

function inlineRuns(): string[] {
  return page.__inlineRuns ?? [];
}

/** Whether the browser fetched `url` (a tracker request leaving the page). */
function fetched(url: string): boolean {
  return performance.getEntriesByName(url).length > 0;
}

let cookieName: string;
let container: HTMLElement;
/** Where the scripts that show a pass of the gate go: apart from the scripts under test. */
let passes: HTMLElement;

/**
 * A required category of this test's inventory only: every store of the page
 * grants its required categories, so the gates of earlier tests' stores never
 * release a script of this one, this test's gate always does.
 */
function passCategory(): string {
  return `gate-pass-${cookieName}`;
}

function withPassCategory(inventory: CookieInventory): CookieInventory {
  const category = { id: passCategory(), required: true, label: 'Gate pass' };
  return { ...inventory, categories: [...inventory.categories, category] };
}

/**
 * Resolves once this test's gate has made a pass over the page as it is now:
 * a script of the pass category, added last, has run. A pass looks at every
 * waiting script with the decision of the moment, and an inline script runs as
 * it is released, so any script wrongly released has run (or been copied) by then.
 */
async function gatePass(): Promise<void> {
  const before = page.__gatePasses ?? 0;
  passes.append(
    gatedScript(
      { 'data-consent-category': passCategory() },
      'globalThis.__gatePasses = (globalThis.__gatePasses ?? 0) + 1;',
    ),
  );
  await waitUntil(() => page.__gatePasses === before + 1, 'the gate made no pass');
}

/**
 * Resolves once the MutationObservers created before this call have had the
 * mutations made so far: observers are notified in the order they were created,
 * so this one, created now, hears of its own mutation after all of them.
 */
async function mutationsDelivered(root: Document | HTMLElement = document.body): Promise<void> {
  await new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true });
    const node = document.createComment('delivered');
    (root instanceof Document ? root.body : root).append(node);
    node.remove();
  });
}

beforeEach(() => {
  cookieName = uniqueCookieName('gate');
  container = document.createElement('div');
  passes = document.createElement('div');
  document.body.append(container, passes);
  page.__gatedRuns = 0;
  page.__gatedModuleUrls = [];
  page.__inlineRuns = [];
  // The test page loads many modules; make room for the entries these tests look for.
  performance.clearResourceTimings();
});

afterEach(() => {
  // Forget this test's decision, so that its gate releases nothing in the next tests.
  if (consentStore(cookieName).inventory) resetConsent(cookieName);
  deleteCookie(cookieName);
  container.remove();
  passes.remove();
});

describe('scripts that wait for consent', () => {
  it('run an inline script once its category is granted, never before, and only once', async () => {
    const script = gatedScript({ 'data-consent-category': 'statistics' }, inlineCode('inline'));
    container.append(script);
    setInventory(withPassCategory(sampleInventory()), cookieName);
    await gatePass();
    expect(inlineRuns()).to.deep.equal([]);
    rejectAll(cookieName);
    saveConsent({ marketing: true }, cookieName);
    await gatePass();
    expect(inlineRuns()).to.deep.equal([]);

    acceptAll(cookieName);
    await waitUntil(() => inlineRuns().length > 0, 'the script did not run');
    expect(inlineRuns()).to.deep.equal(['inline']);
    // The copy that ran sits next to the original, which stays inert.
    const copy = script.nextElementSibling as HTMLScriptElement;
    expect(copy.localName).to.equal('script');
    expect(copy.hasAttribute('type')).to.equal(false);
    expect(copy.text).to.equal(script.text);
    expect(copy.hasAttribute('data-consent-category')).to.equal(false);
    expect(script.type).to.equal('text/plain');

    acceptAll(cookieName);
    saveConsent({ statistics: true }, cookieName);
    container.append(document.createElement('div'));
    await gatePass();
    expect(inlineRuns()).to.deep.equal(['inline']);
    expect(container.querySelectorAll('script')).to.have.length(2);
  });

  it('load a script with src only once its category is granted', async () => {
    const url = `${GATED_FILE}?case=src-${cookieName}`;
    const script = gatedScript({ 'data-consent-category': 'statistics', src: url });
    container.append(script);
    setInventory(withPassCategory(sampleInventory()), cookieName);
    rejectAll(cookieName);
    await gatePass();
    // Released, it would have its copy now, and be fetched and run a little later.
    expect(script.hasAttribute('data-consent-done'), 'released before consent').to.equal(false);
    expect(page.__gatedRuns).to.equal(0);
    expect(fetched(url), 'fetched before consent').to.equal(false);

    acceptAll(cookieName);
    await waitUntil(() => page.__gatedRuns === 1, 'the script did not run', { timeout: 5000 });
    expect(fetched(url)).to.equal(true);
    const copy = script.nextElementSibling as HTMLScriptElement;
    expect(copy.src).to.equal(url);
    // Inserted by script, it would run as soon as loaded; it keeps document order instead.
    expect(copy.async).to.equal(false);
    acceptAll(cookieName);
    await gatePass();
    // A second copy would be there now, before it loads and runs.
    expect(container.querySelectorAll('script')).to.have.length(2);
    expect(page.__gatedRuns).to.equal(1);
  });

  it('load data-src the same way, and keep async when asked', async () => {
    const url = `${GATED_FILE}?case=data-src-${cookieName}`;
    const script = gatedScript({
      'data-consent-category': 'statistics',
      'data-src': url,
      async: '',
    });
    container.append(script);
    setInventory(withPassCategory(sampleInventory()), cookieName);
    await gatePass();
    expect(script.hasAttribute('data-consent-done'), 'released before consent').to.equal(false);
    expect(fetched(url), 'fetched before consent').to.equal(false);
    saveConsent({ statistics: true }, cookieName);
    await waitUntil(() => page.__gatedRuns === 1, 'the script did not run', { timeout: 5000 });
    const copy = script.nextElementSibling as HTMLScriptElement;
    expect(copy.src).to.equal(url);
    expect(copy.hasAttribute('data-src')).to.equal(false);
    expect(copy.async).to.equal(true);
  });

  it('wait for the inventory, whose revision decides whether a stored consent counts', async () => {
    // A consent given on an earlier visit, for revision 1.
    setCookie(
      cookieName,
      serializeDecision({
        categories: { necessary: true, statistics: true },
        revision: 1,
        timestamp: new Date().toISOString(),
        id: 'earlier-visit',
      }),
    );
    container.append(
      gatedScript({ 'data-consent-category': 'statistics' }, inlineCode('stored consent')),
    );
    expect(hasConsent('statistics', cookieName)).to.equal(false);
    // No gate makes a pass without an inventory: this waits for the gates of the
    // page to have seen the script; the pass below would show a run before as well.
    await mutationsDelivered();
    expect(inlineRuns()).to.deep.equal([]);
    setInventory(withPassCategory(sampleInventory(2)), cookieName);
    await gatePass();
    expect(inlineRuns()).to.deep.equal([]);
    setInventory(withPassCategory(sampleInventory(1)), cookieName);
    await waitUntil(() => inlineRuns().length > 0, 'the script did not run');
    expect(inlineRuns()).to.deep.equal(['stored consent']);
  });

  it('run scripts added to the page after the consent', async () => {
    setInventory(withPassCategory(sampleInventory()), cookieName);
    saveConsent({ statistics: true }, cookieName);
    const wrapper = document.createElement('section');
    wrapper.append(
      gatedScript({ 'data-consent-category': 'statistics' }, inlineCode('added later')),
      gatedScript({ 'data-consent-category': 'marketing' }, inlineCode('refused')),
    );
    container.append(wrapper);
    await waitUntil(() => inlineRuns().length > 0, 'the added script did not run');
    await gatePass();
    expect(inlineRuns()).to.deep.equal(['added later']);
  });

  it('need every category a script names', async () => {
    container.append(
      gatedScript(
        { 'data-consent-category': ' statistics   marketing ' },
        inlineCode('both categories'),
      ),
    );
    setInventory(withPassCategory(sampleInventory()), cookieName);
    saveConsent({ statistics: true }, cookieName);
    await gatePass();
    expect(inlineRuns()).to.deep.equal([]);
    saveConsent({ marketing: true }, cookieName);
    await gatePass();
    expect(inlineRuns()).to.deep.equal([]);
    saveConsent({ statistics: true, marketing: true }, cookieName);
    await waitUntil(() => inlineRuns().length > 0, 'the script did not run');
    expect(inlineRuns()).to.deep.equal(['both categories']);
  });

  it('never run a script that names no category', async () => {
    container.append(gatedScript({ 'data-consent-category': ' ' }, inlineCode('no category')));
    setInventory(withPassCategory(sampleInventory()), cookieName);
    acceptAll(cookieName);
    await gatePass();
    expect(inlineRuns()).to.deep.equal([]);
  });

  it('run a script of a required category as soon as there is an inventory', async () => {
    // A category id of its own: every store of the page grants its required categories.
    const inventory: CookieInventory = {
      categories: [{ id: 'essential-only-here', required: true, label: 'Essential' }],
    };
    container.append(
      gatedScript({ 'data-consent-category': 'essential-only-here' }, inlineCode('required')),
    );
    // No store has this cookie name yet: the gates of the page have seen the script.
    await mutationsDelivered();
    expect(inlineRuns()).to.deep.equal([]);
    setInventory(inventory, cookieName);
    await waitUntil(() => inlineRuns().length > 0, 'the script did not run');
    expect(inlineRuns()).to.deep.equal(['required']);
  });

  it('give the copy of an inline script its nonce and other attributes', async () => {
    const script = gatedScript(
      {
        'data-consent-category': 'statistics',
        nonce: PAGE_NONCE,
        id: 'stats',
        'data-site': '42',
      },
      inlineCode('with nonce'),
    );
    container.append(script);
    setInventory(withPassCategory(sampleInventory()), cookieName);
    acceptAll(cookieName);
    await waitUntil(() => inlineRuns().length > 0, 'the script did not run');
    const copy = script.nextElementSibling as HTMLScriptElement;
    expect(script.nonce).to.equal(PAGE_NONCE);
    expect(copy.nonce).to.equal(script.nonce);
    expect(copy.id).to.equal('stats');
    expect(copy.dataset.site).to.equal('42');
  });

  it('run data-type="module" scripts as modules, inline or from a file', async () => {
    container.append(
      gatedScript(
        { 'data-consent-category': 'statistics', 'data-type': 'module' },
        // import.meta is a syntax error outside a module.
        'globalThis.__gatedModuleUrls.push(`inline:${typeof import.meta.url}`);',
      ),
      gatedScript({
        'data-consent-category': 'statistics',
        'data-type': 'module',
        'data-src': `${GATED_MODULE}?case=${cookieName}`,
      }),
    );
    setInventory(withPassCategory(sampleInventory()), cookieName);
    await gatePass();
    expect(page.__gatedModuleUrls).to.deep.equal([]);
    acceptAll(cookieName);
    await waitUntil(() => page.__gatedModuleUrls!.length === 2, 'the modules did not run', {
      timeout: 5000,
    });
    expect(page.__gatedModuleUrls).to.have.members([
      'inline:string',
      `${GATED_MODULE}?case=${cookieName}`,
    ]);
    const copies = [...container.querySelectorAll('script:not([data-consent-category])')];
    expect(copies.map((copy) => copy.getAttribute('type'))).to.deep.equal(['module', 'module']);
  });
});

describe('ScriptGate', () => {
  const inventory: CookieInventory = { categories: [{ id: 'gate-direct' }] };

  const storeCookies: string[] = [];

  function grantingStore(): ConsentStore {
    const name = uniqueCookieName('gate_direct');
    storeCookies.push(name);
    const store = new ConsentStore(name);
    store.setInventory(inventory);
    return store;
  }

  afterEach(() => {
    for (const name of storeCookies.splice(0)) deleteCookie(name);
  });

  it('watches only its root, and starting twice changes nothing', async () => {
    const store = grantingStore();
    const outside = document.createElement('div');
    document.body.append(outside);
    try {
      const gate = new ScriptGate(store, container);
      gate.start();
      gate.start();
      container.append(
        gatedScript({ 'data-consent-category': 'gate-direct' }, inlineCode('inside')),
      );
      outside.append(
        gatedScript({ 'data-consent-category': 'gate-direct' }, inlineCode('outside')),
      );
      store.acceptAll();
      await waitUntil(() => inlineRuns().length > 0, 'the script did not run');
      // The gate has seen both additions: a gate of the whole page would have run both.
      await mutationsDelivered(document);
      expect(inlineRuns()).to.deep.equal(['inside']);
      gate.stop();
    } finally {
      outside.remove();
    }
  });

  it('releases nothing more once stopped, until asked', async () => {
    const store = grantingStore();
    const gate = new ScriptGate(store, container);
    gate.start();
    gate.stop();
    store.acceptAll();
    container.append(
      gatedScript({ 'data-consent-category': 'gate-direct' }, inlineCode('stopped')),
    );
    // A gate still watching would have run it by now: its observer came first.
    await mutationsDelivered(container);
    expect(inlineRuns()).to.deep.equal([]);
    gate.release();
    expect(inlineRuns()).to.deep.equal(['stopped']);
  });
});

describe('ScriptGate and what it may release', () => {
  const inventory: CookieInventory = { categories: [{ id: 'gate-rule', required: true }] };
  let store: ConsentStore;
  let gate: ScriptGate;

  beforeEach(() => {
    store = new ConsentStore(cookieName);
    store.setInventory(inventory);
    gate = new ScriptGate(store, container);
  });

  it("never releases a script added without the page's nonce, and says why once", () => {
    const withoutNonce = gatedScript({ 'data-consent-category': 'gate-rule' }, inlineCode('none'));
    withoutNonce.nonce = '';
    const guessed = gatedScript(
      { 'data-consent-category': 'gate-rule', nonce: 'guessed' },
      inlineCode('guessed'),
    );
    const own = gatedScript({ 'data-consent-category': 'gate-rule' }, inlineCode('own'));
    container.append(withoutNonce, guessed, own);
    const { warn: warnings } = captureConsole(() => {
      gate.release();
      gate.release();
    });
    expect(inlineRuns()).to.deep.equal(['own']);
    expect(withoutNonce.hasAttribute('data-consent-done')).to.equal(false);
    expect(guessed.hasAttribute('data-consent-done')).to.equal(false);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.include("Only scripts of the page's HTML");
  });

  it('marks a script done only once started, and one that fails holds back no other', () => {
    const failing = gatedScript({ 'data-consent-category': 'gate-rule' }, inlineCode('failing'));
    const next = gatedScript({ 'data-consent-category': 'gate-rule' }, inlineCode('next'));
    container.append(failing, next);
    // As a page's Trusted Types policy refuses a copy.
    failing.after = () => {
      throw new TypeError('refused');
    };
    const { error: errors } = captureConsole(() => {
      gate.release();
      gate.release();
    });
    expect(inlineRuns()).to.deep.equal(['next']);
    expect(failing.hasAttribute('data-consent-done')).to.equal(false);
    expect(next.hasAttribute('data-consent-done')).to.equal(true);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include(failing);
    // Tried again on the next pass, it runs once it can.
    delete (failing as Partial<HTMLScriptElement>).after;
    gate.release();
    expect(inlineRuns()).to.deep.equal(['next', 'failing']);
  });
});

describe('scripts that wait for a vendor', () => {
  it('run once their vendor is granted, not for another vendor of the category', async () => {
    container.append(
      gatedScript({ 'data-consent-vendor': 'youtube' }, inlineCode('youtube')),
      gatedScript({ 'data-consent-vendor': 'maps' }, inlineCode('maps')),
      // The whole category: only once every vendor of it is granted.
      gatedScript({ 'data-consent-category': 'media' }, inlineCode('media')),
    );
    setInventory(withPassCategory(vendorInventory()), cookieName);
    await gatePass();
    expect(inlineRuns()).to.deep.equal([]);
    saveConsent({ youtube: true }, cookieName);
    await waitUntil(() => inlineRuns().length > 0, 'the script did not run');
    await gatePass();
    expect(inlineRuns()).to.deep.equal(['youtube']);
    saveConsent({ youtube: true, maps: true }, cookieName);
    await waitUntil(() => inlineRuns().length === 3, 'the other scripts did not run');
    expect(inlineRuns().slice(1).sort()).to.deep.equal(['maps', 'media']);
  });

  it('need both when they name a category and a vendor, and run when added late', async () => {
    setInventory(withPassCategory(vendorInventory()), cookieName);
    saveConsent({ maps: true }, cookieName);
    container.append(
      gatedScript(
        { 'data-consent-category': 'statistics', 'data-consent-vendor': 'maps' },
        inlineCode('both'),
      ),
    );
    await gatePass();
    expect(inlineRuns()).to.deep.equal([]);
    saveConsent({ maps: true, statistics: true }, cookieName);
    await waitUntil(() => inlineRuns().length > 0, 'the script did not run');
    expect(inlineRuns()).to.deep.equal(['both']);
    // Added after the grant: released at once.
    container.append(gatedScript({ 'data-consent-vendor': 'maps' }, inlineCode('late')));
    await waitUntil(() => inlineRuns().length === 2, 'the late script did not run');
    expect(hasConsent('maps', cookieName)).to.equal(true);
    const copy = container.lastElementChild as HTMLScriptElement;
    expect(copy.hasAttribute('data-consent-vendor')).to.equal(false);
  });
});

describe('scripts marked for the gate that the browser runs anyway', () => {
  it('are reported once: without type="text/plain", a script runs before consent', async () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      setInventory(sampleInventory(), cookieName);
      const script = document.createElement('script');
      script.type = 'application/x-not-run';
      script.dataset.consentCategory = 'statistics';
      container.append(script);
      await waitUntil(
        () => warnings.some((args) => String(args[0]).includes('runs before consent')),
        'the misplaced script is reported',
      );
      container.append(script.cloneNode());
      // The page's observer of added scripts, created before, has seen the copy.
      await mutationsDelivered(document);
      expect(
        warnings.filter((args) => String(args[0]).includes('runs before consent')),
      ).to.have.length(1);
    } finally {
      console.warn = original;
    }
  });
});
