/**
 * The one URL check for links built from attributes or the inventory: a module
 * of its own, so that the banner can use it without the vendors' rules.
 */

/** Whether `href` is a link a visitor may follow: http(s), or relative to the page. */
export function isSafeHref(href: string): boolean {
  // Parsed as the browser would (it drops tabs and newlines: "java\nscript:" is javascript:).
  try {
    return /^https?:$/.test(new URL(href, 'https://relative.invalid/').protocol);
  } catch {
    return false;
  }
}
