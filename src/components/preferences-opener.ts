/**
 * Opening the preferences from anywhere: the banner's "Customise" button, the
 * floating button, and any element of the page with `data-cookie-preferences`
 * (e.g. a "Manage cookies" link in the footer).
 */
import { DEFAULT_DECISION_COOKIE } from '../consent/decision-cookie.js';
import { loadElement } from './lazy-elements.js';

interface PreferencesElement extends HTMLElement {
  cookieName: string;
  show(opener?: HTMLElement | null): void;
}

/**
 * Opens the page's `<cookie-preferences>` for decision cookie `cookieName`,
 * creating one at the end of `<body>` if the page has none. Focus returns to
 * `opener` when it closes.
 */
export function openPreferences(
  opener: HTMLElement | null = null,
  cookieName = DEFAULT_DECISION_COOKIE,
): void {
  const existing = [...document.querySelectorAll<PreferencesElement>('cookie-preferences')].find(
    (element) => (element.cookieName ?? DEFAULT_DECISION_COOKIE) === cookieName,
  );
  let preferences = existing;
  if (!preferences) {
    preferences = document.createElement('cookie-preferences') as PreferencesElement;
    if (cookieName !== DEFAULT_DECISION_COOKIE) preferences.setAttribute('cookie-name', cookieName);
    document.body.append(preferences);
  }
  const target = preferences;
  // The dialog's module may not be loaded yet (lazy-elements.ts).
  void loadElement('cookie-preferences').then(() => target.show(opener));
}

let listening = false;

/** Makes every `[data-cookie-preferences]` of the page open the preferences. */
export function listenForPreferencesTriggers(): void {
  if (listening) return;
  listening = true;
  document.addEventListener('click', (event) => {
    const trigger = (event.target as Element | null)?.closest?.('[data-cookie-preferences]');
    if (!(trigger instanceof HTMLElement)) return;
    event.preventDefault();
    openPreferences(trigger, trigger.dataset.cookiePreferences || DEFAULT_DECISION_COOKIE);
  });
}
