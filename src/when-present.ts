/** What is awaited: a selector, and what to run once an element matches it. */
let awaited: [selector: string, found: () => void][] = [];

/** Created on first use: importing this module needs no DOM (a server imports it too). */
let observer: MutationObserver | undefined;

/**
 * Calls `found` once, as soon as the document holds an element matching
 * `selector`: at once if it does already, else when one is added. Used to
 * fetch a part of the library (a lazy element, the script gate) only on pages
 * that use it. All waits share one MutationObserver, which looks at added
 * nodes only (never the whole document) and stops once nothing is awaited.
 */
export function whenPresent(selector: string, found: () => void): void {
  if (document.querySelector(selector)) {
    found();
    return;
  }
  awaited.push([selector, found]);
  observer ??= new MutationObserver((records) => {
    const added = records
      .flatMap((record) => [...record.addedNodes])
      .filter((node): node is Element => node instanceof Element);
    const has = (selector: string) =>
      added.some((node) => node.matches(selector) || node.querySelector(selector));
    // One look for all that is awaited first: on most pages none of it is ever
    // added, and the page's own DOM work must stay cheap.
    if (awaited.length === 0 || !has(awaited.map(([selector]) => selector).join(','))) return;
    awaited = awaited.filter(([selector, found]) => {
      if (!has(selector)) return true;
      found();
      return false;
    });
    if (awaited.length === 0) observer!.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}
