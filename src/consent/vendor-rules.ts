/**
 * The rules of vendors, storage items and Global Privacy Control, and the
 * checks of their fields in the inventory. A module of its own, fetched
 * (and registered) only for an inventory that uses one of them:
 *
 * - a vendor is granted on its own; a required category's vendors always are;
 * - a category with vendors is granted when every one of its vendors is (then
 *   its items that name no vendor may be used too), "partly" when some are;
 * - a vendor added to the inventory after the decision is refused; the banner
 *   asks again when its category had been granted, in full or in part;
 * - a category or vendor marked `gpc` stays refused while the browser sends
 *   Global Privacy Control, unless the visitor grants it by name; a grant
 *   recorded before the browser sent the signal does not count while it does;
 * - withdrawal removes the refused items' cookies and their `localStorage`
 *   and `sessionStorage` keys.
 */
import {
  globalPrivacyControl,
  isRequired,
  registerVendorRules,
  removeRefused,
  type Chooser,
  type Choices,
  type ConsentRules,
} from './choices.js';
import type { DecisionRecord } from './decision-cookie.js';
import {
  addInventoryChecks,
  checkFlag,
  checkText,
  isRecord,
  STORAGES,
  type CookieInventory,
  type CookieStorage,
  type Finding,
} from './inventory.js';
import { coveredByGpc, honoursGpc, vendorOf, vendorsOf } from './vendors.js';
import { isUiLocaleSettled } from '../i18n/localize.js';
import { checkInventoryFirst } from './late-check.js';
import { isSafeHref } from './safe-href.js';

type Problems = Finding[];

/** Checks `vendors`, and returns their categories by id. */
function checkVendors(
  value: unknown,
  categoryIds: Set<string>,
  problems: Problems,
): Map<string, string> {
  const vendors = new Map<string, string>();
  if (value === undefined) return vendors;
  if (!Array.isArray(value)) {
    problems.push(['vendors', 'array']);
    return vendors;
  }
  value.forEach((vendor: unknown, index) => {
    const path = `vendors[${index}]`;
    if (!isRecord(vendor)) {
      problems.push([path, 'object']);
      return;
    }
    const { id, category, policyHref } = vendor;
    if (typeof category !== 'string') {
      problems.push([`${path}.category`, 'categoryId']);
    } else if (!categoryIds.has(category)) {
      problems.push([`${path}.category`, 'notCategory', category]);
    }
    // One namespace for both: hasConsent('youtube') and data-consent-vendor name either.
    if (typeof id !== 'string' || id.trim() === '') {
      problems.push([`${path}.id`, 'nonEmptyString']);
    } else if (id === '__proto__') {
      problems.push([`${path}.id`, 'proto']);
    } else if (/\s/.test(id)) {
      // Space-separated lists hold vendor ids: the cookie's, data-consent-vendor's.
      problems.push([`${path}.id`, 'spaces']);
    } else if (categoryIds.has(id)) {
      problems.push([`${path}.id`, 'categoryTaken', id]);
    } else if (vendors.has(id)) {
      problems.push([`${path}.id`, 'vendorTwice', id]);
    } else if (typeof category === 'string') {
      vendors.set(id, category);
    }
    checkText(vendor.label, `${path}.label`, problems);
    checkText(vendor.description, `${path}.description`, problems);
    if (policyHref !== undefined && (typeof policyHref !== 'string' || !isSafeHref(policyHref))) {
      problems.push([`${path}.policyHref`, 'href']);
    }
    checkFlag(vendor, 'gpc', path, problems);
  });
  return vendors;
}

/** The checks of the fields these rules read: categories' `gpc`, `vendors`, items' `vendor` and `storage`. */
function checkVendorFields(
  inventory: Record<string, unknown>,
  categoryIds: Set<string>,
  problems: Problems,
): void {
  const { categories, cookies } = inventory;
  if (Array.isArray(categories)) {
    categories.forEach((category: unknown, index) => {
      if (isRecord(category)) checkFlag(category, 'gpc', `categories[${index}]`, problems);
    });
  }
  const vendorCategories = checkVendors(inventory.vendors, categoryIds, problems);
  if (!Array.isArray(cookies)) return;
  cookies.forEach((cookie: unknown, index) => {
    if (!isRecord(cookie)) return;
    const { vendor, storage, category } = cookie;
    const path = `cookies[${index}]`;
    if (vendor !== undefined) {
      const vendorCategory = typeof vendor === 'string' ? vendorCategories.get(vendor) : undefined;
      if (vendorCategory === undefined) {
        problems.push([`${path}.vendor`, 'notVendor', String(vendor)]);
      } else if (typeof category === 'string' && vendorCategory !== category) {
        problems.push([`${path}.category`, 'vendorCategory', vendorCategory, String(vendor)]);
      }
    }
    if (storage !== undefined && !STORAGES.includes(storage as CookieStorage)) {
      problems.push([`${path}.storage`, 'storage']);
    }
  });
}

/** The choices `choose` makes, with required categories and their vendors always on. */
function decideChoices(inventory: CookieInventory, choose: Chooser): Choices {
  const vendors: Record<string, boolean> = {};
  const categories: Record<string, boolean> = {};
  for (const category of inventory.categories) {
    const required = category.required === true;
    const own = vendorsOf(inventory, category.id);
    for (const vendor of own) vendors[vendor.id] = required || choose(vendor.id, category.id);
    categories[category.id] =
      required ||
      (own.length > 0 ? own.every((vendor) => vendors[vendor.id]) : choose(category.id));
  }
  return { categories, vendors };
}

/** A record's vendor lists as a map, or `undefined` when they are malformed. */
function recordedVendors(record: DecisionRecord): Record<string, boolean> | undefined {
  const lists = record.vendors === undefined ? {} : record.vendors;
  if (!isRecord(lists)) return undefined;
  const { granted = '', refused = '' } = lists;
  if (typeof granted !== 'string' || typeof refused !== 'string') return undefined;
  const [on, off] = [granted, refused].map((list) => list.split(' ').filter(Boolean));
  // fromEntries defines own keys: an id such as "__proto__" stays a plain key.
  return Object.fromEntries([
    ...off.map((id) => [id, false] as const),
    // A vendor listed in both is refused: a refusal must stick.
    ...on.filter((id) => !off.includes(id)).map((id) => [id, true] as const),
  ]);
}

/** Removes the refused items' keys from `localStorage` and `sessionStorage`. */
function removeStorageKeys(removable: (name: string, place: string) => boolean): void {
  for (const place of ['localStorage', 'sessionStorage'] as const) {
    try {
      // Sandboxed frames and disabled storage throw on access itself.
      const storage = globalThis[place];
      const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index));
      for (const key of keys) if (key !== null && removable(key, place)) storage.removeItem(key);
    } catch (error) {
      console.error(`cookie consent: could not clear ${place}`, error);
    }
  }
}

/** The banner's note that Global Privacy Control is honoured, once its module is loaded. */
let gpcBannerNote: (() => string) | undefined;
let gpcNoteLoad: Promise<void> | undefined;

/** Fetches the note, once, and calls `loaded` when it is there. */
function loadGpcNote(loaded: () => void): void {
  gpcNoteLoad ??= import('../components/gpc-note.js').then(
    (module) => {
      gpcBannerNote = module.gpcBannerNote;
    },
    (error: unknown) => console.error('cookie consent: could not load the GPC note', error),
  );
  void gpcNoteLoad.then(loaded);
}

/** Inventories checked with the fields of these rules: valid or not, reported once. */
const checked = new WeakMap<CookieInventory, boolean>();

export const vendorRules: ConsentRules = {
  accepts(inventory, changed) {
    // An element may have checked it before these checks were loaded.
    let valid = checked.get(inventory);
    if (valid === undefined) {
      valid = checkInventoryFirst(inventory, 'cookie consent') !== undefined;
      checked.set(inventory, valid);
    }
    if (valid && changed && honoursGpc(inventory)) loadGpcNote(changed);
    return valid;
  },

  /** A vendor follows its own entry, else its category's; anything not named is refused. */
  from(choices) {
    const named = (id: string) => (Object.hasOwn(choices, id) ? choices[id] : undefined);
    return (id, categoryId) =>
      (named(id) ?? (categoryId === undefined ? undefined : named(categoryId))) === true;
  },

  decide(inventory, choose) {
    const { categories, vendors } = decideChoices(inventory, choose);
    const ids = Object.keys(vendors);
    const list = (granted: boolean) => ids.filter((id) => vendors[id] === granted).join(' ');
    return {
      categories,
      vendors: ids.length > 0 ? { granted: list(true), refused: list(false) } : undefined,
      gpc: globalPrivacyControl() || undefined,
    };
  },

  all(inventory) {
    const gpc = globalPrivacyControl();
    return (id) => !(gpc && coveredByGpc(inventory, id));
  },

  inForce(inventory, record) {
    const vendors = recordedVendors(record);
    if (!vendors) return undefined;
    const gpcOverrides = globalPrivacyControl() && !record.gpc;
    return decideChoices(
      inventory,
      (id, categoryId) =>
        (categoryId === undefined ? record.categories[id] : vendors[id]) === true &&
        !(gpcOverrides && coveredByGpc(inventory, id)),
    );
  },

  asksAgain(inventory, record) {
    const decided = recordedVendors(record) ?? {};
    return (inventory.vendors ?? []).some(
      (vendor) =>
        !Object.hasOwn(decided, vendor.id) &&
        !isRequired(inventory, vendor.category) &&
        (record.categories[vendor.category] === true ||
          vendorsOf(inventory, vendor.category).some((other) => decided[other.id] === true)),
    );
  },

  /** A required category's vendors always may; a vendor otherwise as chosen, a category when all its vendors are. */
  isGranted(inventory, choices, id) {
    const vendor = vendorOf(inventory, id);
    if (isRequired(inventory, vendor?.category ?? id)) return true;
    return (vendor ? choices?.vendors[id] : choices?.categories[id]) === true;
  },

  // Shown once its texts are there, never in English before the visitor's language.
  gpcNote: (inventory) =>
    honoursGpc(inventory) && isUiLocaleSettled() ? gpcBannerNote?.() : undefined,

  withdraw(inventory, choices, decisionCookie) {
    removeRefused(
      inventory,
      (item) =>
        item.vendor === undefined
          ? choices.categories[item.category] === false
          : choices.vendors[item.vendor] === false,
      decisionCookie,
      removeStorageKeys,
    );
  },
};

addInventoryChecks(checkVendorFields);
registerVendorRules(vendorRules);
