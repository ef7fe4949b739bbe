/**
 * A long cookie list is checked after the banner's first render. The banner
 * needs only the categories and vendors: with 50,000 cookies, checking each
 * one before it showed made it appear three to four times later than with 12.
 *
 * An inventory whose list holds more than `LATE_CHECK_FROM` entries is checked
 * at once without its cookies (a bad category still shows nothing), and its
 * cookies after the next frame, in tasks of a few milliseconds between which
 * the page paints and answers input. Until they pass, nothing uses the list
 * (`cookiesOf` gives none): tables show no rows, and the store removes no
 * cookie on a withdrawal (it does once they pass). If they fail, the problems
 * are reported as a whole check reports them, and the inventory is rejected.
 */
import { checkInventory, isRecord, type CookieInfo, type CookieInventory } from './inventory.js';

/** Lists up to this long are checked whole before anything shows, as they always were. */
export const LATE_CHECK_FROM = 1000;
interface LateCheck {
  /** The inventory without its cookies, checked first. */
  readonly head: Record<string, unknown>;
  /** Settles with whether the cookies passed. */
  readonly passed: Promise<boolean>;
  /** `undefined` while the check runs. */
  valid?: boolean;
}

const lateChecks = new WeakMap<object, LateCheck>();
const NO_COOKIES: readonly CookieInfo[] = [];

/**
 * Like `checkInventory`, but a long cookie list is checked later (see above).
 * Returns `value` as an inventory when it is valid, or valid so far.
 */
export function checkInventoryFirst(value: unknown, source: string): CookieInventory | undefined {
  const known = lateChecks.get(value as object);
  if (known) {
    // One that failed is checked whole again, and reported again, as an invalid one always is.
    if (known.valid === false) return checkInventory(value, source);
    // Its head again: checks loaded since (vendors' rules) may find a problem in it.
    return checkInventory(known.head, source) && (value as CookieInventory);
  }
  let head: Record<string, unknown> | undefined;
  let cookies: unknown[] | undefined;
  try {
    const list = isRecord(value) ? value.cookies : undefined;
    if (Array.isArray(list) && list.length > LATE_CHECK_FROM) {
      cookies = list;
      head = { ...(value as Record<string, unknown>), cookies: [] };
    }
  } catch {
    // Unreadable: the whole check says why.
  }
  // Where there is no frame (a server render), nothing would ever check the rest.
  if (!head || !cookies || typeof requestAnimationFrame !== 'function') {
    return checkInventory(value, source);
  }
  if (!checkInventory(head, source)) return undefined;
  lateChecks.set(value as object, checkLater(head, cookies, source));
  return value as CookieInventory;
}

/**
 * The check of the cookies, fetched apart (late-check-slices.ts): only pages
 * with such a list need it. If it cannot be fetched, the list stays
 * unchecked (no rows, nothing removed on a withdrawal), and the banner, whose
 * categories passed, keeps asking.
 */
function checkLater(head: Record<string, unknown>, cookies: unknown[], source: string): LateCheck {
  const check: { head: Record<string, unknown>; passed?: Promise<boolean>; valid?: boolean } = {
    head,
  };
  check.passed = import('./late-check-slices.js').then(
    async (module) => (check.valid = await module.checkCookies(head, cookies, source)),
    (error: unknown) => {
      console.error(`${source}: could not load the check of its cookie list`, error);
      return new Promise<boolean>(() => {});
    },
  );
  return check as LateCheck;
}

/** Whether the cookie list of `inventory` is still being checked. */
export function cookiesPending(inventory: CookieInventory): boolean {
  const check = lateChecks.get(inventory);
  return check !== undefined && check.valid === undefined;
}

/** The cookies of `inventory` that may be used now: none while they are being checked. */
export function cookiesOf(inventory: CookieInventory | undefined): readonly CookieInfo[] {
  if (!inventory || cookiesPending(inventory)) return NO_COOKIES;
  return inventory.cookies ?? NO_COOKIES;
}

/** Settles with whether the cookies of `inventory` passed (at once for a list checked whole). */
export function cookiesChecked(inventory: CookieInventory): Promise<boolean> {
  return lateChecks.get(inventory)?.passed ?? Promise.resolve(true);
}
