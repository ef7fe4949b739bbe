import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/index.js';
import {
  resetConsent,
  setLanguage,
  type ConsentChangeEvent,
  type ConsentDetail,
} from '../src/index.js';
import { uiLocales, uiSourceLocale } from '../src/i18n/localize.js';
import { localeLoaders } from '../src/i18n/generated/loaders.js';
import { consentChangeAction } from './support/actions.js';
import { captureConsole, consoleLine } from '../tests/support/console.js';
import { badInventory, seedInventory } from './support/inventories.js';
import { hostPage } from './support/page.js';
import { shadowQueries } from './support/play.js';
import { decisionCookieLoader, storyCookieName } from './support/story-cookies.js';
import { storedDecision } from '../tests/support/decision.js';
import { recordConsentChanges } from '../tests/support/events.js';
import { themeArgTypes, themeStyle } from './support/theme.js';

type Args = Record<string, unknown>;

/** A language's texts load on first use (in `storybook dev`, compiled on demand): wait longer. */
const LANGUAGE_LOAD = { timeout: 5000 };

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

/** The banner's region, once it has rendered (by its English name, unless the story is in another language). */
async function findBannerRegion(canvasElement: HTMLElement, name = 'Your choice about cookies') {
  return shadowQueries(bannerOf(canvasElement)).findByRole('region', { name });
}

/** Waits for the one `consent-change` a click produces and checks the cookie holds the same decision. */
async function expectOneDecision(
  events: { events: ConsentChangeEvent[] },
  cookieName: string,
  expected: Pick<ConsentDetail, 'action' | 'categories'>,
) {
  await waitFor(() => expect(events.events.map((event) => event.detail)).toHaveLength(1));
  const [detail] = events.events.map((event) => event.detail);
  await expect(detail).toMatchObject({ ...expected, revision: seedInventory.revision });
  await expect(Date.parse(detail.timestamp)).not.toBeNaN();
  await expect(detail.id).not.toBe('');
  await expect(storedDecision(cookieName)).toEqual({
    categories: expected.categories,
    revision: seedInventory.revision,
    timestamp: detail.timestamp,
    id: detail.id,
  });
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
  play: async ({ canvasElement, loaded }) => {
    await expect(storedDecision(storyCookieName({ loaded }))).toBeUndefined();
    await findBannerRegion(canvasElement);
    const banner = shadowQueries(bannerOf(canvasElement));
    const accept = banner.getByRole('button', { name: 'Accept all' });
    const reject = banner.getByRole('button', { name: 'Reject all' });
    banner.getByRole('button', { name: 'Customise' });
    await expect(banner.getByRole('link', { name: 'Read our cookie policy' })).toHaveAttribute(
      'href',
      '#cookie-policy',
    );
    await expect(reject.tagName).toBe(accept.tagName);
    await expect(reject.getBoundingClientRect().width).toBe(accept.getBoundingClientRect().width);
    await expect(reject.getBoundingClientRect().height).toBe(accept.getBoundingClientRect().height);
    await expect(getComputedStyle(reject).fontWeight).toBe(getComputedStyle(accept).fontWeight);
  },
};

/**
 * A story whose play clicks one first-layer button and expects one decision
 * with `action` and `categories`, and the banner gone.
 */
function decideFromBanner(
  buttonName: string,
  action: 'accept-all' | 'reject-all',
  categories: Record<string, boolean>,
): Story {
  return {
    globals: { locale: 'en' },
    play: async ({ canvasElement, loaded }) => {
      const cookieName = storyCookieName({ loaded });
      await expect(storedDecision(cookieName)).toBeUndefined();
      await findBannerRegion(canvasElement);
      const events = recordConsentChanges();
      try {
        const banner = shadowQueries(bannerOf(canvasElement));
        await userEvent.click(banner.getByRole('button', { name: buttonName }));
        await expectOneDecision(events, cookieName, { action, categories });
        await waitFor(() => expect(banner.queryByRole('region')).toBeNull());
      } finally {
        events.stop();
      }
    },
  };
}

/** "Accept all" grants every category, records it in the cookie, and the banner goes away. */
export const AcceptAll: Story = decideFromBanner('Accept all', 'accept-all', {
  necessary: true,
  statistics: true,
});

/** "Reject all" refuses every optional category; the refusal is kept just like a consent. */
export const RejectAll: Story = decideFromBanner('Reject all', 'reject-all', {
  necessary: true,
  statistics: false,
});

/**
 * "Customise" opens the preferences dialog; turning "Statistics cookies" on
 * records nothing until "Save my choices".
 */
export const CustomiseThenSave: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement, loaded }) => {
    const cookieName = storyCookieName({ loaded });
    await expect(storedDecision(cookieName)).toBeUndefined();
    await findBannerRegion(canvasElement);
    const events = recordConsentChanges();
    try {
      const banner = shadowQueries(bannerOf(canvasElement));
      await userEvent.click(banner.getByRole('button', { name: 'Customise' }));

      const preferencesElement = canvasElement.querySelector('cookie-preferences')!;
      const preferences = shadowQueries(preferencesElement);
      const dialog = await preferences.findByRole('dialog', { name: 'Cookie settings' });
      await waitFor(() => expect((dialog as HTMLDialogElement).open).toBe(true));

      const statistics = preferences.getByRole('switch', { name: 'Statistics cookies' });
      await expect(statistics).not.toBeChecked();
      await userEvent.click(statistics);
      await expect(statistics).toBeChecked();
      await expect(events.events.map((event) => event.detail)).toHaveLength(0);
      await expect(storedDecision(cookieName)).toBeUndefined();

      await userEvent.click(preferences.getByRole('button', { name: 'Save my choices' }));
      await expectOneDecision(events, cookieName, {
        action: 'save',
        categories: { necessary: true, statistics: true },
      });
      await waitFor(() => expect((dialog as HTMLDialogElement).open).toBe(false));
      await waitFor(() => expect(banner.queryByRole('region')).toBeNull());
    } finally {
      events.stop();
    }
  },
};

/**
 * The banner in the language chosen with the toolbar's globe (every UI
 * language the library ships). The test run goes through all of them: each
 * one's heading, and `lang` on the element where it differs from the page's.
 */
export const InEveryLanguage: Story = {
  play: async ({ canvasElement, globals }) => {
    const element = bannerOf(canvasElement);
    await shadowQueries(element).findByRole('region');
    try {
      for (const code of uiLocales) {
        setLanguage(code);
        const loader = localeLoaders[code];
        const title = loader ? (await loader()).templates['banner.title'] : undefined;
        await waitFor(() => {
          const heading = element.shadowRoot?.querySelector('h2');
          expect(element.getAttribute('lang')).toBe(code === uiSourceLocale ? null : code);
          if (typeof title === 'string') expect(heading?.textContent?.trim()).toBe(title);
        }, LANGUAGE_LOAD);
      }
    } finally {
      setLanguage(globals.locale as string);
    }
  },
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
  play: async ({ canvasElement }) => {
    const element = bannerOf(canvasElement);
    await waitFor(() => {
      const base = element.shadowRoot?.querySelector('[part~="base"]');
      expect(base).toBeTruthy();
      expect(getComputedStyle(base!).direction).toBe('rtl');
    }, LANGUAGE_LOAD);
    if (rtlShipped) {
      await expect(element).toHaveAttribute('lang', rtlLocale);
      await expect(element).toHaveAttribute('dir', 'rtl');
    }
  },
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
  globals: { viewport: { value: 'reflow320', isRotated: false } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(window.innerWidth).toBeLessThanOrEqual(320));
    const base = await shadowQueries(bannerOf(canvasElement)).findByRole('region');
    await expect(base.scrollWidth).toBeLessThanOrEqual(base.clientWidth);
    for (const button of bannerOf(canvasElement).shadowRoot!.querySelectorAll('button')) {
      await expect(button.getBoundingClientRect().right).toBeLessThanOrEqual(window.innerWidth);
    }
  },
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
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(window.innerHeight).toBeLessThanOrEqual(256));
    const base = await findBannerRegion(canvasElement);
    await waitFor(() =>
      expect(base.getBoundingClientRect().height).toBeLessThanOrEqual(window.innerHeight / 2 + 1),
    );
    await expect(base.scrollHeight).toBeGreaterThan(base.clientHeight);
    await waitFor(() =>
      expect(parseFloat(document.documentElement.style.paddingBottom)).toBeGreaterThanOrEqual(
        base.getBoundingClientRect().height,
      ),
    );
  },
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
  play: async ({ canvasElement }) => {
    await findBannerRegion(canvasElement);
    const banner = shadowQueries(bannerOf(canvasElement));
    const items = () => canvasElement.querySelectorAll('ol > li');

    await userEvent.click(banner.getByRole('button', { name: 'Reject all' }));
    await waitFor(() => expect(items()).toHaveLength(1));
    await expect(items()[0].querySelector('strong')).toHaveTextContent('reject-all');
    await expect(JSON.parse(items()[0].querySelector('code')!.textContent!)).toMatchObject({
      categories: { necessary: true, statistics: false },
      revision: seedInventory.revision,
    });

    const reset = canvasElement.querySelector<HTMLButtonElement>('main button')!;
    await userEvent.click(reset);
    await waitFor(() => expect(items()).toHaveLength(2));
    await expect(items()[1].querySelector('strong')).toHaveTextContent('reset');
    await findBannerRegion(canvasElement);
  },
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
  play: async ({ canvasElement }) => {
    const element = bannerOf(canvasElement);
    const banner = shadowQueries(element);
    const reopen = await banner.findByRole('button', { name: 'Cookie preferences' });
    await expect(banner.queryByRole('region')).toBeNull();

    await userEvent.click(reopen);
    const preferences = shadowQueries(canvasElement.querySelector('cookie-preferences')!);
    const dialog = (await preferences.findByRole('dialog')) as HTMLDialogElement;
    await waitFor(() => expect(dialog.open).toBe(true));
    await expect(preferences.getByRole('switch', { name: 'Statistics cookies' })).not.toBeChecked();

    await userEvent.click(preferences.getByRole('button', { name: 'Close without saving' }));
    await waitFor(() => expect(dialog.open).toBe(false));
    // Focus goes back to the button that opened the dialog.
    await waitFor(() => expect(element.shadowRoot!.activeElement).toBe(reopen));
  },
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
    const errors = captureConsole(
      () => {
        banner.inventory = badInventory;
      },
      { echo: true },
    ).error.map(consoleLine);
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
