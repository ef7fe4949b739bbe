import { isServer, LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { DEFAULT_DECISION_COOKIE } from '../consent/decision-cookie.js';
import type { CookieInventory, LocalizedText } from '../consent/inventory.js';
import { checkInventoryFirst, cookiesChecked, cookiesPending } from '../consent/late-check.js';
import { resolveText, type ResolvedText } from '../consent/language.js';
import { pageLanguage } from '../consent/page-language.js';
import { consentStore } from '../consent/registry.js';
import type { ConsentStore } from '../consent/store.js';
import { LanguageController } from './language-controller.js';
import { StoreController } from './store-controller.js';

/**
 * What the three consent elements share: the inventory (as a property or a
 * `<script type="application/json">` child), the decision cookie's name, the
 * language cookie's name, the store subscription and the language.
 */
export class ConsentElement extends LitElement {
  // Declared here rather than with decorators, which cost the bundle a helper per use.
  static override properties: PropertyDeclarations = {
    inventory: { attribute: false },
    cookieName: { attribute: 'cookie-name' },
    languageCookie: { attribute: 'language-cookie' },
    cookieDays: { attribute: 'cookie-days', type: Number },
    cookieDomain: { attribute: 'cookie-domain' },
    consentEndpoint: { attribute: 'consent-endpoint' },
    csrfCookie: { attribute: 'csrf-cookie' },
    reloadOnWithdraw: { attribute: 'reload-on-withdraw', type: Boolean },
    validInventory: { state: true },
    inventoryRejected: { state: true },
  };

  /**
   * The cookie inventory (see the README). An invalid one is reported with
   * `console.error` and the element shows nothing rather than something wrong.
   */
  get inventory(): CookieInventory | undefined {
    return this.inventoryValue;
  }
  set inventory(value: unknown) {
    // Lit wraps this setter and requests the update; validation never throws.
    this.inventoryValue = value as CookieInventory | undefined;
    const valid =
      value === undefined ? undefined : checkInventoryFirst(value, `<${this.localName}>`);
    this.validInventory = valid;
    this.inventoryRejected = value !== undefined && valid === undefined;
    if (valid && cookiesPending(valid)) {
      // Its long cookie list is checked after the first render (late-check.ts):
      // then the rows show, or the element shows nothing, as for any invalid one.
      void cookiesChecked(valid).then((passed) => {
        if (this.validInventory !== valid) return;
        if (!passed) {
          this.validInventory = undefined;
          this.inventoryRejected = true;
        }
        this.requestUpdate();
      });
    }
  }

  /** Name of the cookie that stores the decision. */
  cookieName = DEFAULT_DECISION_COOKIE;

  /**
   * Name of Django's language cookie (`LANGUAGE_COOKIE_NAME`), `django_language`
   * by default. It is the page's: one element that sets it sets it for all.
   */
  languageCookie?: string;

  /** How many days a decision stands: 182 (six months) by default, 395 (13 months) at most. */
  cookieDays?: number;

  /** `Domain` of the decision cookie, to share it with subdomains; host-only by default. */
  cookieDomain?: string;

  /** URL where each decision is POSTed as a proof of consent, with Django's CSRF token. */
  consentEndpoint?: string;

  /** Name of Django's CSRF cookie (`CSRF_COOKIE_NAME`), if not `csrftoken`. */
  csrfCookie?: string;

  /**
   * Reloads the page after a decision that withdraws a consent given before
   * (here or in another tab), so that scripts already running stop.
   */
  reloadOnWithdraw?: boolean;

  /** The last valid inventory given to this element. */
  protected validInventory?: CookieInventory;
  /** True after an invalid inventory was given: show nothing misleading. */
  protected inventoryRejected = false;

  protected readonly language = new LanguageController(this);
  private inventoryValue?: CookieInventory;

  constructor() {
    super();
    new StoreController(this, () => this.store);
  }

  /** The store of this element's decision cookie. */
  protected get store(): ConsentStore {
    return consentStore(this.cookieName);
  }

  /**
   * The inventory to show: this element's, else the one the page gave the
   * store; none until the page's language is loaded, nor while the rules of
   * its vendors are on their way.
   */
  protected get shownInventory(): CookieInventory | undefined {
    if (this.inventoryRejected || !this.language.ready) return undefined;
    // A server render (src/server.ts) has no store: it shows what it was given.
    if (isServer) return this.validInventory;
    const inventory = this.validInventory ?? this.store.inventory;
    // One with vendors waits for the store to take it (their rules are fetched).
    return inventory && this.store.accepts(inventory) ? inventory : undefined;
  }

  /** A text of the inventory in the element's language, and the language it is in. */
  protected text(text: LocalizedText | undefined): ResolvedText {
    return resolveText(text, this.language.textPreferences);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.inventoryValue === undefined) this.readInventoryScript();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A server has neither the page's cookies nor its language to follow.
    if (isServer) return;
    // Elements without the attribute (such as the tables inside the dialog) leave it as it is.
    if (changed.has('languageCookie') && this.languageCookie) {
      pageLanguage.cookieName = this.languageCookie;
    }
    const options = [
      'cookieDays',
      'cookieDomain',
      'consentEndpoint',
      'csrfCookie',
      'reloadOnWithdraw',
    ] as const;
    if (options.some((option) => changed.has(option)) || changed.has('cookieName')) {
      this.store.configure({
        lifetimeDays: this.cookieDays,
        domain: this.cookieDomain,
        consentEndpoint: this.consentEndpoint,
        csrfCookie: this.csrfCookie,
        reloadOnWithdraw: this.reloadOnWithdraw,
      });
    }
    if ((changed.has('inventory') || changed.has('cookieName')) && this.validInventory) {
      this.store.setInventory(this.validInventory);
    }
  }

  /** Reads the inventory from a `<script type="application/json">` child, if any. */
  private readInventoryScript(): void {
    const script = this.querySelector(':scope > script[type="application/json"]');
    if (!script) return;
    try {
      this.inventory = JSON.parse(script.textContent ?? '');
    } catch (error) {
      console.error(
        `<${this.localName}>: the inventory script is not valid JSON: ${String(error)}`,
      );
      this.inventoryRejected = true;
    }
  }
}
