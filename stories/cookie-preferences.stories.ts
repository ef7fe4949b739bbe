import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/index.js';
import type { CookieInventory } from '../src/index.js';
import { consentChangeAction } from './support/actions.js';
import {
  generatedInventory,
  inventoryIn,
  mediaInventory,
  seedInventory,
} from './support/inventories.js';
import { hostPage } from './support/page.js';
import { expectRendered, shadowQueries } from './support/play.js';
import { decisionCookieLoader, storyCookieName } from './support/story-cookies.js';
import { themeArgTypes, themeStyle } from './support/theme.js';

type Args = Record<string, unknown>;

/** The dialog with `inventory` (the seed's unless a story says otherwise), open or not as `args.open` says. */
function preferencesPage(
  args: Args,
  context: StoryContext,
  inventory: CookieInventory = seedInventory,
) {
  return html`
    ${hostPage('Cookie settings')}
    <cookie-preferences
      cookie-name=${storyCookieName(context)}
      ?open=${args.open === true}
      style=${themeStyle(args)}
      .inventory=${inventory}
      @consent-change=${consentChangeAction(args)}
    ></cookie-preferences>
  `;
}

function preferencesOf(canvasElement: HTMLElement) {
  const element = canvasElement.querySelector('cookie-preferences');
  if (!element) throw new Error('the story has no <cookie-preferences>');
  return element;
}

/**
 * A list's `<summary>` by its whole text: the category's or partner's name in
 * it is an element of its own (a `<bdi>`), which Testing Library's text
 * queries do not read across.
 */
async function findSummary(element: Element, text: string): Promise<HTMLElement> {
  let found: HTMLElement | undefined;
  await waitFor(() => {
    found = [...element.shadowRoot!.querySelectorAll<HTMLElement>('summary')].find(
      (summary) => summary.textContent!.replace(/\s+/g, ' ').trim() === text,
    );
    return expect(found).toBeTruthy();
  });
  return found!;
}

/** The smoke check: the dialog is open with its "Save my choices" (in English, the stories' default language). */
function expectOpenDialog(canvasElement: HTMLElement) {
  return expectRendered(preferencesOf(canvasElement), 'button', { name: 'Save my choices' });
}

/**
 * The choice per category, in a modal dialog: one switch per category
 * (required ones on and locked), each with its cookies, and the buttons
 * accept all, reject all and save. A host opens it with `show()` or the
 * `open` attribute, and any `[data-cookie-preferences]` element of the page
 * opens it too.
 */
const meta = {
  title: 'Elements/cookie-preferences',
  component: 'cookie-preferences',
  tags: ['autodocs'],
  loaders: [decisionCookieLoader],
  args: { open: true },
  argTypes: {
    open: { control: 'boolean' },
    ...themeArgTypes,
  },
  parameters: {
    layout: 'fullscreen',
    // Each story in its own frame: the dialog is modal.
    docs: { story: { inline: false, iframeHeight: 640 } },
  },
  render: (args, context) => preferencesPage(args, context),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/**
 * Opened before any decision: necessary cookies on and locked, every other
 * category off until the visitor turns it on. Focus is inside the dialog.
 */
export const OpenNothingDecided: Story = {
  globals: { locale: 'en' },
  play: ({ canvasElement }) => expectOpenDialog(canvasElement),
};

/**
 * Opened after an earlier decision that granted statistics (the story writes
 * the decision cookie before it renders): the switches start from it.
 */
export const OpenWithPreviousDecision: Story = {
  globals: { locale: 'en' },
  parameters: { previousDecision: { necessary: true, statistics: true } },
  play: ({ canvasElement }) => expectOpenDialog(canvasElement),
};

/**
 * Closed until a button of the page (`data-cookie-preferences`) opens it;
 * Escape closes it again without recording anything, and focus goes back to
 * the button.
 */
export const OpenedFromThePage: Story = {
  globals: { locale: 'en' },
  args: { open: false },
  render: (args, context) => html`
    ${preferencesPage(args, context)}
    <p class="host-page" style="padding-inline: 1.5rem; font-family: system-ui, sans-serif">
      <button type="button" data-cookie-preferences=${storyCookieName(context)}>
        Manage cookies
      </button>
    </p>
  `,
  play: async ({ canvasElement }) => {
    await userEvent.click(canvasElement.querySelector('[data-cookie-preferences]')!);
    await expectOpenDialog(canvasElement);
  },
};

/**
 * An inventory of 1,000 cookies in 10 categories (made up by the story): each
 * category's list starts collapsed, and the dialog scrolls.
 */
export const ThousandCookies: Story = {
  name: '1,000 cookies in 10 categories',
  globals: { locale: 'en' },
  render: (args, context) => preferencesPage(args, context, generatedInventory(10, 1000)),
  play: ({ canvasElement }) => expectOpenDialog(canvasElement),
};

/**
 * A category with vendors: its list expands to one switch per vendor, each
 * with its description and policy link. Switching one vendor makes the
 * category "partly" allowed, a mixed checkbox for assistive technologies.
 */
export const WithVendors: Story = {
  globals: { locale: 'en' },
  render: (args, context) => preferencesPage(args, context, mediaInventory),
  play: ({ canvasElement }) => expectOpenDialog(canvasElement),
};

/**
 * The switches as Windows High Contrast shows them. The element's own
 * `@media (forced-colors: active)` rules are applied here without their media
 * query, so that off (OpenStreetMap), on (YouTube), partly (Embedded content)
 * and locked (necessary cookies) can be compared in any browser, in system
 * colours. To see the real mode, where the browser repaints everything else
 * too, emulate `forced-colors: active` (Chromium's DevTools, Rendering).
 */
export const ForcedColours: Story = {
  name: 'Forced colours (Windows High Contrast)',
  globals: { locale: 'en' },
  render: (args, context) => preferencesPage(args, context, mediaInventory),
  // The play applies the element's forced-colours rules and shows a vendor
  // switched on, so that the four states are on screen.
  play: async ({ canvasElement }) => {
    const element = preferencesOf(canvasElement);
    await expectOpenDialog(canvasElement);
    const root = element.shadowRoot!;
    const rules = root.adoptedStyleSheets
      .flatMap((sheet) => [...sheet.cssRules])
      .filter(
        (rule): rule is CSSMediaRule =>
          rule instanceof CSSMediaRule && rule.conditionText.includes('forced-colors: active'),
      )
      .flatMap((rule) => [...rule.cssRules].map((inner) => inner.cssText));
    const forced = new CSSStyleSheet();
    forced.replaceSync(rules.join('\n'));
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, forced];
    await userEvent.click(
      await findSummary(element, 'Partners in the category Embedded content (2)'),
    );
    await userEvent.click(await shadowQueries(element).findByRole('switch', { name: 'YouTube' }));
  },
};

/**
 * An Arabic interface over an inventory written in French only: the
 * interface reads right to left, and every text of the inventory keeps
 * `lang="fr"` and `dir="ltr"`, so that a screen reader reads it with a French
 * voice and "13 mois" stays in its order (WCAG 3.1.2).
 */
export const RightToLeftFrenchInventory: Story = {
  name: 'Arabic interface, French inventory',
  globals: { locale: 'ar' },
  render: (args, context) => preferencesPage(args, context, inventoryIn(seedInventory, 'fr')),
  play: ({ canvasElement }) => expectRendered(preferencesOf(canvasElement), 'dialog'),
};
