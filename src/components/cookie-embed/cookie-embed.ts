import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CookieInventory, CookieVendor } from '../../consent/inventory.js';
import { isSafeHref } from '../../consent/safe-href.js';
import { grantVendor, vendorOf } from '../../consent/vendors.js';
import { msg, str } from '../../i18n/localize.js';
import { DecisionStatus } from '../cookie-banner/decision-status.js';
import { ConsentElement } from '../consent-element.js';
import { shownText, withIsolatedText, type ShownText } from '../isolated-text.js';
import { openPreferencesOrGo } from '../preferences-opener.js';
import { styleProperties } from '../style-properties.js';
import { embedStyles } from './cookie-embed.styles.js';
import { EmbeddedContentController, type ContentSize } from './embedded-content.js';

// The texts are functions of the provider's name: each is shown with the name
// isolated (withIsolatedText) and, for the frame's name, as a plain string.
const titleText = (vendor: string) =>
  msg(str`Content from ${vendor}`, {
    id: 'embed.title',
    desc: "Heading of the placeholder shown instead of embedded content (a video, a map) until the visitor allows its provider; the provider's name",
  });
const noticeText = (vendor: string) =>
  msg(
    str`This content is hosted by ${vendor}. Once loaded, it may set cookies and collect data about your visit.`,
    {
      id: 'embed.notice',
      desc: "Text of the placeholder of embedded content; the provider's name",
    },
  );
const allowedText = (vendor: string) =>
  msg(str`${vendor} is allowed: its content is loaded.`, {
    id: 'embed.allowed',
    desc: "Announced to screen readers after the placeholder's button allowed the provider; the provider's name",
  });
const loadText = (vendor: string) =>
  msg(str`Allow ${vendor} and load the content`, {
    id: 'embed.load',
    desc: "Button of the placeholder: allows this provider (recorded as a consent) and loads the content; the provider's name",
  });

/**
 * Third-party content (a video, a map) held back until the visitor allows its
 * provider, one of the inventory's `vendors`. The content is written inside a
 * `<template>` child, which the browser neither renders nor fetches. Until
 * the vendor is granted, a placeholder of the content's size names the
 * provider and offers to allow it; once it is granted (here, in the banner,
 * the dialog or another tab) a copy of the template goes into the element,
 * and it is taken out again when the consent is withdrawn.
 *
 * The box takes the `width` and `height` of the template's first element as
 * its aspect ratio and greatest width, so that nothing moves when the content
 * comes in; the page may also size `<cookie-embed>` itself. After "Allow and
 * load", focus goes to the box (named after the provider), from which Tab
 * reaches the content: not into a third party's frame that may still be
 * loading.
 *
 * @summary Embedded third-party content, loaded once its provider is allowed.
 * @tag cookie-embed
 *
 * @slot - The `<template>` holding the content; its copy is shown here once the vendor is granted.
 *
 * @fires {ConsentChangeEvent} consent-change - After "Allow … and load the content" (action `grant`); `detail` is the decision.
 *
 * @csspart frame - The box of the content's size that holds the placeholder, then the content.
 * @csspart placeholder - What is shown until the vendor is granted.
 * @csspart title - "Content from …".
 * @csspart notice - What loading the content means.
 * @csspart description - The vendor's description from the inventory.
 * @csspart actions - The row of the button and the link.
 * @csspart load-button - "Allow … and load the content".
 * @csspart preferences-link - "Manage cookie preferences" (a link to the vendor's policy, or a button).
 * @csspart status - The page's announcement of each decision (`role="status"`, visually hidden); it speaks when the page has no banner nor dialog.
 *
 * @cssproperty --cookie-consent-background - Background of the placeholder.
 * @cssproperty --cookie-consent-color - Text colour.
 * @cssproperty --cookie-consent-muted-color - Colour of the vendor's description.
 * @cssproperty --cookie-consent-accent - Button and link colour.
 * @cssproperty --cookie-consent-accent-color - Text colour on the button.
 * @cssproperty --cookie-consent-border-color - Border of the placeholder.
 * @cssproperty --cookie-consent-focus-color - Focus ring.
 * @cssproperty --cookie-consent-radius - Corner radius.
 * @cssproperty --cookie-consent-font-family - Font family.
 * @cssproperty --cookie-consent-font-size - Base font size.
 */
export class CookieEmbed extends ConsentElement {
  static override styles = embedStyles;
  static override properties: PropertyDeclarations = {
    vendor: { reflect: true },
  };

  /** The id of the inventory's vendor that provides the content. */
  vendor?: string;

  /** Whether the vendor is granted, as of this update. */
  private granted = false;
  private contentSize?: ContentSize;
  /** Whether this update swaps the element that had focus out of the page. */
  private focusLeaving = false;
  private reportedUnknownVendor?: { vendorId: string; inventory: CookieInventory };
  private readonly content = new EmbeddedContentController(this, () => this.granted);
  private readonly status = new DecisionStatus(this, (action) => {
    const vendor = vendorOf(this.shownInventory, this.vendor ?? '');
    return action === 'grant' && vendor
      ? allowedText(shownText(this.text(vendor.label), vendor.id).text)
      : undefined;
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The inventory reaches the store here first: the decision is read after.
    super.willUpdate(changed);
    const vendorId = this.vendor ?? '';
    const decisive = this.inventoryRejected ? undefined : this.store.inventory;
    this.granted = !!vendorOf(decisive, vendorId) && this.store.isGranted(vendorId);
    this.contentSize = this.content.size;
    this.focusLeaving = this.granted !== this.content.loaded && this.hasFocus();
    const shown = this.shownInventory;
    if (shown && !vendorOf(shown, vendorId)) this.reportUnknownVendor(vendorId, shown);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The button (or the content) that had focus is gone: the box takes it.
    if (this.focusLeaving) {
      this.renderRoot.querySelector<HTMLElement>('.frame')?.focus({ preventScroll: true });
    }
  }

  override render() {
    const size = this.contentSize;
    const inventory = this.shownInventory;
    const vendorId = this.vendor ?? '';
    const label = shownText(this.text(vendorOf(inventory, vendorId)?.label), vendorId);
    let body: unknown = nothing;
    if (this.granted) body = html`<slot></slot>`;
    else if (inventory) body = this.renderPlaceholder(inventory, vendorId, label);
    return html`
      <div
        part="frame"
        class="frame ${size ? 'sized' : ''}"
        ${styleProperties({
          'aspect-ratio': size && `${size.width} / ${size.height}`,
          'max-inline-size': size && `${size.width}px`,
        })}
        role=${ifDefined(body === nothing ? undefined : 'group')}
        aria-labelledby=${ifDefined(!this.granted && inventory ? 'title' : undefined)}
        aria-label=${ifDefined(this.granted ? titleText(label.text) : undefined)}
        tabindex="-1"
      >
        ${body}
      </div>
      ${this.status.render()}
    `;
  }

  private renderPlaceholder(inventory: CookieInventory, vendorId: string, label: ShownText) {
    const vendor = vendorOf(inventory, vendorId);
    const description = shownText(this.text(vendor?.description));
    const policyHref = safePolicyHref(vendor);
    const preferences = msg('Manage cookie preferences', {
      id: 'embed.preferences',
      desc: 'Link in the placeholder of embedded content that opens the cookie preferences dialog',
    });
    return html`
      <div part="placeholder" class="placeholder">
        <p id="title" part="title" class="title">${withIsolatedText(titleText, label)}</p>
        <p part="notice">${withIsolatedText(noticeText, label)}</p>
        ${this.renderDescription(description)}
        <div part="actions" class="actions">
          ${
            // Granting a vendor the inventory lacks would record nothing for it.
            vendor
              ? html`<button part="load-button" class="button" type="button" @click=${this.allow}>
                  ${withIsolatedText(loadText, label)}
                </button>`
              : nothing
          }
          ${
            policyHref
              ? html`<a
                  part="preferences-link"
                  class="link"
                  href=${policyHref}
                  @click=${this.managePreferences}
                  >${preferences}</a
                >`
              : html`<button
                  part="preferences-link"
                  class="link"
                  type="button"
                  @click=${this.managePreferences}
                >
                  ${preferences}
                </button>`
          }
        </div>
      </div>
    `;
  }

  /** The vendor's description from the inventory, in its own language and direction. */
  private renderDescription({ text, lang, dir }: ShownText) {
    if (!text) return nothing;
    // On one line: white space around the text would be part of it.
    // prettier-ignore
    return html`<p part="description" class="description" lang=${ifDefined(lang)} dir=${dir ?? 'auto'}>${text}</p>`;
  }

  private allow(): void {
    const vendor = vendorOf(this.shownInventory, this.vendor ?? '');
    if (vendor) grantVendor(this.store, vendor.id, this);
  }

  private managePreferences(event: MouseEvent): void {
    // A modified click opens the vendor's policy as the browser would.
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    const vendor = vendorOf(this.shownInventory, this.vendor ?? '');
    // Focus comes back to the box, which stays whether the dialog loads the
    // content (the link is gone then) or not.
    const box = this.renderRoot.querySelector<HTMLElement>('.frame');
    openPreferencesOrGo(box, this.cookieName, safePolicyHref(vendor));
  }

  /** Whether focus is on the element, in its shadow root or in its content. */
  private hasFocus(): boolean {
    return !!this.shadowRoot?.activeElement || this.contains(document.activeElement);
  }

  /** Reports a vendor the inventory lacks once, not again on every update. */
  private reportUnknownVendor(vendorId: string, inventory: CookieInventory): void {
    const reported = this.reportedUnknownVendor;
    if (reported?.vendorId === vendorId && reported.inventory === inventory) return;
    this.reportedUnknownVendor = { vendorId, inventory };
    console.error(
      vendorId
        ? `<cookie-embed>: vendor "${vendorId}" is not in the inventory; its content stays unloaded`
        : '<cookie-embed>: no vendor attribute; the content stays unloaded',
    );
  }
}

/**
 * The vendor's policy, when a visitor may follow it. The inventory's checks
 * refuse any other, but the inventory object is the host's and may change after.
 */
function safePolicyHref(vendor: CookieVendor | undefined): string | undefined {
  const href = vendor?.policyHref;
  return typeof href === 'string' && isSafeHref(href) ? href : undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'cookie-embed': CookieEmbed;
  }
}
