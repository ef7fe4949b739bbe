/**
 * What a page learns when consent is withdrawn: `withdrawn` in the event
 * names what was granted and no longer is, here and in other tabs; and, with
 * `reload-on-withdraw`, the page reloads, which stops the scripts it had
 * released.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ConsentStore } from '../../src/consent/store.js';
import '../../src/consent/vendor-rules.js';
import { deleteCookie, uniqueCookieName } from '../support/cookies.js';
import { recordConsentChanges } from '../support/events.js';
import { vendorInventory } from '../support/inventories.js';

const names: string[] = [];
afterEach(() => names.splice(0).forEach((name) => deleteCookie(name)));

function newStore(name = uniqueCookieName('withdrawal')): ConsentStore {
  names.push(name);
  const store = new ConsentStore(name);
  store.setInventory(vendorInventory());
  return store;
}

describe('withdrawn, in consent-change', () => {
  it('names the categories and vendors granted before and refused now', () => {
    const store = newStore();
    expect(store.acceptAll()!.withdrawn).to.deep.equal([]);
    expect(store.save({ statistics: true, youtube: true })!.withdrawn).to.deep.equal([
      'media',
      'maps',
    ]);
    expect(store.rejectAll()!.withdrawn).to.deep.equal(['statistics', 'youtube']);
    expect(store.rejectAll()!.withdrawn).to.deep.equal([]);
    store.save({ maps: true });
    expect(store.reset()!.withdrawn).to.deep.equal(['maps']);
  });

  it('is given to other tabs as they saw it', async () => {
    const name = uniqueCookieName('withdrawal');
    const here = newStore(name);
    newStore(name);
    const { events, stop } = recordConsentChanges(document);
    const syncs = () => events.filter((event) => event.detail.action === 'sync');
    try {
      here.acceptAll();
      await waitUntil(() => syncs().length === 1, 'the other tab hears of the consent', {
        timeout: 5000,
      });
      expect(syncs()[0].detail.withdrawn).to.deep.equal([]);
      here.save({ statistics: true });
      await waitUntil(() => syncs().length === 2, 'the other tab hears of the withdrawal', {
        timeout: 5000,
      });
      expect(syncs()[1].detail.withdrawn).to.deep.equal(['media', 'youtube', 'maps']);
    } finally {
      stop();
    }
  });
});

describe('reload-on-withdraw', () => {
  it('reloads the page after a decision that withdraws a consent, not after one that grants', async () => {
    const frame = document.createElement('iframe');
    let loads = 0;
    frame.addEventListener('load', () => (loads += 1));
    frame.src = new URL('./fixtures/reload-on-withdraw.html', import.meta.url).href;
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    container.append(frame);
    names.push('reload_preferences');
    type Api = typeof import('../../src/index.js');
    const api = () => (frame.contentWindow as Window & { cookieConsent?: Api }).cookieConsent;
    // The first load compiles the whole module graph on the dev server: give it time.
    const LOADING = { timeout: 8000 };
    await waitUntil(() => loads === 1 && api()?.hasConsent, 'the page is loaded', LOADING);
    // The banner gave the store its inventory once defined.
    await waitUntil(
      () =>
        api()!.getConsent('reload_preferences') === undefined &&
        frame
          .contentDocument!.querySelector('cookie-banner')!
          .shadowRoot?.querySelector('[part~="accept-button"]'),
      'the banner asks',
      LOADING,
    );
    const firstPage = frame.contentWindow;
    api()!.acceptAll('reload_preferences');
    api()!.rejectAll('reload_preferences');
    await waitUntil(() => loads === 2, 'the page reloads after the refusal', LOADING);
    expect(frame.contentWindow === firstPage).to.equal(true);
    await waitUntil(() => api()?.hasConsent, 'the reloaded page has the API', LOADING);
    await waitUntil(
      () => api()!.getConsent('reload_preferences'),
      'the reloaded page reads the decision',
      LOADING,
    );
    expect(api()!.hasConsent('statistics', 'reload_preferences')).to.equal(false);
  });
});
