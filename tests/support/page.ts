/**
 * The page the element tests run in: mocha hooks that leave it as they found
 * it, warm-ups that keep first loads out of a test's time budget, and pages
 * loaded in iframes.
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import type { CookiePreferences, CookieTable } from '../../src/index.js';
import { deleteAllCookies, setCookie } from './cookies.js';
import { visibleText } from './dom.js';
import { testInventory } from './inventories.js';

let languageTouched = false;

/** Sets Django's language cookie as the site would; the page hooks delete it again. */
export function setLanguageCookie(code: string, doc: Document = document): void {
  languageTouched = true;
  setCookie('django_language', code, doc);
}

/**
 * Brings the consent elements back to English after a test changed the
 * language, so that the next test does not start while French is leaving.
 */
async function settleEnglish(): Promise<void> {
  // A test page that only hosts iframes has no consent element of its own.
  if (!customElements.get('cookie-table')) return;
  const probe = await fixture<CookieTable>(
    html`<cookie-table .inventory=${testInventory()}></cookie-table>`,
  );
  await waitUntil(
    () => visibleText(probe.shadowRoot!.querySelector('th')) === 'Provider',
    'the consent elements are back in English',
    { timeout: 2000 },
  );
  probe.remove();
}

/**
 * Mocha hooks every element test file uses: `<html lang="en">` during each
 * test (restored after), and no cookie, open dialog or stray element left.
 */
export function usePageDefaults(): void {
  let pageLang: string | null = null;
  let pageDir: string | null = null;

  beforeEach(() => {
    const root = document.documentElement;
    pageLang = root.getAttribute('lang');
    pageDir = root.getAttribute('dir');
    root.lang = 'en';
    root.removeAttribute('dir');
  });

  afterEach(async () => {
    for (const stray of document.querySelectorAll('body > cookie-preferences')) stray.remove();
    deleteAllCookies();
    const root = document.documentElement;
    if (pageLang === null) root.removeAttribute('lang');
    else root.setAttribute('lang', pageLang);
    if (pageDir === null) root.removeAttribute('dir');
    else root.setAttribute('dir', pageDir);
    window.scrollTo(0, 0);
    if (languageTouched) {
      languageTouched = false;
      root.lang = 'en';
      await settleEnglish();
      if (pageLang === null) root.removeAttribute('lang');
      else root.setAttribute('lang', pageLang);
    }
  });
}

/**
 * Runs axe once before the file's tests: its first run in a page sets itself
 * up and takes seconds (WebKit on a loaded machine: more than a test's 10 s).
 */
export function warmUpAxe(): void {
  before(async function () {
    this.timeout(60000);
    const probe = await fixture<HTMLParagraphElement>(html`<p>Axe warm-up</p>`);
    await expect(probe).to.be.accessible();
  });
}

/**
 * How long a language's texts may take to arrive the first time a page uses
 * them: fetched, and compiled by the test server on its first request, which
 * on a busy machine (WebKit, other suites running) takes seconds. A wait on
 * them ends as soon as they are there; this only bounds it.
 */
export const LANGUAGE_LOAD_MS = 5000;

/**
 * Loads `code`'s texts (the banner's and the details') before the file's
 * tests, through the library's own loaders, so that the module the library
 * imports on the switch is already in the page: its first fetch and compile
 * are then not spent in the budget of whichever test switches first.
 */
export function warmUpLanguage(code: string): void {
  before(async function () {
    this.timeout(60000);
    const { detailLoaders, localeLoaders } = await import('../../src/i18n/generated/loaders.js');
    await Promise.all([localeLoaders[code]?.(), detailLoaders[code]?.()]);
  });
}

/**
 * Loads `fixtures/page.html` (consent elements written in the HTML before the
 * module that defines them) in an iframe of `width` × `height` CSS pixels,
 * which is then the page's viewport, and waits until its banner has rendered.
 */
export async function loadMarkupPage(width = 800, height = 600): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0; display: block;`;
  frame.title = 'Page with consent elements in its HTML';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = new URL('../components/fixtures/page.html', import.meta.url).href;
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  await waitUntil(
    () => doc.querySelector('cookie-banner')?.shadowRoot?.querySelector('[role="region"]'),
    'the banner of the page has rendered',
    // The first load compiles the whole module graph on the dev server.
    { timeout: 8000 },
  );
  return frame;
}

/**
 * The URLs of the modules and files this page loaded whose URL contains
 * `what` (the test server serves src/ as is, so a module's URL names its file).
 */
export function loadedModules(what: string): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => url.includes(what));
}

/**
 * The tables rendered and their overflow shown: a table learns that it
 * overflows (and becomes a focusable region) from a ResizeObserver, which
 * reports after layout, before the paint of the frame after next.
 */
export async function tablesSettled(tables: readonly CookieTable[]): Promise<void> {
  await Promise.all(tables.map((table) => table.updateComplete));
  await nextFrame();
  await nextFrame();
  await Promise.all(tables.map((table) => table.updateComplete));
}

/**
 * The `<cookie-preferences>` the library adds to the page's `<body>` when a
 * host has none, once it is open and rendered.
 */
export async function openedPageDialog(): Promise<CookiePreferences> {
  const dialog = () => document.querySelector<CookiePreferences>('body > cookie-preferences');
  await waitUntil(() => dialog()?.open, 'the preferences open', { timeout: 2000 });
  await dialog()!.updateComplete;
  return dialog()!;
}
