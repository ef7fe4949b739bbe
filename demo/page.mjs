// The HTML shell of the demo page. Every value goes through the `markup` tag below, which escapes
// it unless it is already markup built by that tag, so no text can turn into HTML by accident.
// The page has no inline script or style of its own: it must work under `script-src 'self'`, and
// `style-src 'self'` plus the hash of the server-rendered banner's styles.

import { EMBEDS, LANGUAGE_NAMES, PLATFORM_URL, SUPPORTED_LANGUAGES } from './content.mjs';

const HTML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Markup that is already safe, so `markup` inserts it as is. */
class SafeHtml {
  constructor(safeMarkup) {
    this.markup = safeMarkup;
  }

  toString() {
    return this.markup;
  }
}

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);
}

function toMarkup(value) {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(toMarkup).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

function markup(strings, ...values) {
  return new SafeHtml(
    strings.reduce(
      (out, part, index) => out + part + (index < values.length ? toMarkup(values[index]) : ''),
      '',
    ),
  );
}

function languageForm(lang, text) {
  const options = SUPPORTED_LANGUAGES.map(
    (code) =>
      markup`<option value="${code}" lang="${code}" ${code === lang ? markup`selected` : ''}>${LANGUAGE_NAMES[code]}</option>`,
  );
  // Django's set_language view: a POST that sets django_language, then redirects to `next`.
  return markup`<form class="language-form" method="post" action="/i18n/setlang/">
          <input type="hidden" name="next" value="/">
          <label for="language-select">${text.languageForm.label}</label>
          <select id="language-select" name="language">${options}</select>
          <button type="submit" class="button">${text.languageForm.submit}</button>
        </form>`;
}

function siteHeader(lang, text) {
  return markup`<header class="site-header">
      <div class="wrap site-header__inner">
        <p class="brand">
          <span class="brand__name">${text.siteName}</span>
          <span class="brand__tagline">${text.siteTagline}</span>
        </p>
        <nav class="site-nav" aria-label="${text.headerNavLabel}">
          <a href="#charte" class="manage-link" data-cookie-preferences>${text.manageCookies}</a>
          ${languageForm(lang, text)}
        </nav>
      </div>
    </header>`;
}

function policyArticle(text) {
  const policy = text.policy;
  return markup`<article id="charte" class="policy" aria-labelledby="charte-title">
        <h1 id="charte-title">${policy.title}</h1>
        <p class="lead">${policy.intro}</p>

        <section aria-labelledby="what-is-title">
          <h2 id="what-is-title">${policy.whatIsTitle}</h2>
          <p>${policy.whatIs}</p>
          <p>${policy.kindsIntro}</p>
          <ul class="cookie-kinds">
            ${policy.kinds.map((kind) => markup`<li>${kind}</li>`)}
          </ul>
        </section>

        <section aria-labelledby="uses-title">
          <h2 id="uses-title">${policy.usesTitle.before}<a href="${PLATFORM_URL}">${PLATFORM_URL}</a>${policy.usesTitle.after}</h2>

          <h3 id="necessary-title">${policy.necessaryTitle}</h3>
          <cookie-table category="necessary"></cookie-table>

          <h3 id="statistics-title">${policy.statisticsTitle}</h3>
          <p>${policy.statisticsText}</p>
          <cookie-table category="statistics"></cookie-table>
          <p id="stats-status" class="stats-status" role="status">${text.statsStatusWaiting}</p>

          <h3 id="media-title">${policy.mediaTitle}</h3>
          <p>${policy.mediaText}</p>
          <cookie-table category="media" show-storage></cookie-table>
        </section>
      </article>`;
}

/**
 * Third-party content held back by <cookie-embed>: inside a <template>, the browser neither
 * renders nor fetches it until the element copies it in, once the vendor is granted.
 */
function cookieEmbed(vendor, content) {
  return markup`<cookie-embed vendor="${vendor}">
          <template>${content}</template>
        </cookie-embed>`;
}

function embedsSection(text) {
  const { embeds } = text;
  const { video, map } = EMBEDS;
  return markup`<section class="embeds" aria-labelledby="embeds-title">
        <h2 id="embeds-title">${embeds.title}</h2>
        <p>${embeds.intro}</p>

        <h3 id="video-title">${embeds.videoTitle}</h3>
        ${cookieEmbed(
          video.vendor,
          markup`<iframe src="${video.src}" width="${video.width}" height="${video.height}" title="${embeds.videoFrameTitle}" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>`,
        )}

        <h3 id="map-title">${embeds.mapTitle}</h3>
        ${cookieEmbed(
          map.vendor,
          markup`<iframe src="${map.src}" width="${map.width}" height="${map.height}" title="${embeds.mapFrameTitle}"></iframe>`,
        )}
      </section>`;
}

function demoTools(text) {
  const { tools, log } = text;
  return markup`<section class="tools" aria-labelledby="tools-title">
        <h2 id="tools-title">${tools.title}</h2>
        <div class="tools__row">
          <button type="button" class="button" id="live-language-switch">${tools.liveSwitch}</button>
          <p class="tools__current">
            ${tools.languageCookieLabel}
            <code id="language-cookie-value" data-absent-text="${tools.languageCookieAbsent}">${tools.languageCookieAbsent}</code>
          </p>
        </div>
        <p class="hint">${tools.liveSwitchHint}</p>
      </section>

      <section class="event-log" aria-labelledby="event-log-title">
        <h2 id="event-log-title">${log.title}</h2>
        <p>${log.intro}</p>
        <ol id="event-log-list" class="event-log__list" aria-live="polite">
          <li class="event-log__empty">${log.empty}</li>
        </ol>
        <h3 id="consent-cookie-title">${log.cookieTitle}</h3>
        <pre id="consent-cookie-value" class="consent-cookie" aria-labelledby="consent-cookie-title" data-absent-text="${log.cookieAbsent}">${log.cookieAbsent}</pre>
      </section>`;
}

function siteFooter(text) {
  return markup`<footer class="site-footer">
      <div class="wrap site-footer__inner">
        <a href="#charte" class="manage-link" data-cookie-preferences>${text.manageCookies}</a>
        <p>${text.footer.text} <a href="${PLATFORM_URL}">${PLATFORM_URL}</a>.</p>
      </div>
    </footer>`;
}

/**
 * The whole demo page in one language.
 * @param {{ lang: string, text: object, banner: string, serverRendered: boolean }} options
 *   `text` is one language of content.mjs; `banner` is the `<cookie-banner>` element as
 *   `renderBanner` of cookie-consent-elements/server writes it (escaped there), with its shadow
 *   root when `serverRendered`, which also loads Lit's hydration before the library.
 * @returns {string}
 */
export function renderPage({ lang, text, banner, serverRendered }) {
  return `<!doctype html>
${markup`<html lang="${lang}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <title>${text.documentTitle}</title>
    <link rel="icon" href="/demo/favicon.svg" type="image/svg+xml">
    <link rel="stylesheet" href="/demo/demo.css">${
      // Before the library, so that the element adopts the banner the server rendered.
      serverRendered
        ? markup`
    <script type="module" src="/dist/hydrate.js"></script>`
        : ''
    }
    <script type="module" src="/dist/cookie-consent.js"></script>${
      // The page language's texts, fetched beside the elements rather than after them.
      lang === 'en'
        ? ''
        : markup`
    <link rel="modulepreload" href="/dist/locales/${lang}.js">`
    }
    <script type="module" src="/demo/demo.js"></script>
  </head>
  <body>
    <a class="skip-link" href="#main">${text.skipLink}</a>
    <!-- The banner holds the inventory; the other elements use the one it gave the page. -->
    ${new SafeHtml(banner)}
    <cookie-preferences></cookie-preferences>

    ${siteHeader(lang, text)}

    <main id="main" class="wrap" tabindex="-1">
      ${policyArticle(text)}
      ${embedsSection(text)}
      ${demoTools(text)}
    </main>

    ${siteFooter(text)}

    <!-- Runs only once the visitor grants "statistics" (the script gate). -->
    <script type="text/plain" data-consent-category="statistics" src="/demo/stats.js"></script>
  </body>
</html>`}
`;
}
