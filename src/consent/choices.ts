/**
 * What a decision grants, category by category and vendor by vendor. Plain
 * functions of the inventory, with no cookie and no DOM: the store applies
 * them to the visitor's actions and to the stored record.
 *
 * The rules:
 * - a vendor is granted on its own; a required category's vendors always are;
 * - a category with vendors is granted when every one of its vendors is (then
 *   its cookies that name no vendor may be used too); "partly" when some are;
 * - a category or vendor marked `gpc` stays refused while the browser sends
 *   Global Privacy Control, unless the visitor grants it by name.
 */
import type { CookieCategory, CookieInventory, CookieVendor } from './inventory.js';

/** Every category and vendor of an inventory, granted or not. */
export interface Choices {
  categories: Record<string, boolean>;
  vendors: Record<string, boolean>;
}

/**
 * Whether the item `id` is granted, asked with its category's id for a
 * vendor. Categories with vendors are never asked: their vendors decide.
 */
export type Chooser = (id: string, categoryId?: string) => boolean;

/** Whether the browser sends Global Privacy Control (`Sec-GPC: 1`). */
export function globalPrivacyControl(): boolean {
  return globalThis.navigator?.globalPrivacyControl === true;
}

declare global {
  interface Navigator {
    /** Global Privacy Control; not in TypeScript's DOM types yet. */
    readonly globalPrivacyControl?: boolean;
  }
}

/** The vendors of `categoryId`, in inventory order. */
export function vendorsOf(inventory: CookieInventory, categoryId: string): CookieVendor[] {
  return (inventory.vendors ?? []).filter((vendor) => vendor.category === categoryId);
}

function categoryById(inventory: CookieInventory, id: string): CookieCategory | undefined {
  return inventory.categories.find((category) => category.id === id);
}

/** Whether `categoryId` is a required category of `inventory`. */
export function isRequiredCategory(inventory: CookieInventory, categoryId: string): boolean {
  return categoryById(inventory, categoryId)?.required === true;
}

/**
 * Whether Global Privacy Control covers `id` (a category, or a vendor, which
 * its category's flag covers too).
 */
export function coveredByGpc(inventory: CookieInventory, id: string): boolean {
  const vendor = inventory.vendors?.find((candidate) => candidate.id === id);
  if (vendor?.gpc) return true;
  return categoryById(inventory, vendor?.category ?? id)?.gpc === true;
}

/** Whether the inventory marks anything for Global Privacy Control. */
export function usesGpc(inventory: CookieInventory): boolean {
  return (
    inventory.categories.some((category) => category.gpc === true) ||
    (inventory.vendors ?? []).some((vendor) => vendor.gpc === true)
  );
}

/** The choices `choose` makes, with required categories and their vendors always on. */
export function decideChoices(inventory: CookieInventory, choose: Chooser): Choices {
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

/**
 * A chooser from a map of ids (categories and vendors): a vendor follows its
 * own entry, else its category's; anything not named is refused.
 */
export function chooseFrom(choices: Readonly<Record<string, boolean>>): Chooser {
  const named = (id: string) => (Object.hasOwn(choices, id) ? choices[id] : undefined);
  return (id, categoryId) =>
    (named(id) ?? (categoryId === undefined ? undefined : named(categoryId))) === true;
}

/** Grants everything but what Global Privacy Control covers while the browser sends it. */
export function chooseAll(inventory: CookieInventory): Chooser {
  const gpc = globalPrivacyControl();
  return (id) => !(gpc && coveredByGpc(inventory, id));
}

/** Whether a category's choice counts as "partly": some of its vendors granted, not all. */
export function isPartlyGranted(
  inventory: CookieInventory,
  categoryId: string,
  vendors: Readonly<Record<string, boolean>>,
): boolean {
  const own = vendorsOf(inventory, categoryId);
  const granted = own.filter((vendor) => vendors[vendor.id] === true).length;
  return granted > 0 && granted < own.length;
}
