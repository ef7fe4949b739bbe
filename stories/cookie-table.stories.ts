import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import type { CookieInventory } from '../src/index.js';
import { generatedInventory, seedInventory } from './support/inventories.js';
import { expectRendered } from './support/play.js';
import { decisionCookieLoader, storyCookieName } from './support/story-cookies.js';

type Args = Record<string, unknown>;

/** A cookie-policy page with the table of `inventory` (the seed's unless a story says otherwise). */
function tablePage(args: Args, context: StoryContext, inventory: CookieInventory = seedInventory) {
  return html`
    <main style="font-family: system-ui, sans-serif">
      <h1>Cookie policy</h1>
      <cookie-table
        cookie-name=${storyCookieName(context)}
        category=${ifDefined((args.category as string) || undefined)}
        caption=${ifDefined((args.caption as string) || undefined)}
        ?show-duration=${args['show-duration'] === true}
        ?show-party=${args['show-party'] === true}
        .inventory=${inventory}
      ></cookie-table>
    </main>
  `;
}

/** The table's rendered `<table>`, once there is one. */
function expectTable(canvasElement: HTMLElement) {
  const element = canvasElement.querySelector('cookie-table');
  if (!element) throw new Error('the story has no <cookie-table>');
  return expectRendered(element, 'table');
}

/**
 * The inventory as a data table, with the columns of a French cookie policy
 * (provider, service and location, cookie name, purposes), optionally the
 * duration and who sets the cookie. It stands alone on a cookie-policy page.
 */
const meta = {
  title: 'Elements/cookie-table',
  component: 'cookie-table',
  tags: ['autodocs'],
  loaders: [decisionCookieLoader],
  args: {
    category: '',
    caption: '',
    'show-duration': true,
    'show-party': true,
  },
  argTypes: {
    category: { control: 'select', options: ['', ...seedInventory.categories.map(({ id }) => id)] },
    // Also the name of a CSS part: without a category, autodocs would file it under the parts.
    caption: {
      control: 'text',
      description: 'Replaces the caption.',
      table: { category: 'attributes' },
    },
    'show-duration': { control: 'boolean' },
    'show-party': { control: 'boolean' },
  },
  render: (args, context) => tablePage(args, context),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Every cookie of the demo site's inventory: one row each, under column headers. */
export const SeedInventory: Story = {
  globals: { locale: 'en' },
  play: ({ canvasElement }) => expectTable(canvasElement),
};

/** `category="necessary"`: only that category's cookies, under its label as the caption. */
export const FilteredByCategory: Story = {
  globals: { locale: 'en' },
  args: { category: 'necessary' },
  play: ({ canvasElement }) => expectTable(canvasElement),
};

/** A made-up inventory of 1,000 cookies in 10 categories: one row per cookie. */
export const ThousandCookies: Story = {
  name: '1,000 cookies in 10 categories',
  render: (args, context) => tablePage(args, context, generatedInventory(10, 1000)),
  play: ({ canvasElement }) => expectTable(canvasElement),
};

/**
 * 320 CSS pixels wide: the page does not scroll sideways; the table scrolls in
 * its own box, which then takes keyboard focus and is named by the caption.
 */
export const Narrow320: Story = {
  name: '320 px viewport',
  globals: { locale: 'en', viewport: { value: 'reflow320', isRotated: false } },
  play: ({ canvasElement }) => expectTable(canvasElement),
};
