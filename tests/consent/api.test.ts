import { expect, waitUntil } from '@open-wc/testing';
import {
  acceptAll,
  getConsent,
  hasConsent,
  onConsent,
  rejectAll,
  resetConsent,
  saveConsent,
  setInventory,
  setLanguage,
} from '../../src/consent/api.js';
import type { ConsentDecision } from '../../src/events/consent-change.js';
import { DEFAULT_DECISION_COOKIE, parseDecision } from '../../src/consent/decision-cookie.js';
import { pageLanguage } from '../../src/consent/page-language.js';
import { ConsentStore } from '../../src/consent/store.js';
import { captureConsole } from '../support/console.js';
import { deleteCookie, readCookie, uniqueCookieName } from '../support/cookies.js';
import { recordConsentChanges } from '../support/events.js';
import { sampleInventory } from '../support/inventories.js';

let cookieName: string;

beforeEach(() => {
  cookieName = uniqueCookieName('api');
});

afterEach(() => {
  deleteCookie(cookieName);
  pageLanguage.setHostLanguage(undefined);
});

describe('the consent API', () => {
  describe('reading the decision', () => {
    it('has none before an inventory, nor before a decision', () => {
      expect(getConsent(cookieName)).to.equal(undefined);
      expect(hasConsent('statistics', cookieName)).to.equal(false);
      expect(hasConsent('necessary', cookieName)).to.equal(false);
      setInventory(sampleInventory(), cookieName);
      expect(getConsent(cookieName)).to.equal(undefined);
      expect(hasConsent('statistics', cookieName)).to.equal(false);
      expect(hasConsent('necessary', cookieName)).to.equal(true);
    });

    it('gives the decision in force, as the cookie has it', () => {
      setInventory(sampleInventory(), cookieName);
      const detail = saveConsent({ statistics: true }, cookieName)!;
      const decision = getConsent(cookieName)!;
      expect(decision).to.deep.equal({
        categories: { necessary: true, statistics: true, marketing: false },
        vendors: {},
        revision: 1,
        timestamp: detail.timestamp,
        id: detail.id,
      });
      // The record has no vendors when the inventory has none; the decision has `{}`.
      const { vendors, ...record } = decision;
      expect(vendors).to.deep.equal({});
      expect(parseDecision(readCookie(cookieName))).to.deep.equal(record);
      expect(hasConsent('statistics', cookieName)).to.equal(true);
      expect(hasConsent('marketing', cookieName)).to.equal(false);
    });
  });

  describe('setInventory', () => {
    it('accepts a valid inventory', () => {
      const { error: errors } = captureConsole(() => {
        expect(setInventory(sampleInventory(), cookieName)).to.equal(true);
      });
      expect(errors).to.deep.equal([]);
    });

    it('refuses a bad inventory with one console.error, and keeps the decision in force', async () => {
      setInventory(sampleInventory(), cookieName);
      const detail = acceptAll(cookieName)!;
      let result: boolean | undefined;
      const bad = {
        categories: [{ id: 'necessary', required: true }],
        cookies: [{ name: 'ad', category: 'ads' }],
      };
      // The report's words are fetched first: it may come a moment later.
      const { error: errors } = await captureConsole(async ({ error: calls }) => {
        result = setInventory(bad as never, cookieName);
        await waitUntil(() => calls.length > 0, 'the problems are reported');
      });
      expect(result).to.equal(false);
      expect(errors).to.have.length(1);
      expect(String(errors[0][0])).to.match(/^setInventory\(\): invalid cookie inventory/);
      expect(String(errors[0][0])).to.contain('cookies[0].category: "ads" is not a category');
      expect(getConsent(cookieName)!.id).to.equal(detail.id);
      expect(parseDecision(readCookie(cookieName))!.id).to.equal(detail.id);
    });

    it('with a new revision, makes the decision no longer count', () => {
      setInventory(sampleInventory(1), cookieName);
      acceptAll(cookieName);
      setInventory(sampleInventory(2), cookieName);
      expect(getConsent(cookieName)).to.equal(undefined);
      expect(hasConsent('statistics', cookieName)).to.equal(false);
    });
  });

  describe('deciding', () => {
    it('fires each decision on document', () => {
      setInventory(sampleInventory(), cookieName);
      const { events, stop } = recordConsentChanges(document);
      const targets: (EventTarget | null)[] = [];
      const listener = (event: Event) => targets.push(event.target);
      document.addEventListener('consent-change', listener);
      let details: unknown[] = [];
      try {
        details = [
          acceptAll(cookieName),
          rejectAll(cookieName),
          saveConsent({ marketing: true }, cookieName),
          resetConsent(cookieName),
        ];
      } finally {
        stop();
        document.removeEventListener('consent-change', listener);
      }
      expect(events.map((event) => event.detail)).to.deep.equal(details);
      expect(events.map((event) => event.detail.action)).to.deep.equal([
        'accept-all',
        'reject-all',
        'save',
        'reset',
      ]);
      expect(targets).to.deep.equal([document, document, document, document]);
      expect(events.map((event) => event.detail.categories)).to.deep.equal([
        { necessary: true, statistics: true, marketing: true },
        { necessary: true, statistics: false, marketing: false },
        { necessary: true, statistics: false, marketing: true },
        { necessary: true, statistics: false, marketing: false },
      ]);
      expect(getConsent(cookieName)).to.equal(undefined);
      expect(readCookie(cookieName)).to.equal(undefined);
    });

    it('writes cookies_preferences when no cookie name is given', () => {
      const { error: errors } = captureConsole(() => acceptAll());
      expect(errors).to.have.length(1);
      expect(readCookie(DEFAULT_DECISION_COOKIE)).to.equal(undefined);
      try {
        setInventory(sampleInventory());
        const detail = acceptAll()!;
        expect(parseDecision(readCookie(DEFAULT_DECISION_COOKIE))!.id).to.equal(detail.id);
        expect(getConsent()!.id).to.equal(detail.id);
        expect(hasConsent('statistics')).to.equal(true);
      } finally {
        resetConsent();
      }
      expect(readCookie(DEFAULT_DECISION_COOKIE)).to.equal(undefined);
    });
  });

  describe('onConsent', () => {
    it('gives the decision in force at once, then each change, undefined after a reset', () => {
      setInventory(sampleInventory(), cookieName);
      const accepted = acceptAll(cookieName)!;
      const heard: (ConsentDecision | undefined)[] = [];
      const stop = onConsent((decision) => heard.push(decision), cookieName);
      expect(heard).to.have.length(1);
      expect(heard[0]).to.deep.equal(getConsent(cookieName));
      expect(heard[0]!.id).to.equal(accepted.id);

      const rejected = rejectAll(cookieName)!;
      expect(heard).to.have.length(2);
      expect(heard[1]!.id).to.equal(rejected.id);
      expect(heard[1]!.categories).to.deep.equal(rejected.categories);

      resetConsent(cookieName);
      expect(heard).to.have.length(3);
      expect(heard[2]).to.equal(undefined);

      // Nothing changed for the listener: no call.
      setInventory(sampleInventory(), cookieName);
      expect(heard).to.have.length(3);

      stop();
      acceptAll(cookieName);
      expect(heard).to.have.length(3);
    });

    it('calls nothing at once when there is no decision yet', () => {
      setInventory(sampleInventory(), cookieName);
      const heard: (ConsentDecision | undefined)[] = [];
      const stop = onConsent((decision) => heard.push(decision), cookieName);
      expect(heard).to.deep.equal([]);
      const detail = saveConsent({ statistics: true }, cookieName)!;
      expect(heard.map((decision) => decision?.id)).to.deep.equal([detail.id]);
      stop();
    });

    it('hears when a new revision makes the decision lapse', () => {
      setInventory(sampleInventory(1), cookieName);
      acceptAll(cookieName);
      const heard: (ConsentDecision | undefined)[] = [];
      const stop = onConsent((decision) => heard.push(decision), cookieName);
      setInventory(sampleInventory(2), cookieName);
      expect(heard).to.have.length(2);
      expect(heard[1]).to.equal(undefined);
      stop();
    });

    it('hears a decision taken in another tab', async () => {
      setInventory(sampleInventory(), cookieName);
      const heard: (ConsentDecision | undefined)[] = [];
      const stop = onConsent((decision) => heard.push(decision), cookieName);
      try {
        // A second store of the same cookie talks over BroadcastChannel, as another tab does.
        const otherTab = new ConsentStore(cookieName);
        otherTab.setInventory(sampleInventory());
        const detail = otherTab.acceptAll()!;
        await waitUntil(() => heard.length === 1, 'no decision within one second', {
          timeout: 1000,
          interval: 20,
        });
        expect(heard[0]!.id).to.equal(detail.id);
      } finally {
        stop();
      }
    });
  });

  describe('setLanguage', () => {
    it('puts the host language first for every element, until cleared', () => {
      const originalLang = document.documentElement.getAttribute('lang');
      document.documentElement.lang = 'de';
      let changes = 0;
      const unsubscribe = pageLanguage.subscribe(() => {
        changes += 1;
      });
      try {
        setLanguage('fr-CA');
        expect(pageLanguage.preferences()[0]).to.equal('fr-CA');
        expect(changes).to.equal(1);
        setLanguage(undefined);
        expect(pageLanguage.preferences()[0]).to.equal('de');
        expect(changes).to.equal(2);
      } finally {
        unsubscribe();
        if (originalLang === null) document.documentElement.removeAttribute('lang');
        else document.documentElement.lang = originalLang;
      }
    });
  });
});
