/**
 * `<cookie-preferences>`, `<cookie-table>` and `<cookie-embed>` are defined on
 * first use in the script-tag build, so that a page showing only the banner
 * never downloads them. The package's main export (for bundlers) defines all
 * four at once.
 */

import { useDetailTexts } from '../i18n/localize.js';
import { whenPresent } from '../when-present.js';

const modules = {
  'cookie-preferences': () => import('./cookie-preferences/cookie-preferences.define.js'),
  'cookie-table': () => import('./cookie-table/cookie-table.define.js'),
  'cookie-embed': () => import('./cookie-embed/cookie-embed.define.js'),
};

export type LazyTag = keyof typeof modules;

const loading = new Map<LazyTag, Promise<CustomElementConstructor | undefined>>();

/**
 * Loads the module that defines `tag`, once, and resolves with the element's
 * class once the tag is defined, or with `undefined` when the module could
 * not be loaded (a chunk gone after a deploy, a network fault). The failure is
 * reported in the console, never thrown, and the module asked for again next
 * time, though an engine may keep a failed module for the page's life, as
 * the HTML standard's module map does.
 */
export function loadElement(tag: LazyTag): Promise<CustomElementConstructor | undefined> {
  // Their texts are fetched beside their module, not after it.
  useDetailTexts();
  const defined = customElements.get(tag);
  if (defined) return Promise.resolve(defined);
  let load = loading.get(tag);
  if (!load) {
    load = modules[tag]().then(
      () => customElements.whenDefined(tag),
      (error: unknown) => {
        loading.delete(tag);
        console.error(`cookie consent: could not load <${tag}>`, error);
        return undefined;
      },
    );
    loading.set(tag, load);
  }
  return load;
}

/** Runs `task` when the main thread is idle (WebKit has no requestIdleCallback). */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 200);
}

/**
 * Defines the lazy elements the document uses, now and as they are added:
 * a table or an embed at once, since they show content; a dialog, closed
 * until asked for, when the page is idle, so that a host's own `show()` finds
 * it defined. Elements inside other shadow roots are not seen:
 * `openPreferences()` loads the dialog itself, and a table or an embed there
 * needs the package's main export.
 */
export function defineOnUse(): void {
  whenPresent('cookie-table', () => void loadElement('cookie-table'));
  whenPresent('cookie-embed', () => void loadElement('cookie-embed'));
  whenPresent('cookie-preferences', () => whenIdle(() => void loadElement('cookie-preferences')));
}
