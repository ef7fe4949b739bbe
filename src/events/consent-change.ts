/**
 * The actions that produce a decision: `grant` is a vendor allowed from its
 * embedded content's placeholder; `sync` is a decision taken in another tab.
 */
export const CONSENT_ACTIONS = [
  'accept-all',
  'reject-all',
  'save',
  'grant',
  'reset',
  'sync',
] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

/** A decision in force: what `getConsent()` returns. */
export interface ConsentDecision {
  /**
   * Every category of the inventory, granted or not. A category with vendors
   * is granted only when all of them are.
   */
  readonly categories: Readonly<Record<string, boolean>>;
  /** Every vendor of the inventory, granted or not (`{}` when it declares none). */
  readonly vendors: Readonly<Record<string, boolean>>;
  /** True when the browser sent Global Privacy Control and the decision honours it. */
  readonly gpc?: boolean;
  readonly revision: string | number | undefined;
  /** When the decision was taken, ISO 8601. */
  readonly timestamp: string;
  /** The decision's random identifier, for proof of consent. */
  readonly id: string;
}

/** The `detail` of `consent-change`: the decision and the action that produced it. */
export interface ConsentDetail extends ConsentDecision {
  readonly action: ConsentAction;
  /**
   * The categories and vendors granted before this decision and refused by
   * it: what a script already running must stop (`[]` when nothing was).
   */
  readonly withdrawn: readonly string[];
}

/**
 * Fired once per decision. It bubbles and is composed, so a listener on
 * `document` hears every consent element of the page.
 */
export class ConsentChangeEvent extends CustomEvent<ConsentDetail> {
  static readonly type = 'consent-change';

  constructor(detail: ConsentDetail) {
    super(ConsentChangeEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-change': ConsentChangeEvent;
  }
  interface HTMLElementEventMap {
    'consent-change': ConsentChangeEvent;
  }
  interface DocumentEventMap {
    'consent-change': ConsentChangeEvent;
  }
}
