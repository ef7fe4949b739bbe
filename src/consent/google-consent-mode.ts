/**
 * Google Consent Mode (v2): tells Google's tags (gtag.js, Tag Manager) what
 * the visitor decided, for sites whose inventory names, per category, the
 * Google consent types it grants (`consentMode`). The page sets the defaults
 * itself, before any Google tag (`dist/consent-mode-default.js`, see the
 * README); this sends `gtag('consent', 'update', …)` as soon as the inventory
 * is known, then after every decision, reset, or decision taken in another
 * tab, and pushes a `cookie_consent_update` event for Tag Manager's triggers.
 * The registry fetches it for inventories that use `consentMode`, and calls
 * `update()` from the store's first listener (registry.ts).
 */
import { usesConsentMode, type CookieInventory } from './inventory.js';
import { MicrosoftConsentMode } from './microsoft-consent-mode.js';
import type { ConsentStore } from './store.js';
import {
  CONSENT_MODE_DEFAULTS,
  CONSENT_MODE_TYPES,
  isConsentModeType,
  type ConsentModeState,
  type ConsentModeType,
} from './google-consent-types.js';

export { CONSENT_MODE_TYPES, isConsentModeType };

/** The `dataLayer` event pushed after each update, for Tag Manager's triggers. */
const CONSENT_UPDATE_EVENT = 'cookie_consent_update';

/**
 * The state of every consent type: when categories list it, granted if one
 * of them is granted, denied otherwise; when none does, its default, so
 * that each update covers every type the defaults set.
 */
export function consentModeStates(
  inventory: CookieInventory,
  isGranted: (categoryId: string) => boolean,
): Record<ConsentModeType, ConsentModeState> {
  const states = {} as Record<ConsentModeType, ConsentModeState>;
  for (const type of CONSENT_MODE_TYPES) {
    const listing = inventory.categories.filter((category) => category.consentMode?.includes(type));
    states[type] =
      listing.length === 0
        ? CONSENT_MODE_DEFAULTS[type]
        : listing.some((category) => isGranted(category.id))
          ? 'granted'
          : 'denied';
  }
  return states;
}

interface GtagWindow {
  dataLayer?: unknown[];
  gtag?: (...args: unknown[]) => void;
}

export function dataLayer(): unknown[] {
  return ((window as GtagWindow).dataLayer ??= []);
}

/**
 * The page's `gtag()`, or Google's own shim: it pushes the `arguments`
 * object, which gtag.js reads; an array pushed instead is silently ignored.
 */
function gtag(...args: unknown[]): void {
  const page = window as GtagWindow;
  if (typeof page.gtag === 'function') {
    page.gtag(...args);
    return;
  }
  // eslint-disable-next-line prefer-rest-params
  dataLayer().push(arguments);
}

export class GoogleConsentMode {
  private sent = '';
  private checked = false;
  /** Microsoft's tags, told from the same states (microsoft-consent-mode.ts). */
  private readonly microsoft = new MicrosoftConsentMode();

  constructor(private readonly store: ConsentStore) {}

  /**
   * Sends the states of the store's inventory and decision, unless Google has
   * them already, then to Microsoft's tags, which may have come since.
   */
  update(): void {
    const { inventory } = this.store;
    if (!inventory || !usesConsentMode(inventory)) return;
    if (!this.checked) {
      this.checked = true;
      // Diagnostics only: fetched once, by sites that use Consent Mode.
      void import('./google-consent-mode-check.js').then(
        ({ checkConsentModeSetUp }) => checkConsentModeSetUp(inventory),
        () => undefined,
      );
    }
    const states = consentModeStates(inventory, (id) => this.store.isGranted(id));
    const key = JSON.stringify(states);
    if (key !== this.sent) {
      this.sent = key;
      gtag('consent', 'update', states);
      dataLayer().push({
        event: CONSENT_UPDATE_EVENT,
        cookie_consent: { categories: this.store.decision?.categories ?? {} },
      });
    }
    this.microsoft.tell(states);
  }
}
