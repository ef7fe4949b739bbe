// What the check decides from what it saw: which inventory entry an item is, whether a request
// goes to another site, how long a cookie lives and whether that matches what is declared. Pure
// functions of their arguments, so that they are tested without a browser.
import { matchesCookieName } from '../lib/consent/inventory.js';

export const DAY_SECONDS = 24 * 60 * 60;
/** Thirteen months, the most CNIL allows for a consent or refusal cookie. */
export const MAX_DECISION_DAYS = 395;
/** How far a real lifetime may be from the declared one: 10 %, and at least a day. */
export const LIFETIME_TOLERANCE = 0.1;

/**
 * @typedef {{ id: string, required?: boolean }} Category
 * @typedef {{ id: string, category: string }} Vendor
 * @typedef {{ name: string, category: string, storage?: string, duration?: unknown, vendor?: string }} Entry
 * @typedef {{ categories?: Category[], vendors?: Vendor[], cookies?: Entry[] }} Inventory
 * @typedef {'cookie' | 'localStorage' | 'sessionStorage'} Kind
 */

/** The inventory entry that declares an item of `kind` named `name`, if any. */
export function findEntry(inventory, kind, name) {
  return (inventory?.cookies ?? []).find(
    (entry) =>
      (entry.storage ?? 'cookie') === kind &&
      typeof entry.name === 'string' &&
      matchesCookieName(entry.name, name),
  );
}

/** The ids of the categories that need no consent. */
export function requiredCategories(inventory) {
  return new Set(
    (inventory?.categories ?? [])
      .filter((category) => category.required === true)
      .map((category) => category.id),
  );
}

/**
 * What the inventory says of an item: `required` (allowed before consent), `consent` (declared,
 * in a category that needs consent) or `undeclared`, with its entry.
 * @returns {{ status: 'required' | 'consent' | 'undeclared', entry?: Entry }}
 */
export function classify(inventory, kind, name) {
  const entry = findEntry(inventory, kind, name);
  if (!entry) return { status: 'undeclared' };
  return {
    status: requiredCategories(inventory).has(entry.category) ? 'required' : 'consent',
    entry,
  };
}

/**
 * The "site" of a host name, roughly its registrable domain: the last two labels of a name
 * (`www.example.org` → `example.org`), an IP address or `localhost` as it is. Public suffixes of
 * two labels (`.co.uk`) count as one site; `--first-party` lists more hosts of the site.
 */
export function siteOf(hostname) {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (/^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.')) return host;
  return host.split('.').slice(-2).join('.');
}

/** Whether `url` is on another site than `pageUrl` (and not on a host counted as first party). */
export function isThirdParty(url, pageUrl, firstParty = []) {
  let target;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  const site = siteOf(target.hostname);
  if (site === siteOf(new URL(pageUrl).hostname)) return false;
  return !firstParty.some(
    (host) => siteOf(host) === site || target.hostname === host.toLowerCase(),
  );
}

const UNITS = [
  [/^(years?|ans?|années?|jahre?n?|años?)$/, 365],
  [/^(months?|mois|monate?n?|mes(es)?)$/, 30.44],
  [/^(weeks?|semaines?|wochen?|semanas?)$/, 7],
  [/^(days?|jours?|tage?n?|días?)$/, 1],
  [/^(hours?|heures?|stunden?|horas?)$/, 1 / 24],
  [/^(minutes?|minuten?|minutos?)$/, 1 / 1440],
];

/**
 * A declared duration in days: `"session"` for a session cookie, a number of days, or
 * `undefined` when the text says nothing measurable ("Until deleted").
 * @returns {number | 'session' | undefined}
 */
export function declaredDays(duration) {
  if (duration === undefined || duration === null) return undefined;
  if (typeof duration === 'object' && !Array.isArray(duration)) {
    const { years, months, days, hours } = /** @type {Record<string, unknown>} */ (duration);
    if ([years, months, days, hours].some((value) => typeof value === 'number')) {
      const number = (value) => (typeof value === 'number' ? value : 0);
      return number(years) * 365 + number(months) * 30.44 + number(days) + number(hours) / 24;
    }
    // A text per language: the first one that can be read.
    for (const text of Object.values(duration)) {
      const days = declaredDays(text);
      if (days !== undefined) return days;
    }
    return undefined;
  }
  if (typeof duration !== 'string') return undefined;
  const text = duration.trim().toLowerCase();
  if (/^(session|séance|sitzung|sesión)\b/.test(text) || text.includes('session')) {
    return 'session';
  }
  const match = /(\d+(?:[.,]\d+)?)\s*([\p{L}]+)/u.exec(text);
  if (!match) return undefined;
  const unit = UNITS.find(([pattern]) => pattern.test(match[2]));
  return unit ? Number(match[1].replace(',', '.')) * unit[1] : undefined;
}

/**
 * The lifetime a cookie string asks for (`Set-Cookie` or a `document.cookie` write), in days
 * from `now`: `"session"` without Max-Age or Expires, `0` or less for a deletion.
 * @returns {number | 'session'}
 */
export function requestedDays(cookieString, now = Date.now()) {
  const attributes = cookieString.split(';').slice(1);
  let expires;
  for (const attribute of attributes) {
    const [rawKey, ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (key === 'max-age' && /^-?\d+$/.test(value)) return Number(value) / DAY_SECONDS;
    if (key === 'expires') {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) expires = (time - now) / (DAY_SECONDS * 1000);
    }
  }
  return expires ?? 'session';
}

/** The name and value of a cookie string. */
export function cookieNameOf(cookieString) {
  const pair = cookieString.split(';')[0];
  const separator = pair.indexOf('=');
  return (separator < 0 ? '' : pair.slice(0, separator)).trim();
}

/** The lifetime of a cookie of the browser's jar (`expires` in seconds, -1 for a session), in days. */
export function jarDays(cookie, now = Date.now()) {
  if (cookie.expires === undefined || cookie.expires < 0) return 'session';
  return (cookie.expires * 1000 - now) / (DAY_SECONDS * 1000);
}

/**
 * Whether a real lifetime matches a declared one: both session cookies, or within 10 % (at
 * least one day) of each other. `undefined` when the declaration cannot be read.
 */
export function lifetimeMatches(declared, real) {
  if (declared === undefined) return undefined;
  if (declared === 'session' || real === 'session') return declared === real;
  return Math.abs(real - declared) <= Math.max(1, declared * LIFETIME_TOLERANCE);
}

/** A lifetime for people: "session", "3 hours", "14 days", "13 months", "2 years". */
export function formatDays(days) {
  if (days === 'session') return 'session';
  if (days === undefined) return 'unknown';
  if (days < 1) {
    const hours = Math.max(1, Math.round(days * 24));
    return `${hours} hour${hours === 1 ? '' : 's'}`;
  }
  if (days < 60) {
    const whole = Math.round(days);
    return `${whole} day${whole === 1 ? '' : 's'}`;
  }
  if (days < 1096) {
    const months = Math.round(days / 30.44);
    return `${months} months`;
  }
  const years = Math.round((days / 365) * 10) / 10;
  return `${years} years`;
}

/**
 * The script a stack trace points at: the first `http(s)` location in it, as `url:line:column`.
 * The check's own wrapper has no such location.
 */
export function scriptOf(stack) {
  if (typeof stack !== 'string') return undefined;
  const match = /(https?:\/\/[^\s)]+?:\d+:\d+)/.exec(stack);
  return match?.[1];
}
