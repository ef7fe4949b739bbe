/**
 * What the consent tests share: a realistic inventory, and the cookie jar and
 * console as a host page sees them.
 */
import type { CookieInventory } from '../../src/consent/inventory.js';
import type { ConsentChangeEvent } from '../../src/events/consent-change.js';

/**
 * The contract's example, with a statistics cookie declared by pattern. For an inventory
 * without a revision, spread it: `{ ...sampleInventory(), revision: undefined }`.
 */
export function sampleInventory(revision: string | number = 1): CookieInventory {
  return {
    revision,
    categories: [
      {
        id: 'necessary',
        required: true,
        label: { fr: 'Cookies nécessaires', en: 'Necessary cookies' },
      },
      { id: 'statistics', label: { fr: 'Cookies statistiques', en: 'Statistics cookies' } },
      { id: 'marketing', label: 'Marketing' },
    ],
    cookies: [
      { name: 'sessionid', category: 'necessary', provider: 'Opendatasoft', party: 'first' },
      { name: '_pk_id', category: 'statistics' },
      { name: '_ga_*', category: 'statistics' },
      { name: 'ad_tracker', category: 'marketing' },
    ],
  };
}

export /** Necessary (required, with a vendor), statistics (no vendor), media (two vendors). */
function vendorInventory(extra: Partial<CookieInventory> = {}): CookieInventory {
  return {
    revision: 1,
    categories: [
      { id: 'necessary', required: true, label: 'Necessary' },
      { id: 'statistics', label: 'Statistics' },
      { id: 'media', label: 'Media' },
    ],
    vendors: [
      { id: 'cdn', category: 'necessary', label: 'CDN' },
      {
        id: 'youtube',
        category: 'media',
        label: 'YouTube',
        policyHref: 'https://policies.google.com/privacy',
      },
      { id: 'maps', category: 'media', label: { fr: 'Cartes', en: 'Maps' } },
    ],
    cookies: [
      { name: 'sessionid', category: 'necessary' },
      { name: '_pk_id', category: 'statistics' },
      { name: 'media_pref', category: 'media' },
      { name: 'yt_*', category: 'media', vendor: 'youtube' },
      { name: 'maps_id', category: 'media', vendor: 'maps' },
    ],
    ...extra,
  };
}

let counter = 0;

/** A cookie name no other test of the page uses, so that no state leaks between tests. */
export function uniqueCookieName(prefix = 'consent_test'): string {
  counter += 1;
  return `${prefix}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
}

/** The cookies of the page, read from `document.cookie` without the library. */
export function documentCookies(): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of document.cookie.split(';')) {
    const equals = pair.indexOf('=');
    if (equals < 0) continue;
    const name = pair.slice(0, equals).trim();
    if (!cookies.has(name)) cookies.set(name, pair.slice(equals + 1).trim());
  }
  return cookies;
}

export function setTestCookie(name: string, value: string): void {
  document.cookie = `${name}=${value}; Path=/; SameSite=Lax`;
}

export function deleteTestCookie(name: string): void {
  document.cookie = `${name}=; Path=/; Max-Age=0`;
}

/**
 * Runs `action` with `console.error` recorded instead of printed, and returns
 * what it was called with (one entry per call).
 */
export function captureConsoleErrors(action: () => void): unknown[][] {
  const calls: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    calls.push(args);
  };
  try {
    action();
  } finally {
    console.error = original;
  }
  return calls;
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

const DAY_MS = 24 * 60 * 60 * 1000;

/** An ISO timestamp `days` days before now. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * DAY_MS).toISOString();
}
