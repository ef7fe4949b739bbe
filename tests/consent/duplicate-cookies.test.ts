/**
 * Copies of the decision cookie for another path or domain (set by another
 * page of the site, or a sibling subdomain) must never override a refusal.
 * The pages here are iframes at tests/consent/fixtures/, a path below the
 * test page's, so that a copy can be set for their path only.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { parentPaths } from '../../src/consent/cookie-jar.js';
import type * as Api from '../../src/consent/api.js';
import { cookieCopies, uniqueCookieName } from '../support/cookies.js';
import { sampleInventory } from '../support/inventories.js';

const FIXTURES_PATH = new URL('./fixtures/', import.meta.url).pathname.replace(/\/$/, '');

interface Page {
  consent: typeof Api;
  doc: Document;
}

/** A page of the site at fixtures/, with its own copy of the consent API. */
async function pageBelow(): Promise<Page> {
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `${FIXTURES_PATH}/other-tab.html`;
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & { consent?: typeof Api };
  await waitUntil(() => win.consent, 'the page has its consent API');
  return { consent: win.consent!, doc: frame.contentDocument! };
}

function record(categories: Record<string, boolean>, minutesAgo: number, id: string): string {
  const timestamp = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  return encodeURIComponent(JSON.stringify({ categories, revision: 1, timestamp, id }));
}

const ACCEPTED = { necessary: true, statistics: true, marketing: true };
const REFUSED = { necessary: true, statistics: false, marketing: false };

let name: string;
const written: [string, string][] = [];

beforeEach(() => {
  name = uniqueCookieName('duplicate');
});

afterEach(() => {
  for (const [cookie, path] of written.splice(0)) {
    document.cookie = `${cookie}=; Path=${path}; Max-Age=0`;
  }
  document.cookie = `${name}=; Path=/; Max-Age=0`;
});

function setCopy(doc: Document, value: string, path: string): void {
  written.push([name, path]);
  doc.cookie = `${name}=${value}; Path=${path}; SameSite=Lax`;
}

describe('copies of the decision cookie', () => {
  it('a copy for a narrower path does not undo "Reject all", nor outlive a reset', async () => {
    const page = await pageBelow();
    setCopy(page.doc, record(ACCEPTED, 5, 'copy-for-the-path'), FIXTURES_PATH);
    page.consent.setInventory(sampleInventory(), name);
    expect(page.consent.hasConsent('statistics', name)).to.equal(true);

    page.consent.rejectAll(name);
    expect(page.consent.hasConsent('statistics', name)).to.equal(false);
    // The copy for the path is gone: only this decision is left.
    expect(cookieCopies(name, page.doc)).to.have.length(1);

    const nextPage = await pageBelow();
    nextPage.consent.setInventory(sampleInventory(), name);
    expect(nextPage.consent.hasConsent('statistics', name)).to.equal(false);
    expect(nextPage.consent.getConsent(name)?.categories).to.deep.equal(REFUSED);

    nextPage.consent.resetConsent(name);
    expect(cookieCopies(name, nextPage.doc)).to.deep.equal([]);
    const afterReset = await pageBelow();
    afterReset.consent.setInventory(sampleInventory(), name);
    expect(afterReset.consent.getConsent(name)).to.equal(undefined);
  });

  it('reads the newest copy, whichever comes first', async () => {
    const page = await pageBelow();
    // The browser lists the narrower path first: here it holds the older decision.
    setCopy(page.doc, record(ACCEPTED, 60, 'older'), FIXTURES_PATH);
    setCopy(page.doc, record(REFUSED, 1, 'newer'), '/');
    page.consent.setInventory(sampleInventory(), name);
    expect(page.consent.getConsent(name)?.id).to.equal('newer');

    const other = await pageBelow();
    const otherName = uniqueCookieName('duplicate');
    written.push([otherName, FIXTURES_PATH], [otherName, '/']);
    other.doc.cookie = `${otherName}=${record(REFUSED, 1, 'newer')}; Path=${FIXTURES_PATH}`;
    other.doc.cookie = `${otherName}=${record(ACCEPTED, 60, 'older')}; Path=/`;
    other.consent.setInventory(sampleInventory(), otherName);
    expect(other.consent.getConsent(otherName)?.id).to.equal('newer');
  });

  it('passes over a copy dated in the future and one that does not parse', async () => {
    const page = await pageBelow();
    setCopy(page.doc, record(ACCEPTED, -3 * 24 * 60, 'future'), FIXTURES_PATH);
    setCopy(page.doc, record(REFUSED, 10, 'valid'), `${FIXTURES_PATH}/`);
    written.push([name, '/']);
    page.doc.cookie = `${name}=%7Bnot-json; Path=/`;
    page.consent.setInventory(sampleInventory(), name);
    expect(page.consent.getConsent(name)?.id).to.equal('valid');
  });

  it('keeps a __Host- decision cookie as the browser requires: Secure, Path=/, no Domain', async () => {
    const page = await pageBelow();
    const hostName = `__Host-${uniqueCookieName('duplicate')}`;
    // Chromium and Firefox count http://localhost as secure; WebKitGTK refuses it Secure cookies.
    page.doc.cookie = `${hostName}=probe; Secure; Path=/`;
    const secureCookies = cookieCopies(hostName, page.doc).length === 1;
    page.doc.cookie = `${hostName}=; Secure; Path=/; Max-Age=0`;
    page.consent.setInventory(sampleInventory(), hostName);
    page.consent.acceptAll(hostName);
    // Set any other way (without Secure, with a Domain), the browser would refuse it.
    expect(cookieCopies(hostName, page.doc)).to.have.length(secureCookies ? 1 : 0);
    // Refused or not, the decision holds for this page.
    expect(page.consent.hasConsent('statistics', hostName)).to.equal(true);
    page.consent.rejectAll(hostName);
    expect(cookieCopies(hostName, page.doc)).to.have.length(secureCookies ? 1 : 0);
    const nextPage = await pageBelow();
    nextPage.consent.setInventory(sampleInventory(), hostName);
    expect(nextPage.consent.hasConsent('statistics', hostName)).to.equal(false);
    expect(nextPage.consent.getConsent(hostName)?.categories).to.deep.equal(
      secureCookies ? REFUSED : undefined,
    );
    nextPage.consent.resetConsent(hostName);
    expect(cookieCopies(hostName, nextPage.doc)).to.deep.equal([]);
  });

  it('lists every path a copy may have been set for', () => {
    expect(parentPaths('/pages/shop/index.html')).to.deep.equal([
      '/',
      '/pages',
      '/pages/',
      '/pages/shop',
      '/pages/shop/',
      '/pages/shop/index.html',
      '/pages/shop/index.html/',
    ]);
    expect(parentPaths('/')).to.deep.equal(['/']);
  });
});
