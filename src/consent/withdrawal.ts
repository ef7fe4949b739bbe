/**
 * Withdrawal: what a refused category or vendor had stored goes, the cookies
 * and the `localStorage` and `sessionStorage` keys the inventory lists for it.
 * What a required category lists is never removed, even when a refused item
 * names it too (`sessionid` under `session*`).
 */
import type { Choices } from './choices.js';
import { cookieNames, deleteCookieEverywhere } from './cookie-jar.js';
import { matchesCookieName, type CookieInfo, type CookieInventory } from './inventory.js';

type Place = NonNullable<CookieInfo['storage']>;

/** Whether `item` is refused by `choices`: its vendor if it names one, else its category. */
function isRefused(item: CookieInfo, choices: Choices): boolean {
  return item.vendor === undefined
    ? choices.categories[item.category] === false
    : choices.vendors[item.vendor] === false;
}

/** The `localStorage` or `sessionStorage` of the page, or `undefined` where reading it throws. */
function webStorage(place: Exclude<Place, 'cookie'>): globalThis.Storage | undefined {
  try {
    // Sandboxed frames and disabled storage throw on access itself.
    return globalThis[place];
  } catch {
    return undefined;
  }
}

function keysOf(storage: globalThis.Storage): string[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key !== null) keys.push(key);
  }
  return keys;
}

/**
 * Removes every cookie and storage key that `choices` refuses. The decision
 * cookie `decisionCookie` is kept whatever the inventory says of it.
 */
export function removeRefusedItems(
  inventory: CookieInventory,
  choices: Choices,
  decisionCookie: string,
): void {
  const items = inventory.cookies ?? [];
  const required = new Set(
    inventory.categories.filter((category) => category.required).map((category) => category.id),
  );
  const refused = items.filter((item) => !required.has(item.category) && isRefused(item, choices));
  if (refused.length === 0) return;
  const kept = items.filter((item) => required.has(item.category));
  const inPlace = (list: CookieInfo[], place: Place) =>
    list.filter((item) => (item.storage ?? 'cookie') === place);
  const removable = (name: string, place: Place) =>
    !inPlace(kept, place).some((item) => matchesCookieName(item.name, name)) &&
    inPlace(refused, place).some((item) => matchesCookieName(item.name, name));

  if (inPlace(refused, 'cookie').length > 0) {
    for (const name of cookieNames(document.cookie)) {
      if (name !== decisionCookie && removable(name, 'cookie')) deleteCookieEverywhere(name);
    }
  }
  for (const place of ['localStorage', 'sessionStorage'] as const) {
    if (inPlace(refused, place).length === 0) continue;
    const storage = webStorage(place);
    if (!storage) continue;
    try {
      for (const key of keysOf(storage)) if (removable(key, place)) storage.removeItem(key);
    } catch (error) {
      console.error(`cookie consent: could not clear ${place}`, error);
    }
  }
}
