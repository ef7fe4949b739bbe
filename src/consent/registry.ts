import { whenPresent } from '../when-present.js';
import { DEFAULT_DECISION_COOKIE } from './decision-cookie.js';
import { GATED_SCRIPTS } from './gated-scripts.js';
import { ConsentStore } from './store.js';

const stores = new Map<string, ConsentStore>();

/**
 * The page's store for decision cookie `cookieName`, created on first use,
 * with the gate that releases the scripts waiting for consent: the gate's
 * module is fetched once the page has such a script.
 */
export function consentStore(cookieName: string = DEFAULT_DECISION_COOKIE): ConsentStore {
  let store = stores.get(cookieName);
  if (!store) {
    store = new ConsentStore(cookieName);
    stores.set(cookieName, store);
    const gated = store;
    whenPresent(GATED_SCRIPTS, () => {
      import('./script-gate.js').then(
        ({ ScriptGate }) => new ScriptGate(gated).start(),
        (error: unknown) => console.error('cookie consent: could not load the script gate', error),
      );
    });
  }
  return store;
}
