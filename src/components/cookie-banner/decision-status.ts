import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ConsentAction, ConsentChangeEvent } from '../../events/consent-change.js';
import { msg } from '../../i18n/localize.js';

/** How long an announcement stays in the region, for a screen reader to read it. */
const SHOWN_MS = 5000;
/** How long the region stays empty first: a change within one frame may go unnoticed. */
const EMPTY_MS = 150;

/**
 * The connected regions, first connected first. The first one speaks for the
 * page: each decision is announced once, in one place, whichever element took
 * it (the banner when there is one, since it is defined first).
 */
const regions: DecisionStatus[] = [];
let message = '';
let clearTimer: ReturnType<typeof setTimeout> | undefined;

function speakerUpdate(): void {
  regions[0]?.host.requestUpdate();
}

/** What an element says of one of its decisions: nothing for an action it does not announce. */
export type DecisionText = (action: ConsentAction) => string | undefined;

/**
 * The page's `role="status"` region, rendered by each consent element that
 * may take a decision (WCAG 4.1.3). It is always in the element's shadow
 * root, even while the element shows nothing else, because a screen reader
 * announces the changes of a region it already knows, not a new one. Each
 * decision the element takes is announced with `text` when its
 * `consent-change` comes (which the store dispatches on the element): at once,
 * or, for a decision the store keeps until it has the inventory, then.
 */
export class DecisionStatus implements ReactiveController {
  constructor(
    readonly host: ReactiveControllerHost & HTMLElement,
    private readonly text: DecisionText,
  ) {
    host.addController(this);
  }

  /** The element's own decisions only, not those that bubble from its children. */
  private readonly onDecision = ({ target, detail }: ConsentChangeEvent): void => {
    const text = target === this.host ? this.text(detail.action) : undefined;
    if (text) announce(text);
  };

  hostConnected(): void {
    regions.push(this);
    this.host.addEventListener('consent-change', this.onDecision);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('consent-change', this.onDecision);
    // An announcement belongs to its region: the next one does not repeat it.
    if (regions[0] === this) {
      message = '';
      clearTimeout(clearTimer);
    }
    regions.splice(regions.indexOf(this), 1);
    speakerUpdate();
  }

  render() {
    return html`<div part="status" class="visually-hidden" role="status">
      ${regions[0] === this ? message : ''}
    </div>`;
  }
}

/**
 * Says `text` in the page's status region. The region is emptied first, so
 * that the same decision taken twice is announced twice.
 */
export function announce(text: string): void {
  message = '';
  speakerUpdate();
  clearTimeout(clearTimer);
  clearTimer = setTimeout(() => {
    message = text;
    speakerUpdate();
    clearTimer = setTimeout(() => {
      message = '';
      speakerUpdate();
    }, SHOWN_MS);
  }, EMPTY_MS);
}

// The banner's texts (scripts/localize.mjs takes them from this folder), which
// every visitor has: the dialog announces with them too.
/** What the banner and the dialog say of "Accept all" and "Reject all". */
export const acceptOrRejectText: DecisionText = (action) => {
  if (action === 'accept-all') {
    return msg('Your choice has been saved: cookies accepted.', {
      id: 'status.accepted',
      desc: 'Announced to screen readers after "Accept all" (in the banner or the dialog)',
    });
  }
  if (action === 'reject-all') {
    return msg('Your choice has been saved: optional cookies refused.', {
      id: 'status.rejected',
      desc: 'Announced to screen readers after "Reject all" (in the banner or the dialog); necessary cookies stay',
    });
  }
  return undefined;
};
