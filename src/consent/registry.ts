import { whenPresent } from '../when-present.js';
import { DEFAULT_DECISION_COOKIE } from './decision-cookie.js';
import { GATED_SCRIPTS } from './gated-scripts.js';
import { ConsentStore } from './store.js';

const stores = new Map<string, ConsentStore>();

/**
 * Fetches the Google Consent Mode module once the store's inventory maps a
 * category to Google's consent types; other sites never download it.
 */
function watchForConsentMode(store: ConsentStore): void {
  const stop = store.subscribe(() => {
    if (!store.inventory?.categories.some((category) => category.consentMode?.length)) return;
    stop();
    import('./google-consent-mode.js').then(
      ({ GoogleConsentMode }) => new GoogleConsentMode(store).start(),
      (error: unknown) =>
        console.error('cookie consent: could not load Google Consent Mode', error),
    );
  });
}

/**
 * The page's store for decision cookie `cookieName`, created on first use,
 * with the gate that releases the scripts waiting for consent (its module is
 * fetched once the page has such a script) and Google Consent Mode (once the
 * inventory asks for it).
 */
export function consentStore(cookieName: string = DEFAULT_DECISION_COOKIE): ConsentStore {
  let store = stores.get(cookieName);
  if (!store) {
    store = new ConsentStore(cookieName);
    stores.set(cookieName, store);
    const gated = store;
    watchForConsentMode(store);
    whenPresent(GATED_SCRIPTS, () => {
      import('./script-gate.js').then(
        ({ ScriptGate }) => new ScriptGate(gated).start(),
        (error: unknown) => console.error('cookie consent: could not load the script gate', error),
      );
    });
  }
  return store;
}
