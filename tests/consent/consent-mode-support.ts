/**
 * What the Google Consent Mode tests share: the page's dataLayer as Google's
 * tags read it, its defaults, and an inventory that maps consent types.
 */
import type { CookieInventory } from '../../src/consent/inventory.js';
import { sampleInventory } from '../support/inventories.js';

export interface GtagPage {
  dataLayer?: unknown[];
  gtag?: (...args: unknown[]) => void;
}
export const page = window as unknown as GtagPage;

export const DEFAULTS = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};

/** What the page does first, as consent-mode-default.js does: Google's shim pushes `arguments`. */
export function pushDefaults(): void {
  page.dataLayer = [];
  (function gtag(..._args: unknown[]) {
    // eslint-disable-next-line prefer-rest-params
    page.dataLayer!.push(arguments);
  })('consent', 'default', { ...DEFAULTS, wait_for_update: 500 });
}

/**
 * The sample inventory with Google's consent types mapped: the required
 * category grants functionality_storage too, so that its type is granted
 * before any decision.
 */
export function consentModeInventory(revision: number = 1): CookieInventory {
  const inventory = sampleInventory(revision);
  const [necessary, statistics, marketing] = inventory.categories;
  return {
    ...inventory,
    categories: [
      { ...necessary, consentMode: ['security_storage', 'functionality_storage'] },
      { ...statistics, consentMode: ['analytics_storage'] },
      { ...marketing, consentMode: ['ad_storage', 'ad_user_data', 'ad_personalization'] },
    ],
  };
}

export const args = (entry: unknown) => entry as ArrayLike<unknown>;

/** The states of each `gtag('consent', 'update', …)` in the dataLayer, in order. */
export function updates(): Record<string, unknown>[] {
  return (page.dataLayer ?? [])
    .filter((entry) => args(entry)[0] === 'consent' && args(entry)[1] === 'update')
    .map((entry) => args(entry)[2] as Record<string, unknown>);
}
