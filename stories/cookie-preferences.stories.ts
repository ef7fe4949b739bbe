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
import { pressEscape, shadowQueries } from './support/play.js';
import { decisionCookieLoader, storyCookieName } from './support/story-cookies.js';
import { storedDecision } from '../tests/support/decision.js';
import { recordConsentChanges } from '../tests/support/events.js';
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

/** The open native dialog inside the element. */
async function findOpenDialog(element: Element) {
  const dialog = (await shadowQueries(element).findByRole('dialog')) as HTMLDialogElement;
  await waitFor(() => expect(dialog.open).toBe(true));
  return dialog;
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

/** Whether focus is inside `dialog` (looking through the element's shadow root). */
function focusIsIn(element: Element, dialog: HTMLDialogElement): boolean {
  const active = element.shadowRoot?.activeElement;
  return active !== null && active !== undefined && dialog.contains(active);
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
  play: async ({ canvasElement, loaded }) => {
    await expect(storedDecision(storyCookieName({ loaded }))).toBeUndefined();
    const element = preferencesOf(canvasElement);
    const dialog = await findOpenDialog(element);
    const preferences = shadowQueries(element);
    await waitFor(() => expect(focusIsIn(element, dialog)).toBe(true));

    const necessary = preferences.getByRole('switch', {
      name: 'Cookies necessary for the platform to work',
    });
    await expect(necessary).toBeChecked();
    await expect(necessary).toBeDisabled();
    const statistics = preferences.getByRole('switch', { name: 'Statistics cookies' });
    await expect(statistics).not.toBeChecked();
    await expect(statistics).toBeEnabled();
  },
};

/**
 * Opened after an earlier decision that granted statistics (the story writes
 * the decision cookie before it renders): the switches start from it.
 */
export const OpenWithPreviousDecision: Story = {
  globals: { locale: 'en' },
  parameters: { previousDecision: { necessary: true, statistics: true } },
  play: async ({ canvasElement, loaded }) => {
    await expect(storedDecision(storyCookieName({ loaded }))?.categories).toEqual({
      necessary: true,
      statistics: true,
    });
    const element = preferencesOf(canvasElement);
    await findOpenDialog(element);
    await expect(
      shadowQueries(element).getByRole('switch', { name: 'Statistics cookies' }),
    ).toBeChecked();
  },
};

/**
 * Turning a switch records nothing (WCAG 3.2.2): only the buttons do.
 * "Save my choices" records the switches as they are and closes the dialog.
 */
export const ToggleThenSave: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement, loaded }) => {
    const cookieName = storyCookieName({ loaded });
    await expect(storedDecision(cookieName)).toBeUndefined();
    const element = preferencesOf(canvasElement);
    const dialog = await findOpenDialog(element);
    const preferences = shadowQueries(element);
    const events = recordConsentChanges();
    try {
      await userEvent.click(preferences.getByRole('switch', { name: 'Statistics cookies' }));
      await expect(events.events.map((event) => event.detail)).toHaveLength(0);
      await expect(storedDecision(cookieName)).toBeUndefined();

      await userEvent.click(preferences.getByRole('button', { name: 'Save my choices' }));
      await waitFor(() => expect(events.events.map((event) => event.detail)).toHaveLength(1));
      const [detail] = events.events.map((event) => event.detail);
      await expect(detail).toMatchObject({
        action: 'save',
        categories: { necessary: true, statistics: true },
        revision: seedInventory.revision,
      });
      await expect(storedDecision(cookieName)).toEqual({
        categories: { necessary: true, statistics: true },
        revision: seedInventory.revision,
        timestamp: detail.timestamp,
        id: detail.id,
      });
      await waitFor(() => expect(dialog.open).toBe(false));
      await expect(element.open).toBe(false);
    } finally {
      events.stop();
    }
  },
};

/**
 * Opened from a button of the page (`data-cookie-preferences`), a switch
 * turned, then closed with Escape: nothing is recorded, no event fires, focus
 * goes back to the button, and the next opening starts from the decision in
 * force (none), not from the switch left behind.
 */
export const EscapeRecordsNothing: Story = {
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
  play: async ({ canvasElement, loaded }) => {
    const cookieName = storyCookieName({ loaded });
    await expect(storedDecision(cookieName)).toBeUndefined();
    const element = preferencesOf(canvasElement);
    const opener = canvasElement.querySelector<HTMLButtonElement>('[data-cookie-preferences]')!;
    const events = recordConsentChanges();
    try {
      await userEvent.click(opener);
      const dialog = await findOpenDialog(element);
      await waitFor(() => expect(focusIsIn(element, dialog)).toBe(true));
      await userEvent.click(
        shadowQueries(element).getByRole('switch', { name: 'Statistics cookies' }),
      );

      await pressEscape(dialog);
      await waitFor(() => expect(dialog.open).toBe(false));
      // The element hears of it through the dialog's `close` event, a task later.
      await waitFor(() => expect(element.open).toBe(false));
      await waitFor(() => expect(document.activeElement).toBe(opener));
      await expect(events.events.map((event) => event.detail)).toHaveLength(0);
      await expect(storedDecision(cookieName)).toBeUndefined();

      // The switch turned before Escape was dropped with the dialog.
      await userEvent.click(opener);
      await findOpenDialog(element);
      await expect(
        shadowQueries(element).getByRole('switch', { name: 'Statistics cookies' }),
      ).not.toBeChecked();
    } finally {
      events.stop();
    }
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
  play: async ({ canvasElement }) => {
    const element = preferencesOf(canvasElement);
    await findOpenDialog(element);
    const preferences = shadowQueries(element);
    await expect(preferences.getAllByRole('switch')).toHaveLength(10);
    const lists = element.shadowRoot!.querySelectorAll('details');
    await expect(lists).toHaveLength(10);
    for (const list of lists) await expect(list.open).toBe(false);
  },
};

/**
 * A category with vendors: its list expands to one switch per vendor, each
 * with its description and policy link. Switching one vendor makes the
 * category "partly" allowed, a mixed checkbox for assistive technologies.
 */
export const WithVendors: Story = {
  globals: { locale: 'en' },
  render: (args, context) => preferencesPage(args, context, mediaInventory),
  play: async ({ canvasElement, loaded }) => {
    const cookieName = storyCookieName({ loaded });
    const element = preferencesOf(canvasElement);
    const dialog = await findOpenDialog(element);
    const preferences = shadowQueries(element);
    await userEvent.click(
      await findSummary(element, 'Partners in the category Embedded content (2)'),
    );
    await userEvent.click(await preferences.findByRole('switch', { name: 'YouTube' }));
    const media = preferences.getByRole('checkbox', { name: 'Embedded content' });
    await waitFor(() => expect((media as HTMLInputElement).indeterminate).toBe(true));
    await expect(preferences.getByRole('link', { name: 'Privacy policy of YouTube' })).toBeTruthy();
    const events = recordConsentChanges();
    try {
      await userEvent.click(preferences.getByRole('button', { name: 'Save my choices' }));
      await waitFor(() => expect(events.events.map((event) => event.detail)).toHaveLength(1));
      await expect(events.events.map((event) => event.detail)[0].vendors).toEqual({
        youtube: true,
        openstreetmap: false,
      });
      await expect(events.events.map((event) => event.detail)[0].categories).toMatchObject({
        media: false,
      });
      await expect(storedDecision(cookieName)).toMatchObject({
        vendors: { granted: 'youtube', refused: 'openstreetmap' },
      });
      await waitFor(() => expect(dialog.open).toBe(false));
    } finally {
      events.stop();
    }
  },
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
  play: async ({ canvasElement }) => {
    const element = preferencesOf(canvasElement);
    await findOpenDialog(element);
    const root = element.shadowRoot!;
    const rules = root.adoptedStyleSheets
      .flatMap((sheet) => [...sheet.cssRules])
      .filter(
        (rule): rule is CSSMediaRule =>
          rule instanceof CSSMediaRule && rule.conditionText.includes('forced-colors: active'),
      )
      .flatMap((rule) => [...rule.cssRules].map((inner) => inner.cssText));
    await expect(rules.length).toBeGreaterThan(0);
    const forced = new CSSStyleSheet();
    forced.replaceSync(rules.join('\n'));
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, forced];

    const preferences = shadowQueries(element);
    await userEvent.click(
      await findSummary(element, 'Partners in the category Embedded content (2)'),
    );
    await userEvent.click(await preferences.findByRole('switch', { name: 'YouTube' }));
    const look = (input: HTMLElement) =>
      `${getComputedStyle(input).backgroundColor} ${getComputedStyle(input, '::before').backgroundColor}`;
    const looks = [
      look(preferences.getByRole('switch', { name: 'OpenStreetMap' })),
      look(preferences.getByRole('switch', { name: 'YouTube' })),
      look(preferences.getByRole('checkbox', { name: 'Embedded content' })),
      look(preferences.getByRole('switch', { name: 'Cookies necessary for the platform to work' })),
    ];
    await expect(new Set(looks).size).toBe(4);
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
  play: async ({ canvasElement }) => {
    const element = preferencesOf(canvasElement);
    await waitFor(() => expect(element.getAttribute('dir')).toBe('rtl'), { timeout: 5000 });
    await findOpenDialog(element);
    const statistics = await shadowQueries(element).findByRole('switch', {
      name: 'Cookies statistiques',
    });
    await expect(statistics.getAttribute('lang')).toBe('fr');
    const label = (statistics as HTMLInputElement).labels![0].querySelector('bdi')!;
    await expect(label.getAttribute('lang')).toBe('fr');
    await expect(label.getAttribute('dir')).toBe('ltr');
  },
};
