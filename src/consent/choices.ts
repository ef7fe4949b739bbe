/**
 * What a decision grants. The store applies a set of rules to the visitor's
 * actions and to the stored record: the rules of categories, here, for an
 * inventory that declares only categories and cookies; those of vendors,
 * storage and Global Privacy Control (vendor-rules.ts), fetched only for an
 * inventory that uses one of them, so that a site that uses none of them
 * downloads none of their code.
 */
import { matchesCookieName, type CookieInfo, type CookieInventory } from './inventory.js';
import { cookieNames, deleteCookieEverywhere, documentCookies } from './cookie-jar.js';
import type { DecisionRecord } from './decision-cookie.js';
import { cookiesOf } from './late-check.js';

/** Every category and vendor of an inventory, granted or not. */
export interface Choices {
  categories: Record<string, boolean>;
  vendors: Record<string, boolean>;
}

/**
 * Whether the item `id` is granted, asked with its category's id for a
 * vendor. A category with vendors is never asked: its vendors decide.
 */
export type Chooser = (id: string, categoryId?: string) => boolean;

/** What a decision writes in the record, besides its revision, time and id. */
export type RecordedChoices = Pick<DecisionRecord, 'categories' | 'vendors' | 'gpc'>;

export interface ConsentRules {
  /**
   * Whether the store may take `inventory`: it passes these rules' checks
   * (reported once). `changed` is called if what the store shows changes
   * later for it (a text fetched meanwhile).
   */
  accepts(inventory: CookieInventory, changed?: () => void): boolean;
  /** The record of the choices `choose` makes. */
  decide(inventory: CookieInventory, choose: Chooser): RecordedChoices;
  /** What `saveConsent(choices)` grants: the ids named `true`. */
  from(choices: Readonly<Record<string, boolean>>): Chooser;
  /** What "accept all" grants. */
  all(inventory: CookieInventory): Chooser;
  /** The choices `record` stands for now, or `undefined` when it cannot be read. */
  inForce(inventory: CookieInventory, record: DecisionRecord): Choices | undefined;
  /** Whether a decision in force still leaves something to ask. */
  asksAgain(inventory: CookieInventory, record: DecisionRecord): boolean;
  /** Whether `id` (a category, or a vendor for these rules) may be used under `choices`. */
  isGranted(inventory: CookieInventory, choices: Choices | undefined, id: string): boolean;
  /**
   * The banner's note that Global Privacy Control is honoured, once its texts
   * are there in the visitor's language; only the vendors' rules have one.
   */
  gpcNote?(inventory: CookieInventory): string | undefined;
  /** Removes what `choices` refuses (cookies, and storage for the vendor rules). */
  withdraw(inventory: CookieInventory, choices: Choices, decisionCookie: string): void;
}

/** Whether `categoryId` is a required category of `inventory`. */
export function isRequired(inventory: CookieInventory, categoryId: string): boolean {
  return inventory.categories.some((category) => category.id === categoryId && category.required);
}

/** The categories map for `choose`, required categories always on. */
export function decideCategories(
  inventory: CookieInventory,
  choose: (categoryId: string) => boolean,
): Record<string, boolean> {
  const categories: Record<string, boolean> = {};
  for (const category of inventory.categories) {
    categories[category.id] = category.required === true || choose(category.id);
  }
  return categories;
}

/**
 * Removes the cookies that `isRefused` refuses, never one that a required
 * category lists too (`sessionid` under `session*`), nor the decision cookie.
 * `place` says where an item is kept; `removeElsewhere` is given the same
 * rule for the items kept elsewhere than in cookies.
 */
export function removeRefused(
  inventory: CookieInventory,
  isRefused: (item: CookieInfo) => boolean,
  decisionCookie: string,
  removeElsewhere?: (removable: (name: string, place: string) => boolean) => void,
): void {
  const required = new Set(
    inventory.categories.filter((category) => category.required).map((category) => category.id),
  );
  const items = inventory.cookies ?? [];
  const refused = items.filter((item) => !required.has(item.category) && isRefused(item));
  if (refused.length === 0) return;
  const kept = items.filter((item) => required.has(item.category));
  const matches = (list: CookieInfo[], name: string, place: string) =>
    list.some((item) => (item.storage ?? 'cookie') === place && matchesCookieName(item.name, name));
  const removable = (name: string, place: string) =>
    !matches(kept, name, place) && matches(refused, name, place);
  for (const name of cookieNames(documentCookies())) {
    if (name !== decisionCookie && removable(name, 'cookie')) deleteCookieEverywhere(name);
  }
  removeElsewhere?.(removable);
}

declare global {
  interface Navigator {
    /** Global Privacy Control; not in TypeScript's DOM types yet. */
    readonly globalPrivacyControl?: boolean;
  }
}

/** Whether the browser sends Global Privacy Control (`Sec-GPC: 1`). */
export function globalPrivacyControl(): boolean {
  return globalThis.navigator?.globalPrivacyControl === true;
}

/** The rules of an inventory of categories and cookies only. */
export const categoryRules: ConsentRules = {
  accepts: () => true,
  // The signal is recorded whatever the inventory: it is part of the proof.
  decide: (inventory, choose) => ({
    categories: decideCategories(inventory, choose),
    gpc: globalPrivacyControl() || undefined,
  }),
  from: (choices) => (id) => choices[id] === true,
  all: () => () => true,
  inForce: (inventory, record) => ({
    categories: decideCategories(inventory, (id) => record.categories[id] === true),
    vendors: {},
  }),
  asksAgain: () => false,
  isGranted: (inventory, choices, id) =>
    isRequired(inventory, id) || choices?.categories[id] === true,
  withdraw: (inventory, choices, decisionCookie) =>
    removeRefused(inventory, (item) => choices.categories[item.category] === false, decisionCookie),
};

let vendorRules: ConsentRules | undefined;
/** The fetch of the vendors' rules: resolves `true` once they are registered, `false` if it failed. */
let loading: Promise<boolean> | undefined;

/** Called by vendor-rules.ts once loaded. */
export function registerVendorRules(rules: ConsentRules): void {
  vendorRules = rules;
}

/** Whether `inventory` declares vendors, storage items or Global Privacy Control flags. */
export function needsVendorRules(inventory: CookieInventory): boolean {
  return (
    inventory.vendors !== undefined ||
    inventory.categories.some((category) => category.gpc !== undefined) ||
    // A long list still being checked is not read: the store asks again once it passed.
    cookiesOf(inventory).some(
      (cookie) => cookie.vendor !== undefined || cookie.storage !== undefined,
    )
  );
}

/**
 * The rules `inventory` needs, or `undefined` while they are being fetched
 * (then `settled` is called once they are there, or with `false` if their
 * fetch failed) or after their fetch
 * failed: that is reported once and not tried again on this page, where
 * nothing is then granted (a chunk gone after a deploy; the next page loads
 * the library afresh).
 */
export function rulesFor(
  inventory: CookieInventory,
  settled: (loaded: boolean) => void,
): ConsentRules | undefined {
  if (!needsVendorRules(inventory)) return categoryRules;
  if (vendorRules) return vendorRules;
  loading ??= import('./vendor-rules.js').then(
    () => true,
    (error: unknown) => {
      console.error('cookie consent: could not load the rules of vendors', error);
      return false;
    },
  );
  void loading.then(settled);
  return undefined;
}
