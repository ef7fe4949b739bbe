import { expect } from '@open-wc/testing';
import {
  cookieAssignment,
  cookieNames,
  deleteCookieEverywhere,
  isSecurePage,
  parentDomains,
  readCookie,
  writeCookie,
} from '../../src/consent/cookie-jar.js';
import {
  deleteCookie,
  readCookie as readPageCookie,
  setCookie,
  uniqueCookieName,
} from '../support/cookies.js';

const SIX_MONTHS_S = 182 * 24 * 60 * 60;

describe('readCookie', () => {
  it('reads one cookie of a Cookie header', () => {
    const header = 'csrftoken=abc; cookies_preferences=%7B%7D;django_language=fr';
    expect(readCookie(header, 'cookies_preferences')).to.equal('%7B%7D');
    expect(readCookie(header, 'django_language')).to.equal('fr');
    expect(readCookie(header, 'csrftoken')).to.equal('abc');
    expect(readCookie(header, 'sessionid')).to.equal(undefined);
    expect(readCookie('', 'sessionid')).to.equal(undefined);
  });

  it('keeps "=" inside a value and reads an empty value', () => {
    expect(readCookie('token=a=b==; empty=', 'token')).to.equal('a=b==');
    expect(readCookie('token=a=b==; empty=', 'empty')).to.equal('');
  });

  it('matches whole names only', () => {
    expect(
      readCookie('xcookies_preferences=1; cookies_preferencesx=2', 'cookies_preferences'),
    ).to.equal(undefined);
  });

  it('skips malformed pairs', () => {
    expect(readCookie('garbage; ;;=orphan; name=value', 'name')).to.equal('value');
    expect(readCookie('garbage', 'garbage')).to.equal(undefined);
  });

  it('takes the first of two cookies with one name, as a server does', () => {
    expect(readCookie('name=first; other=1; name=second', 'name')).to.equal('first');
  });
});

describe('cookieNames', () => {
  it('lists the names in order, skipping malformed pairs', () => {
    expect(cookieNames('a=1; _ga_X=2;b=; c=x=y')).to.deep.equal(['a', '_ga_X', 'b', 'c']);
    expect(cookieNames('')).to.deep.equal([]);
    expect(cookieNames('=orphan; ; a=1')).to.deep.equal(['a']);
  });

  it('does not take the value of a nameless cookie for a name', () => {
    // document.cookie = "_ga_XYZ" sets a cookie with an empty name and the value "_ga_XYZ".
    expect(cookieNames('_ga_XYZ; a=1')).to.deep.equal(['a']);
  });
});

describe('cookieAssignment', () => {
  it('writes Path=/, Max-Age, Expires and SameSite=Lax', () => {
    const before = Date.now();
    const text = cookieAssignment('cookies_preferences', 'v', { maxAge: SIX_MONTHS_S });
    const match = text.match(
      /^cookies_preferences=v; Path=\/; Max-Age=15724800; Expires=([^;]+); SameSite=Lax$/,
    );
    expect(match, text).to.not.equal(null);
    // Expires says the same as Max-Age, for engines that only know Expires.
    const expires = Date.parse(match![1]);
    expect(expires).to.be.within(
      Math.floor(before / 1000) * 1000 + SIX_MONTHS_S * 1000,
      Date.now() + SIX_MONTHS_S * 1000,
    );
    expect(new Date(expires).toUTCString()).to.equal(match![1]);
  });

  it('adds Domain only when one is given, and Secure when asked', () => {
    expect(cookieAssignment('n', 'v', { maxAge: 60 })).to.not.match(/Domain|Secure/);
    expect(cookieAssignment('n', 'v', { maxAge: 60, domain: '' })).to.not.contain('Domain');
    const text = cookieAssignment('n', 'v', { maxAge: 60, domain: 'example.fr', secure: true });
    expect(text).to.match(/; Domain=example\.fr; Secure$/);
    expect(text).to.contain('; SameSite=Lax');
    expect(cookieAssignment('n', 'v', { maxAge: 60, secure: false })).to.not.contain('Secure');
  });

  it('writes a __Host- name with Secure, Path=/ and no Domain, and a __Secure- one with Secure', () => {
    const host = cookieAssignment('__Host-n', 'v', { maxAge: 60, path: '/app', domain: 'a.fr' });
    expect(host).to.match(/^__Host-n=v; Path=\/; Max-Age=60; /);
    expect(host).to.not.contain('Domain');
    expect(host).to.match(/; Secure$/);
    const secure = cookieAssignment('__Secure-n', '', { maxAge: 0, domain: 'a.fr' });
    expect(secure).to.match(/; Domain=a\.fr; Secure$/);
  });

  it('uses whole seconds, and another path when given', () => {
    expect(cookieAssignment('n', 'v', { maxAge: 90.9, path: '/app' })).to.match(
      /^n=v; Path=\/app; Max-Age=90; Expires=/,
    );
  });

  it('deletes with Max-Age=0 and an Expires long past', () => {
    // Not "now": an engine may keep a cookie whose Expires is the current second.
    for (const maxAge of [0, -1, 0.5]) {
      expect(cookieAssignment('n', '', { maxAge })).to.match(
        /^n=; Path=\/; Max-Age=(0|-1); Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax$/,
      );
    }
  });
});

describe('isSecurePage', () => {
  it('is false on the http page the test runner serves', () => {
    expect(location.protocol).to.equal('http:');
    expect(isSecurePage()).to.equal(false);
  });
});

describe('writeCookie and deleteCookieEverywhere', () => {
  it('write a cookie the page can read, and delete it', () => {
    const name = uniqueCookieName();
    writeCookie(name, 'hello', { maxAge: 60 });
    expect(readPageCookie(name)).to.equal('hello');
    writeCookie(name, '', { maxAge: 0 });
    expect(readPageCookie(name)).to.equal(undefined);
  });

  it('deleteCookieEverywhere removes a host-only cookie, whatever parent domains it tries', () => {
    const name = uniqueCookieName();
    const other = uniqueCookieName();
    try {
      setCookie(name, '1');
      setCookie(other, '2');
      deleteCookieEverywhere(name);
      expect(readPageCookie(name)).to.equal(undefined);
      expect(readPageCookie(other)).to.equal('2');
      setCookie(name, '1');
      deleteCookieEverywhere(name, 'www.example.com');
      expect(readPageCookie(name)).to.equal(undefined);
    } finally {
      deleteCookie(name);
      deleteCookie(other);
    }
  });
});

describe('parentDomains', () => {
  const cases: [string, string[]][] = [
    ['www.example.co.uk', ['www.example.co.uk', 'example.co.uk', 'co.uk']],
    ['data.banque.fr', ['data.banque.fr', 'banque.fr']],
    ['example.fr', ['example.fr']],
    ['localhost', []],
    ['127.0.0.1', []],
    ['::1', []],
    ['[::1]', []],
    ['', []],
  ];
  for (const [hostname, domains] of cases) {
    it(`gives ${JSON.stringify(domains)} for ${JSON.stringify(hostname)}`, () => {
      expect(parentDomains(hostname)).to.deep.equal(domains);
    });
  }
});
