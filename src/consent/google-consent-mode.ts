/**
 * Google Consent Mode (v2): tells Google's tags (gtag.js, Tag Manager) what
 * the visitor decided, for the categories whose `consentMode` lists Google's
 * consent types. The page sets the defaults itself, before any Google tag
 * (`dist/consent-mode-default.js` or its inline equivalent, see the README);
 * this module sends `gtag('consent', 'update', …)` for the decision in force
 * when the page loads, and again after every decision, reset, or decision
 * taken in another tab. Only pages whose inventory uses `consentMode` fetch it.
 */
import type { CookieInventory } from './inventory.js';
import type { ConsentStore } from './store.js';

export type ConsentModeState = 'granted' | 'denied';

/**
 * The state of every consent type the inventory maps: granted when a
 * category that lists it is granted, denied otherwise.
 */
export function consentModeStates(
  inventory: CookieInventory,
  isGranted: (categoryId: string) => boolean,
): Record<string, ConsentModeState> {
  const states: Record<string, ConsentModeState> = {};
  for (const category of inventory.categories) {
    for (const type of category.consentMode ?? []) {
      if (states[type] !== 'granted') states[type] = isGranted(category.id) ? 'granted' : 'denied';
    }
  }
  return states;
}

interface GtagWindow {
  dataLayer?: unknown[];
  gtag?: (...args: unknown[]) => void;
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
  (page.dataLayer ??= []).push(arguments);
}

export class GoogleConsentMode {
  private sent = '';
  private unsubscribe?: () => void;

  constructor(private readonly store: ConsentStore) {}

  /** Sends the decision in force, then each change. */
  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.store.subscribe(() => this.update());
    this.update();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private update(): void {
    const { inventory, decision } = this.store;
    // Before any decision the page's defaults stand; after a reset, the
    // states sent earlier are withdrawn (required categories stay granted).
    if (!inventory || (!decision && !this.sent)) return;
    const states = consentModeStates(inventory, (id) => this.store.isGranted(id));
    const key = JSON.stringify(states);
    if (key === this.sent || key === '{}') return;
    this.sent = key;
    gtag('consent', 'update', states);
  }
}
