/**
 * The cookie jar as a host page sees it, read and written through
 * `document.cookie` without the library.
 */

/**
 * Every cookie `doc` can see, as `[name, value]` in `document.cookie`'s order
 * (for one name, the copy of the longer path first). A value is everything
 * after the first `=`, so a value holding `=` is kept whole; a pair without
 * `=` is a cookie with an empty name, as browsers store it.
 */
export function cookieJar(doc: Document = document): [name: string, value: string][] {
  return doc.cookie
    .split(';')
    .filter((pair) => pair.trim() !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals < 0
        ? ['', pair.trim()]
        : [pair.slice(0, equals).trim(), pair.slice(equals + 1).trim()];
    });
}

/** The value of cookie `name` (its first copy), or `undefined`. */
export function readCookie(name: string, doc: Document = document): string | undefined {
  return cookieJar(doc).find(([candidate]) => candidate === name)?.[1];
}

/** The values of every copy of cookie `name` (other paths or domains), in order. */
export function cookieCopies(name: string, doc: Document = document): string[] {
  return cookieJar(doc)
    .filter(([candidate]) => candidate === name)
    .map(([, value]) => value);
}

const written = new Set<string>();

/** Sets cookie `name` for the whole site (path `/`); `deleteWrittenCookies()` deletes it. */
export function setCookie(name: string, value: string, doc: Document = document): void {
  written.add(name);
  doc.cookie = `${name}=${value}; Path=/; SameSite=Lax`;
}

export function deleteCookie(name: string, doc: Document = document): void {
  doc.cookie = `${name}=; Path=/; Max-Age=0`;
}

/** Deletes the cookies `setCookie` wrote. */
export function deleteWrittenCookies(): void {
  for (const name of written) deleteCookie(name);
  written.clear();
}

/** Every cookie of path `/` the page can see, deleted. */
export function deleteAllCookies(): void {
  for (const [name] of cookieJar()) if (name) deleteCookie(name);
}

let counter = 0;

/**
 * A cookie name no other test of the page uses: the stores are one per
 * cookie name and page, so a fresh name means "no decision yet".
 */
export function uniqueCookieName(prefix = 't'): string {
  counter += 1;
  return `${prefix}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
}
