/**
 * `<cookie-preferences>` and `<cookie-table>` are defined on first use in the
 * script-tag build, so that a page showing only the banner never downloads
 * them. The package's main export (for bundlers) defines all three at once.
 */

import { useDetailTexts } from '../i18n/localize.js';
import { whenPresent } from '../when-present.js';

const modules = {
  'cookie-preferences': () => import('./cookie-preferences/cookie-preferences.define.js'),
  'cookie-table': () => import('./cookie-table/cookie-table.define.js'),
};

export type LazyTag = keyof typeof modules;

const requested = new Set<LazyTag>();

/**
 * Loads the module that defines `tag`, once, and resolves when the tag is
 * defined (by this copy of the library or another). A module that fails to
 * load is reported and asked for again next time.
 */
export function loadElement(tag: LazyTag): Promise<CustomElementConstructor> {
  // Their texts are fetched beside their module, not after it.
  useDetailTexts();
  if (!requested.has(tag)) {
    requested.add(tag);
    modules[tag]().catch((error: unknown) => {
      requested.delete(tag);
      console.error(`cookie consent: could not load <${tag}>`, error);
    });
  }
  return customElements.whenDefined(tag);
}

/** Runs `task` when the main thread is idle (WebKit has no requestIdleCallback). */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 200);
}

/**
 * Defines the lazy elements the document uses, now and as they are added:
 * a table at once, since it shows content; a dialog, closed until asked for,
 * when the page is idle, so that a host's own `show()` finds it defined.
 * Elements inside other shadow roots are not seen: `openPreferences()` loads
 * the dialog itself, and a table there needs the package's main export.
 */
export function defineOnUse(): void {
  whenPresent('cookie-table', () => void loadElement('cookie-table'));
  whenPresent('cookie-preferences', () => whenIdle(() => void loadElement('cookie-preferences')));
}
