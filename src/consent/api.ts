/**
 * The consent API for host pages: read the decision at any time (a script that
 * loads late needs no event), hear of the next ones, decide, and choose the
 * language. Decisions taken here fire `consent-change` on `document`.
 */
import type { ConsentDecision, ConsentDetail } from '../events/consent-change.js';
import type { CookieInventory } from './inventory.js';
import { checkInventoryFirst } from './late-check.js';
import { pageLanguage } from './page-language.js';
import { consentStore } from './registry.js';

/** The decision in force, or `undefined` while the visitor has not decided. */
export function getConsent(cookieName?: string): ConsentDecision | undefined {
  return consentStore(cookieName).decision;
}

/**
 * Whether a category or a vendor may be used now (required categories and
 * their vendors always may). A category with vendors counts as granted only
 * when every one of its vendors is.
 */
export function hasConsent(id: string, cookieName?: string): boolean {
  return consentStore(cookieName).isGranted(id);
}

/**
 * Calls `listener` with the decision in force now, if there is one, and again
 * each time it changes (here, or in another tab); `undefined` after a reset.
 * Returns the function that stops it.
 */
export function onConsent(
  listener: (decision: ConsentDecision | undefined) => void,
  cookieName?: string,
): () => void {
  const store = consentStore(cookieName);
  let last = store.decision;
  if (last) listener(last);
  return store.subscribe(() => {
    const decision = store.decision;
    if (decision?.id === last?.id) return;
    last = decision;
    listener(decision);
  });
}

/**
 * Gives the inventory to the store without any element, e.g. on a page that
 * only gates scripts. Returns false (and reports why) if it is invalid.
 */
export function setInventory(inventory: CookieInventory, cookieName?: string): boolean {
  const valid = checkInventoryFirst(inventory, 'setInventory()');
  if (valid) consentStore(cookieName).setInventory(valid);
  return valid !== undefined;
}

export function acceptAll(cookieName?: string): ConsentDetail | undefined {
  return consentStore(cookieName).acceptAll(document);
}

export function rejectAll(cookieName?: string): ConsentDetail | undefined {
  return consentStore(cookieName).rejectAll(document);
}

/**
 * Records a choice per category and vendor (`{ statistics: true, youtube: true }`):
 * a vendor not named follows its category; anything else not named is refused.
 */
export function saveConsent(
  choices: Readonly<Record<string, boolean>>,
  cookieName?: string,
): ConsentDetail | undefined {
  return consentStore(cookieName).save(choices, document);
}

/** Forgets the decision; the banner shows again. */
export function resetConsent(cookieName?: string): ConsentDetail | undefined {
  return consentStore(cookieName).reset(document);
}

/**
 * Sends each later decision of this tab as a proof of consent to `endpoint`
 * (like the `consent-endpoint` attribute); an empty string stops it.
 */
export function setConsentEndpoint(
  endpoint: string,
  options: { csrfCookie?: string } = {},
  cookieName?: string,
): void {
  consentStore(cookieName).configure({ consentEndpoint: endpoint, csrfCookie: options.csrfCookie });
}

/**
 * Shows every consent element in `code` (a Django or BCP 47 code), before the
 * language cookie and `<html lang>`; `undefined` goes back to them.
 */
export function setLanguage(code: string | undefined): void {
  pageLanguage.setHostLanguage(code);
}
