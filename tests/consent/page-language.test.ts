import { expect, waitUntil } from '@open-wc/testing';
import {
  DEFAULT_LANGUAGE_COOKIE,
  PageLanguage,
  pageLanguage,
} from '../../src/consent/page-language.js';
import {
  deleteCookie,
  deleteWrittenCookies,
  readCookie,
  setCookie,
  uniqueCookieName,
} from '../support/cookies.js';

const originalLang = document.documentElement.getAttribute('lang');
const unsubscribes: (() => void)[] = [];

function setPageLang(lang: string | null): void {
  if (lang === null) document.documentElement.removeAttribute('lang');
  else document.documentElement.setAttribute('lang', lang);
}

/** The browser's own languages, as PageLanguage lists them. */
function browserLanguages(): string[] {
  return [...(navigator.languages ?? [navigator.language])].filter((code) => code.trim() !== '');
}

/** A PageLanguage reading a language cookie of its own, so that tests do not share one. */
function newPageLanguage(): { language: PageLanguage; cookie: string } {
  const language = new PageLanguage();
  const cookie = uniqueCookieName('language');
  language.cookieName = cookie;
  return { language, cookie };
}

/** Subscribes a counter to `language`; unsubscribed after the test. */
function countChanges(language: PageLanguage): { count: () => number; unsubscribe: () => void } {
  let count = 0;
  const unsubscribe = language.subscribe(() => {
    count += 1;
  });
  unsubscribes.push(unsubscribe);
  return { count: () => count, unsubscribe };
}

const WITHIN_A_SECOND = { timeout: 1000, interval: 20 };

/** The poll's period in page-language.ts. */
const POLL_MS = 500;

/** Counts the page's reads of `document.cookie`, which still reads the real jar. */
function countCookieReads(): { count: () => number; reset: () => void; restore: () => void } {
  const real = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  let reads = 0;
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get() {
      reads += 1;
      return real.get!.call(this);
    },
    set(value: string) {
      real.set!.call(this, value);
    },
  });
  return {
    count: () => reads,
    reset: () => (reads = 0),
    restore: () => delete (document as { cookie?: string }).cookie,
  };
}

afterEach(() => {
  for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
  deleteWrittenCookies();
  setPageLang(originalLang);
  pageLanguage.setHostLanguage(undefined);
});

after(() => {
  // Only tests write django_language, and they delete it: the library never does.
  expect(readCookie('django_language')).to.equal(undefined);
});

describe('PageLanguage', () => {
  describe('preferences', () => {
    it('come from the host, the cookie, <html lang>, the browser, then English', () => {
      const { language, cookie } = newPageLanguage();
      setPageLang('de');
      setCookie(cookie, 'fr');
      language.setHostLanguage('it');
      expect(language.preferences()).to.deep.equal(['it', 'fr', 'de', ...browserLanguages(), 'en']);

      language.setHostLanguage(undefined);
      expect(language.preferences()).to.deep.equal(['fr', 'de', ...browserLanguages(), 'en']);

      deleteCookie(cookie);
      expect(language.preferences()).to.deep.equal(['de', ...browserLanguages(), 'en']);

      setPageLang(null);
      expect(language.preferences()).to.deep.equal([...browserLanguages(), 'en']);
      setPageLang('');
      expect(language.preferences()).to.deep.equal([...browserLanguages(), 'en']);
    });

    it('end with English whatever else there is', () => {
      const { language } = newPageLanguage();
      const preferences = language.preferences();
      expect(preferences[preferences.length - 1]).to.equal('en');
    });

    it('read django_language by default', () => {
      const language = new PageLanguage();
      expect(DEFAULT_LANGUAGE_COOKIE).to.equal('django_language');
      expect(language.cookieName).to.equal('django_language');
      setCookie('django_language', 'pt-br');
      setPageLang('de');
      expect(language.preferences().slice(0, 2)).to.deep.equal(['pt-br', 'de']);
    });

    it('read the cookie LANGUAGE_COOKIE_NAME names instead, when set', () => {
      const language = new PageLanguage();
      const custom = uniqueCookieName('site_language');
      setCookie('django_language', 'eo');
      setCookie(custom, 'fr');
      language.cookieName = custom;
      expect(language.cookieName).to.equal(custom);
      expect(language.preferences()[0]).to.equal('fr');
      expect(language.preferences()).to.not.include('eo');
    });

    it('ignore an empty host language', () => {
      const { language } = newPageLanguage();
      setPageLang('de');
      language.setHostLanguage('');
      expect(language.preferences()[0]).to.equal('de');
    });
  });

  describe('subscribers', () => {
    it('hear of a host language, a new cookie name, and nothing when nothing changed', () => {
      const { language } = newPageLanguage();
      const other = uniqueCookieName('language');
      setCookie(other, 'nl');
      const { count } = countChanges(language);
      language.setHostLanguage('it');
      expect(count()).to.equal(1);
      language.setHostLanguage('it');
      language.check();
      expect(count()).to.equal(1);
      language.cookieName = other;
      expect(count()).to.equal(2);
      language.cookieName = other;
      expect(count()).to.equal(2);
      language.setHostLanguage(undefined);
      expect(count()).to.equal(3);
    });

    it('hear of a change of the language cookie within one second', async () => {
      const { language, cookie } = newPageLanguage();
      const { count } = countChanges(language);
      setCookie(cookie, 'fr');
      await waitUntil(() => count() === 1, 'the new cookie went unnoticed', WITHIN_A_SECOND);
      expect(language.preferences()[0]).to.equal('fr');
      setCookie(cookie, 'de');
      await waitUntil(() => count() === 2, 'the changed cookie went unnoticed', WITHIN_A_SECOND);
      expect(language.preferences()[0]).to.equal('de');
      deleteCookie(cookie);
      await waitUntil(() => count() === 3, 'the deleted cookie went unnoticed', WITHIN_A_SECOND);
      expect(language.preferences()[0]).to.not.equal('de');
    });

    it('hear of a language cookie that a server response sets, within one second', async () => {
      const { language, cookie } = newPageLanguage();
      const { count } = countChanges(language);
      // As Django's set_language view answers: a Set-Cookie, no script of the page.
      await fetch(`/test-endpoints/set-cookie?name=${cookie}&value=fr`);
      await waitUntil(() => count() === 1, 'the cookie went unnoticed', WITHIN_A_SECOND);
      expect(language.preferences()[0]).to.equal('fr');
    });

    it('stop reading document.cookie once cookieStore announces changes, and still hear each one', async () => {
      const cookieStore = (globalThis as { cookieStore?: { get(name: string): Promise<unknown> } })
        .cookieStore;
      expect(cookieStore, 'the Cookie Store API, in every engine tested').to.not.equal(undefined);
      const reads = countCookieReads();
      try {
        const { language, cookie } = newPageLanguage();
        const { count } = countChanges(language);
        // Asked after the watch's own request, answered after it: its listener is live.
        await cookieStore!.get(cookie);
        // Counted from a period later: the watch reads the cookie once as the listener goes live.
        let ticks = 0;
        const ticker = setInterval(() => {
          ticks += 1;
          if (ticks === 1) reads.reset();
        }, POLL_MS);
        try {
          await waitUntil(() => ticks >= 4, 'three periods of the poll', { timeout: 10000 });
        } finally {
          clearInterval(ticker);
        }
        expect(reads.count(), 'reads of document.cookie with nothing changed').to.equal(0);

        document.cookie = `${cookie}=de; path=/`;
        await waitUntil(() => count() === 1, 'a write of the page went unnoticed', WITHIN_A_SECOND);
        await fetch(`/test-endpoints/set-cookie?name=${cookie}&value=fr`);
        await waitUntil(
          () => count() === 2,
          "a server's Set-Cookie went unnoticed",
          WITHIN_A_SECOND,
        );
        expect(language.preferences()[0]).to.equal('fr');
      } finally {
        reads.restore();
      }
    });

    it('hear of a change of <html lang> within one second', async () => {
      const { language } = newPageLanguage();
      setPageLang('fr');
      const { count } = countChanges(language);
      setPageLang('de');
      await waitUntil(() => count() === 1, '<html lang> went unnoticed', WITHIN_A_SECOND);
      expect(language.preferences()[0]).to.equal('de');
    });

    it('hear of a change of the cookie within one second where there is no cookieStore', async () => {
      const { language, cookie } = newPageLanguage();
      // Engines before the Cookie Store API: hide it while the watch starts.
      const own = Object.getOwnPropertyDescriptor(globalThis, 'cookieStore');
      Object.defineProperty(globalThis, 'cookieStore', {
        value: undefined,
        configurable: true,
        writable: true,
      });
      let counter: ReturnType<typeof countChanges>;
      try {
        counter = countChanges(language);
      } finally {
        if (own) Object.defineProperty(globalThis, 'cookieStore', own);
        else delete (globalThis as { cookieStore?: unknown }).cookieStore;
      }
      setCookie(cookie, 'fr');
      await waitUntil(() => counter.count() === 1, 'the cookie went unnoticed', WITHIN_A_SECOND);
      expect(language.preferences()[0]).to.equal('fr');
      counter.unsubscribe();
      setCookie(cookie, 'de');
      // What each poll of the watch does, done now: it tells only those still listening.
      language.check();
      expect(language.preferences()[0]).to.equal('de');
      expect(counter.count()).to.equal(1);
    });

    it('stop hearing once unsubscribed, while the others still hear', async () => {
      const { language, cookie } = newPageLanguage();
      const leaving = countChanges(language);
      const staying = countChanges(language);
      leaving.unsubscribe();
      setCookie(cookie, 'fr');
      await waitUntil(() => staying.count() === 1, 'the cookie went unnoticed', WITHIN_A_SECOND);
      expect(leaving.count()).to.equal(0);

      // The last one leaving stops the watch.
      staying.unsubscribe();
      staying.unsubscribe();
      setCookie(cookie, 'de');
      setPageLang('nl');
      // What each poll of the watch does, done now: it tells only those still listening.
      language.check();
      expect(staying.count()).to.equal(1);
      expect(leaving.count()).to.equal(0);
    });

    it('hear again after everyone left and someone came back', async () => {
      const { language, cookie } = newPageLanguage();
      countChanges(language).unsubscribe();
      const back = countChanges(language);
      setCookie(cookie, 'fr');
      await waitUntil(() => back.count() === 1, 'the cookie went unnoticed', WITHIN_A_SECOND);
    });
  });

  it('never writes django_language', async () => {
    const { language } = newPageLanguage();
    const { count } = countChanges(language);
    language.setHostLanguage('fr');
    setPageLang('de');
    await waitUntil(() => count() === 2, '<html lang> went unnoticed', WITHIN_A_SECOND);
    pageLanguage.setHostLanguage('it');
    pageLanguage.check();
    language.cookieName = 'django_language';
    expect(readCookie('django_language')).to.equal(undefined);
    expect(readCookie(language.cookieName)).to.equal(undefined);
  });
});

describe('pageLanguage', () => {
  it('is the one PageLanguage every element of the page shares', () => {
    expect(pageLanguage).to.be.instanceOf(PageLanguage);
    expect(pageLanguage.cookieName).to.equal('django_language');
    pageLanguage.setHostLanguage('fr-CA');
    expect(pageLanguage.preferences()[0]).to.equal('fr-CA');
  });
});
