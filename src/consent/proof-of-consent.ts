/**
 * Proof of consent (CNIL): each decision taken in this tab is POSTed as JSON
 * to the site's endpoint, with the token Django's CSRF protection expects.
 * Sending never blocks the page: it starts after the decision, survives a
 * navigation (`keepalive`), is retried once, and only logs when it fails.
 */
import type { ConsentDetail } from '../events/consent-change.js';
import { documentCookies, readCookie } from './cookie-jar.js';
import type { CookieInventory } from './inventory.js';

/** What the endpoint receives. */
export interface ConsentProof {
  id: string;
  timestamp: string;
  revision: string | number | null;
  categories: Readonly<Record<string, boolean>>;
  /** Every vendor of the inventory, granted or not (`{}` when it declares none). */
  vendors: Readonly<Record<string, boolean>>;
  /** Whether the browser sent Global Privacy Control when the visitor decided. */
  gpc: boolean;
  action: ConsentDetail['action'];
  /** `sha256:<hex>` of the inventory shown (`fnv1a:<hex>` outside secure contexts). */
  inventoryHash: string;
  /** The page the decision was taken on, without query or fragment. */
  url: string;
}

/** Django's default CSRF cookie name (`CSRF_COOKIE_NAME`). */
export const DEFAULT_CSRF_COOKIE = 'csrftoken';
const RETRY_DELAY_MS = 1000;

/**
 * The CSRF token: from the `csrftoken` cookie, or, where Django keeps it out of
 * reach of scripts (`CSRF_COOKIE_HTTPONLY`, `CSRF_USE_SESSIONS`), from a
 * `{% csrf_token %}` field or a `<meta name="csrf-token">` in the page.
 */
export function csrfToken(cookieName = DEFAULT_CSRF_COOKIE): string | undefined {
  const fromCookie = readCookie(documentCookies(), cookieName);
  if (fromCookie) return fromCookie;
  const field = document.querySelector<HTMLInputElement>('input[name="csrfmiddlewaretoken"]');
  if (field?.value) return field.value;
  return document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content || undefined;
}

/** JSON with object keys sorted, so that equal inventories hash the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** FNV-1a, 32 bits: only where SubtleCrypto is missing (plain http on a LAN host). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A fingerprint of the inventory the visitor was shown, for the proof record. */
export async function inventoryHash(inventory: CookieInventory): Promise<string> {
  const text = canonicalJson(inventory);
  if (!globalThis.crypto?.subtle) return `fnv1a:${fnv1a(text)}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `sha256:${Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

export interface SendProofOptions {
  /** Name of Django's CSRF cookie, if not `csrftoken`. */
  csrfCookie?: string;
}

/**
 * Whether `endpoint` is on the page's own origin: only there may the CSRF
 * token go. A URL that does not parse is not.
 */
export function isSameOrigin(endpoint: string): boolean {
  try {
    return new URL(endpoint, location.href).origin === location.origin;
  } catch {
    return false;
  }
}

/**
 * POSTs the proof of `detail` to `endpoint`; resolves to whether the server
 * accepted it. Never rejects. A network error or a 5xx answer is retried once;
 * a 4xx answer (e.g. a CSRF failure) is not, as it would fail the same way.
 * The CSRF token is sent only to the page's own origin: another origin
 * receives the proof without it.
 */
export async function sendConsentProof(
  endpoint: string,
  detail: ConsentDetail,
  inventory: CookieInventory,
  options: SendProofOptions = {},
): Promise<boolean> {
  try {
    const proof: ConsentProof = {
      id: detail.id,
      timestamp: detail.timestamp,
      revision: detail.revision ?? null,
      categories: detail.categories,
      vendors: detail.vendors,
      gpc: detail.gpc === true,
      action: detail.action,
      inventoryHash: await inventoryHash(inventory),
      url: `${location.origin}${location.pathname}`,
    };
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    // The token is a secret of this origin's session: another origin (a
    // collector, or whoever controls the attribute) must not learn it.
    const token = isSameOrigin(endpoint) ? csrfToken(options.csrfCookie) : undefined;
    if (token) headers['X-CSRFToken'] = token;
    const init: RequestInit = {
      method: 'POST',
      headers,
      body: JSON.stringify(proof),
      credentials: 'same-origin',
      keepalive: true,
    };
    for (let attempt = 1; ; attempt++) {
      let status = 0;
      try {
        status = (await fetch(endpoint, init)).status;
        if (status < 400) return true;
      } catch {
        // A network error: worth one more try.
      }
      const retry = attempt === 1 && (status === 0 || status >= 500);
      if (!retry) {
        console.error(
          `cookie consent: the proof of consent ${detail.id} was not recorded (${status || 'network error'})`,
        );
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    }
  } catch (error) {
    console.error('cookie consent: the proof of consent could not be sent', error);
    return false;
  }
}
