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
  categoryRules,
  needsVendorRules,
  rulesFor,
  type Chooser,
  type Choices,
  type ConsentRules,
} from './choices.js';
import {
  documentCookies,
  expireEveryCopy,
  isSecurePage,
  readCookies,
  writeCookie,
} from './cookie-jar.js';
import {
  clampLifetimeDays,
  DEFAULT_DECISION_COOKIE,
  isDecisionCurrent,
  MAX_COOKIE_BYTES,
  newDecisionId,
  newestDecision,
  serializeDecision,
  type DecisionRecord,
} from './decision-cookie.js';
import type { CookieInventory } from './inventory.js';
import { cookiesChecked, cookiesPending } from './late-check.js';

export interface ConsentStoreOptions {
  /** How long a decision stands, in days: 182 (six months) by default, 395 at most. */
  lifetimeDays?: number;
  /** Where each decision's proof of consent is POSTed (see proof-of-consent.ts); none by default. */
  consentEndpoint?: string;
  /** Django's CSRF cookie name (`CSRF_COOKIE_NAME`), if not `csrftoken`. */
  csrfCookie?: string;
  /** `Domain` of the decision cookie (e.g. `example.fr` for every subdomain); host-only otherwise. */
  domain?: string;
  /**
   * Reload the page after a decision that withdraws something granted before
   * (here or in another tab): scripts already running stop with it.
   */
  reloadOnWithdraw?: boolean;
}

export type ConsentListener = (store: ConsentStore) => void;

/** What another tab posts on the channel after a decision: the event's detail, and the record. */
interface SyncMessage {
  detail: ConsentDetail;
  record?: DecisionRecord;
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

/** The categories and vendors granted in `before` and refused in `after`. */
function withdrawnIds(before: Choices | undefined, after: Choices): string[] {
  return (['categories', 'vendors'] as const).flatMap((kind) => {
    const was = before?.[kind] ?? {};
    return Object.keys(was).filter((id) => was[id] && after[kind][id] === false);
  });
}

function reportIgnored(action: string): void {
  console.error(`cookie consent: "${action}" ignored, the store has no inventory it could take`);
}

export class ConsentStore {
  readonly cookieName: string;
  private inventoryValue?: CookieInventory;
  private record?: DecisionRecord;
  private lifetimeDays = clampLifetimeDays(undefined);
  private domain?: string;
  private consentEndpoint?: string;
  private csrfCookie?: string;
  private reloadOnWithdraw = false;
  private readonly listeners = new Set<ConsentListener>();
  /** Other tabs; none where the browser has no BroadcastChannel or refuses one. */
  private readonly channel?: BroadcastChannel;
  /** The rules of the inventory: categories only, or vendors, storage and GPC. */
  private rules: ConsentRules = categoryRules;
  /** An inventory waiting for the vendors' rules to be fetched. */
  private pendingInventory?: CookieInventory;
  /** Decisions asked for meanwhile, taken in order once the store has it: a refusal must stick. */
  private waitingDecisions: [action: string, again: () => unknown][] = [];
  /** The inventory whose long cookie list is being checked, which the store waits for. */
  private checking?: CookieInventory;
  /** What the last decision refused while such a list was being checked: removed once it passed. */
  private refusedLater?: { inventory: CookieInventory; choices: Choices };

  constructor(cookieName: string = DEFAULT_DECISION_COOKIE) {
    this.cookieName = cookieName;
    this.record = newestDecision(readCookies(documentCookies(), cookieName));
    try {
      // Every engine with <dialog> (Safari 15.4 and later) has BroadcastChannel,
      // but a page may remove it, and an opaque origin may refuse it.
      this.channel = new BroadcastChannel(`cookie-consent:${cookieName}`);
      this.channel.onmessage = (event: MessageEvent<SyncMessage | undefined>) =>
        this.receive(event.data);
    } catch (error) {
      console.error('cookie consent: other tabs will not hear of decisions taken here', error);
    }
  }

  /**
   * Writes the decision cookie (expired for a reset). Every other copy of it
   * goes first: a copy set for this page's path or a parent domain would
   * otherwise come back at the next reading.
   */
  private writeDecisionCookie(value: string, maxAge: number): void {
    const secure = isSecurePage();
    if (readCookies(documentCookies(), this.cookieName).length > 0) {
      expireEveryCopy(this.cookieName, secure);
    }
    if (maxAge <= 0) return;
    // Browsers drop a cookie whose name and value pass 4096 bytes, silently.
    if (this.cookieName.length + value.length > MAX_COOKIE_BYTES) {
      console.error(
        `cookie consent: the decision (${value.length} B) is too large for a cookie; it holds for this page only`,
      );
    }
    // A __Host- name gets Secure, Path=/ and no Domain from writeCookie itself.
    writeCookie(this.cookieName, value, { maxAge, domain: this.domain, secure });
  }

  /** The inventory decisions are taken against; `undefined` until an element or the host sets it. */
  get inventory(): CookieInventory | undefined {
    return this.inventoryValue;
  }

  /**
   * Takes `inventory` for the decisions. One that declares vendors, storage
   * items or Global Privacy Control flags is taken once their rules are
   * fetched and it passes their checks: until then the store has no
   * inventory, so nothing is granted and the banner waits.
   */
  setInventory(inventory: CookieInventory): void {
    this.followCookieCheck(inventory);
    const rules = rulesFor(inventory, (loaded) => {
      if (this.pendingInventory !== inventory) return;
      if (loaded) this.setInventory(inventory);
      else this.dropWaitingDecisions();
    });
    this.pendingInventory = rules ? undefined : inventory;
    if (!rules) return;
    if (!rules.accepts(inventory, () => this.notify())) return this.dropWaitingDecisions();
    this.rules = rules;
    this.inventoryValue = inventory;
    this.notify();
    for (const [, decide] of this.waitingDecisions.splice(0)) decide();
  }

  /**
   * Once the long cookie list of `inventory` is checked (late-check.ts): taken
   * again with its cookies, and what was refused meanwhile is removed; or, if
   * it failed, given up as an invalid one would have been. The decision stays.
   */
  private followCookieCheck(inventory: CookieInventory): void {
    if (this.checking === inventory || !cookiesPending(inventory)) return;
    this.checking = inventory;
    void cookiesChecked(inventory).then((passed) => {
      if (this.checking === inventory) this.checking = undefined;
      const refused = this.refusedLater?.inventory === inventory ? this.refusedLater : undefined;
      if (refused) this.refusedLater = undefined;
      if (inventory !== this.inventoryValue && inventory !== this.pendingInventory) return;
      if (passed) {
        this.setInventory(inventory);
        if (refused) this.removeRefused(refused.choices);
        return;
      }
      if (inventory === this.pendingInventory) this.dropWaitingDecisions();
      if (inventory === this.inventoryValue) {
        this.inventoryValue = undefined;
        this.rules = categoryRules;
        this.notify();
      }
    });
  }

  /** The inventory waited for cannot be taken: the decisions asked for meanwhile are reported. */
  private dropWaitingDecisions(): void {
    this.pendingInventory = undefined;
    for (const [action] of this.waitingDecisions.splice(0)) reportIgnored(action);
  }

  /**
   * Whether an element may show `inventory`: it needs no more rules than the
   * categories', or it is the one the store took, or another copy (each
   * element may hold its own) that the store's rules can read and accept.
   */
  accepts(inventory: CookieInventory): boolean {
    return (
      inventory === this.inventoryValue ||
      !needsVendorRules(inventory) ||
      (this.rules !== categoryRules && this.rules.accepts(inventory))
    );
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
    if (options.reloadOnWithdraw !== undefined) this.reloadOnWithdraw = options.reloadOnWithdraw;
    // Only the lifetime changes what subscribers see: whether a decision still stands.
    if (this.lifetimeDays !== lifetimeBefore) this.notify();
  }

  /**
   * The decision in force for the current inventory, or `undefined` while there
   * is none (no inventory yet, nothing decided, another revision, or expired).
   * A vendor added to the inventory since is refused in it.
   */
  get decision(): ConsentDecision | undefined {
    const { record, inventoryValue: inventory } = this;
    if (!record || !inventory || !isDecisionCurrent(record, inventory, this.lifetimeDays)) {
      return undefined;
    }
    const choices = this.rules.inForce(inventory, record);
    if (!choices) return undefined;
    const { revision, timestamp, id, gpc } = record;
    return { ...choices, revision, timestamp, id, ...(gpc ? { gpc } : {}) };
  }

  /**
   * Whether the banner must ask: no decision in force, or a vendor added since
   * the decision to a category the visitor had granted in full or in part (a
   * category refused in full covers its new vendors: they stay refused).
   */
  get needsDecision(): boolean {
    const { record, inventoryValue: inventory } = this;
    return !this.decision || this.rules.asksAgain(inventory!, record!);
  }

  /**
   * The banner's note that Global Privacy Control is honoured, while the
   * browser sends the signal and the inventory marks something for it.
   */
  get gpcNote(): string | undefined {
    const inventory = this.inventoryValue;
    return inventory && this.rules.gpcNote?.(inventory);
  }

  /**
   * Whether `id` may be used now: a required category or one of its vendors, a
   * vendor the visitor granted, or a category whose every vendor is granted.
   */
  isGranted(id: string): boolean {
    const inventory = this.inventoryValue;
    return !!inventory && this.rules.isGranted(inventory, this.decision, id);
  }

  /**
   * Grants every category and vendor, except those Global Privacy Control
   * covers while the browser sends it. The event is dispatched on `target`
   * (an element, or `document`).
   */
  acceptAll(target: EventTarget = document): ConsentDetail | undefined {
    return this.decide(
      'accept-all',
      (inventory) => this.rules.all(inventory),
      target,
      () => this.acceptAll(target),
    );
  }

  /** Refuses every category that is not required. */
  rejectAll(target: EventTarget = document): ConsentDetail | undefined {
    return this.decide(
      'reject-all',
      () => () => false,
      target,
      () => this.rejectAll(target),
    );
  }

  /**
   * Records the visitor's choice per category and vendor (one map of ids): a
   * vendor not named follows its category; anything else not named is refused.
   * `action` names it in the event (`grant` for embedded content's "Allow").
   */
  save(
    choices: Readonly<Record<string, boolean>>,
    target: EventTarget = document,
    action: ConsentAction = 'save',
  ): ConsentDetail | undefined {
    return this.decide(
      action,
      () => this.rules.from(choices),
      target,
      () => this.save(choices, target, action),
    );
  }

  /** Forgets the decision, so that the banner asks again. */
  reset(target: EventTarget = document): ConsentDetail | undefined {
    const inventory = this.requireInventory('reset', () => this.reset(target));
    if (!inventory) return undefined;
    const before = this.decision;
    this.writeDecisionCookie('', 0);
    this.record = undefined;
    // Everything refused, as a record that names nothing reads.
    const refused = this.rules.inForce(inventory, { categories: {} } as DecisionRecord)!;
    return this.publish(
      {
        ...refused,
        action: 'reset',
        revision: inventory.revision,
        timestamp: new Date().toISOString(),
        id: newDecisionId(),
        withdrawn: withdrawnIds(before, refused),
      },
      target,
    );
  }

  /** Calls `listener` after every change of inventory or decision; returns the unsubscribe. */
  subscribe(listener: ConsentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Takes a decision against the inventory, if the store has one: `chooser`
   * makes the choices for it. Without one, see `requireInventory`.
   */
  private decide(
    action: ConsentAction,
    chooser: (inventory: CookieInventory) => Chooser,
    target: EventTarget,
    again: () => unknown,
  ): ConsentDetail | undefined {
    const inventory = this.requireInventory(action, again);
    if (!inventory) return undefined;
    const before = this.decision;
    const record: DecisionRecord = {
      ...this.rules.decide(inventory, chooser(inventory)),
      revision: inventory.revision,
      timestamp: new Date().toISOString(),
      id: newDecisionId(),
    };
    const value = serializeDecision(record);
    this.writeDecisionCookie(value, this.lifetimeDays * 24 * 60 * 60);
    // Kept in memory too: the decision holds for this page even where the
    // browser refuses the cookie.
    this.record = record;
    const decision = this.decision!;
    return this.publish({ ...decision, action, withdrawn: withdrawnIds(before, decision) }, target);
  }

  /**
   * The inventory, if the store has one. While one waits for the vendors'
   * rules, `again` is kept and called once the store takes it; with none at
   * all, the action is reported and dropped.
   */
  private requireInventory(action: string, again: () => unknown): CookieInventory | undefined {
    if (this.inventoryValue) return this.inventoryValue;
    if (this.pendingInventory) this.waitingDecisions.push([action, again]);
    else reportIgnored(action);
    return undefined;
  }

  private publish(detail: ConsentDetail, target: EventTarget): ConsentDetail {
    this.removeRefused(detail);
    this.notify();
    try {
      this.channel?.postMessage({ detail, record: this.record } satisfies SyncMessage);
    } catch (error) {
      // A record that cannot be cloned: the other tabs read the cookie at their next page.
      console.error('cookie consent: other tabs could not hear of this decision', error);
    }
    target.dispatchEvent(new ConsentChangeEvent(detail));
    // The tab that took the decision records it; the others only hear of it.
    const { consentEndpoint, inventoryValue, csrfCookie } = this;
    if (consentEndpoint && inventoryValue) {
      // Sent with keepalive: it survives a reload on withdrawal.
      void loadProofOfConsent().then((proof) =>
        proof?.sendConsentProof(consentEndpoint, detail, inventoryValue, { csrfCookie }),
      );
    }
    this.reloadAfter(detail);
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
    // value (WebKit does so), so the decision is the one the message carries:
    // its record, or, from a tab of an earlier version, its categories.
    const { categories, revision, timestamp, id } = detail;
    const record = message?.record ?? { categories, revision, timestamp, id };
    if (typeof record.categories !== 'object' || record.categories === null) return;
    const before = this.decision;
    this.record = detail.action === 'reset' ? undefined : record;
    this.removeRefused(detail);
    this.notify();
    // What this tab had granted, it may have started: its own list of withdrawals.
    const synced: ConsentDetail = {
      ...detail,
      action: 'sync',
      withdrawn: withdrawnIds(before, { categories, vendors: detail.vendors ?? {} }),
    };
    document.dispatchEvent(new ConsentChangeEvent(synced));
    this.reloadAfter(synced);
  }

  /** With `reloadOnWithdraw`, reloads the page once a decision withdrew something. */
  private reloadAfter(detail: ConsentDetail): void {
    if (this.reloadOnWithdraw && detail.withdrawn.length > 0) location.reload();
  }

  /** Withdrawing consent removes the cookies and storage keys the inventory lists for it. */
  private removeRefused(choices: Choices): void {
    const inventory = this.inventoryValue;
    if (!inventory) return;
    // A long list still being checked is not used yet: the last refusal waits for it.
    if (cookiesPending(inventory)) this.refusedLater = { inventory, choices };
    else this.rules.withdraw(inventory, choices, this.cookieName);
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
