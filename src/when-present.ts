/**
 * Calls `found` once, as soon as `root` holds an element matching `selector`:
 * at once if it does already, else when one is added. Until then a
 * MutationObserver looks at the added nodes only, never the whole document.
 * Used to fetch a part of the library (a lazy element, the script gate) only
 * on pages that use it.
 */
export function whenPresent(
  selector: string,
  found: () => void,
  root: ParentNode & Node = document,
): void {
  if (root.querySelector(selector)) {
    found();
    return;
  }
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && (node.matches(selector) || node.querySelector(selector))) {
          observer.disconnect();
          found();
          return;
        }
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
}
