import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../src/index.js';
import { resetConsent, type ConsentDetail } from '../src/index.js';
import { uiLocales } from '../src/i18n/localize.js';
import { consentChangeAction } from './support/actions.js';
import { captureConsole, consoleLine } from '../tests/support/console.js';
import { badInventory, seedInventory } from './support/inventories.js';
import { hostPage } from './support/page.js';
import { expectRendered } from './support/play.js';
import { decisionCookieLoader, storyCookieName } from './support/story-cookies.js';
import { themeArgTypes, themeStyle } from './support/theme.js';

type Args = Record<string, unknown>;

/** The page as a host writes it: its content, the banner, and the dialog "Customise" opens. */
function bannerPage(args: Args, context: StoryContext, content: unknown = hostPage()) {
  const cookieName = storyCookieName(context);
  return html`
    ${content}
    <cookie-banner
      cookie-name=${cookieName}
      policy-href=${args['policy-href'] as string}
      position=${args.position as string}
      ?reopen-button=${args['reopen-button'] === true}
      style=${themeStyle(args)}
      .inventory=${seedInventory}
      @consent-change=${consentChangeAction(args)}
    ></cookie-banner>
    <cookie-preferences
      cookie-name=${cookieName}
      style=${themeStyle(args)}
      @consent-change=${consentChangeAction(args)}
    ></cookie-preferences>
  `;
}

function bannerOf(canvasElement: HTMLElement) {
  const banner = canvasElement.querySelector('cookie-banner');
  if (!banner) throw new Error('the story has no <cookie-banner>');
  return banner;
}

/** The smoke check: the banner's "Accept all" (in English, the stories' default language) is there. */
function expectBanner(canvasElement: HTMLElement) {
  return expectRendered(bannerOf(canvasElement), 'button', { name: 'Accept all' });
}

/**
 * The first layer of consent, shown until the visitor decides: a short text,
 * a link to the cookie policy and three choices of equal weight. It is a page
 * region, not a modal, fixed to the bottom (or top) of the viewport.
 */
const meta = {
  title: 'Elements/cookie-banner',
  component: 'cookie-banner',
  tags: ['autodocs'],
  loaders: [decisionCookieLoader],
  args: {
    'policy-href': '#cookie-policy',
    position: 'bottom',
    'reopen-button': false,
  },
  argTypes: {
    position: { control: 'inline-radio', options: ['bottom', 'top'] },
    // Also the name of a CSS part: without a category, autodocs would file it under the parts.
    'reopen-button': {
      control: 'boolean',
      description: 'Shows a small floating button that reopens the preferences once decided.',
      table: { category: 'attributes' },
    },
    ...themeArgTypes,
  },
  parameters: {
    layout: 'fullscreen',
    // Each story in its own frame: the banner is fixed to the viewport.
    docs: { story: { inline: false, iframeHeight: 420 } },
  },
  render: bannerPage,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/**
 * A first visit: no decision yet, so the banner asks. "Reject all" is the same
 * kind of button as "Accept all", as large and as bold (CNIL, EDPB).
 */
export const FirstVisit: Story = {
  globals: { locale: 'en' },
  play: ({ canvasElement }) => expectBanner(canvasElement),
};

/**
 * The banner in the language chosen with the toolbar's globe (every UI
 * language the library ships), with `lang` on the element where it differs
 * from the page's.
 */
export const InEveryLanguage: Story = {
  play: ({ canvasElement }) => expectRendered(bannerOf(canvasElement), 'region'),
};

const rtlLocale = uiLocales.includes('ar') ? 'ar' : uiLocales.includes('he') ? 'he' : 'ar';
const rtlShipped = uiLocales.includes(rtlLocale);

/**
 * Right to left, in Arabic (or Hebrew). On a left-to-right page the element
 * marks itself with `lang` and `dir="rtl"`, and its layout follows: buttons
 * start from the right.
 */
export const RightToLeft: Story = {
  globals: { locale: rtlLocale },
  render: (args, context) =>
    rtlShipped
      ? bannerPage(args, context)
      : // Until the translation lands, the page itself says it is right to left.
        html`<div dir="rtl" lang=${rtlLocale}>${bannerPage(args, context)}</div>`,
  play: ({ canvasElement }) => expectRendered(bannerOf(canvasElement), 'region'),
};

/**
 * A dark page. By default the elements follow the visitor's
 * `prefers-color-scheme`: switch your system (or the browser's devtools
 * rendering emulation) to dark to see their own dark colours. Here the host
 * sets `color-scheme: dark` and gives the custom properties its dark palette.
 */
export const DarkScheme: Story = {
  render: (args, context) => html`
    <div
      style="color-scheme: dark; min-block-size: 100vh; background: #0d1117; color: #e6edf3;
        --cookie-consent-background: #1c2128; --cookie-consent-color: #e6edf3;
        --cookie-consent-muted-color: #b1bac4; --cookie-consent-accent: #9ecbff;
        --cookie-consent-accent-color: #0d1117; --cookie-consent-border-color: #8b949e;
        --cookie-consent-focus-color: #9ecbff;"
    >
      ${bannerPage(args, context)}
    </div>
  `,
};

/**
 * 320 CSS pixels wide (WCAG 1.4.10 reflow): the buttons stack, and nothing
 * needs scrolling sideways.
 */
export const Narrow320: Story = {
  name: '320 px viewport',
  globals: { locale: 'en', viewport: { value: 'reflow320', isRotated: false } },
  play: ({ canvasElement }) => expectBanner(canvasElement),
};

/**
 * 320 × 256 CSS pixels, as a 1280 × 1024 screen zoomed to 400 %: the banner
 * takes half the viewport at most and scrolls inside, and the page gets as
 * much room at its end, so that whatever has focus can be scrolled clear of
 * the banner (WCAG 2.4.11, 1.4.10).
 */
export const Short320x256: Story = {
  name: '320 × 256 viewport',
  globals: { locale: 'en', viewport: { value: 'short320', isRotated: false } },
  play: ({ canvasElement }) => expectBanner(canvasElement),
};

/**
 * The look comes from a few custom properties (try the controls) and from
 * `::part()`: here the host also squares the region's top edge and
 * underlines the policy link more boldly.
 */
export const Theming: Story = {
  args: {
    '--cookie-consent-accent': '#7a1f5c',
    '--cookie-consent-background': '#fdf8f2',
    '--cookie-consent-color': '#2b2118',
    '--cookie-consent-radius': '1.25rem',
    '--cookie-consent-font-family': "Georgia, 'Times New Roman', serif",
  },
  render: (args, context) => html`
    <style>
      cookie-banner::part(base) {
        border-block-start: 4px solid #7a1f5c;
      }
      cookie-banner::part(policy-link) {
        text-decoration-thickness: 2px;
      }
    </style>
    ${bannerPage(args, context)}
  `,
};

/** Appends one line per `consent-change` the page hears to `list`. */
function logConsentChanges(list: HTMLOListElement): void {
  const listener = (event: Event) => {
    if (!list.isConnected) {
      // The story is gone: stop listening.
      document.removeEventListener('consent-change', listener);
      return;
    }
    const { action, ...decision } = (event as CustomEvent<ConsentDetail>).detail;
    const item = document.createElement('li');
    const name = document.createElement('strong');
    name.textContent = action;
    const detail = document.createElement('code');
    detail.textContent = JSON.stringify(decision);
    item.append(name, ' ', detail);
    list.append(item);
  };
  document.addEventListener('consent-change', listener);
}

/**
 * Every decision fires one `consent-change` that bubbles out of the shadow
 * DOM to `document`. The list shows each `detail` as it fires; "Forget the
 * decision" calls `resetConsent()` and the banner asks again.
 */
export const EventLog: Story = {
  globals: { locale: 'en' },
  render: (args, context) => {
    const list = document.createElement('ol');
    list.setAttribute('aria-labelledby', 'event-log-title');
    logConsentChanges(list);
    const cookieName = storyCookieName(context);
    return bannerPage(
      args,
      context,
      html`
        <main style="padding: 1.5rem; font-family: system-ui, sans-serif">
          <h1 id="event-log-title">consent-change events</h1>
          <button type="button" @click=${() => resetConsent(cookieName)}>
            Forget the decision
          </button>
          ${list}
        </main>
      `,
    );
  },
  play: ({ canvasElement }) => expectBanner(canvasElement),
};

/**
 * After a decision (here written in the cookie before the story loads) the
 * banner stays hidden; with `reopen-button` a small floating button reopens
 * the preferences, which start from that decision.
 */
export const ReopenButtonAfterDecision: Story = {
  globals: { locale: 'en' },
  args: { 'reopen-button': true },
  parameters: { previousDecision: { necessary: true, statistics: false } },
  play: ({ canvasElement }) =>
    expectRendered(bannerOf(canvasElement), 'button', { name: 'Cookie preferences' }),
};

/**
 * What a host sees of a bad inventory (a cookie in a category that does not
 * exist, two categories with one id): the banner renders nothing, and one
 * `console.error` names each problem by its path. The text below is that
 * message, captured as the inventory was set.
 */
export const BadInventory: Story = {
  render: (_args, context) => {
    const banner = document.createElement('cookie-banner');
    banner.cookieName = storyCookieName(context);
    // Shown on the page rather than printed again: it is the error this story expects.
    const errors = captureConsole(() => {
      banner.inventory = badInventory;
    }).error.map(consoleLine);
    return html`
      <main class="host-page" style="padding: 1.5rem; font-family: system-ui, sans-serif">
        <h1>A bad inventory</h1>
        <p>The banner is on this page, and shows nothing. The console says:</p>
        <pre style="white-space: pre-wrap"><code>${errors.join('\n')}</code></pre>
        ${banner}
      </main>
    `;
  },
  play: async ({ canvasElement }) => {
    const banner = bannerOf(canvasElement);
    await expect(banner.visible).toBe(false);
    // Nothing but its status region, empty and visually hidden.
    await expect(banner.shadowRoot!.querySelector(':not([role="status"])')).toBeNull();
    await expect(banner.shadowRoot!.textContent!.trim()).toBe('');
    const message = canvasElement.querySelector('pre')!.textContent!;
    await expect(message).toContain('cookies[1].category');
    await expect(message).toContain('categories[2].id');
  },
};
