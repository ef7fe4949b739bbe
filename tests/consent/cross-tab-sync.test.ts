// Cross-tab sync with real tabs: each iframe is a page of the same site with its own copy
// of the consent API, its own store and BroadcastChannel, sharing this page's cookie jar.
// These tests sit apart from store.test.ts because the test runner's coverage keeps one
// copy of each module per page, and the iframe's copy would hide the one under test.
import { expect, waitUntil } from '@open-wc/testing';
import type * as ConsentApi from '../../src/consent/api.js';
import { acceptAll, getConsent, saveConsent, setInventory } from '../../src/consent/api.js';
import type { ConsentChangeEvent } from '../../src/events/consent-change.js';
import { deleteCookie, readCookie, setCookie, uniqueCookieName } from '../support/cookies.js';
import { recordConsentChanges } from '../support/events.js';
import { sampleInventory } from '../support/inventories.js';

type ConsentApiModule = typeof ConsentApi;

const ALL_GRANTED = { necessary: true, statistics: true, marketing: true };
const ALL_REFUSED = { necessary: true, statistics: false, marketing: false };
const WITHIN_A_SECOND = { timeout: 1000, interval: 20 };

const frames: HTMLIFrameElement[] = [];
const cookiesToDelete = new Set<string>();

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
  for (const name of cookiesToDelete) deleteCookie(name);
  cookiesToDelete.clear();
});

/** A decision cookie name of its own, deleted after the test. */
function testCookieName(): string {
  const name = uniqueCookieName('sync');
  cookiesToDelete.add(name);
  return name;
}

/** Another tab of the site, with the consent API loaded. */
async function otherTab(): Promise<ConsentApiModule> {
  const frame = document.createElement('iframe');
  frame.src = new URL('./fixtures/other-tab.html', import.meta.url).href;
  frames.push(frame);
  document.body.append(frame);
  const frameWindow = frame.contentWindow as Window & { consent?: ConsentApiModule };
  await waitUntil(() => frameWindow.consent, 'the other tab did not load the consent API', {
    timeout: 15000,
  });
  return frameWindow.consent!;
}

function syncs(events: ConsentChangeEvent[]): ConsentChangeEvent[] {
  return events.filter((event) => event.detail.action === 'sync');
}

describe('cross-tab sync', () => {
  it("adopts another tab's decision, then its reset, within a second", async () => {
    const name = testCookieName();
    expect(setInventory(sampleInventory(), name)).to.equal(true);
    const tab = await otherTab();
    expect(tab.setInventory(sampleInventory(), name)).to.equal(true);

    const { events, stop } = recordConsentChanges(document);
    try {
      const accepted = tab.acceptAll(name)!;
      await waitUntil(() => syncs(events).length === 1, 'no sync within a second', WITHIN_A_SECOND);
      const [sync] = syncs(events);
      expect(sync.target).to.equal(document);
      expect(sync.bubbles && sync.composed).to.equal(true);
      expect(sync.detail).to.deep.equal({ ...accepted, action: 'sync' });
      expect(getConsent(name)).to.deep.equal({
        categories: ALL_GRANTED,
        vendors: {},
        revision: 1,
        timestamp: accepted.timestamp,
        id: accepted.id,
      });

      tab.resetConsent(name);
      await waitUntil(() => syncs(events).length === 2, 'no sync within a second', WITHIN_A_SECOND);
      const reset = syncs(events)[1];
      expect(reset.detail.categories).to.deep.equal(ALL_REFUSED);
      expect(getConsent(name)).to.equal(undefined);
      // The other tab's own events stay in the other tab.
      expect(events.map((event) => event.detail.action)).to.deep.equal(['sync', 'sync']);
    } finally {
      stop();
    }
  });

  it('hears a refusal taken in another tab, whose trackers are gone here too', async () => {
    const name = testCookieName();
    cookiesToDelete.add('_ga_SYNC');
    setCookie('_ga_SYNC', '1');
    setInventory(sampleInventory(), name);
    const tab = await otherTab();
    tab.setInventory(sampleInventory(), name);
    tab.acceptAll(name);
    const { events, stop } = recordConsentChanges(document);
    try {
      const rejected = tab.rejectAll(name)!;
      await waitUntil(
        () => syncs(events).some((event) => event.detail.id === rejected.id),
        'no sync within a second',
        WITHIN_A_SECOND,
      );
      expect(getConsent(name)!.categories).to.deep.equal(ALL_REFUSED);
      expect(readCookie('_ga_SYNC')).to.equal(undefined);
    } finally {
      stop();
    }
  });

  it('sends a decision taken here to the other tab', async () => {
    const name = testCookieName();
    const tab = await otherTab();
    tab.setInventory(sampleInventory(), name);
    const heard: (string | undefined)[] = [];
    tab.onConsent((decision) => heard.push(decision?.id), name);
    setInventory(sampleInventory(), name);
    const detail = acceptAll(name)!;
    await waitUntil(() => heard.length > 0, 'the other tab heard nothing', WITHIN_A_SECOND);
    expect(heard).to.deep.equal([detail.id]);
    expect(tab.getConsent(name)!.id).to.equal(detail.id);
  });

  it('gives a tab opened later the decision already taken', async () => {
    const name = testCookieName();
    setInventory(sampleInventory(), name);
    const detail = saveConsent({ statistics: true }, name)!;
    const tab = await otherTab();
    expect(tab.getConsent(name)).to.equal(undefined);
    tab.setInventory(sampleInventory(), name);
    expect(tab.getConsent(name)).to.deep.equal({
      categories: { necessary: true, statistics: true, marketing: false },
      vendors: {},
      revision: 1,
      timestamp: detail.timestamp,
      id: detail.id,
    });
    expect(tab.hasConsent('statistics', name)).to.equal(true);
  });
});
