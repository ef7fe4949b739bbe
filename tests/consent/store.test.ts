import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { parseDecision, serializeDecision } from '../../src/consent/decision-cookie.js';
import { ConsentStore, type ConsentStoreOptions } from '../../src/consent/store.js';
import { ConsentChangeEvent } from '../../src/events/consent-change.js';
import { captureConsole } from '../support/console.js';
import {
  cookieJar,
  deleteCookie,
  deleteWrittenCookies,
  readCookie,
  setCookie,
  uniqueCookieName,
} from '../support/cookies.js';
import { storedDecision } from '../support/decision.js';
import { recordConsentChanges } from '../support/events.js';
import { sampleInventory } from '../support/inventories.js';
import { DAY_MS, daysAgo } from '../support/time.js';

const ALL_GRANTED = { necessary: true, statistics: true, marketing: true };
const ALL_REFUSED = { necessary: true, statistics: false, marketing: false };

/** Cookies a test wrote, or made the store write, deleted after each test. */
const cookiesToDelete = new Set<string>();

afterEach(() => {
  for (const name of cookiesToDelete) deleteCookie(name);
  cookiesToDelete.clear();
  deleteWrittenCookies();
});

/** A store of its own decision cookie, so that no test sees another's decision. */
function newStore(options?: ConsentStoreOptions): ConsentStore {
  const name = uniqueCookieName('store');
  cookiesToDelete.add(name);
  const store = new ConsentStore(name);
  if (options) store.configure(options);
  return store;
}

function expectIsoTimestampOfNow(timestamp: string): void {
  expect(new Date(timestamp).toISOString()).to.equal(timestamp);
  expect(Math.abs(Date.now() - Date.parse(timestamp))).to.be.below(60_000);
}

describe('ConsentStore', () => {
  describe('deciding', () => {
    it('accept-all grants every category, writes the cookie and fires one consent-change', async () => {
      const store = newStore();
      store.setInventory(sampleInventory());
      const { events, stop } = recordConsentChanges(document);
      const detail = store.acceptAll()!;
      // No second event: one would have fired by now.
      await aTimeout(0);
      stop();

      expect(events).to.have.length(1);
      const [event] = events;
      expect(event).to.be.instanceOf(ConsentChangeEvent);
      expect(event).to.be.instanceOf(CustomEvent);
      expect(event.type).to.equal('consent-change');
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.target).to.equal(document);
      expect(event.detail).to.deep.equal(detail);
      expect(Object.keys(detail).sort()).to.deep.equal([
        'action',
        'categories',
        'id',
        'revision',
        'timestamp',
        'vendors',
        'withdrawn',
      ]);
      expect(detail.action).to.equal('accept-all');
      expect(detail.categories).to.deep.equal(ALL_GRANTED);
      expect(detail.revision).to.equal(1);
      expectIsoTimestampOfNow(detail.timestamp);
      expect(detail.id).to.be.a('string').and.not.equal('');

      const expected = {
        categories: ALL_GRANTED,
        revision: 1,
        timestamp: detail.timestamp,
        id: detail.id,
      };
      expect(storedDecision(store.cookieName)).to.deep.equal(expected);
      expect(parseDecision(readCookie(store.cookieName))).to.deep.equal(expected);
      expect(store.decision).to.deep.equal({ ...expected, vendors: {} });
    });

    it('reject-all refuses every category but the required ones, and remembers it', () => {
      const store = newStore();
      store.setInventory(sampleInventory());
      const { events, stop } = recordConsentChanges();
      const detail = store.rejectAll()!;
      stop();
      expect(events.map((event) => event.detail)).to.deep.equal([detail]);
      expect(detail.action).to.equal('reject-all');
      expect(detail.categories).to.deep.equal(ALL_REFUSED);
      // A refusal is remembered the same way as a consent.
      expect(storedDecision(store.cookieName)).to.deep.equal({
        categories: ALL_REFUSED,
        revision: 1,
        timestamp: detail.timestamp,
        id: detail.id,
      });
      expect(store.decision!.categories).to.deep.equal(ALL_REFUSED);
    });

    it('save records the choice per category; required ones stay on, unnamed ones off', () => {
      const store = newStore();
      store.setInventory(sampleInventory());
      const { events, stop } = recordConsentChanges();
      const detail = store.save({ statistics: true, necessary: false, advertising: true })!;
      stop();
      expect(events).to.have.length(1);
      expect(detail.action).to.equal('save');
      const categories = { necessary: true, statistics: true, marketing: false };
      expect(detail.categories).to.deep.equal(categories);
      expect(
        (storedDecision(store.cookieName) as { categories: unknown }).categories,
      ).to.deep.equal(categories);
      expect(store.decision!.categories).to.deep.equal(categories);
    });

    it('reset deletes the cookie and forgets the decision', () => {
      const store = newStore();
      store.setInventory(sampleInventory());
      const accepted = store.acceptAll()!;
      expect(readCookie(store.cookieName)).to.not.equal(undefined);

      const { events, stop } = recordConsentChanges();
      const detail = store.reset()!;
      stop();
      expect(events.map((event) => event.detail)).to.deep.equal([detail]);
      expect(detail.action).to.equal('reset');
      expect(detail.categories).to.deep.equal(ALL_REFUSED);
      expect(detail.revision).to.equal(1);
      expectIsoTimestampOfNow(detail.timestamp);
      expect(detail.id).to.be.a('string').and.not.equal(accepted.id);
      expect(readCookie(store.cookieName)).to.equal(undefined);
      expect(store.decision).to.equal(undefined);
      // A new store (the next page) finds nothing either.
      const nextPage = new ConsentStore(store.cookieName);
      nextPage.setInventory(sampleInventory());
      expect(nextPage.decision).to.equal(undefined);
    });

    it('gives each decision its own id, and the latest one wins', () => {
      const store = newStore();
      store.setInventory(sampleInventory());
      const first = store.acceptAll()!;
      const second = store.rejectAll()!;
      const third = store.save({ marketing: true })!;
      expect(new Set([first.id, second.id, third.id]).size).to.equal(3);
      expect(store.decision!.id).to.equal(third.id);
      expect(parseDecision(readCookie(store.cookieName))!.id).to.equal(third.id);
    });

    it('dispatches on the given target, and the event crosses shadow roots to document', () => {
      const store = newStore();
      store.setInventory(sampleInventory());
      const host = document.createElement('div');
      document.body.append(host);
      const inner = document.createElement('button');
      host.attachShadow({ mode: 'open' }).append(inner);
      const onInner = recordConsentChanges(inner);
      const onDocument: { target: EventTarget | null; path: EventTarget[] }[] = [];
      const listener = (event: Event) =>
        onDocument.push({ target: event.target, path: event.composedPath() });
      document.addEventListener('consent-change', listener);
      try {
        const detail = store.acceptAll(inner)!;
        expect(onInner.events).to.have.length(1);
        expect(onInner.events[0].detail).to.deep.equal(detail);
        expect(onDocument).to.have.length(1);
        // Seen from the document, the event comes from the shadow host.
        expect(onDocument[0].target).to.equal(host);
        expect(onDocument[0].path[0]).to.equal(inner);
        expect(onDocument[0].path).to.include(document);
      } finally {
        document.removeEventListener('consent-change', listener);
        onInner.stop();
        host.remove();
      }
    });

    it('ignores a decision before it has an inventory, and says why', () => {
      const store = newStore();
      const { events, stop } = recordConsentChanges();
      const results: unknown[] = [];
      const { error: errors } = captureConsole(() => {
        results.push(store.acceptAll(), store.rejectAll(), store.save({}), store.reset());
      });
      stop();
      expect(results).to.deep.equal([undefined, undefined, undefined, undefined]);
      expect(errors).to.have.length(4);
      expect(String(errors[0][0])).to.contain('"accept-all" ignored');
      expect(String(errors[3][0])).to.contain('"reset" ignored');
      expect(events).to.deep.equal([]);
      expect(readCookie(store.cookieName)).to.equal(undefined);
    });
  });

  describe('the decision in force', () => {
    function writeDecision(name: string, revision: string | number | undefined, timestamp: string) {
      setCookie(
        name,
        serializeDecision({
          categories: { necessary: true, statistics: true, marketing: false },
          revision,
          timestamp,
          id: 'earlier-visit',
        }),
      );
    }

    it('is the one in the cookie, once the inventory is known', () => {
      const name = uniqueCookieName('store');
      writeDecision(name, '1', daysAgo(3));
      const store = new ConsentStore(name);
      expect(store.decision).to.equal(undefined);
      expect(store.isGranted('statistics')).to.equal(false);
      store.setInventory(sampleInventory(1));
      expect(store.decision).to.deep.equal({
        categories: { necessary: true, statistics: true, marketing: false },
        vendors: {},
        revision: '1',
        timestamp: parseDecision(readCookie(name))!.timestamp,
        id: 'earlier-visit',
      });
    });

    it('is none when the inventory has another revision, until the next decision', () => {
      const name = uniqueCookieName('store');
      writeDecision(name, 1, daysAgo(3));
      const store = new ConsentStore(name);
      store.setInventory(sampleInventory(2));
      expect(store.decision).to.equal(undefined);
      store.setInventory({ ...sampleInventory(), revision: undefined });
      expect(store.decision).to.equal(undefined);
      store.setInventory(sampleInventory(2));
      const detail = store.rejectAll()!;
      expect(detail.revision).to.equal(2);
      expect(parseDecision(readCookie(name))!.revision).to.equal(2);
      expect(store.decision!.id).to.equal(detail.id);
    });

    it('fills in a category the decision does not name as refused', () => {
      const name = uniqueCookieName('store');
      setCookie(
        name,
        serializeDecision({
          categories: { statistics: true, removed: true },
          revision: 1,
          timestamp: daysAgo(1),
          id: 'x',
        }),
      );
      const store = new ConsentStore(name);
      store.setInventory(sampleInventory());
      expect(store.decision!.categories).to.deep.equal({
        necessary: true,
        statistics: true,
        marketing: false,
      });
    });

    it('is none when the cookie is malformed, without throwing, and the next decision replaces it', () => {
      for (const raw of [
        '%7Bbroken',
        '%E0%A4%A',
        'accepted',
        encodeURIComponent('{"categories":[]}'),
      ]) {
        const name = uniqueCookieName('store');
        setCookie(name, raw);
        const store = new ConsentStore(name);
        store.setInventory(sampleInventory());
        expect(store.decision, raw).to.equal(undefined);
        const detail = store.acceptAll()!;
        expect(parseDecision(readCookie(name))!.id).to.equal(detail.id);
      }
    });

    it('lasts six months by default, as configured up to thirteen months', () => {
      const name = uniqueCookieName('store');
      writeDecision(name, 1, daysAgo(200));
      const store = new ConsentStore(name);
      store.setInventory(sampleInventory());
      expect(store.decision).to.equal(undefined);
      store.configure({ lifetimeDays: 365 });
      expect(store.decision!.id).to.equal('earlier-visit');
      store.configure({ lifetimeDays: 30 });
      expect(store.decision).to.equal(undefined);

      writeDecision(name, 1, daysAgo(400));
      const later = new ConsentStore(name);
      later.setInventory(sampleInventory());
      later.configure({ lifetimeDays: 1000 });
      expect(later.decision).to.equal(undefined);
      writeDecision(name, 1, daysAgo(390));
      const again = new ConsentStore(name);
      again.setInventory(sampleInventory());
      again.configure({ lifetimeDays: 1000 });
      expect(again.decision!.id).to.equal('earlier-visit');
    });

    it('writes the cookie to expire with the lifetime, thirteen months at most', async () => {
      const cookieStore = (
        globalThis as { cookieStore?: { get(name: string): Promise<{ expires?: number } | null> } }
      ).cookieStore;
      for (const [lifetimeDays, expectedDays] of [
        [undefined, 182],
        [30, 30],
        [1000, 395],
      ] as const) {
        const store = newStore({ lifetimeDays });
        store.setInventory(sampleInventory());
        store.acceptAll();
        expect(readCookie(store.cookieName)).to.not.equal(undefined);
        // Only some engines tell a script when a cookie expires.
        const item = await cookieStore?.get(store.cookieName);
        if (typeof item?.expires === 'number') {
          const days = (item.expires - Date.now()) / DAY_MS;
          expect(days, String(lifetimeDays)).to.be.closeTo(expectedDays, 0.01);
        }
      }
    });

    it('sets Domain when configured: a domain that is not this site makes the browser refuse the cookie', () => {
      const store = newStore({ domain: 'example.com' });
      store.setInventory(sampleInventory());
      const detail = store.acceptAll()!;
      expect(readCookie(store.cookieName)).to.equal(undefined);
      // The decision still holds for this page.
      expect(store.decision!.id).to.equal(detail.id);
      store.configure({ domain: '' });
      store.acceptAll();
      expect(readCookie(store.cookieName)).to.not.equal(undefined);
    });

    it('answers isGranted for required, granted, refused and unknown categories', () => {
      const store = newStore();
      expect(store.isGranted('necessary')).to.equal(false);
      store.setInventory(sampleInventory());
      expect(store.isGranted('necessary')).to.equal(true);
      expect(store.isGranted('statistics')).to.equal(false);
      store.save({ statistics: true });
      expect(store.isGranted('statistics')).to.equal(true);
      expect(store.isGranted('marketing')).to.equal(false);
      expect(store.isGranted('unknown')).to.equal(false);
      store.rejectAll();
      expect(store.isGranted('statistics')).to.equal(false);
      expect(store.isGranted('necessary')).to.equal(true);
      store.acceptAll();
      store.setInventory(sampleInventory(2));
      expect(store.isGranted('statistics')).to.equal(false);
    });
  });

  describe('subscribers', () => {
    it('hear of every inventory, configuration and decision until they unsubscribe', () => {
      const store = newStore();
      const heard: (string | undefined)[] = [];
      const given = new Set<ConsentStore>();
      const unsubscribe = store.subscribe((changed) => {
        given.add(changed);
        heard.push(changed.decision?.id);
      });
      store.setInventory(sampleInventory());
      store.configure({ lifetimeDays: 30 });
      const accepted = store.acceptAll()!;
      const rejected = store.rejectAll()!;
      store.reset();
      expect(heard).to.deep.equal([undefined, undefined, accepted.id, rejected.id, undefined]);
      expect([...given]).to.deep.equal([store]);
      unsubscribe();
      store.acceptAll();
      expect(heard).to.have.length(5);
    });

    it('all hear of a decision when one of them throws', () => {
      const store = newStore();
      store.setInventory(sampleInventory());
      const heard: string[] = [];
      store.subscribe(() => heard.push('first'));
      store.subscribe(() => {
        throw new Error('faulty subscriber');
      });
      store.subscribe(() => heard.push('third'));
      const { events, stop } = recordConsentChanges();
      const { error: errors } = captureConsole(() => store.acceptAll());
      stop();
      expect(heard).to.deep.equal(['first', 'third']);
      expect(errors).to.have.length(1);
      expect((errors[0][0] as Error).message).to.equal('faulty subscriber');
      expect(events).to.have.length(1);
      expect(readCookie(store.cookieName)).to.not.equal(undefined);
    });
  });

  describe('withdrawing consent', () => {
    const trackers = ['_pk_id', '_ga_ABC123', '_ga_XYZ', 'ad_tracker'];
    const kept = ['sessionid', 'unlisted_cookie'];

    beforeEach(() => {
      for (const name of [...trackers, ...kept]) setCookie(name, '1');
    });

    it('reject-all deletes the cookies of refused categories, not the necessary ones nor the decision', () => {
      const store = newStore();
      store.setInventory(sampleInventory());
      store.acceptAll();
      for (const name of [...trackers, ...kept])
        expect(readCookie(name), name).to.not.equal(undefined);
      store.rejectAll();
      const names = cookieJar().map(([name]) => name);
      for (const name of trackers) expect(names, name).to.not.include(name);
      for (const name of kept) expect(names, name).to.include(name);
      expect(names).to.include(store.cookieName);
    });

    it('save deletes the cookies of the categories it refuses only', () => {
      const store = newStore();
      store.setInventory(sampleInventory());
      store.save({ statistics: true });
      const names = cookieJar().map(([name]) => name);
      expect(names).to.include.members(['_pk_id', '_ga_ABC123', '_ga_XYZ', ...kept]);
      expect(names).to.not.include('ad_tracker');
    });

    it('reset deletes the cookies of every category that is not required', () => {
      const store = newStore();
      store.setInventory(sampleInventory());
      store.acceptAll();
      store.reset();
      const names = cookieJar().map(([name]) => name);
      for (const name of trackers) expect(names, name).to.not.include(name);
      expect(names).to.include.members(kept);
    });

    it('never deletes a cookie the inventory files under a required category', () => {
      const store = newStore();
      store.setInventory({
        categories: [{ id: 'necessary', required: true, label: 'Necessary' }, { id: 'statistics' }],
        cookies: [
          { name: 'session*', category: 'necessary' },
          { name: '*', category: 'statistics' },
        ],
      });
      store.rejectAll();
      const names = cookieJar().map(([name]) => name);
      expect(names).to.include.members(['sessionid', store.cookieName]);
      expect(names).to.not.include.members(['_pk_id', 'unlisted_cookie']);
    });
  });
});

describe('cross-tab sync', () => {
  // Other tabs, as iframes, are in cross-tab-sync.test.ts: the test runner's coverage keeps
  // one copy of each module per page, and the iframe's copy would hide this page's.

  async function nextSync(events: ConsentChangeEvent[], count = 1): Promise<ConsentChangeEvent> {
    await waitUntil(
      () => events.filter((event) => event.detail.action === 'sync').length >= count,
      'no sync event within one second',
      { timeout: 1000, interval: 20 },
    );
    return events.filter((event) => event.detail.action === 'sync')[count - 1];
  }

  it('between two stores of one page, only the other one hears a decision', async () => {
    const name = uniqueCookieName('sync');
    cookiesToDelete.add(name);
    const first = new ConsentStore(name);
    const second = new ConsentStore(name);
    first.setInventory(sampleInventory());
    second.setInventory(sampleInventory());
    const { events, stop } = recordConsentChanges();
    try {
      const detail = first.save({ statistics: true })!;
      await nextSync(events);
      expect(events[1].detail.id).to.equal(detail.id);
      expect(second.decision!.id).to.equal(detail.id);
      // A channel delivers one sender's messages in order: a wrong echo from
      // second, sent as it heard the decision, reaches first before this one.
      const later = second.save({ marketing: true })!;
      await nextSync(events, 2);
      expect(events.map((event) => event.detail.action)).to.deep.equal([
        'save',
        'sync',
        'save',
        'sync',
      ]);
      expect(events[3].detail.id).to.equal(later.id);
      expect(first.decision!.id).to.equal(later.id);
    } finally {
      stop();
    }
  });

  it('takes the decision from the message, even before this tab sees the cookie', async () => {
    // WebKit may deliver the message before document.cookie shows the new value; a cookie
    // the browser refuses (a foreign Domain) makes that moment last.
    const name = uniqueCookieName('sync');
    cookiesToDelete.add(name);
    const deciding = new ConsentStore(name);
    deciding.configure({ domain: 'example.com' });
    const hearing = new ConsentStore(name);
    deciding.setInventory(sampleInventory());
    hearing.setInventory(sampleInventory());
    const { events, stop } = recordConsentChanges();
    try {
      const detail = deciding.save({ marketing: true })!;
      await nextSync(events);
      expect(readCookie(name)).to.equal(undefined);
      expect(hearing.decision).to.deep.equal({
        categories: detail.categories,
        vendors: {},
        revision: detail.revision,
        timestamp: detail.timestamp,
        id: detail.id,
      });
      deciding.reset();
      await nextSync(events, 2);
      expect(hearing.decision).to.equal(undefined);
    } finally {
      stop();
    }
  });

  it('ignores anything else posted on its channel', async () => {
    const name = uniqueCookieName('sync');
    cookiesToDelete.add(name);
    const store = new ConsentStore(name);
    store.setInventory(sampleInventory());
    const accepted = store.acceptAll()!;
    const { events, stop } = recordConsentChanges();
    // Another script, or another version of this library, on the same channel.
    const stranger = new BroadcastChannel(`cookie-consent:${name}`);
    try {
      for (const message of ['hello', null, 42, {}, { detail: null }, { detail: { id: 'x' } }]) {
        stranger.postMessage(message);
      }
      // A decision posted after them arrives after them: the same one, heard again.
      stranger.postMessage({ detail: accepted });
      await nextSync(events);
      expect(events.map((event) => [event.detail.action, event.detail.id])).to.deep.equal([
        ['sync', accepted.id],
      ]);
      expect(store.decision!.id).to.equal(accepted.id);
    } finally {
      stranger.close();
      stop();
    }
  });
});
