/**
 * Server rendering, for Node (`cookie-consent-elements/server`): the banner as
 * the server sends it, rendered from the element itself by `@lit-labs/ssr`
 * into declarative shadow DOM, so that it is painted with the page, before any
 * script runs. The page then loads `dist/hydrate.js` before
 * `dist/cookie-consent.js` (or, with a bundler, Lit's
 * `@lit-labs/ssr-client/lit-element-hydrate-support.js` before the package),
 * and the element adopts the markup instead of creating it again.
 *
 *     const banner = renderBanner({ inventory, language: 'fr', cookieHeader: request.headers.cookie });
 */
import { createHash } from 'node:crypto';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { LitElementRenderer } from '@lit-labs/ssr/lib/lit-element-renderer.js';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CookieBanner } from './components/cookie-banner/cookie-banner.js';
import { rulesFor } from './consent/choices.js';
import { readCookies } from './consent/cookie-jar.js';
import {
  DEFAULT_DECISION_COOKIE,
  clampLifetimeDays,
  isDecisionCurrent,
  newestDecision,
} from './consent/decision-cookie.js';
import { checkInventory, type CookieInventory } from './consent/inventory.js';
import { marksGpc } from './consent/vendors.js';
import { gpcBannerNote } from './components/gpc-note.js';
import { resolveLanguage } from './consent/language.js';
import { detailLoaders, localeLoaders } from './i18n/generated/loaders.js';
import { uiLocales, withUiTexts } from './i18n/localize.js';
import type { LocaleModule } from './i18n/locale-module.js';
// Defines the elements in the registry the server render reads, and the rules of vendors.
import './index.js';

export interface BannerRenderOptions {
  /** The inventory, as the elements take it; an invalid one renders no banner (and is reported). */
  inventory: CookieInventory;
  /** The visitor's language (Django's code, e.g. `pt-br`); English for one the elements lack. */
  language?: string;
  /** The request's `Cookie` header: every copy of the decision cookie in it is read. */
  cookieHeader?: string;
  /** Or the decision cookie's value(s) themselves. */
  decisionCookie?: string | readonly string[];
  /** The decision cookie's name (`cookie-name`), `cookies_preferences` by default. */
  cookieName?: string;
  /** How many days a decision stands (`cookie-days`). */
  cookieDays?: number;
  policyHref?: string;
  position?: 'bottom' | 'top';
  languageCookie?: string;
  cookieDomain?: string;
  consentEndpoint?: string;
  csrfCookie?: string;
  reopenButton?: boolean;
  reloadOnWithdraw?: boolean;
  /**
   * Where "Accept all" and "Reject all" post until the script runs
   * (`decision-action`): an endpoint that sets the decision cookie and
   * redirects back (see the README). Put the page to return to in its query.
   */
  decisionAction?: string;
  /** A CSRF token posted with that form as `csrfmiddlewaretoken` (`csrf-token`). */
  csrfToken?: string;
  /**
   * Whether the request sends Global Privacy Control (its `Sec-GPC` header is
   * `1`): the banner then carries its note that the signal is honoured, as the
   * browser will render it, where the inventory marks something `gpc`. Answer
   * with `Vary: Sec-GPC` if a cache keeps the page.
   */
  globalPrivacyControl?: boolean;
}

/** The texts of every language but English (built in), banner and details, read once. */
const textsByLanguage = new Map<string, LocaleModule['templates']>(
  await Promise.all(
    Object.keys(localeLoaders).map(async (locale) => {
      const parts = await Promise.all([localeLoaders[locale](), detailLoaders[locale]()]);
      const templates: LocaleModule['templates'] = Object.assign(
        {},
        ...parts.map((part) => part.templates),
      );
      return [locale, templates] as const;
    }),
  ),
);

/**
 * Whether a visitor whose decision cookie holds `values` (every copy of it)
 * must be asked: no decision in force for `inventory`, by the rules the
 * elements follow (revision, lifetime, vendors added since).
 */
export function needsDecision(
  inventory: CookieInventory,
  values: readonly string[],
  lifetimeDays?: number,
): boolean {
  const record = newestDecision(values);
  if (!record || !isDecisionCurrent(record, inventory, clampLifetimeDays(lifetimeDays))) {
    return true;
  }
  // The rules of vendors are in this module's imports: they are there at once.
  const rules = rulesFor(inventory, () => undefined);
  return !rules || !rules.inForce(inventory, record) || rules.asksAgain(inventory, record);
}

/** The language of the elements' texts for `language` (any Django or BCP 47 code). */
export function bannerLanguage(language: string | undefined): string {
  return resolveLanguage([language], uiLocales);
}

function decisionCookieValues(options: BannerRenderOptions): string[] {
  const { decisionCookie, cookieHeader } = options;
  if (decisionCookie !== undefined) {
    return typeof decisionCookie === 'string' ? [decisionCookie] : [...decisionCookie];
  }
  return readCookies(cookieHeader ?? '', options.cookieName ?? DEFAULT_DECISION_COOKIE);
}

// A banner given no inventory (a visitor who decided) gets no shadow root: the
// browser renders it, hidden or as its reopen button.
LitElementRenderer.renderOptions.push((element) =>
  element instanceof CookieBanner && element.inventory === undefined
    ? { disableSsr: true }
    : undefined,
);

/** The element's HTML, with its shadow root when it is given an inventory. */
function renderElement(options: BannerRenderOptions, inventory: CookieInventory | undefined) {
  const cookieName =
    options.cookieName === DEFAULT_DECISION_COOKIE ? undefined : options.cookieName;
  const language = bannerLanguage(options.language);
  return withUiTexts(language, textsByLanguage.get(language) ?? {}, () => {
    // In the visitor's language, as the browser's own note will be.
    const gpcNote =
      options.globalPrivacyControl === true && inventory && marksGpc(inventory)
        ? gpcBannerNote()
        : undefined;
    const template = html`<cookie-banner
      policy-href=${ifDefined(options.policyHref)}
      position=${ifDefined(options.position)}
      cookie-name=${ifDefined(cookieName)}
      cookie-days=${ifDefined(options.cookieDays)}
      cookie-domain=${ifDefined(options.cookieDomain)}
      language-cookie=${ifDefined(options.languageCookie)}
      consent-endpoint=${ifDefined(options.consentEndpoint)}
      csrf-cookie=${ifDefined(options.csrfCookie)}
      decision-action=${ifDefined(options.decisionAction)}
      csrf-token=${ifDefined(options.csrfToken)}
      ?reopen-button=${options.reopenButton === true}
      ?reload-on-withdraw=${options.reloadOnWithdraw === true}
      .inventory=${inventory}
      .serverGpcNote=${gpcNote}
    ></cookie-banner>`;
    return collectResultSync(render(template));
  });
}

/**
 * JSON for a `<script type="application/json">`: `<`, `>` and `&` escaped,
 * so that no text of it can end the script (as Django's `json_script` does).
 */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&]/g,
    (character) => `\\u00${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `<cookie-banner>` with its attributes and its inventory (a
 * `<script type="application/json">` child), for the page's HTML. Its shadow
 * root, the banner in the visitor's language, is rendered only when the
 * visitor has no decision in force; otherwise the element comes without one,
 * as before, and the browser renders it.
 */
export function renderBanner(options: BannerRenderOptions): string {
  const inventory = checkInventory(options.inventory, 'renderBanner()');
  if (inventory === undefined) return '';
  const ask = needsDecision(inventory, decisionCookieValues(options), options.cookieDays);
  const element = renderElement(options, ask ? inventory : undefined);
  const end = element.lastIndexOf('</cookie-banner>');
  const script = `<script type="application/json">${jsonForScript(inventory)}</script>`;
  return element.slice(0, end) + script + element.slice(end);
}

/**
 * The banner's declarative shadow root alone (`<template shadowrootmode="open">…`),
 * whatever the visitor decided, for a server that writes the `<cookie-banner>`
 * tag itself. The Django app pre-renders one per language this way, with
 * placeholders for the values it fills in per request.
 */
export function renderBannerShadowRoot(options: BannerRenderOptions): string {
  const inventory = checkInventory(options.inventory, 'renderBannerShadowRoot()');
  if (inventory === undefined) return '';
  const element = renderElement(options, inventory);
  return element.slice(
    element.indexOf('<template shadowroot'),
    element.lastIndexOf('</cookie-banner>'),
  );
}

const englishBanner = renderBannerShadowRoot({
  inventory: { revision: 0, categories: [{ id: 'necessary', required: true, label: 'necessary' }] },
});

/**
 * The Content-Security-Policy source that allows the banner's `<style>`
 * (`'sha256-…'`): a page served with `style-src 'self'` adds it, since a
 * declarative shadow root carries its styles inline. Any language, any option.
 */
export const bannerStyleSource = `'sha256-${createHash('sha256')
  .update(
    englishBanner.slice(englishBanner.indexOf('<style>') + 7, englishBanner.indexOf('</style>')),
  )
  .digest('base64')}'`;
