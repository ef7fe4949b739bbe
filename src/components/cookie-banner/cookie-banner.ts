import { html, isServer, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { globalPrivacyControl } from '../../consent/choices.js';
import { isSafeHref } from '../../consent/safe-href.js';
import { msg } from '../../i18n/localize.js';
import { ConsentElement } from '../consent-element.js';
import { acceptAllLabel, rejectAllLabel } from '../decision-labels.js';
import { restorePageFocus, trackPageFocus } from '../page-focus.js';
import { openPreferencesOrGo } from '../preferences-opener.js';
import { afterFirstPaint } from './after-first-paint.js';
import { bannerStyles } from './cookie-banner.styles.js';
import { acceptOrRejectText, DecisionStatus } from './decision-status.js';
import { keepFocusClear } from './focus-room.js';

/**
 * The first layer of consent: a short text, a link to the cookie policy, and
 * three choices of equal weight. Shown only while the visitor has no valid
 * decision; a page region, not a modal, fixed to the bottom (or top) of the
 * viewport. While it shows, the page's `<html>` gets padding and scroll
 * padding of the banner's height on that edge, so that the page can always
 * scroll what has focus clear of it; on a short viewport the banner takes
 * half of it at most and scrolls inside.
 *
 * @summary Cookie banner shown until the visitor decides.
 * @tag cookie-banner
 *
 * @slot message - Replaces the default short text.
 *
 * @fires {ConsentChangeEvent} consent-change - After "Accept all" or "Reject all"; `detail` is the decision.
 *
 * @csspart base - The banner region.
 * @csspart title - The heading.
 * @csspart message - The short text.
 * @csspart gpc - The note that the browser's Global Privacy Control signal is honoured.
 * @csspart policy-link - The link to the cookie policy.
 * @csspart actions - The row of buttons.
 * @csspart button - Every button.
 * @csspart accept-button - "Accept all".
 * @csspart reject-button - "Reject all".
 * @csspart customise-button - "Customise".
 * @csspart reopen-button - The floating button that reopens the preferences (`reopen-button`).
 * @csspart status - The page's announcement of each decision (`role="status"`, visually hidden), kept while the banner hides.
 *
 * @cssproperty --cookie-consent-background - Background of the banner and dialog.
 * @cssproperty --cookie-consent-color - Text colour.
 * @cssproperty --cookie-consent-muted-color - Secondary text colour.
 * @cssproperty --cookie-consent-accent - Button colour.
 * @cssproperty --cookie-consent-accent-color - Text colour on buttons.
 * @cssproperty --cookie-consent-border-color - Borders and switch outlines.
 * @cssproperty --cookie-consent-focus-color - Focus ring.
 * @cssproperty --cookie-consent-radius - Corner radius.
 * @cssproperty --cookie-consent-font-family - Font family.
 * @cssproperty --cookie-consent-font-size - Base font size.
 * @cssproperty --cookie-consent-max-width - Widest the banner's content grows (default 70rem).
 * @cssproperty --cookie-consent-z-index - Stacking order of the banner (default 2147483000).
 */
export class CookieBanner extends ConsentElement {
  static override styles = bannerStyles;
  static override properties: PropertyDeclarations = {
    policyHref: { attribute: 'policy-href' },
    position: { reflect: true },
    reopenButton: { attribute: 'reopen-button', type: Boolean },
    decisionAction: { attribute: 'decision-action' },
    csrfToken: { attribute: 'csrf-token' },
  };

  /**
   * URL of the site's cookie policy, http(s) or relative; no link is shown
   * without it, nor for another scheme (e.g. `javascript:`), which is reported
   * in the console.
   */
  policyHref?: string;

  /** Where the banner sits: `bottom` (default) or `top` of the viewport. */
  position: 'bottom' | 'top' = 'bottom';

  /** Shows a small floating button that reopens the preferences once the visitor has decided. */
  reopenButton = false;

  /**
   * Where "Accept all" and "Reject all" post the decision (a form field
   * `action`, `accept-all` or `reject-all`) while the script has not run: for
   * a banner rendered on the server, whose endpoint sets the decision cookie
   * and redirects back. Once the script runs, clicks are taken in the page.
   */
  decisionAction?: string;

  /** A CSRF token posted with that form, as Django's `csrfmiddlewaretoken` field. */
  csrfToken?: string;

  private readonly status = new DecisionStatus(this, acceptOrRejectText);

  /**
   * Whether the banner asks the visitor now: an inventory, and no valid
   * decision, or a vendor added since the decision to a category the visitor
   * had granted.
   */
  get visible(): boolean {
    // A server renders the banner only for a visitor with no decision (src/server.ts).
    if (isServer) return this.shownInventory !== undefined;
    return this.shownInventory !== undefined && this.store.needsDecision;
  }

  /**
   * Whether the server rendered this banner (declarative shadow DOM) and this
   * element cannot yet tell for itself whether it shows: until then it shows
   * what the server sent, which hydration adopts only if the first render is
   * the same template.
   */
  private serverRendered = !isServer && this.shadowRoot !== null;

  /** Whether the banner region is rendered: `visible`, or still the server's. */
  private get shown(): boolean {
    return this.visible || this.serverRendered;
  }

  /** `policyHref` when a visitor may follow it. */
  private policyLink?: string;
  private focusWasInside = false;
  /** The server's button last clicked before this banner could take it, taken once it can. */
  private earlyClick?: HTMLButtonElement;

  /**
   * The Global Privacy Control note as the server sent it: given by the
   * server render for a browser that sends the signal, read back from the
   * server's markup in the browser, and shown until the elements' own note
   * (which waits for the vendors' rules and the dialog's texts) takes its
   * place. A note that went and came back would move the buttons under the
   * visitor's pointer.
   * @internal
   */
  serverGpcNote?: string | null;

  constructor() {
    super();
    // The server's buttons are painted before the banner can take a click: it
    // adopts them once its texts are loaded. A click meanwhile is kept (the
    // last one), not lost; a button that posts the form still posts it.
    if (this.serverRendered) {
      this.serverGpcNote = this.shadowRoot!.querySelector('[part="gpc"]')?.textContent;
      this.shadowRoot!.addEventListener('click', (event) => {
        const clicked = (event.target as Element).closest('button');
        if (!this.hasUpdated && clicked?.type === 'button') this.earlyClick = clicked;
      });
    }
    keepFocusClear(
      this,
      () => this.renderRoot.querySelector<HTMLElement>('[part~="base"]'),
      () => this.position,
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    trackPageFocus();
  }

  /**
   * A server-rendered banner keeps the server's markup, in the visitor's
   * language, until its texts are loaded: a first render in English would be
   * the same template, adopted with the wrong words, then changed. Any other
   * banner renders first once the page has painted its own content.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const wait = this.serverRendered
      ? !this.language.ready && this.language.whenReady()
      : !isServer && !this.hasUpdated && afterFirstPaint();
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('policyHref')) this.checkPolicyHref();
    if (isServer) return;
    this.focusWasInside = this.matches(':focus-within');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The store took the inventory: from now on the banner shows only if it must.
    if (this.serverRendered && this.shownInventory !== undefined) {
      this.serverRendered = false;
      if (!this.visible) this.requestUpdate();
    }
    // Adopted: the server heard the signal (Sec-GPC), but this browser does not give it to scripts.
    if (this.serverGpcNote && !globalPrivacyControl()) {
      this.serverGpcNote = undefined;
      this.requestUpdate();
    }
    // Adopted: its buttons take clicks now, the kept one first, unless the
    // banner turned out not to ask (a decision from another tab, say).
    const early = this.earlyClick;
    this.earlyClick = undefined;
    if (early && this.shown) early.click();
    // The banner hid under the visitor's focus: give it back to the page.
    if (!this.shown && this.focusWasInside && !this.matches(':focus-within')) {
      restorePageFocus();
    }
  }

  override render() {
    if (!this.shown) return html`${this.renderReopenButton()}${this.status.render()}`;
    const gpcNote = isServer ? this.serverGpcNote : (this.store.gpcNote ?? this.serverGpcNote);
    // The buttons post the form only where it has an action, and only until the script runs.
    const submit = this.decisionAction ? 'submit' : 'button';
    return html`
      <div part="base" class="banner ${this.position}" role="region" aria-labelledby="title">
        <div class="content">
          <h2 id="title" part="title">
            ${msg('Your choice about cookies', {
              id: 'banner.title',
              desc: 'Heading of the cookie banner, also the name of the banner region',
            })}
          </h2>
          <p part="message">
            <slot name="message"
              >${msg(
                'We use cookies that this site needs to work. With your consent, we would also like to use others, for the purposes you can review under "Customise". Refusing them changes nothing to how the site works, and you can change your mind at any time.',
                {
                  id: 'banner.message',
                  desc: 'Short text of the cookie banner: purposes, what refusing does, right to withdraw',
                },
              )}</slot
            >
            ${
              this.policyLink
                ? html`<a part="policy-link" href=${this.policyLink}
                    >${msg('Read our cookie policy', {
                      id: 'banner.policy-link',
                      desc: 'Link from the banner to the cookie policy page',
                    })}</a
                  >`
                : nothing
            }
          </p>
          ${gpcNote ? html`<p part="gpc" class="gpc">${gpcNote}</p>` : nothing}
          <form
            part="actions"
            class="actions"
            method="post"
            action=${this.decisionAction ?? ''}
            @submit=${preventDefault}
          >
            ${
              this.csrfToken
                ? // A hidden field's value is its attribute, which a server renders too.
                  // eslint-disable-next-line lit/no-value-attribute
                  html`<input type="hidden" name="csrfmiddlewaretoken" value=${this.csrfToken} />`
                : nothing
            }
            <button
              part="button accept-button"
              class="button"
              type=${submit}
              name="action"
              value="accept-all"
              @click=${this.acceptAll}
            >
              ${acceptAllLabel()}
            </button>
            <button
              part="button reject-button"
              class="button"
              type=${submit}
              name="action"
              value="reject-all"
              @click=${this.rejectAll}
            >
              ${rejectAllLabel()}
            </button>
            <button
              part="button customise-button"
              class="button secondary"
              type="button"
              @click=${this.customise}
            >
              ${msg('Customise', {
                id: 'action.customise',
                desc: 'Button that opens the choice per category (CNIL: "Personnaliser")',
              })}
            </button>
          </form>
        </div>
      </div>
      ${this.status.render()}
    `;
  }

  private renderReopenButton() {
    if (!this.reopenButton || this.shownInventory === undefined) return nothing;
    const label = msg('Cookie preferences', {
      id: 'reopen.label',
      desc: 'Name of the small floating button that reopens the cookie preferences',
    });
    return html`
      <button
        part="reopen-button"
        class="reopen ${this.position}"
        type="button"
        aria-label=${label}
        title=${label}
        @click=${this.customise}
      >
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-4-4 4 4 0 0 1-4-4 2 2 0 0 0-2-2Zm-4 7a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm1 6a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm6 0a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Z"
          />
        </svg>
      </button>
    `;
  }

  // A click on the server's banner before the store has its inventory (its
  // vendors' rules may still be on their way) is kept by the store, which
  // takes it then: the status announces it when its event comes.
  private acceptAll(): void {
    this.store.acceptAll(this);
  }

  private rejectAll(): void {
    this.store.rejectAll(this);
  }

  private customise(event: Event): void {
    openPreferencesOrGo(event.currentTarget as HTMLElement, this.cookieName, this.policyLink);
  }

  private checkPolicyHref(): void {
    const href = this.policyHref;
    this.policyLink = href && isSafeHref(href) ? href : undefined;
    if (href && !this.policyLink) {
      console.error(
        `<cookie-banner>: policy-href "${href}" is not an http(s) or relative URL; no link is shown`,
      );
    }
  }
}

/** Once the script runs, "Accept all" and "Reject all" decide in the page: the form never posts. */
function preventDefault(event: Event): void {
  event.preventDefault();
}

declare global {
  interface HTMLElementTagNameMap {
    'cookie-banner': CookieBanner;
  }
}
