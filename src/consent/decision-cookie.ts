/**
 * The visitor's decision as a cookie a server can read too:
 * `encodeURIComponent(JSON.stringify(record))`. Whatever the cookie holds, the
 * reader never throws: anything but a well-formed record is "no decision".
 */
import type { ConsentDecision } from '../events/consent-change.js';
import { isRecord, type CookieInventory } from './inventory.js';

export const DEFAULT_DECISION_COOKIE = 'cookies_preferences';
/** Six months, as CNIL recommends for both consent and refusal. */
export const DEFAULT_LIFETIME_DAYS = 182;
/** Thirteen months, the most CNIL allows. */
export const MAX_LIFETIME_DAYS = 395;
/** What a browser keeps of a cookie's name and value together: a larger value cannot be ours. */
export const MAX_COOKIE_BYTES = 4096;
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A decision as the cookie holds it: the fields of a `ConsentDecision` (one
 * type for both), but the vendors and an absent revision. The vendors are
 * the inventory's when the decision was taken, as two space-separated lists
 * of ids (a vendor in neither was added since): once escaped, a vendor costs
 * its id plus 3 bytes, so 100 vendors stay near 2 KB. Absent when the
 * inventory has no vendors; read by vendor-rules.ts.
 */
export type DecisionRecord = Writable<Omit<ConsentDecision, 'vendors' | 'revision'>> & {
  vendors?: unknown;
  /** The inventory's revision when the decision was taken. */
  revision?: string | number;
};

type Writable<T> = { -readonly [Field in keyof T]: T[Field] };

/** The cookie value for `record`. */
export function serializeDecision(record: DecisionRecord): string {
  const { categories, vendors, revision, timestamp, id, gpc } = record;
  return encodeURIComponent(JSON.stringify({ categories, vendors, revision, timestamp, id, gpc }));
}

/** The record in a raw cookie value, or `undefined` for anything else. */
export function parseDecision(raw: string | undefined): DecisionRecord | undefined {
  if (raw === undefined || raw.length > MAX_COOKIE_BYTES) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(raw));
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  const { categories, revision, timestamp, id } = value;
  if (!isRecord(categories) || !Object.values(categories).every((on) => typeof on === 'boolean')) {
    return undefined;
  }
  if (revision !== undefined && typeof revision !== 'string' && typeof revision !== 'number') {
    return undefined;
  }
  if (typeof timestamp !== 'string' || Number.isNaN(Date.parse(timestamp))) return undefined;
  if (typeof id !== 'string' || id === '') return undefined;
  const record: DecisionRecord = {
    categories: categories as Record<string, boolean>,
    revision,
    timestamp,
    id,
  };
  // Read by the vendors' rules, which count a malformed one as no decision.
  if (value.vendors !== undefined) record.vendors = value.vendors;
  if (value.gpc === true) record.gpc = true;
  return record;
}

/**
 * The newest decision among copies of the cookie (one per path or domain it
 * was set for): a copy left by another page or a sibling subdomain must not
 * override a later refusal. A copy dated more than a day ahead (the clock
 * skew `isDecisionCurrent` tolerates) is not one.
 */
export function newestDecision(values: readonly string[]): DecisionRecord | undefined {
  let newest: DecisionRecord | undefined;
  for (const value of values) {
    const record = parseDecision(value);
    const time = record ? Date.parse(record.timestamp) : NaN;
    if (!record || time > Date.now() + DAY_MS) continue;
    if (!newest || time > Date.parse(newest.timestamp)) newest = record;
  }
  return newest;
}

/** Revisions compare as strings, so `1` and `"1"` are the same. */
export function sameRevision(
  a: string | number | undefined,
  b: string | number | undefined,
): boolean {
  return String(a ?? '') === String(b ?? '');
}

/** A lifetime in days within 1 and the 13-month cap; the default for anything else. */
export function clampLifetimeDays(days: number | undefined): number {
  if (days === undefined || !Number.isFinite(days) || days <= 0) return DEFAULT_LIFETIME_DAYS;
  return Math.min(days, MAX_LIFETIME_DAYS);
}

/**
 * Whether `record` still stands for `inventory`: same revision, not older than
 * its lifetime, and not dated in the future.
 */
export function isDecisionCurrent(
  record: DecisionRecord,
  inventory: CookieInventory,
  lifetimeDays: number,
  now = Date.now(),
): boolean {
  if (!sameRevision(record.revision, inventory.revision)) return false;
  const age = now - Date.parse(record.timestamp);
  // A day of clock skew is tolerated; a decision dated later would never expire.
  return age >= -DAY_MS && age <= clampLifetimeDays(lifetimeDays) * DAY_MS;
}

/** A random identifier for a decision (a UUID where the browser has one). */
export function newDecisionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; plain http on a LAN host has none.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}
