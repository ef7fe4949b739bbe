/**
 * What the element tests share: an inventory shaped like the seed's, and the
 * page as a host sees it (cookies, `<html lang>`, console, shadow parts).
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import type { ConsentChangeEvent, CookieInventory, CookieTable } from '../../src/index.js';

/**
 * Three categories: necessary (required, 2 cookies), statistics (1 cookie),
 * marketing (2 cookies, one set by a third party), texts in French and English.
 */
export function testInventory(revision: string | number = 1): CookieInventory {
  return {
    revision,
    categories: [
      {
        id: 'necessary',
        required: true,
        label: { fr: 'Cookies nécessaires', en: 'Necessary cookies' },
        description: {
          fr: 'Indispensables au fonctionnement du site.',
          en: 'The site cannot work without them.',
        },
      },
      {
        id: 'statistics',
        label: { fr: 'Cookies statistiques', en: 'Statistics cookies' },
        description: { fr: 'Mesure d’audience anonyme.', en: 'Anonymous audience measurement.' },
      },
      {
        id: 'marketing',
        label: { fr: 'Cookies publicitaires', en: 'Advertising cookies' },
        description: { fr: 'Publicité ciblée.', en: 'Targeted advertising.' },
      },
    ],
    cookies: [
      {
        name: 'sessionid',
        category: 'necessary',
        provider: 'Opendatasoft',
        service: {
          fr: 'Authentification (front et back office)',
          en: 'Authentication (front and back office)',
        },
        purpose: {
          fr: 'Se souvenir de l’utilisateur d’une page à une autre.',
          en: 'Remember the user from one page to the next.',
        },
        duration: { fr: '2 semaines', en: '2 weeks' },
        party: 'first',
      },
      {
        name: 'csrftoken',
        category: 'necessary',
        provider: 'Opendatasoft',
        service: { fr: 'API (CSRF)', en: 'API (CSRF)' },
        purpose: {
          fr: 'Récupérer des données via des appels API',
          en: 'Retrieve data through API calls',
        },
        duration: 'session',
        party: 'first',
      },
      {
        name: '_pk_id',
        category: 'statistics',
        provider: 'Matomo',
        service: {
          fr: 'Mesure d’audience (tout le site)',
          en: 'Audience measurement (whole site)',
        },
        purpose: { fr: 'Compter les visites.', en: 'Count visits.' },
        duration: { months: 13 },
        party: 'first',
      },
      {
        name: 'ad_id',
        category: 'marketing',
        provider: 'AdNetwork',
        service: { fr: 'Publicité (pages d’accueil)', en: 'Advertising (home pages)' },
        purpose: { fr: 'Suivre les visites entre sites.', en: 'Follow visits across sites.' },
        duration: { years: 1 },
        party: 'third',
      },
      {
        name: 'ad_seen',
        category: 'marketing',
        provider: 'Opendatasoft',
        service: { fr: 'Publicité (pages d’accueil)', en: 'Advertising (home pages)' },
        purpose: { fr: 'Ne pas répéter une annonce.', en: 'Not repeat an advert.' },
        duration: { days: 30 },
        party: 'first',
      },
    ],
  };
}

export const CATEGORY_IDS = ['necessary', 'statistics', 'marketing'];

let cookieCounter = 0;

/**
 * A decision cookie name no other test of the page uses: the stores are one
 * per cookie name and page, so a fresh name means "no decision yet".
 */
export function uniqueCookieName(): string {
  cookieCounter += 1;
  return `t${cookieCounter}_${Math.random().toString(36).slice(2, 8)}`;
}

/** The raw value of cookie `name`, read from `document.cookie` without the library. */
export function rawCookie(name: string, doc: Document = document): string | undefined {
  for (const pair of doc.cookie.split(';')) {
    const equals = pair.indexOf('=');
    if (equals >= 0 && pair.slice(0, equals).trim() === name) {
      return pair.slice(equals + 1).trim();
    }
  }
  return undefined;
}

export interface StoredDecision {
  categories: Record<string, boolean>;
  revision?: string | number;
  timestamp: string;
  id: string;
}

/** The decision cookie `name` as a server would read it. */
export function storedDecision(name: string): StoredDecision | undefined {
  const raw = rawCookie(name);
  return raw === undefined ? undefined : JSON.parse(decodeURIComponent(raw));
}

export function setCookie(name: string, value: string): void {
  document.cookie = `${name}=${value}; Path=/; SameSite=Lax`;
}

/** Writes a decision cookie the way a previous visit would have. */
export function setStoredDecision(name: string, decision: Partial<StoredDecision>): void {
  const record: StoredDecision = {
    categories: { necessary: true, statistics: true, marketing: false },
    revision: 1,
    timestamp: new Date().toISOString(),
    id: 'earlier-visit',
    ...decision,
  };
  setCookie(name, encodeURIComponent(JSON.stringify(record)));
}

export function deleteCookie(name: string): void {
  document.cookie = `${name}=; Path=/; Max-Age=0`;
}

/** Every cookie the page can see, deleted. */
export function deleteAllCookies(): void {
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0].trim();
    if (name) deleteCookie(name);
  }
}

/** Records every `consent-change` that reaches `target` until `stop()`. */
export function recordConsentChanges(target: EventTarget = document): {
  events: ConsentChangeEvent[];
  stop: () => void;
} {
  const events: ConsentChangeEvent[] = [];
  const listener = (event: Event) => events.push(event as ConsentChangeEvent);
  target.addEventListener('consent-change', listener);
  return { events, stop: () => target.removeEventListener('consent-change', listener) };
}

/**
 * Runs `action` with `console.error` counted instead of printed, restored
 * afterwards whatever happens; returns the arguments of each call (which
 * `action` sees as they come).
 */
export async function captureConsoleErrors(
  action: (calls: readonly unknown[][]) => unknown,
): Promise<unknown[][]> {
  const calls: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    calls.push(args);
  };
  try {
    await action(calls);
  } finally {
    console.error = original;
  }
  return calls;
}

/** A shadow part of `element` (`part~=name`), or null. */
export function part<T extends HTMLElement = HTMLElement>(
  element: Element,
  name: string,
): T | null {
  return element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

/** A node as a failure message names it: `<button part="accept-button">`. */
function describeNode(value: unknown): string {
  if (!(value instanceof Node) || !('localName' in value)) return String(value);
  const element = value as Element;
  const attributes = ['id', 'part', 'role']
    .filter((name) => element.hasAttribute(name))
    .map((name) => ` ${name}="${element.getAttribute(name)}"`)
    .join('');
  return `<${element.localName}${attributes}>`;
}

/**
 * Asserts that `actual` is `expected` (an element, or null). Chai's own
 * `equal` is not used with DOM nodes: the test runner stalls serialising them
 * when the assertion fails.
 */
export function expectSame(actual: unknown, expected: unknown, what = 'node'): void {
  expect(
    actual === expected,
    `${what}: expected ${describeNode(expected)}, got ${describeNode(actual)}`,
  ).to.equal(true);
}

/** Text with its white space collapsed, as a visitor reads it. */
export function visibleText(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The labels of the buttons under `root`; none while the element shows nothing yet. */
export function buttonLabels(root: ParentNode | null | undefined): string[] {
  return [...(root?.querySelectorAll('button') ?? [])].map((button) => visibleText(button));
}

let languageTouched = false;

/** Sets Django's language cookie as the site would; the page hooks delete it again. */
export function setLanguageCookie(code: string, doc: Document = document): void {
  languageTouched = true;
  doc.cookie = `django_language=${code}; Path=/; SameSite=Lax`;
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
  frame.src = new URL('./fixtures/page.html', import.meta.url).href;
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
