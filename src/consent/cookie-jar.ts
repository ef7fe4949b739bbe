/**
 * Reading and writing cookies through `document.cookie`, defensively: the
 * cookie string belongs to the whole site, and anything in it may be
 * malformed.
 */

/**
 * The raw value of cookie `name` in a `Cookie`-header-like string, or
 * `undefined`. Malformed pairs are skipped; when a name repeats (the same name
 * set for two paths or domains), the first one wins, as servers read it.
 */
export function readCookie(cookies: string, name: string): string | undefined {
  return readCookies(cookies, name)[0];
}

/** Every value of cookie `name`, in order: one per path and domain it was set for. */
export function readCookies(cookies: string, name: string): string[] {
  const values: string[] = [];
  for (const pair of cookies.split(';')) {
    const equals = pair.indexOf('=');
    if (equals >= 0 && pair.slice(0, equals).trim() === name) {
      values.push(pair.slice(equals + 1).trim());
    }
  }
  return values;
}

let reported = false;

/** Reports, once per page, that the browser refuses this page its cookies. */
function reportCookieFailure(error: unknown): void {
  if (reported) return;
  reported = true;
  console.error(
    'cookie consent: cookies cannot be read or written here; decisions hold for this page only',
    error,
  );
}

/** `document.cookie`, or `''` where reading it throws (a sandboxed frame). */
export function documentCookies(): string {
  try {
    return document.cookie;
  } catch (error) {
    reportCookieFailure(error);
    return '';
  }
}

/** The names of every cookie in a `Cookie`-header-like string, in order. */
export function cookieNames(cookies: string): string[] {
  // A pair without "=" is a cookie with an empty name (document.cookie = "x"), not one named "x".
  return cookies
    .split(';')
    .filter((pair) => pair.includes('='))
    .map((pair) => pair.slice(0, pair.indexOf('=')).trim())
    .filter((name) => name !== '');
}

export interface CookieAttributes {
  /** Lifetime in seconds; 0 or less deletes the cookie. */
  maxAge: number;
  path?: string;
  domain?: string;
  secure?: boolean;
}

/**
 * A `document.cookie` assignment with `Max-Age` plus `Expires` for old
 * engines. A name with a `__Host-` prefix is always written with `Secure`,
 * `Path=/` and no `Domain`, one with `__Secure-` with `Secure`, as browsers
 * require: they refuse any other assignment of such a name, deletions too.
 */
export function cookieAssignment(
  name: string,
  value: string,
  attributes: CookieAttributes,
): string {
  if (name.startsWith('__Host-')) attributes = { maxAge: attributes.maxAge, secure: true };
  else if (name.startsWith('__Secure-')) attributes = { ...attributes, secure: true };
  const maxAge = Math.floor(attributes.maxAge);
  // A deletion needs an Expires already past: WebKitGTK keeps a cookie whose
  // Expires is the current second, whatever Max-Age says.
  const expires = maxAge > 0 ? new Date(Date.now() + maxAge * 1000) : new Date(0);
  let text = `${name}=${value}; Path=${attributes.path ?? '/'}; Max-Age=${maxAge}; Expires=${expires.toUTCString()}; SameSite=Lax`;
  if (attributes.domain) text += `; Domain=${attributes.domain}`;
  if (attributes.secure) text += '; Secure';
  return text;
}

/** Whether cookies written from this page should carry `Secure`. */
export function isSecurePage(): boolean {
  return globalThis.location?.protocol === 'https:';
}

/** Sets a cookie; where the browser throws instead, reports it once and carries on. */
export function writeCookie(name: string, value: string, attributes: CookieAttributes): void {
  try {
    document.cookie = cookieAssignment(name, value, attributes);
  } catch (error) {
    reportCookieFailure(error);
  }
}

/**
 * The paths a cookie set on `pathname` may have: `/`, then each directory
 * with and without its final slash, then the path itself.
 */
export function parentPaths(pathname: string): string[] {
  const paths = ['/'];
  let path = '';
  for (const segment of pathname.split('/').slice(1)) {
    if (segment === '') continue;
    path += `/${segment}`;
    paths.push(path, `${path}/`);
  }
  return paths;
}

/**
 * Expires cookie `name` for every path of this page and every domain of this
 * host, so that no copy set for a narrower path or a parent domain (by
 * another page or a sibling subdomain) outlives a refusal. A `__Host-` cookie
 * has none of those: only its one copy is expired.
 */
export function expireEveryCopy(name: string, secure: boolean): void {
  if (name.startsWith('__Host-')) {
    writeCookie(name, '', { maxAge: 0 });
    return;
  }
  const location = globalThis.location;
  const domains = [undefined, ...parentDomains(location?.hostname ?? '')];
  for (const path of parentPaths(location?.pathname ?? '/')) {
    for (const domain of domains) writeCookie(name, '', { maxAge: 0, path, domain, secure });
  }
}

/**
 * The domains a cookie of this host may have been set for: none (host-only),
 * then each parent domain up to the one below the top-level domain. A browser
 * ignores a `Domain` that is a public suffix, so trying `co.uk` is harmless.
 */
export function parentDomains(hostname: string): string[] {
  if (
    hostname === '' ||
    !hostname.includes('.') ||
    /^[\d.]+$/.test(hostname) ||
    hostname.includes(':')
  ) {
    return [];
  }
  const labels = hostname.split('.');
  const domains: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  return domains;
}

/** Expires cookie `name` for `Path=/` on this host and each of its parent domains. */
export function deleteCookieEverywhere(
  name: string,
  hostname = globalThis.location?.hostname ?? '',
): void {
  writeCookie(name, '', { maxAge: 0 });
  for (const domain of parentDomains(hostname)) writeCookie(name, '', { maxAge: 0, domain });
}
