// Functions the check runs inside the pages it visits (Playwright serialises them: they use
// nothing from this module).
/* global window, document, location, Document, Storage, getComputedStyle, customElements */

/** The binding through which the pages report their cookie and storage writes. */
export const RECORD_BINDING = '__cookieConsentCheckRecord';

/**
 * Runs in every frame before its scripts: wraps the `document.cookie` setter and
 * `Storage.prototype.setItem` so that each write is reported with the stack of the script that
 * made it. The writes still happen as the page asked.
 */
export function instrumentWrites(binding) {
  const report = (write) => {
    try {
      window[binding]?.({ ...write, origin: location.origin, stack: new Error().stack });
    } catch {
      // A frame without the binding: nothing to report to.
    }
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie?.set) {
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      enumerable: cookie.enumerable,
      get() {
        return cookie.get.call(this);
      },
      set(value) {
        report({ kind: 'cookie', value: String(value) });
        cookie.set.call(this, value);
      },
    });
  }
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    let kind = 'sessionStorage';
    try {
      if (this === window.localStorage) kind = 'localStorage';
    } catch {
      // Storage refused to this frame.
    }
    report({ kind, key: String(key) });
    return setItem.call(this, key, value);
  };
}

/**
 * Waits for the consent elements of the page, if it has any, to be defined and to hold an
 * inventory; resolves with true then, false if the page has none.
 */
export async function consentElementsReady() {
  const tags = ['cookie-banner', 'cookie-preferences', 'cookie-table', 'cookie-embed'];
  const present = tags.filter((tag) => document.querySelector(tag));
  if (present.length === 0) return false;
  await Promise.all(present.map((tag) => customElements.whenDefined(tag)));
  return [...document.querySelectorAll(tags.join(','))].some(
    (element) => element.inventory !== undefined,
  );
}

/**
 * The inventory the page's consent elements hold (their `inventory` property), the decision
 * cookie's name, and the decision in force, read through `window.cookieConsent`.
 */
export function readConsentState() {
  const elements = [
    ...document.querySelectorAll('cookie-banner, cookie-preferences, cookie-table, cookie-embed'),
  ];
  const holder = elements.find((element) => element.inventory !== undefined);
  const cookieName = (holder ?? elements[0])?.getAttribute('cookie-name') ?? 'cookies_preferences';
  let decision;
  try {
    decision = window.cookieConsent?.getConsent(cookieName);
  } catch {
    decision = undefined;
  }
  return {
    tags: [...new Set(elements.map((element) => element.localName))],
    inventory: holder ? JSON.parse(JSON.stringify(holder.inventory)) : undefined,
    cookieName,
    hasApi: typeof window.cookieConsent?.getConsent === 'function',
    decision: decision ? JSON.parse(JSON.stringify(decision)) : undefined,
  };
}

/** The keys of this frame's `localStorage` and `sessionStorage`. */
export function readStorage() {
  const keys = (storage) => {
    try {
      const store = window[storage];
      return Array.from({ length: store.length }, (_, index) => store.key(index));
    } catch {
      return [];
    }
  };
  return {
    origin: location.origin,
    localStorage: keys('localStorage'),
    sessionStorage: keys('sessionStorage'),
  };
}

/** The links of the page to follow: absolute URLs, without their fragment. */
export function readLinks() {
  return [...document.querySelectorAll('a[href]')].map((link) => {
    const url = new URL(link.href, document.baseURI);
    url.hash = '';
    return url.href;
  });
}

/** What the eye compares between two buttons: their box and their type. */
export function buttonLook(element) {
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    text: element.textContent.trim().replace(/\s+/g, ' '),
    width: box.width,
    height: box.height,
    fontSize: style.fontSize,
    fontWeight: style.fontWeight,
    color: style.color,
    background: style.backgroundColor,
  };
}

/** Calls `rejectAll` of the page API, for pages whose banner offers no reject button. */
export function rejectThroughApi(cookieName) {
  return Boolean(window.cookieConsent?.rejectAll(cookieName));
}

/** Whether a preferences dialog of the page is open. */
export function preferencesOpen() {
  return [...document.querySelectorAll('cookie-preferences')].some((element) =>
    element.shadowRoot?.querySelector('dialog[open]'),
  );
}
