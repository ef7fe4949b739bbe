import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CookieCategory, CookieInfo, CookieInventory } from '../../consent/inventory.js';
import { cookiesOf } from '../../consent/late-check.js';
import { vendorOf } from '../../consent/vendors.js';
import { getUiLocale, msg } from '../../i18n/localize.js';
import { ConsentElement } from '../consent-element.js';
import { formatDuration } from '../format-duration.js';
import { isolated, shownText, type ShownText } from '../isolated-text.js';
import { ResizeController } from '../resize-controller.js';
import { tableStyles } from './cookie-table.styles.js';
import { ProgressiveGroups } from './progressive-groups.js';

/**
 * Rows per `<tbody>`: the first group is rendered with the table, the others
 * one per task after it, and shown as the visitor scrolls to them, so that a
 * table of 50,000 cookies shows its first rows at once and never blocks the
 * page for long (progressive-groups.ts).
 */
const GROUP_ROWS = 100;

/** The cookies that `shows` keeps, in groups of `GROUP_ROWS`. */
function groupRows(
  cookies: readonly CookieInfo[],
  shows: (cookie: CookieInfo) => boolean,
): CookieInfo[][] {
  const groups: CookieInfo[][] = [];
  for (const cookie of cookies) {
    if (!shows(cookie)) continue;
    const last = groups[groups.length - 1];
    if (last && last.length < GROUP_ROWS) last.push(cookie);
    else groups.push([cookie]);
  }
  return groups;
}

/**
 * The cookie inventory as a data table: one row per cookie, with the columns
 * of a French cookie policy (provider, service and location, cookie name,
 * purposes), optionally duration and party. It stands alone on a cookie-policy
 * page, and the preferences dialog shows one per category. On a narrow screen
 * the table scrolls in its own box.
 *
 * @summary Table of the cookies a site uses.
 * @tag cookie-table
 *
 * @csspart scroller - The box that scrolls the table on narrow screens.
 * @csspart table - The table.
 * @csspart caption - The caption.
 * @csspart header - Each column header.
 * @csspart cell - Each data cell.
 * @csspart empty - The text shown when no cookie is listed.
 *
 * @cssproperty --cookie-consent-color - Text colour.
 * @cssproperty --cookie-consent-border-color - Cell borders.
 * @cssproperty --cookie-consent-header-background - Background of the header row.
 * @cssproperty --cookie-consent-font-family - Font family.
 */
export class CookieTable extends ConsentElement {
  static override styles = tableStyles;
  static override properties: PropertyDeclarations = {
    category: { reflect: true },
    vendor: { reflect: true },
    caption: {},
    showDuration: { attribute: 'show-duration', type: Boolean },
    showParty: { attribute: 'show-party', type: Boolean },
    showStorage: { attribute: 'show-storage', type: Boolean },
    overflowing: { state: true },
  };

  /** Shows only the cookies of this category id; its label becomes the caption (the vendor's, with `vendor`). */
  category?: string;

  /**
   * Shows only the items of this vendor id; an empty value, only those that
   * name no vendor (a category's own, beside its vendors' in the dialog).
   */
  vendor?: string;

  /** Replaces the caption. */
  caption?: string;

  /** Adds a "Duration" column. */
  showDuration = false;

  /** Adds a column saying who sets the cookie (first or third party). */
  showParty = false;

  /** Adds a column saying where each item is kept: cookie, local or session storage. */
  showStorage = false;

  /** Whether the table is wider than its box, which then takes keyboard focus to scroll. */
  private overflowing = false;

  private reportedMissingCategory?: { categoryId: string; inventory: CookieInventory };

  /** The table's rows, in groups of `GROUP_ROWS`, and what they were taken from. */
  private rowGroups: CookieInfo[][] = [];
  private listed?: { cookies: readonly CookieInfo[]; category?: string; vendor?: string };
  private readonly progress: ProgressiveGroups = new ProgressiveGroups(
    this,
    () => this.renderRoot.querySelector('table')?.tBodies[this.progress.shown - 1],
  );

  constructor() {
    super();
    // The host (the box) and the table (its content) can each make it
    // overflow. Measured after layout, not in an update: setting state there
    // would cost a second render each time.
    new ResizeController(
      this,
      () => [this, this.renderRoot.querySelector('table')],
      () => this.measure(),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const inventory = this.shownInventory;
    const categoryId = this.category;
    if (inventory && categoryId && !inventory.categories.some(({ id }) => id === categoryId)) {
      this.reportMissingCategory(categoryId, inventory);
    }
    // A decision or a language changes no row: the groups stay, and so do their rows.
    const { listed, vendor } = this;
    // None while a long list is being checked (late-check.ts), all of them once it passed.
    const cookies = cookiesOf(inventory);
    if (
      !listed ||
      listed.cookies !== cookies ||
      listed.category !== categoryId ||
      listed.vendor !== vendor
    ) {
      this.listed = { cookies, category: categoryId, vendor };
      this.rowGroups = groupRows(
        cookies,
        (cookie) =>
          (!categoryId || cookie.category === categoryId) &&
          (vendor === undefined || (cookie.vendor ?? '') === vendor),
      );
      this.progress.restart(this.rowGroups.length);
    }
  }

  override render() {
    const inventory = this.shownInventory;
    if (!inventory) return nothing;
    const category = this.category
      ? inventory.categories.find((candidate) => candidate.id === this.category)
      : undefined;
    // Reported by willUpdate.
    if (this.category && !category) return nothing;
    // What a row shows besides its cookie: a group whose cookies and these
    // are unchanged is left as it is, however often the table renders.
    const rowOptions = [
      this.showDuration,
      this.showParty,
      this.showStorage,
      getUiLocale(),
      this.language.textPreferences.join(),
    ];
    const caption: ShownText =
      this.caption !== undefined
        ? { text: this.caption }
        : this.inventoryCaption(inventory, category);
    return html`
      <div
        part="scroller"
        class="scroller"
        role=${ifDefined(this.overflowing ? 'region' : undefined)}
        aria-labelledby=${ifDefined(this.overflowing ? 'caption' : undefined)}
        tabindex=${ifDefined(this.overflowing ? 0 : undefined)}
      >
        <table part="table">
          <caption
            id="caption"
            part="caption"
            lang=${ifDefined(caption.lang)}
            dir=${ifDefined(caption.dir)}
          >
            ${caption.text}
          </caption>
          <thead>
            <tr>
              ${this.headers().map((header) => html`<th part="header" scope="col">${header}</th>`)}
            </tr>
          </thead>
          ${this.rowGroups.slice(0, this.progress.built).map((group, index) => {
            const hidden = index >= this.progress.shown;
            return guard(
              [group, hidden, ...rowOptions],
              () =>
                html`<tbody ?hidden=${hidden}>
                  ${group.map((cookie) => this.renderRow(cookie))}
                </tbody>`,
            );
          })}
        </table>
      </div>
      ${
        this.rowGroups.length === 0
          ? html`<p part="empty">
              ${msg('No cookie is listed here.', {
                id: 'table.empty',
                desc: 'Shown under the table when it has no row',
              })}
            </p>`
          : nothing
      }
    `;
  }

  private headers(): string[] {
    const headers = [
      msg('Provider', {
        id: 'table.provider',
        desc: 'Column header: who provides the service that sets the cookie',
      }),
      msg('Service and location', {
        id: 'table.service',
        desc: 'Column header: the service that uses the cookie and where on the site',
      }),
      msg('Cookie name', { id: 'table.name', desc: 'Column header: the name of the cookie' }),
      msg('Purposes', { id: 'table.purpose', desc: 'Column header: what the cookie is used for' }),
    ];
    if (this.showDuration) {
      headers.push(
        msg('Duration', {
          id: 'table.duration',
          desc: 'Column header: how long the cookie is kept',
        }),
      );
    }
    if (this.showParty) {
      headers.push(
        msg('Set by', {
          id: 'table.party',
          desc: 'Column header: first party (this site) or third party',
        }),
      );
    }
    if (this.showStorage) {
      headers.push(
        msg('Stored in', {
          id: 'table.storage',
          desc: 'Column header: where the item is stored in the browser (cookie, local storage, session storage)',
        }),
      );
    }
    return headers;
  }

  /**
   * The caption from the inventory: the vendor's label for one vendor's
   * items, else the category's, else one for the whole site.
   */
  private inventoryCaption(inventory: CookieInventory, category?: CookieCategory): ShownText {
    const vendor = this.vendor ? vendorOf(inventory, this.vendor) : undefined;
    if (vendor) return shownText(this.text(vendor.label), vendor.id);
    if (category) return shownText(this.text(category.label), category.id);
    return {
      text: msg('Cookies used on this site', {
        id: 'table.caption',
        desc: 'Caption of the table listing every cookie of the site',
      }),
    };
  }

  // Inventory texts are isolated (<bdi>, and <code> for names, which are
  // always left to right): French in an Arabic UI must not turn "13 mois"
  // into "mois 13", and an Arabic text in a French UI keeps its own order.
  // Each carries its language when it is not the interface's.
  private renderRow(cookie: CookieInfo) {
    return html`
      <tr>
        <td part="cell">${isolated(shownText(this.text(cookie.provider)))}</td>
        <td part="cell">${isolated(shownText(this.text(cookie.service)))}</td>
        <td part="cell"><code dir="ltr">${cookie.name}</code></td>
        <td part="cell">${isolated(shownText(this.text(cookie.purpose)))}</td>
        ${
          this.showDuration
            ? html`<td part="cell">
                ${isolated(
                  shownText(
                    formatDuration(cookie.duration, getUiLocale(), this.language.textPreferences),
                  ),
                )}
              </td>`
            : nothing
        }
        ${this.showParty ? html`<td part="cell">${this.partyLabel(cookie)}</td>` : nothing}
        ${this.showStorage ? html`<td part="cell">${this.storageLabel(cookie)}</td>` : nothing}
      </tr>
    `;
  }

  private storageLabel(cookie: CookieInfo): string {
    if (cookie.storage === 'localStorage') {
      return msg('Local storage', {
        id: 'storage.local',
        desc: 'Value of the "Stored in" column: the browser\'s localStorage (kept until deleted)',
      });
    }
    if (cookie.storage === 'sessionStorage') {
      return msg('Session storage', {
        id: 'storage.session',
        desc: 'Value of the "Stored in" column: the browser\'s sessionStorage (kept until the tab closes)',
      });
    }
    return msg('Cookie', {
      id: 'storage.cookie',
      desc: 'Value of the "Stored in" column: an HTTP cookie',
    });
  }

  private partyLabel(cookie: CookieInfo): string {
    if (cookie.party === 'first') {
      return msg('This site (first party)', {
        id: 'party.first',
        desc: 'The cookie is set by the site itself',
      });
    }
    if (cookie.party === 'third') {
      return msg('Third party', {
        id: 'party.third',
        desc: 'The cookie is set by another site or company',
      });
    }
    return '';
  }

  /** Reports a category the inventory lacks once, not again on every render. */
  private reportMissingCategory(categoryId: string, inventory: CookieInventory): void {
    const reported = this.reportedMissingCategory;
    if (reported?.categoryId === categoryId && reported.inventory === inventory) return;
    this.reportedMissingCategory = { categoryId, inventory };
    console.error(`<cookie-table>: category "${categoryId}" is not in the inventory`);
  }

  private measure(): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    const overflowing = scroller !== null && scroller.scrollWidth > scroller.clientWidth + 1;
    if (overflowing !== this.overflowing) this.overflowing = overflowing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cookie-table': CookieTable;
  }
}
