/**
 * The one source of truth for the visitor's decision, per decision cookie.
 * Plain TypeScript: elements, the script gate and the public API subscribe to
 * it; it renders nothing.
 */
import {
  ConsentChangeEvent,
  type ConsentAction,
  type ConsentDecision,
  type ConsentDetail,
} from '../events/consent-change.js';
import {
  cookieNames,
  deleteCookieEverywhere,
  isSecurePage,
  readCookie,
  writeCookie,
} from './cookie-jar.js';
import {
  clampLifetimeDays,
  decideCategories,
  DEFAULT_DECISION_COOKIE,
  isDecisionCurrent,
  newDecisionId,
  parseDecision,
  serializeDecision,
  type DecisionRecord,
} from './decision-cookie.js';
import { matchesCookieName, type CookieInventory } from './inventory.js';

export interface ConsentStoreOptions {
  /** How long a decision stands, in days: 182 (six months) by default, 395 at most. */
  lifetimeDays?: number;
  /** Where each decision's proof of consent is POSTed (see proof-of-consent.ts); none by default. */
  consentEndpoint?: string;
  /** Django's CSRF cookie name (`CSRF_COOKIE_NAME`), if not `csrftoken`. */
  csrfCookie?: string;
  /** `Domain` of the decision cookie (e.g. `example.fr` for every subdomain); host-only otherwise. */
  domain?: string;
}

export type ConsentListener = (store: ConsentStore) => void;

/** What another tab posts on the channel after a decision. */
interface SyncMessage {
  detail: ConsentDetail;
}

/**
 * The proof of consent is a module of its own: only sites with an endpoint
 * download it. A failed download is reported, never thrown into the page.
 */
function loadProofOfConsent() {
  return import('./proof-of-consent.js').catch((error: unknown) => {
    console.error('cookie consent: could not load the proof of consent', error);
    return undefined;
  });
}

export class ConsentStore {
  readonly cookieName: string;
  private inventoryValue?: CookieInventory;
  private record?: DecisionRecord;
  private lifetimeDays = clampLifetimeDays(undefined);
  private domain?: string;
  private consentEndpoint?: string;
  private csrfCookie?: string;
  private readonly listeners = new Set<ConsentListener>();
  private readonly channel: BroadcastChannel;

  constructor(cookieName: string = DEFAULT_DECISION_COOKIE) {
    this.cookieName = cookieName;
    this.record = parseDecision(readCookie(document.cookie, cookieName));
    // Every engine with <dialog> (Safari 15.4 and later) has BroadcastChannel.
    this.channel = new BroadcastChannel(`cookie-consent:${cookieName}`);
    this.channel.onmessage = (event: MessageEvent<SyncMessage | undefined>) =>
      this.receive(event.data);
  }

  /** The inventory decisions are taken against; `undefined` until an element or the host sets it. */
  get inventory(): CookieInventory | undefined {
    return this.inventoryValue;
  }

  setInventory(inventory: CookieInventory): void {
    this.inventoryValue = inventory;
    this.notify();
  }

  /** Sets the options given; those left `undefined` keep their value. */
  configure(options: ConsentStoreOptions): void {
    const lifetimeBefore = this.lifetimeDays;
    if (options.lifetimeDays !== undefined) {
      this.lifetimeDays = clampLifetimeDays(options.lifetimeDays);
    }
    if (options.domain !== undefined) this.domain = options.domain || undefined;
    if (options.consentEndpoint !== undefined) {
      this.consentEndpoint = options.consentEndpoint || undefined;
      // Fetched now, so that a decision's proof leaves without waiting for it.
      if (this.consentEndpoint) void loadProofOfConsent();
    }
    if (options.csrfCookie !== undefined) this.csrfCookie = options.csrfCookie || undefined;
    // Only the lifetime changes what subscribers see: whether a decision still stands.
    if (this.lifetimeDays !== lifetimeBefore) this.notify();
  }

  /**
   * The decision in force for the current inventory, or `undefined` while there
   * is none (no inventory yet, nothing decided, another revision, or expired).
   */
  get decision(): ConsentDecision | undefined {
    const { record, inventoryValue: inventory } = this;
    if (!record || !inventory || !isDecisionCurrent(record, inventory, this.lifetimeDays)) {
      return undefined;
    }
    return {
      categories: decideCategories(inventory, (id) => record.categories[id] === true),
      revision: record.revision,
      timestamp: record.timestamp,
      id: record.id,
    };
  }

  /** Whether `categoryId` may be used now: a required category, or one the visitor granted. */
  isGranted(categoryId: string): boolean {
    const category = this.inventoryValue?.categories.find(
      (candidate) => candidate.id === categoryId,
    );
    if (category?.required) return true;
    return this.decision?.categories[categoryId] === true;
  }

  /** Grants every category. The event is dispatched on `target` (an element, or `document`). */
  acceptAll(target: EventTarget = document): ConsentDetail | undefined {
    return this.decide('accept-all', () => true, target);
  }

  /** Refuses every category that is not required. */
  rejectAll(target: EventTarget = document): ConsentDetail | undefined {
    return this.decide('reject-all', () => false, target);
  }

  /** Records the visitor's choice per category; a category not named is refused. */
  save(
    choices: Readonly<Record<string, boolean>>,
    target: EventTarget = document,
  ): ConsentDetail | undefined {
    return this.decide('save', (id) => choices[id] === true, target);
  }

  /** Forgets the decision, so that the banner asks again. */
  reset(target: EventTarget = document): ConsentDetail | undefined {
    const inventory = this.requireInventory('reset');
    if (!inventory) return undefined;
    writeCookie(this.cookieName, '', { maxAge: 0, domain: this.domain });
    this.record = undefined;
    return this.publish(
      {
        categories: decideCategories(inventory, () => false),
        action: 'reset',
        revision: inventory.revision,
        timestamp: new Date().toISOString(),
        id: newDecisionId(),
      },
      target,
    );
  }

  /** Calls `listener` after every change of inventory or decision; returns the unsubscribe. */
  subscribe(listener: ConsentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private decide(
    action: ConsentAction,
    choose: (categoryId: string) => boolean,
    target: EventTarget,
  ): ConsentDetail | undefined {
    const inventory = this.requireInventory(action);
    if (!inventory) return undefined;
    const record: DecisionRecord = {
      categories: decideCategories(inventory, choose),
      revision: inventory.revision,
      timestamp: new Date().toISOString(),
      id: newDecisionId(),
    };
    const value = serializeDecision(record);
    writeCookie(this.cookieName, value, {
      maxAge: this.lifetimeDays * 24 * 60 * 60,
      domain: this.domain,
      secure: isSecurePage(),
    });
    // Kept in memory too: the decision holds for this page even where the
    // browser refuses the cookie.
    this.record = record;
    return this.publish({ ...record, revision: record.revision, action }, target);
  }

  private requireInventory(action: string): CookieInventory | undefined {
    if (!this.inventoryValue) {
      console.error(`cookie consent: "${action}" ignored, no inventory has been given yet`);
    }
    return this.inventoryValue;
  }

  private publish(detail: ConsentDetail, target: EventTarget): ConsentDetail {
    this.deleteRefusedCookies(detail.categories);
    this.notify();
    this.channel.postMessage({ detail } satisfies SyncMessage);
    target.dispatchEvent(new ConsentChangeEvent(detail));
    // The tab that took the decision records it; the others only hear of it.
    const { consentEndpoint, inventoryValue, csrfCookie } = this;
    if (consentEndpoint && inventoryValue) {
      void loadProofOfConsent().then((proof) =>
        proof?.sendConsentProof(consentEndpoint, detail, inventoryValue, { csrfCookie }),
      );
    }
    return detail;
  }

  /**
   * A message on the channel: another tab's decision (or reset), adopted here.
   * Anything else is ignored.
   */
  private receive(message: SyncMessage | undefined): void {
    const detail = message?.detail;
    if (typeof detail?.categories !== 'object' || detail.categories === null) return;
    // The message can arrive before this tab's document.cookie shows the new
    // value (WebKit does so), so the decision is the one the message carries.
    const { categories, revision, timestamp, id } = detail;
    this.record = detail.action === 'reset' ? undefined : { categories, revision, timestamp, id };
    this.deleteRefusedCookies(categories);
    this.notify();
    document.dispatchEvent(new ConsentChangeEvent({ ...detail, action: 'sync' }));
  }

  /** Withdrawing consent deletes the cookies the inventory lists for refused categories. */
  private deleteRefusedCookies(categories: Readonly<Record<string, boolean>>): void {
    const declared = (this.inventoryValue?.cookies ?? []).filter(
      (cookie) => categories[cookie.category] === false && !this.isRequired(cookie.category),
    );
    if (declared.length === 0) return;
    // A cookie a required category declares too (`sessionid` under `session*`) is never deleted.
    const necessary = (this.inventoryValue?.cookies ?? []).filter((cookie) =>
      this.isRequired(cookie.category),
    );
    for (const name of cookieNames(document.cookie)) {
      if (name === this.cookieName) continue;
      if (necessary.some((cookie) => matchesCookieName(cookie.name, name))) continue;
      if (declared.some((cookie) => matchesCookieName(cookie.name, name)))
        deleteCookieEverywhere(name);
    }
  }

  private isRequired(categoryId: string): boolean {
    return this.inventoryValue?.categories.some((c) => c.id === categoryId && c.required) ?? false;
  }

  private notify(): void {
    for (const listener of this.listeners) {
      try {
        listener(this);
      } catch (error) {
        // One faulty subscriber must not keep the others from hearing of the decision.
        console.error(error);
      }
    }
  }
}
