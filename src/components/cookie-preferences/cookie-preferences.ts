import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CookieCategory, CookieInventory, CookieVendor } from '../../consent/inventory.js';
import { globalPrivacyControl } from '../../consent/choices.js';
import { cookiesPending } from '../../consent/late-check.js';
import { coveredByGpc, honoursGpc, vendorsOf } from '../../consent/vendors.js';
import { isSafeHref } from '../../consent/safe-href.js';
import { msg, str } from '../../i18n/localize.js';
import { acceptOrRejectText, DecisionStatus } from '../cookie-banner/decision-status.js';
import { ConsentElement } from '../consent-element.js';
import { acceptAllLabel, rejectAllLabel } from '../decision-labels.js';
import { isolated, shownText, withIsolatedText, type ShownText } from '../isolated-text.js';
import { canTakeFocus, restorePageFocus, trackPageFocus } from '../page-focus.js';
import { preferencesStyles } from './cookie-preferences.styles.js';

/**
 * A category's cookie list starts collapsed when it has more rows than this.
 * A collapsed list renders no table until it is opened, so that a dialog over
 * 1,000 cookies opens as fast as one over ten.
 */
const OPEN_LIST_LIMIT = 3;
interface CookieLists {
  /** How many items each list holds, by `listKey`. */
  counts: Map<string, number>;
  /** Whether any item is kept elsewhere than in a cookie: the tables then say where. */
  showStorage: boolean;
}

/** A list's key: a category's items, those of one vendor of it, or (`''`) those of none. */
function listKey(categoryId: string, vendorId?: string): string {
  return vendorId === undefined ? categoryId : `${categoryId}\u0000${vendorId}`;
}

const cookieLists = new WeakMap<CookieInventory, CookieLists>();

/**
 * The size of every list the dialog shows, in one pass over the items, once
 * per inventory: each category and vendor asking on each render would go
 * over thousands of cookies again and again.
 */
function cookieListsOf(inventory: CookieInventory): CookieLists {
  let lists = cookieLists.get(inventory);
  if (lists) return lists;
  // A long list still being checked has no rows yet (late-check.ts): counted, and kept, once it passed.
  if (cookiesPending(inventory)) return { counts: new Map(), showStorage: false };
  lists = { counts: new Map(), showStorage: false };
  const add = (key: string) => lists!.counts.set(key, (lists!.counts.get(key) ?? 0) + 1);
  for (const item of inventory.cookies ?? []) {
    add(listKey(item.category));
    add(listKey(item.category, item.vendor ?? ''));
    if ((item.storage ?? 'cookie') !== 'cookie') lists.showStorage = true;
  }
  cookieLists.set(inventory, lists);
  return lists;
}

function alwaysOnText(): string {
  return msg('Always on', {
    id: 'preferences.always-on',
    desc: 'Next to the locked switch of necessary cookies',
  });
}

function partlyText(): string {
  return msg('Partly allowed', {
    id: 'preferences.partly',
    desc: 'Next to a category switch when only some of its partners are allowed (mixed state)',
  });
}

/**
 * The choice per category, in a modal dialog: one switch per category
 * (required ones on and locked), each with its description and its cookies,
 * and the buttons accept all, reject all and save. A category with vendors
 * expands to one switch per vendor; its own switch then switches them all,
 * and shows "partly" when only some are on. Toggling a switch saves
 * nothing; Escape and the close button record nothing. Focus moves into the
 * dialog when it opens and back to the opener when it closes.
 *
 * @summary Cookie preferences dialog.
 * @tag cookie-preferences
 *
 * @fires {ConsentChangeEvent} consent-change - After "Accept all", "Reject all" or "Save my choices"; `detail` is the decision.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart title - The dialog's heading.
 * @csspart close-button - The ✕ button (records nothing).
 * @csspart categories - The fieldset of switches.
 * @csspart category - One category: switch, description, cookies.
 * @csspart switch - Each category's and vendor's switch (`<input type="checkbox" role="switch">`; a category with vendors is a plain checkbox, which can be mixed).
 * @csspart vendors - The collapsible list of a category's vendors.
 * @csspart vendor - One vendor: switch, description, policy link, cookies.
 * @csspart vendor-policy-link - The link to a vendor's own privacy policy.
 * @csspart gpc - The note that the browser's Global Privacy Control signal is honoured.
 * @csspart cookies - The collapsible list of a category's or a vendor's cookies.
 * @csspart actions - The row of buttons.
 * @csspart button - Every button of the row.
 * @csspart status - The page's announcement of each decision (`role="status"`, visually hidden); it speaks when the page has no banner.
 *
 * @cssproperty --cookie-consent-background - Background of the dialog.
 * @cssproperty --cookie-consent-color - Text colour.
 * @cssproperty --cookie-consent-muted-color - Secondary text colour.
 * @cssproperty --cookie-consent-accent - Buttons and switches when on.
 * @cssproperty --cookie-consent-accent-color - Text colour on buttons.
 * @cssproperty --cookie-consent-border-color - Borders and switch outlines.
 * @cssproperty --cookie-consent-focus-color - Focus ring.
 * @cssproperty --cookie-consent-radius - Corner radius.
 * @cssproperty --cookie-consent-font-family - Font family.
 */
export class CookiePreferences extends ConsentElement {
  static override styles = preferencesStyles;
  static override properties: PropertyDeclarations = {
    open: { reflect: true, type: Boolean },
    draft: { state: true },
    expanded: { state: true },
  };

  /** Whether the dialog is open; setting it opens or closes the dialog. */
  open = false;

  /** The switches' state before saving: a category id → on. */
  private draft: Record<string, boolean> = {};
  /** Categories whose long cookie list the visitor has expanded. */
  private expanded = new Set<string>();

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }
  private opener?: HTMLElement | null;
  private readonly status = new DecisionStatus(this, (action) =>
    action === 'save'
      ? msg('Your choices have been saved.', {
          id: 'preferences.saved',
          desc: 'Announced to screen readers after saving the choices',
        })
      : acceptOrRejectText(action),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    trackPageFocus();
  }

  /**
   * Opens the dialog with the choices last made (categories off before any),
   * and remembers `opener` (by default the focused element) to give focus back.
   */
  show(opener: HTMLElement | null = deepActiveElement()): void {
    this.opener = opener;
    this.open = true;
  }

  /** Closes the dialog without recording anything. */
  hide(): void {
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Each opening starts from the decision in force; Escape or ✕ drop the draft.
    if (changed.has('open') && this.open) {
      this.draft = this.currentChoices();
      this.expanded = new Set();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.dialog;
    if (!dialog) return;
    // Opened once its content is there (its texts may still be loading), so
    // that focus lands on the first control, not on an empty dialog.
    if (this.open && this.shownInventory && !dialog.open) dialog.showModal();
    else if (!this.open && dialog.open) dialog.close();
  }

  override render() {
    const inventory = this.shownInventory;
    // A closed dialog holds nothing: a page that keeps one costs no rendering
    // until it is opened, however long the inventory.
    return html`
      <dialog part="dialog" aria-labelledby="title" @close=${this.onDialogClose}>
        ${inventory && this.open ? this.renderContent(inventory) : nothing}
      </dialog>
      ${this.status.render()}
    `;
  }

  private renderContent(inventory: CookieInventory) {
    return html`
      <div class="header">
        <h2 id="title" part="title">
          ${msg('Cookie settings', { id: 'preferences.title', desc: 'Title of the preferences dialog' })}
        </h2>
        <button
          part="close-button"
          class="close"
          type="button"
          aria-label=${msg('Close without saving', {
            id: 'preferences.close',
            desc: 'Name of the ✕ button of the dialog; it records nothing',
          })}
          @click=${this.hide}
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6Z"
            />
          </svg>
        </button>
      </div>
      <p class="intro">
        ${msg(
          'Choose which cookies you allow. Necessary cookies are always on: the site cannot work without them. Other categories stay off unless you turn them on, and you can change your choices at any time.',
          {
            id: 'preferences.intro',
            desc: 'Text at the top of the preferences dialog: what the switches do and the right to withdraw',
          },
        )}
      </p>
      ${
        honoursGpc(inventory)
          ? html`<p part="gpc" class="intro gpc">
              ${msg(
                'Your browser asks us not to sell or share your data (Global Privacy Control). We honour it: the choices it covers stay off unless you switch them on here.',
                {
                  id: 'preferences.gpc',
                  desc: 'In the preferences dialog, shown only when the browser sends Global Privacy Control',
                },
              )}
            </p>`
          : nothing
      }
      <fieldset part="categories">
        <legend>
          ${msg('Cookie categories', { id: 'preferences.legend', desc: 'Legend of the group of switches' })}
        </legend>
        ${inventory.categories.map((category, index) => this.renderCategory(inventory, category, index))}
      </fieldset>
      <div part="actions" class="actions">
        <button part="button accept-button" class="button" type="button" @click=${this.acceptAll}>
          ${acceptAllLabel()}
        </button>
        <button part="button reject-button" class="button" type="button" @click=${this.rejectAll}>
          ${rejectAllLabel()}
        </button>
        <button
          part="button save-button"
          class="button secondary"
          type="button"
          @click=${this.save}
        >
          ${msg('Save my choices', { id: 'preferences.save', desc: 'Button that records the switches as they are' })}
        </button>
      </div>
    `;
  }

  private renderCategory(inventory: CookieInventory, category: CookieCategory, index: number) {
    const required = category.required === true;
    const vendors = vendorsOf(inventory, category.id);
    const id = `category-${index}`;
    const label = shownText(this.text(category.label), category.id);
    const description = shownText(this.text(category.description));
    // With vendors, the category's switch sums theirs up: on, off, or partly.
    const granted = vendors.filter((vendor) => this.draft[vendor.id] === true).length;
    const checked =
      required ||
      (vendors.length > 0 ? granted === vendors.length : this.draft[category.id] === true);
    const partly = !required && granted > 0 && granted < vendors.length;
    const notes = [
      required ? this.note(`${id}-always-on`, 'always-on', alwaysOnText()) : undefined,
      partly ? this.note(`${id}-partly`, 'partly', partlyText()) : undefined,
      this.gpcNote(inventory, category.id, `${id}-gpc`),
    ].filter((note) => note !== undefined);
    return html`
      <div part="category" class="category">
        ${this.renderSwitch({
          id,
          label,
          checked,
          partly,
          locked: required,
          // A switch has no mixed state: a category with vendors is a checkbox, which has.
          role: vendors.length > 0 ? undefined : 'switch',
          describedBy: [
            description.text ? `${id}-description` : '',
            ...notes.map((note) => note.id),
          ],
          notes: notes.map((note) => note.template),
          onChange: (on) => this.toggleCategory(category.id, vendors, on),
        })}
        ${this.renderDescription(`${id}-description`, description)}
        ${vendors.length > 0 ? this.renderVendors(inventory, category, label, vendors, required, id) : nothing}
        ${this.renderCookies(inventory, { category: category.id, ...(vendors.length > 0 ? { vendor: '' } : {}) }, label, id)}
      </div>
    `;
  }

  // A native checkbox, with role="switch" or not, exposes its checked (and
  // mixed) state itself; ARIA in HTML forbids adding aria-checked to it.
  private renderSwitch(options: {
    id: string;
    label: ShownText;
    checked: boolean;
    partly: boolean;
    locked: boolean;
    role: 'switch' | undefined;
    describedBy: string[];
    notes: unknown[];
    onChange: (on: boolean) => void;
  }) {
    const describedBy = options.describedBy.filter(Boolean).join(' ');
    return html`
      <div class="switch-row">
        <label class="label" for=${options.id}>${isolated(options.label)}</label>
        ${options.notes.length > 0 ? html`<span class="notes">${options.notes}</span>` : nothing}
        <input
          id=${options.id}
          part="switch"
          class="switch"
          type="checkbox"
          role=${ifDefined(options.role)}
          lang=${ifDefined(options.label.lang)}
          .checked=${options.checked}
          .indeterminate=${options.partly}
          ?disabled=${options.locked}
          aria-describedby=${describedBy || nothing}
          @change=${(event: Event) => options.onChange((event.target as HTMLInputElement).checked)}
        />
      </div>
    `;
  }

  /** A description from the inventory, in its own language and direction. */
  private renderDescription(id: string, description: ShownText) {
    const { text, lang, dir } = description;
    if (!text) return nothing;
    // On one line: white space around the text would be part of it.
    // prettier-ignore
    return html`<p class="description" id=${id} lang=${ifDefined(lang)} dir=${dir ?? 'auto'}>${text}</p>`;
  }

  private renderVendors(
    inventory: CookieInventory,
    category: CookieCategory,
    categoryLabel: ShownText,
    vendors: CookieVendor[],
    required: boolean,
    categoryId: string,
  ) {
    const count = vendors.length;
    return html`<details
      part="vendors"
      class="vendors"
      ?open=${this.expanded.has(`vendors:${category.id}`)}
      @toggle=${(event: Event) => this.onListToggle(`vendors:${category.id}`, event)}
    >
      <summary>
        ${withIsolatedText(
          (name) =>
            msg(str`Partners in the category ${name} (${count})`, {
              id: 'preferences.category-vendors',
              desc: "Summary of the collapsible list of a category's partners (third parties), each with its own switch; the category's name, and the number of partners",
            }),
          categoryLabel,
        )}
      </summary>
      <ul class="vendor-list">
        ${vendors.map((vendor, index) => this.renderVendor(inventory, vendor, required, `${categoryId}-vendor-${index}`))}
      </ul>
    </details>`;
  }

  private renderVendor(
    inventory: CookieInventory,
    vendor: CookieVendor,
    required: boolean,
    id: string,
  ) {
    const label = shownText(this.text(vendor.label), vendor.id);
    const description = shownText(this.text(vendor.description));
    // Read once: the value checked is the value rendered.
    const policyHref = vendor.policyHref;
    const gpc = this.gpcNote(inventory, vendor.id, `${id}-gpc`);
    const notes = [
      required ? this.note(`${id}-always-on`, 'always-on', alwaysOnText()) : undefined,
      gpc,
    ].filter((note) => note !== undefined);
    return html`<li part="vendor" class="vendor">
      ${this.renderSwitch({
        id,
        label,
        checked: required || this.draft[vendor.id] === true,
        partly: false,
        locked: required,
        role: 'switch',
        describedBy: [description.text ? `${id}-description` : '', ...notes.map((note) => note.id)],
        notes: notes.map((note) => note.template),
        onChange: (on) => this.toggle(vendor.id, on),
      })}
      ${this.renderDescription(`${id}-description`, description)}
      ${
        typeof policyHref === 'string' && isSafeHref(policyHref)
          ? html`<p class="policy">
              <a
                part="vendor-policy-link"
                href=${policyHref}
                target="_blank"
                rel="noopener noreferrer"
                >${withIsolatedText(
                  (vendorLabel) =>
                    msg(str`Privacy policy of ${vendorLabel}`, {
                      id: 'preferences.vendor-policy',
                      desc: "Link to a partner's own privacy policy; the partner's name",
                    }),
                  label,
                )}</a
              >
            </p>`
          : nothing
      }
      ${this.renderCookies(inventory, { category: vendor.category, vendor: vendor.id }, label, id)}
    </li>`;
  }

  /**
   * The collapsible list of the cookies of a category or a vendor. A list of
   * more than three starts collapsed, and its table is rendered when opened.
   */
  private renderCookies(
    inventory: CookieInventory,
    filter: { category: string; vendor?: string },
    owner: ShownText,
    key: string,
  ) {
    const lists = cookieListsOf(inventory);
    const count = lists.counts.get(listKey(filter.category, filter.vendor)) ?? 0;
    if (count === 0) return nothing;
    // Each summary names its category or partner: a list of them all named
    // "Cookies in this category" told a screen reader's user nothing.
    const summary = withIsolatedText(
      (name) =>
        filter.vendor
          ? msg(str`Cookies of ${name} (${count})`, {
              id: 'preferences.vendor-cookies',
              desc: "Summary of the collapsible list of one partner's cookies; the partner's name, and the number of cookies",
            })
          : msg(str`Cookies in the category ${name} (${count})`, {
              id: 'preferences.category-cookies',
              desc: 'Summary of the collapsible list of a category’s cookies; the category’s name, and the number of cookies',
            }),
      owner,
    );
    return html`<details
      part="cookies"
      ?open=${count <= OPEN_LIST_LIMIT}
      @toggle=${(event: Event) => this.onListToggle(key, event)}
    >
      <summary>${summary}</summary>
      ${
        count <= OPEN_LIST_LIMIT || this.expanded.has(key)
          ? html`<cookie-table
              .inventory=${inventory}
              category=${filter.category}
              vendor=${ifDefined(filter.vendor)}
              cookie-name=${this.cookieName}
              show-duration
              show-party
              ?show-storage=${lists.showStorage}
            ></cookie-table>`
          : nothing
      }
    </details>`;
  }

  /** A note next to a switch, referenced by the switch's aria-describedby. */
  private note(id: string, kind: string, text: string) {
    return { id, template: html`<span class="note ${kind}" id=${id}>${text}</span>` };
  }

  /** "Covered by Global Privacy Control", while the browser sends it, for what it covers. */
  private gpcNote(inventory: CookieInventory, itemId: string, id: string) {
    if (!globalPrivacyControl() || !coveredByGpc(inventory, itemId)) return undefined;
    return this.note(
      id,
      'gpc',
      msg('Covered by Global Privacy Control', {
        id: 'preferences.gpc-covered',
        desc: 'Next to a switch that the Global Privacy Control signal keeps off until the visitor switches it on',
      }),
    );
  }

  /** A list opened by the visitor stays open (and a long one's table rendered) until the dialog closes. */
  private onListToggle(key: string, event: Event): void {
    if (!(event.target as HTMLDetailsElement).open || this.expanded.has(key)) return;
    this.expanded = new Set(this.expanded).add(key);
  }

  private toggle(id: string, on: boolean): void {
    // Toggling records nothing (WCAG 3.2.2); only the buttons below do.
    this.draft = { ...this.draft, [id]: on };
  }

  /** A category's switch switches all its vendors. */
  private toggleCategory(categoryId: string, vendors: readonly CookieVendor[], on: boolean): void {
    this.draft = {
      ...this.draft,
      [categoryId]: on,
      ...Object.fromEntries(vendors.map((vendor) => [vendor.id, on])),
    };
  }

  private acceptAll(): void {
    this.store.acceptAll(this);
    this.hide();
  }

  private rejectAll(): void {
    this.store.rejectAll(this);
    this.hide();
  }

  private save(): void {
    this.store.save(this.draft, this);
    this.hide();
  }

  /** The choices in force, categories and vendors, or everything optional off before any decision. */
  private currentChoices(): Record<string, boolean> {
    const decision = this.store.decision;
    return { ...decision?.categories, ...decision?.vendors };
  }

  private onDialogClose(): void {
    this.open = false;
    const opener = this.opener;
    this.opener = undefined;
    if (canTakeFocus(opener)) opener.focus();
    else restorePageFocus();
  }
}

/** The focused element, looking through shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'cookie-preferences': CookiePreferences;
  }
}
