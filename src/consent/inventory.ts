/**
 * The cookie inventory a site declares, and its validation. A bad inventory is
 * reported, never thrown: a host page must not break because of a typo in its
 * cookie list.
 */
import type { ConsentModeType } from './google-consent-types.js';
import type { ProblemCode } from './inventory-problems.js';

/** A text shown to visitors: one string, or one string per locale code. */
export type LocalizedText = string | Readonly<Record<string, string>>;

/** The units a cookie's lifetime may be counted in, largest first. */
export const DURATION_UNITS = ['years', 'months', 'days', 'hours'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** A cookie's lifetime: a text, `"session"`, or an amount formatted with Intl. */
export type CookieDuration = LocalizedText | Readonly<Partial<Record<DurationUnit, number>>>;

export const PARTIES = ['first', 'third'] as const;
export type Party = (typeof PARTIES)[number];

export interface CookieCategory {
  /** Stable identifier, stored in the decision cookie. */
  id: string;
  /** Always on, cannot be switched off (strictly necessary cookies). */
  required?: boolean;
  label?: LocalizedText;
  description?: LocalizedText;
  /** The Google Consent Mode types this category grants (google-consent-mode.ts). */
  consentMode?: readonly ConsentModeType[];
  /**
   * Refused while the browser sends Global Privacy Control, unless the visitor
   * switches it on (sale or sharing of data, such as advertising).
   */
  gpc?: boolean;
}

/** A third party or tool inside a category, which the visitor may grant on its own. */
export interface CookieVendor {
  /** Stable identifier, stored in the decision cookie; unique among categories and vendors. */
  id: string;
  /** The id of the category the vendor belongs to. */
  category: string;
  label?: LocalizedText;
  description?: LocalizedText;
  /** The vendor's own privacy or cookie policy. */
  policyHref?: string;
  /** Refused under Global Privacy Control unless switched on (its category's flag counts too). */
  gpc?: boolean;
}

export const STORAGES = ['cookie', 'localStorage', 'sessionStorage'] as const;
/** Where an inventory item is kept: a cookie (the default) or a Web Storage key. */
export type CookieStorage = (typeof STORAGES)[number];

export interface CookieInfo {
  /** The cookie's name; `*` matches any run of characters (`_ga_*`). */
  name: string;
  /** The id of the category the cookie belongs to. */
  category: string;
  provider?: LocalizedText;
  service?: LocalizedText;
  purpose?: LocalizedText;
  duration?: CookieDuration;
  party?: Party;
  /** The id of the vendor that sets it, if any; its category must be the vendor's. */
  vendor?: string;
  /** `cookie` by default; `localStorage` and `sessionStorage` keys are removed on withdrawal too. */
  storage?: CookieStorage;
}

export interface CookieInventory {
  /** Bump it when purposes or providers change: earlier decisions then expire. */
  revision?: string | number;
  categories: readonly CookieCategory[];
  /** Third parties or tools inside categories, each with its own choice. */
  vendors?: readonly CookieVendor[];
  cookies?: readonly CookieInfo[];
}

export interface InventoryProblem {
  /** Where the problem is, as a property path: `cookies[3].category`. */
  path: string;
  message: string;
}

/**
 * A problem as the checks find it: its path, what is wrong (a key of
 * inventory-problems.ts's messages) and the values its message names. The
 * words are in that module, fetched only for an inventory that has a problem.
 */
export type Finding = [path: string, code: ProblemCode, ...values: string[]];

type Problems = Finding[];

/**
 * The checks of vendors, storage and Global Privacy Control flags, which live
 * with their rules (vendor-rules.ts): a site that uses none of them never
 * downloads them. Set once that module is loaded.
 */
let extraChecks:
  | ((inventory: Record<string, unknown>, categoryIds: Set<string>, problems: Problems) => void)
  | undefined;

export function addInventoryChecks(checks: NonNullable<typeof extraChecks>): void {
  extraChecks = checks;
  // Inventories found valid without these checks are checked again with them.
  validInventories = new WeakSet();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether every value of a locale map is a string; `for…in` keeps this cheap on large inventories. */
function isTextMap(value: Record<string, unknown>): boolean {
  for (const key in value) if (typeof value[key] !== 'string') return false;
  return true;
}

/** A problem's path, or what writes it: paths are built only for problems, on large inventories. */
type Path = string | (() => string);

const pathOf = (path: Path): string => (typeof path === 'string' ? path : path());

export function checkText(value: unknown, path: Path, problems: Problems, required = false): void {
  if (value === undefined) {
    if (required) problems.push([pathOf(path), 'required']);
    return;
  }
  if (typeof value === 'string') return;
  if (isRecord(value) && isTextMap(value)) {
    if (required && Object.keys(value).length === 0) {
      problems.push([pathOf(path), 'noText']);
    }
    return;
  }
  problems.push([pathOf(path), 'text']);
}

/**
 * Whether `value` names a unit of duration. Its own keys (two for a text in
 * two languages) against the units, without a closure: a lookup of each unit
 * missed up the prototype chain for each of thousands of cookies.
 */
function hasDurationUnit(value: Record<string, unknown>): boolean {
  for (const key in value) if (DURATION_UNITS.includes(key as DurationUnit)) return true;
  return false;
}

function checkDuration(value: unknown, path: Path, problems: Problems): void {
  if (typeof value === 'string' || value === undefined) return;
  if (isRecord(value) && hasDurationUnit(value)) {
    for (const unit in value) {
      const amount = value[unit];
      if (!DURATION_UNITS.includes(unit as DurationUnit)) {
        problems.push([`${pathOf(path)}.${unit}`, 'unit']);
      } else if (typeof amount !== 'number' || !(amount >= 0) || !Number.isFinite(amount)) {
        problems.push([`${pathOf(path)}.${unit}`, 'amount']);
      }
    }
    return;
  }
  checkText(value, path, problems);
}

function checkCategories(value: unknown, problems: Problems): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(['categories', 'nonEmptyArray']);
    return ids;
  }
  value.forEach((category: unknown, index) => {
    const path = `categories[${index}]`;
    if (!isRecord(category)) {
      problems.push([path, 'object']);
      return;
    }
    const { id, required } = category;
    if (typeof id !== 'string' || id.trim() === '') {
      problems.push([`${path}.id`, 'nonEmptyString']);
    } else if (id === '__proto__') {
      // A key no plain object can hold as its own: it could never be granted.
      problems.push([`${path}.id`, 'proto']);
    } else if (ids.has(id)) {
      problems.push([`${path}.id`, 'categoryTwice', id]);
    } else {
      ids.add(id);
    }
    checkFlag(category, 'required', path, problems);
    checkText(category.label, `${path}.label`, problems, required === true);
    checkText(category.description, `${path}.description`, problems);
    const { consentMode } = category;
    // Only the shape: unknown types are reported and ignored (google-consent-mode.ts).
    if (
      consentMode !== undefined &&
      !(Array.isArray(consentMode) && consentMode.every((type) => typeof type === 'string'))
    ) {
      problems.push([`${path}.consentMode`, 'consentMode']);
    }
  });
  return ids;
}

export function checkFlag(
  item: Record<string, unknown>,
  flag: 'required' | 'gpc',
  path: string,
  problems: Problems,
): void {
  const value = item[flag];
  if (value !== undefined && typeof value !== 'boolean') {
    problems.push([`${path}.${flag}`, 'boolean']);
  }
}

function checkCookies(value: unknown, categoryIds: Set<string>, problems: Problems): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problems.push(['cookies', 'array']);
    return;
  }
  // A plain loop, and paths built only for a problem: inventories may list thousands of cookies.
  for (let index = 0; index < value.length; index++) {
    const cookie: unknown = value[index];
    const path = () => `cookies[${index}]`;
    if (!isRecord(cookie)) {
      problems.push([path(), 'object']);
      continue;
    }
    const { name, category, party } = cookie;
    if (typeof name !== 'string' || name.trim() === '') {
      problems.push([`${path()}.name`, 'nonEmptyString']);
    }
    if (typeof category !== 'string') {
      problems.push([`${path()}.category`, 'categoryId']);
    } else if (!categoryIds.has(category)) {
      problems.push([`${path()}.category`, 'notCategory', category]);
    }
    for (const field of TEXT_FIELDS) {
      const text = cookie[field];
      if (text !== undefined && typeof text !== 'string')
        checkText(text, () => `${path()}.${field}`, problems);
    }
    const duration = cookie.duration;
    if (duration !== undefined && typeof duration !== 'string') {
      checkDuration(duration, () => `${path()}.duration`, problems);
    }
    if (party !== undefined && !PARTIES.includes(party as Party)) {
      problems.push([`${path()}.party`, 'party']);
    }
  }
}

const TEXT_FIELDS = ['provider', 'service', 'purpose'] as const;

/** Whether the inventory asks for Google Consent Mode (google-consent-mode.ts). */
export function usesConsentMode(inventory: CookieInventory | undefined): boolean {
  return inventory?.categories.some((category) => category.consentMode?.length) ?? false;
}

/**
 * Every problem of `value` as an inventory, without words (the public
 * `findInventoryProblems()` adds them); an empty list means it is valid.
 * Never throws: a value whose getters throw (a hostile Proxy) is one problem.
 */
export function findProblems(value: unknown): Finding[] {
  try {
    const problems = problemsOf(value);
    // The proof of consent writes the inventory as JSON: a cycle would fail it later.
    if (problems.length === 0) checkWritable(value, []);
    return problems;
  } catch (error) {
    let reason = 'it threw';
    try {
      reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    } catch {
      // An error that throws when read: "it threw" it is.
    }
    return [['(inventory)', 'unreadable', reason]];
  }
}

/**
 * Throws where the proof of consent could not write `value` as JSON (a
 * cycle, a BigInt, a getter that throws), going over it as it does but
 * without writing it: JSON.stringify spent a tenth of a second on 50,000
 * cookies, and as long again collecting the text.
 */
function checkWritable(value: unknown, ancestors: object[]): void {
  if (typeof value === 'bigint') throw new TypeError('BigInt');
  if (typeof value !== 'object' || value === null) return;
  if (ancestors.includes(value)) throw new TypeError('cycle');
  ancestors.push(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      // Strings and numbers, most of an inventory, need no call of their own.
      if (typeof item === 'object' || typeof item === 'bigint') checkWritable(item, ancestors);
    }
  } else {
    const record = value as Record<string, unknown>;
    for (const key in record) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
      const item = record[key];
      if (typeof item === 'object' || typeof item === 'bigint') checkWritable(item, ancestors);
    }
  }
  ancestors.pop();
}

function problemsOf(value: unknown): Finding[] {
  const problems: Problems = [];
  if (!isRecord(value)) {
    return [['(inventory)', 'inventory']];
  }
  const { revision } = value;
  // NaN and Infinity would be stored as null, and no decision would ever be read back.
  const finiteNumber = typeof revision === 'number' && Number.isFinite(revision);
  if (revision !== undefined && typeof revision !== 'string' && !finiteNumber) {
    problems.push(['revision', 'revision']);
  }
  const categoryIds = checkCategories(value.categories, problems);
  checkCookies(value.cookies, categoryIds, problems);
  extraChecks?.(value, categoryIds, problems);
  return problems;
}

/**
 * The inventories found valid: the one object a page gives the banner, the
 * dialog and each of its tables is gone over once, not once per element (an
 * inventory of 50,000 cookies takes a tenth of a second to check). Like the
 * elements, this takes a changed inventory to be a new object.
 */
let validInventories = new WeakSet<object>();

/** Writes problems to the console in words: inventory-problems.ts, once it is loaded. */
let reportInWords: ((problems: Finding[], source: string) => void) | undefined;

export function setProblemReport(report: NonNullable<typeof reportInWords>): void {
  reportInWords = report;
}

/**
 * Returns `value` as an inventory when it is valid. Otherwise reports every
 * problem in one `console.error` (prefixed with `source`, e.g. the tag name)
 * and returns `undefined`. The report's words are fetched first when they are
 * not loaded yet (on the script tag's path, where a valid inventory never
 * needs them), so it may come a moment later.
 */
export function checkInventory(value: unknown, source: string): CookieInventory | undefined {
  if (validInventories.has(value as object)) return value as CookieInventory;
  const problems = findProblems(value);
  if (problems.length === 0) {
    validInventories.add(value as object);
    return value as CookieInventory;
  }
  reportInventoryProblems(source, problems);
  return undefined;
}

/**
 * Reports every problem of an inventory in one `console.error`, prefixed with
 * `source`, in words once inventory-problems.ts is loaded (fetched first
 * otherwise, so the report may come a moment later).
 */
export function reportInventoryProblems(source: string, problems: Finding[]): void {
  if (reportInWords) reportInWords(problems, source);
  else {
    void import('./inventory-problems.js').then(
      (module) => module.reportProblems(problems, source),
      // Offline: the problems' paths and codes, at least.
      (error: unknown) => console.error(`${source}: invalid cookie inventory`, problems, error),
    );
  }
}

/** Whether `cookieName` is one the inventory entry `name` declares (with `*` patterns). */
export function matchesCookieName(name: string, cookieName: string): boolean {
  if (!name.includes('*')) return name === cookieName;
  const parts = name.split('*');
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!cookieName.startsWith(first) || cookieName.length < first.length + last.length) return false;
  let position = first.length;
  for (const part of parts.slice(1, -1)) {
    const found = cookieName.indexOf(part, position);
    if (found < 0) return false;
    position = found + part.length;
  }
  return cookieName.endsWith(last) && cookieName.length - last.length >= position;
}
