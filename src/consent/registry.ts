import { DEFAULT_DECISION_COOKIE } from './decision-cookie.js';
import { ScriptGate } from './script-gate.js';
import { ConsentStore } from './store.js';

const stores = new Map<string, ConsentStore>();

/**
 * The page's store for decision cookie `cookieName`, created on first use
 * together with the gate that releases the scripts waiting for consent.
 */
export function consentStore(cookieName: string = DEFAULT_DECISION_COOKIE): ConsentStore {
  let store = stores.get(cookieName);
  if (!store) {
    store = new ConsentStore(cookieName);
    stores.set(cookieName, store);
    new ScriptGate(store).start();
  }
  return store;
}
