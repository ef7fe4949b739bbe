import { expect } from '@open-wc/testing';
// The vendors' rules, registered at once (the script-tag build fetches them on first need).
import '../../src/consent/vendor-rules.js';
import type { CookieInventory } from '../../src/consent/inventory.js';
import { findInventoryProblems } from '../../src/consent/inventory-problems.js';
import { ConsentStore } from '../../src/consent/store.js';
import { grantVendor } from '../../src/consent/vendors.js';
import { captureConsole } from '../support/console.js';
import {
  cookieJar,
  deleteCookie,
  readCookie,
  setCookie,
  uniqueCookieName,
} from '../support/cookies.js';
import { recordConsentChanges } from '../support/events.js';
import { vendorInventory } from '../support/inventories.js';

const cookiesToDelete = new Set<string>();

afterEach(() => {
  for (const name of cookiesToDelete) deleteCookie(name);
  cookiesToDelete.clear();
});

function newStore(inventory: CookieInventory = vendorInventory()): ConsentStore {
  const name = uniqueCookieName('vendors');
  cookiesToDelete.add(name);
  const store = new ConsentStore(name);
  store.setInventory(inventory);
  return store;
}

/** The decision cookie as a server reads it: `json.loads(unquote(value))`. */
function serverView(store: ConsentStore): Record<string, unknown> {
  return JSON.parse(decodeURIComponent(readCookie(store.cookieName)!)) as Record<string, unknown>;
}

describe('vendors in the inventory', () => {
  it('is valid with vendors, cookies naming them and storage types', () => {
    const inventory = vendorInventory();
    const withStorage = {
      ...inventory,
      cookies: [
        ...inventory.cookies!,
        { name: 'yt-player-*', category: 'media', vendor: 'youtube', storage: 'localStorage' },
        { name: 'tab', category: 'necessary', storage: 'sessionStorage' },
      ],
    };
    expect(findInventoryProblems(withStorage)).to.deep.equal([]);
  });

  it('reports unknown categories, duplicate ids, unknown vendors and mismatches with their paths', () => {
    const problems = findInventoryProblems({
      categories: [
        { id: 'necessary', required: true, label: 'N' },
        { id: 'media', gpc: 'yes' },
      ],
      vendors: [
        { id: 'youtube', category: 'video' },
        { id: 'maps', category: 'media', policyHref: 'javascript:alert(1)' },
        { id: 'maps', category: 'media' },
        { id: 'media', category: 'media' },
        { id: '', category: 'media', gpc: 1 },
        'vimeo',
        { id: 'you tube', category: 'media' },
        JSON.parse('{"id":"__proto__","category":"media"}') as unknown,
      ],
      cookies: [
        { name: 'a', category: 'media', vendor: 'nobody' },
        { name: 'b', category: 'necessary', vendor: 'maps' },
        { name: 'c', category: 'media', storage: 'indexedDB' },
      ],
    });
    expect(problems).to.deep.equal([
      { path: 'categories[1].gpc', message: 'must be true or false' },
      { path: 'vendors[0].category', message: '"video" is not a category' },
      { path: 'vendors[1].policyHref', message: 'must be an http(s) or relative URL' },
      { path: 'vendors[2].id', message: '"maps" is already the id of another vendor' },
      { path: 'vendors[3].id', message: '"media" is already the id of a category' },
      { path: 'vendors[4].id', message: 'must be a non-empty string' },
      { path: 'vendors[4].gpc', message: 'must be true or false' },
      { path: 'vendors[5]', message: 'must be an object' },
      { path: 'vendors[6].id', message: 'must not contain spaces' },
      { path: 'vendors[7].id', message: 'cannot be "__proto__"' },
      { path: 'cookies[0].vendor', message: '"nobody" is not a vendor' },
      { path: 'cookies[1].category', message: 'must be "media", the category of vendor "maps"' },
      {
        path: 'cookies[2].storage',
        message: 'must be one of cookie, localStorage, sessionStorage',
      },
    ]);
    expect(findInventoryProblems({ categories: [{ id: 'a' }], vendors: {} })).to.deep.equal([
      { path: 'vendors', message: 'must be an array' },
    ]);
  });

  it('refuses policy links that are not http(s) or relative, however they are spelt', () => {
    for (const policyHref of [
      'javascript:alert(1)',
      ' JavaScript:x',
      'java\nscript:x',
      'data:text/html,x',
    ]) {
      const problems = findInventoryProblems({
        categories: [{ id: 'media' }],
        vendors: [{ id: 'v', category: 'media', policyHref }],
      });
      expect(problems, policyHref).to.have.length(1);
    }
    for (const policyHref of [
      'https://example.com/privacy',
      '/privacy',
      'privacy.html',
      '#vendors',
    ]) {
      const problems = findInventoryProblems({
        categories: [{ id: 'media' }],
        vendors: [{ id: 'v', category: 'media', policyHref }],
      });
      expect(problems, policyHref).to.deep.equal([]);
    }
  });
});

describe('consent per vendor', () => {
  it('accept-all grants every vendor and records them for the server', () => {
    const store = newStore();
    const detail = store.acceptAll()!;
    expect(detail.vendors).to.deep.equal({ cdn: true, youtube: true, maps: true });
    expect(detail.categories).to.deep.equal({ necessary: true, statistics: true, media: true });
    const stored = serverView(store);
    expect(stored.vendors).to.deep.equal({ granted: 'cdn youtube maps', refused: '' });
    expect(stored.categories).to.deep.equal({ necessary: true, statistics: true, media: true });
  });

  it('reject-all refuses every vendor but those of required categories', () => {
    const store = newStore();
    const detail = store.rejectAll()!;
    expect(detail.vendors).to.deep.equal({ cdn: true, youtube: false, maps: false });
    expect(serverView(store).vendors).to.deep.equal({ granted: 'cdn', refused: 'youtube maps' });
    expect(store.isGranted('cdn')).to.equal(true);
    expect(store.isGranted('youtube')).to.equal(false);
  });

  it('one vendor granted makes its category partly granted: hasConsent(category) stays false', () => {
    const store = newStore();
    const detail = store.save({ youtube: true })!;
    expect(detail.vendors).to.deep.equal({ cdn: true, youtube: true, maps: false });
    expect(detail.categories.media).to.equal(false);
    expect(store.isGranted('youtube')).to.equal(true);
    expect(store.isGranted('maps')).to.equal(false);
    expect(store.isGranted('media')).to.equal(false);
    expect(store.needsDecision).to.equal(false);
  });

  it('a category named in save switches all its vendors; a vendor named beside it wins', () => {
    const store = newStore();
    expect(store.save({ media: true })!.vendors).to.deep.equal({
      cdn: true,
      youtube: true,
      maps: true,
    });
    expect(store.isGranted('media')).to.equal(true);
    expect(store.save({ media: true, maps: false })!.vendors).to.deep.equal({
      cdn: true,
      youtube: true,
      maps: false,
    });
    expect(store.isGranted('media')).to.equal(false);
  });

  it('grantVendor() allows one vendor and keeps every other choice, in one consent-change', () => {
    const store = newStore();
    store.save({ statistics: true });
    const { events, stop } = recordConsentChanges(document);
    const detail = grantVendor(store, 'maps', document)!;
    stop();
    expect(events).to.have.length(1);
    expect(detail.action).to.equal('grant');
    expect(detail.categories).to.deep.equal({ necessary: true, statistics: true, media: false });
    expect(detail.vendors).to.deep.equal({ cdn: true, youtube: false, maps: true });
  });

  it('grantVendor() before any decision refuses everything else', () => {
    const store = newStore();
    const detail = grantVendor(store, 'youtube', document)!;
    expect(detail.categories).to.deep.equal({ necessary: true, statistics: false, media: false });
    expect(detail.vendors.youtube).to.equal(true);
    expect(store.needsDecision).to.equal(false);
  });

  it('reads the vendor choices back from the cookie in another store', () => {
    const store = newStore();
    store.save({ youtube: true, statistics: true });
    const again = new ConsentStore(store.cookieName);
    again.setInventory(vendorInventory());
    expect(again.decision?.vendors).to.deep.equal({ cdn: true, youtube: true, maps: false });
    expect(again.isGranted('youtube')).to.equal(true);
    expect(again.isGranted('statistics')).to.equal(true);
  });

  it('keeps a site without vendors byte for byte as before: no vendors in the cookie', () => {
    const store = newStore({ categories: [{ id: 'statistics' }], revision: 1 });
    const detail = store.acceptAll()!;
    expect(detail.vendors).to.deep.equal({});
    expect(Object.keys(serverView(store))).to.deep.equal([
      'categories',
      'revision',
      'timestamp',
      'id',
    ]);
  });

  it('stays under 2.5 KB with 100 vendors of realistic ids', () => {
    const vendors = Array.from({ length: 100 }, (_, index) => ({
      id: `vendor-name-${String(index).padStart(3, '0')}`,
      category: index % 2 ? 'media' : 'advertising',
    }));
    const store = newStore({
      revision: '2026-12-01',
      categories: [
        { id: 'necessary', required: true, label: 'N' },
        { id: 'statistics' },
        { id: 'media' },
        { id: 'advertising' },
      ],
      vendors,
    });
    store.save(Object.fromEntries(vendors.map((vendor, index) => [vendor.id, index % 3 === 0])));
    const raw = readCookie(store.cookieName)!;
    expect(raw.length).to.be.below(2500);
    const nextPage = new ConsentStore(store.cookieName);
    nextPage.setInventory(store.inventory!);
    expect(nextPage.isGranted('vendor-name-099')).to.equal(true);
    expect(nextPage.isGranted('vendor-name-098')).to.equal(false);
    expect(Object.keys(nextPage.decision!.vendors)).to.have.length(100);
  });

  it('says so when a decision is larger than a cookie holds, and keeps it for the page', () => {
    const vendors = Array.from({ length: 300 }, (_, index) => ({
      id: `a-rather-long-vendor-id-${index}`,
      category: 'media',
    }));
    const store = newStore({ categories: [{ id: 'media' }], vendors });
    const { error: errors } = captureConsole(() => store.acceptAll());
    expect(errors).to.have.length(1);
    expect(String(errors[0][0])).to.match(/too large for a cookie; it holds for this page only/);
    expect(store.isGranted('a-rather-long-vendor-id-299')).to.equal(true);
  });

  /** A store whose cookie holds `record`, over the vendor inventory. */
  function storeWithRecord(record: Record<string, unknown>): ConsentStore {
    const name = uniqueCookieName('vendors');
    cookiesToDelete.add(name);
    setCookie(
      name,
      encodeURIComponent(
        JSON.stringify({ revision: 1, timestamp: new Date().toISOString(), id: 'x', ...record }),
      ),
    );
    const store = new ConsentStore(name);
    store.setInventory(vendorInventory());
    return store;
  }

  it('treats a vendor listed as both granted and refused as refused', () => {
    const store = storeWithRecord({
      categories: { media: false },
      vendors: { granted: 'youtube maps', refused: 'youtube' },
    });
    expect(store.decision?.vendors).to.deep.equal({ cdn: true, youtube: false, maps: true });
  });

  it('counts malformed vendor lists as no decision', () => {
    for (const vendors of [
      ['youtube'],
      'youtube',
      { granted: ['youtube'] },
      { refused: 1 },
      null,
    ]) {
      const store = storeWithRecord({ categories: { media: true }, vendors });
      expect(store.decision, JSON.stringify(vendors)).to.equal(undefined);
      expect(store.needsDecision).to.equal(true);
    }
  });
});

describe('a vendor added after the decision', () => {
  const withTiktok = (): CookieInventory => {
    const inventory = vendorInventory();
    return { ...inventory, vendors: [...inventory.vendors!, { id: 'tiktok', category: 'media' }] };
  };

  it('is refused, and the banner asks again when its category had been granted', () => {
    const store = newStore();
    store.acceptAll();
    store.setInventory(withTiktok());
    expect(store.needsDecision).to.equal(true);
    expect(store.isGranted('tiktok')).to.equal(false);
    expect(store.isGranted('media')).to.equal(false);
    // The choices already made stay in force until the visitor answers.
    expect(store.isGranted('youtube')).to.equal(true);
    expect(store.isGranted('statistics')).to.equal(true);
  });

  it('asks again when its category had been partly granted', () => {
    const store = newStore();
    store.save({ youtube: true });
    store.setInventory(withTiktok());
    expect(store.needsDecision).to.equal(true);
  });

  it('is refused without asking when its category had been refused', () => {
    const store = newStore();
    store.rejectAll();
    store.setInventory(withTiktok());
    expect(store.needsDecision).to.equal(false);
    expect(store.isGranted('tiktok')).to.equal(false);
  });

  it('asks again when a category granted before it had vendors now has one', () => {
    const withoutVendors = vendorInventory();
    const store = newStore({
      ...withoutVendors,
      vendors: [],
      cookies: withoutVendors.cookies!.filter((cookie) => !cookie.vendor),
    });
    expect(store.acceptAll()?.categories.media).to.equal(true);
    store.setInventory(vendorInventory());
    expect(store.needsDecision).to.equal(true);
    expect(store.isGranted('youtube')).to.equal(false);
  });
});

describe('withdrawal removes what a refused vendor or category stored', () => {
  const keys = ['yt-player-volume', 'yt-remote', 'maps_state', 'stats_visitor', 'session_tab'];

  function storageInventory(): CookieInventory {
    const inventory = vendorInventory();
    return {
      ...inventory,
      cookies: [
        ...inventory.cookies!,
        { name: 'yt-*', category: 'media', vendor: 'youtube', storage: 'localStorage' },
        { name: 'maps_state', category: 'media', vendor: 'maps', storage: 'sessionStorage' },
        { name: 'stats_*', category: 'statistics', storage: 'localStorage' },
        { name: 'session_*', category: 'necessary', storage: 'sessionStorage' },
        { name: '*', category: 'statistics', storage: 'sessionStorage' },
      ],
    };
  }

  beforeEach(() => {
    for (const name of ['yt_id', 'maps_id', 'media_pref', '_pk_id', 'sessionid']) {
      cookiesToDelete.add(name);
      setCookie(name, '1');
    }
    localStorage.setItem('yt-player-volume', '50');
    localStorage.setItem('yt-remote', '1');
    localStorage.setItem('stats_visitor', 'abc');
    localStorage.setItem('unlisted', 'keep');
    sessionStorage.setItem('maps_state', '{}');
    sessionStorage.setItem('session_tab', '1');
  });

  afterEach(() => {
    for (const key of [...keys, 'unlisted']) {
      localStorage.removeItem(key);
      sessionStorage.removeItem(key);
    }
  });

  it('a refused vendor loses its cookies and keys; a granted one keeps them', () => {
    const store = newStore(storageInventory());
    store.save({ statistics: true, maps: true });
    const cookies = cookieJar().map(([name]) => name);
    expect(cookies).to.not.include('yt_id');
    // A cookie of the category itself goes while the category is not granted in full.
    expect(cookies).to.not.include('media_pref');
    expect(cookies).to.include.members(['maps_id', '_pk_id', 'sessionid']);
    expect(localStorage.getItem('yt-player-volume')).to.equal(null);
    expect(localStorage.getItem('yt-remote')).to.equal(null);
    expect(localStorage.getItem('stats_visitor')).to.equal('abc');
    expect(sessionStorage.getItem('maps_state')).to.equal('{}');
  });

  it('reject-all clears every listed key, patterns included, but never a required one', () => {
    const store = newStore(storageInventory());
    store.rejectAll();
    expect(localStorage.getItem('yt-player-volume')).to.equal(null);
    expect(localStorage.getItem('stats_visitor')).to.equal(null);
    expect(sessionStorage.getItem('maps_state')).to.equal(null);
    // `*` under statistics matches it, but a required category lists it too.
    expect(sessionStorage.getItem('session_tab')).to.equal('1');
    expect(localStorage.getItem('unlisted')).to.equal('keep');
    expect(cookieJar().map(([name]) => name)).to.include('sessionid');
  });

  it('reset clears them as a refusal does', () => {
    const store = newStore(storageInventory());
    store.acceptAll();
    expect(localStorage.getItem('yt-remote')).to.equal('1');
    store.reset();
    expect(localStorage.getItem('yt-remote')).to.equal(null);
    expect(localStorage.getItem('unlisted')).to.equal('keep');
  });
});
