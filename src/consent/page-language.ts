/**
 * The language the visitor wants, from the page: the host's choice through the
 * API, then Django's language cookie, then `<html lang>`, then the browser's
 * languages. It watches the cookie, so that when Django (or the page) changes
 * it, every consent element follows within a second. It never writes it.
 */
import { documentCookies, readCookie } from './cookie-jar.js';

export const DEFAULT_LANGUAGE_COOKIE = 'django_language';
/** How often the cookie is read where no `cookieStore` event announces a change. */
const POLL_MS = 500;

interface CookieStoreLike extends EventTarget {
  get(name: string): Promise<unknown>;
}

export class PageLanguage {
  private cookieNameValue = DEFAULT_LANGUAGE_COOKIE;
  private hostLanguage?: string;
  private readonly listeners = new Set<() => void>();
  private lastKey = '';
  private stopWatching?: () => void;

  get cookieName(): string {
    return this.cookieNameValue;
  }

  /** The cookie Django's `LANGUAGE_COOKIE_NAME` names, if not `django_language`. */
  set cookieName(name: string) {
    if (name === this.cookieNameValue) return;
    this.cookieNameValue = name;
    this.check();
  }

  /** A language the host chose through the API (first in the order); `undefined` clears it. */
  setHostLanguage(code: string | undefined): void {
    this.hostLanguage = code || undefined;
    this.check();
  }

  /** What the visitor wants, most wanted first; always ends with English. */
  preferences(): string[] {
    const candidates = [
      this.hostLanguage,
      readCookie(documentCookies(), this.cookieNameValue),
      document.documentElement.lang,
      ...(navigator.languages ?? [navigator.language]),
      'en',
    ];
    return candidates.filter(
      (code): code is string => typeof code === 'string' && code.trim() !== '',
    );
  }

  /** Calls `listener` when the preferences change; the first subscriber starts the watch. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.lastKey = this.preferences().join();
      this.stopWatching = this.watch();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopWatching?.();
    };
  }

  /** Re-reads the sources and tells the listeners if anything changed. */
  check(): void {
    const key = this.preferences().join();
    if (key === this.lastKey) return;
    this.lastKey = key;
    for (const listener of this.listeners) listener();
  }

  private watch(): () => void {
    const check = () => this.check();
    const langObserver = new MutationObserver(check);
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    document.addEventListener('visibilitychange', check);

    // cookieStore announces every change of a cookie the page can read, its
    // own writes and a server's Set-Cookie alike, where it exists (Chromium,
    // Firefox and WebKit: page-language.test.ts). Its listener goes live
    // after a moment, though, so a poll (a string scan skipped while the page
    // is hidden) covers the start, and goes on only where there is no
    // cookieStore or it fails: a request made after the listener was added
    // is answered once the listener is live, and a check then catches a
    // write made meanwhile.
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') check();
    }, POLL_MS);
    const cookieStore = (globalThis as { cookieStore?: CookieStoreLike }).cookieStore;
    if (cookieStore) {
      cookieStore.addEventListener('change', check);
      // No answer (a sandboxed frame): the poll goes on.
      cookieStore.get(this.cookieNameValue).then(() => {
        clearInterval(timer);
        check();
      }, Boolean);
    }
    return () => {
      langObserver.disconnect();
      document.removeEventListener('visibilitychange', check);
      cookieStore?.removeEventListener('change', check);
      clearInterval(timer);
    };
  }
}

/** All consent elements of a page share one language. */
export const pageLanguage = new PageLanguage();
