import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { CookieCategory, CookieInventory } from '../../consent/inventory.js';
import { msg, str } from '../../i18n/localize.js';
import { ConsentElement } from '../consent-element.js';
import { canTakeFocus, restorePageFocus, trackPageFocus } from '../page-focus.js';
import { preferencesStyles } from './cookie-preferences.styles.js';

/**
 * A category's cookie list starts collapsed when it has more rows than this.
 * A collapsed list renders no table until it is opened, so that a dialog over
 * 1,000 cookies opens as fast as one over ten.
 */
const OPEN_LIST_LIMIT = 3;
/** How long the "choices saved" message stays for assistive technologies. */
const STATUS_MS = 5000;

/**
 * The choice per category, in a modal dialog: one switch per category
 * (required ones on and locked), each with its description and its cookies,
 * and the buttons accept all, reject all and save. Toggling a switch saves
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
 * @csspart switch - Each category's switch (`<input type="checkbox" role="switch">`).
 * @csspart cookies - The collapsible list of a category's cookies.
 * @csspart actions - The row of buttons.
 * @csspart button - Every button of the row.
 * @csspart status - The "choices saved" announcement.
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

  /** Whether the dialog is open; setting it opens or closes the dialog. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The switches' state before saving: a category id → on. */
  @state() private draft: Record<string, boolean> = {};
  @state() private statusMessage = '';
  /** Categories whose long cookie list the visitor has expanded. */
  @state() private expanded = new Set<string>();

  @query('dialog') private dialog?: HTMLDialogElement;
  private opener?: HTMLElement | null;
  private statusTimer?: ReturnType<typeof setTimeout>;

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
      <div part="status" class="visually-hidden" role="status">${this.statusMessage}</div>
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
      <fieldset part="categories">
        <legend>
          ${msg('Cookie categories', { id: 'preferences.legend', desc: 'Legend of the group of switches' })}
        </legend>
        ${inventory.categories.map((category, index) => this.renderCategory(inventory, category, index))}
      </fieldset>
      <div part="actions" class="actions">
        <button part="button accept-button" class="button" type="button" @click=${this.acceptAll}>
          ${msg('Accept all', { id: 'action.accept-all', desc: 'Button that grants every cookie category' })}
        </button>
        <button part="button reject-button" class="button" type="button" @click=${this.rejectAll}>
          ${msg('Reject all', {
            id: 'action.reject-all',
            desc: 'Button that refuses every optional cookie category; same weight as Accept all',
          })}
        </button>
        <button
          part="button save-button"
          class="button secondary"
          type="button"
          @click=${this.save}
        >
          ${msg('Save my choices', { id: 'action.save', desc: 'Button that records the switches as they are' })}
        </button>
      </div>
    `;
  }

  // A native checkbox with role="switch" exposes its checked state itself;
  // ARIA in HTML forbids adding aria-checked to it, whatever lit-a11y says.
  /* eslint-disable lit-a11y/role-has-required-aria-attrs */
  private renderCategory(inventory: CookieInventory, category: CookieCategory, index: number) {
    const required = category.required === true;
    const count = (inventory.cookies ?? []).filter(
      (cookie) => cookie.category === category.id,
    ).length;
    const description = this.text(category.description);
    return html`
      <div part="category" class="category">
        <div class="switch-row">
          <label class="label" for="switch-${index}"
            >${this.text(category.label) || category.id}</label
          >
          ${
            required
              ? html`<span class="always-on" id="always-on-${index}">
                  ${msg('Always on', { id: 'preferences.always-on', desc: 'Next to the locked switch of necessary cookies' })}
                </span>`
              : nothing
          }
          <input
            id="switch-${index}"
            part="switch"
            class="switch"
            type="checkbox"
            role="switch"
            .checked=${required || this.draft[category.id] === true}
            ?disabled=${required}
            aria-describedby=${
              [description ? `description-${index}` : '', required ? `always-on-${index}` : '']
                .filter(Boolean)
                .join(' ') || nothing
            }
            @change=${(event: Event) => this.toggle(category.id, event)}
          />
        </div>
        ${description ? html`<p class="description" id="description-${index}">${description}</p>` : nothing}
        ${
          count > 0
            ? html`<details
                part="cookies"
                ?open=${count <= OPEN_LIST_LIMIT}
                @toggle=${(event: Event) => this.onListToggle(category.id, event)}
              >
                <summary>
                  ${msg(str`Cookies in this category (${count})`, {
                    id: 'preferences.cookie-count',
                    desc: 'Summary of the collapsible list of a category’s cookies; the number of cookies',
                  })}
                </summary>
                ${
                  count <= OPEN_LIST_LIMIT || this.expanded.has(category.id)
                    ? html`<cookie-table
                        .inventory=${inventory}
                        category=${category.id}
                        cookie-name=${this.cookieName}
                        caption=${this.text(category.label) || category.id}
                        show-duration
                        show-party
                      ></cookie-table>`
                    : nothing
                }
              </details>`
            : nothing
        }
      </div>
    `;
  }

  /* eslint-enable lit-a11y/role-has-required-aria-attrs */

  /** A long list's table is rendered when the visitor first opens it, and kept. */
  private onListToggle(categoryId: string, event: Event): void {
    if (!(event.target as HTMLDetailsElement).open || this.expanded.has(categoryId)) return;
    this.expanded = new Set(this.expanded).add(categoryId);
  }

  private toggle(categoryId: string, event: Event): void {
    // Toggling records nothing (WCAG 3.2.2); only the buttons below do.
    this.draft = { ...this.draft, [categoryId]: (event.target as HTMLInputElement).checked };
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
    this.announce(
      msg('Your choices have been saved.', {
        id: 'preferences.saved',
        desc: 'Announced to screen readers after saving the choices',
      }),
    );
  }

  private announce(message: string): void {
    this.statusMessage = message;
    clearTimeout(this.statusTimer);
    this.statusTimer = setTimeout(() => (this.statusMessage = ''), STATUS_MS);
  }

  /** The choices in force, or every optional category off before any decision. */
  private currentChoices(): Record<string, boolean> {
    return { ...(this.store.decision?.categories ?? {}) };
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
