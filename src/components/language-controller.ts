import { isServer, type ReactiveController, type ReactiveElement } from 'lit';
import {
  languageDirection,
  resolveLanguage,
  supportedLanguageVariant,
} from '../consent/language.js';
import { pageLanguage } from '../consent/page-language.js';
import {
  getUiLocale,
  isUiLocaleSettled,
  onUiLocaleChange,
  setUiLocale,
  uiLocales,
} from '../i18n/localize.js';

/**
 * Keeps its element in the page's consent language: follows the language
 * sources (API, Django's cookie, `<html lang>`, the browser), loads the UI
 * strings, re-renders, and marks the element with `lang`/`dir` when they
 * differ from the page's (WCAG 3.1.2).
 */
export class LanguageController implements ReactiveController {
  private unsubscribes: (() => void)[] = [];
  /** Whether the page's language was loaded at one of the host's updates or language changes. */
  private settledOnce = false;
  private preferencesThisUpdate?: string[];

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /**
   * False until the page's language has loaded once: an element shows nothing
   * rather than flash English at a French visitor. Later switches keep the
   * old language on screen until the new one is there.
   */
  get ready(): boolean {
    return this.settledOnce || isUiLocaleSettled();
  }

  /**
   * The UI language; inventory texts try it first, then the visitor's other
   * languages. Read once per update: a table renders thousands of texts, and
   * each read of `document.cookie` is a call into the browser.
   */
  get textPreferences(): string[] {
    // A server renders the language it was given, and has no page to ask.
    if (isServer) return [getUiLocale()];
    return (this.preferencesThisUpdate ??= [getUiLocale(), ...pageLanguage.preferences()]);
  }

  /** Resolves once `ready` is true. */
  whenReady(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ready) return resolve();
      const stop = onUiLocaleChange(() => {
        if (!this.ready) return;
        stop();
        resolve();
      });
    });
  }

  hostUpdate(): void {
    this.preferencesThisUpdate = undefined;
    this.settledOnce ||= isUiLocaleSettled();
  }

  hostConnected(): void {
    this.unsubscribes = [
      pageLanguage.subscribe(() => this.follow()),
      onUiLocaleChange(() => {
        this.settledOnce ||= isUiLocaleSettled();
        this.markLanguage();
        this.host.requestUpdate();
      }),
    ];
    this.follow();
  }

  hostDisconnected(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.unsubscribes = [];
  }

  private follow(): void {
    void setUiLocale(resolveLanguage(pageLanguage.preferences(), uiLocales));
    // <html lang> may have changed while the UI language did not.
    this.markLanguage();
    // Inventory texts may follow a language the UI lacks; render them anew.
    this.host.requestUpdate();
  }

  private markLanguage(): void {
    const language = getUiLocale();
    const page = document.documentElement;
    this.setOrRemove('lang', supportedLanguageVariant(page.lang, [language]) ? null : language);
    const pageDirection = page.dir === 'rtl' ? 'rtl' : 'ltr';
    const direction = languageDirection(language);
    this.setOrRemove('dir', direction === pageDirection ? null : direction);
  }

  private setOrRemove(name: string, value: string | null): void {
    if (value === null) this.host.removeAttribute(name);
    else this.host.setAttribute(name, value);
  }
}
