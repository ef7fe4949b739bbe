import { whenPresent } from '../when-present.js';
import { DEFAULT_DECISION_COOKIE } from './decision-cookie.js';
import { GATED_SCRIPTS, recordParsedScripts } from './gated-scripts.js';
import { usesConsentMode } from './inventory.js';
import { ConsentStore } from './store.js';

const stores = new Map<string, ConsentStore>();

/** Scripts marked for the gate that the browser runs anyway (no `type="text/plain"`). */
const UNGATED_SCRIPTS =
  'script[data-consent-category]:not([type="text/plain"]),script[data-consent-vendor]:not([type="text/plain"])';

// The library's first look at the page: what the gate may release
// (gated-scripts.ts). At import, not at first use: by a late first use,
// injected markup would pass for the page's own. Nothing to look at on a
// server, where the module may be imported too.
if (typeof document !== 'undefined') recordParsedScripts();

/**
 * Google Consent Mode, for inventories that ask for it: its module is fetched
 * on first need, then updated from the store's first listener, so that Google
 * hears of each decision before the scripts the gate releases for it push
 * their `config`. `pending` is what the gate waits for: the module, while it
 * is on its way; `refresh` tells the tags that scripts the gate ran have
 * added (Microsoft's snippets) of the states in force.
 */
function followWithConsentMode(store: ConsentStore) {
  let consentMode: { update(): void } | undefined;
  let loading: Promise<unknown> | undefined;
  let settled = false;
  store.subscribe(() => {
    if (consentMode) consentMode.update();
    else if (!loading && usesConsentMode(store.inventory)) {
      loading = import('./google-consent-mode.js')
        .then(({ GoogleConsentMode }) => {
          consentMode = new GoogleConsentMode(store);
          consentMode.update();
        })
        // A module that does not load, or a page's gtag() that throws.
        .catch((error: unknown) =>
          console.error('cookie consent: Google Consent Mode failed', error),
        )
        .finally(() => (settled = true));
    }
  });
  return {
    pending: () => (settled ? undefined : loading),
    refresh: () => consentMode?.update(),
  };
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
    // A script that names a category but is not text/plain runs at once,
    // consent or not: said once per page, on the first store.
    if (stores.size === 0) {
      whenPresent(UNGATED_SCRIPTS, () =>
        console.warn(
          'cookie consent: a data-consent-* script without type="text/plain" runs before consent',
        ),
      );
    }
    store = new ConsentStore(cookieName);
    stores.set(cookieName, store);
    const gated = store;
    const consentMode = followWithConsentMode(store);
    whenPresent(GATED_SCRIPTS, () => {
      import('./script-gate.js').then(
        ({ ScriptGate }) =>
          new ScriptGate(gated, document, consentMode.pending, consentMode.refresh).start(),
        (error: unknown) => console.error('cookie consent: could not load the script gate', error),
      );
    });
  }
  return store;
}
