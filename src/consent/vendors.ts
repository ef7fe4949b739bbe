/**
 * Small questions about vendors and Global Privacy Control, asked by their
 * rules (vendor-rules.ts) and by the preferences dialog.
 */
import type { ConsentDetail } from '../events/consent-change.js';
import { globalPrivacyControl } from './choices.js';
import type { CookieInventory, CookieVendor } from './inventory.js';
import type { ConsentStore } from './store.js';

/**
 * Grants `vendorId` in `store` and keeps every other choice in force (refused
 * before any decision): "Allow and load" on embedded content. The event,
 * action `grant`, is dispatched on `target`.
 */
export function grantVendor(
  store: ConsentStore,
  vendorId: string,
  target: EventTarget,
): ConsentDetail | undefined {
  const current = store.decision;
  return store.save(
    { ...current?.categories, ...current?.vendors, [vendorId]: true },
    target,
    'grant',
  );
}

/** The vendor `id` of `inventory`, if it declares one. */
export function vendorOf(
  inventory: CookieInventory | undefined,
  id: string,
): CookieVendor | undefined {
  return inventory?.vendors?.find((vendor) => vendor.id === id);
}

/** The vendors of `categoryId`, in inventory order. */
export function vendorsOf(inventory: CookieInventory, categoryId: string): CookieVendor[] {
  return (inventory.vendors ?? []).filter((vendor) => vendor.category === categoryId);
}

/**
 * Whether Global Privacy Control covers `id` (a category, or a vendor, which
 * its category's flag covers too).
 */
export function coveredByGpc(inventory: CookieInventory, id: string): boolean {
  const vendor = vendorOf(inventory, id);
  if (vendor?.gpc) return true;
  const categoryId = vendor?.category ?? id;
  return inventory.categories.some((category) => category.id === categoryId && category.gpc);
}

/** Whether the inventory marks a category or a vendor for Global Privacy Control. */
export function marksGpc(inventory: CookieInventory): boolean {
  return [...inventory.categories, ...(inventory.vendors ?? [])].some((item) => item.gpc === true);
}

/** Whether the browser sends Global Privacy Control and the inventory marks something for it. */
export function honoursGpc(inventory: CookieInventory): boolean {
  return globalPrivacyControl() && marksGpc(inventory);
}
