// The HTML of the measured pages: one ordinary article page, the same for every variant, with
// either our elements, our banner rendered on the server (`server`: declarative shadow DOM from
// cookie-consent-elements/server, then hydrated), vanilla-cookieconsent, or nothing (the
// first-paint baseline). Each page carries its inventory inline, as a site would render it, so
// that neither library needs a request the other does not.

import { renderBanner } from 'cookie-consent-elements/server';
import { klaroConfig, tarteaucitronScript } from './competitors.mjs';
import { POLICY_HREF, vanillaConfig } from './inventory.mjs';

/** Where the server exposes each library's files. */
export const OURS_SCRIPT = '/dist/cookie-consent.js';
export const OURS_HYDRATE = '/dist/hydrate.js';
export const OURS_LOCALES = '/dist/locales/';
export const VANILLA_DIR = '/vendor/vanilla-cookieconsent/';
export const KLARO_DIR = '/vendor/klaro/';
export const TARTEAUCITRON_DIR = '/vendor/tarteaucitron/';

const ARTICLE = {
  fr: {
    title: 'Page de démonstration',
    heading: 'Ouverture des données publiques',
    lead: 'Chaque semaine, le portail publie de nouveaux jeux de données sur les transports, l’énergie, la santé et l’éducation, avec leur documentation, leur historique de versions et les contacts de leurs producteurs, pour que chacun puisse les comprendre, les vérifier et les réutiliser librement.',
    paragraphs: [
      'Cette page ressemble à une page ordinaire d’un site : un titre, quelques paragraphes, un peu de navigation. Elle sert de décor commun aux bibliothèques mesurées.',
      'Les jeux de données sont publiés sous licence ouverte et mis à jour chaque semaine. Chacun peut les réutiliser, les croiser avec d’autres sources et en tirer des visualisations.',
      'Le portail propose une recherche plein texte, des filtres par thème et par producteur, et une API documentée pour automatiser les téléchargements.',
    ],
  },
  en: {
    title: 'Demonstration page',
    heading: 'Opening public data',
    lead: 'Every week, the portal publishes new datasets on transport, energy, health and education, with their documentation, their version history and the contacts of their publishers, so that anyone can understand them, check them and reuse them freely.',
    paragraphs: [
      'This page looks like any ordinary page of a site: a heading, a few paragraphs, a little navigation. It is the common backdrop of the libraries measured.',
      'The datasets are published under an open licence and updated every week. Anyone may reuse them, combine them with other sources and draw charts from them.',
      'The portal offers full-text search, filters by theme and by publisher, and a documented API to automate downloads.',
    ],
  },
};

/** JSON safe inside a `<script>` element: `</script` and `<!--` cannot occur in it any more. */
function scriptSafe(json) {
  return json.replace(/<\//g, '<\\/').replace(/<!--/g, '<\\u0021--');
}

/**
 * A JavaScript literal for `value`, like JSON but with RegExp objects written as regular
 * expression literals (vanilla-cookieconsent's autoClear takes them for wildcard names).
 */
export function jsLiteral(value) {
  const patterns = [];
  const json = JSON.stringify(value, (_key, item) => {
    if (!(item instanceof RegExp)) return item;
    patterns.push(item);
    return `\u0000re${patterns.length - 1}\u0000`;
  });
  return json.replace(/"\\u0000re(\d+)\\u0000"/g, (_match, index) => String(patterns[index]));
}

function widgetHead(widget, inventory, lang) {
  if (widget === 'ours' || widget === 'server') {
    // The set-up the README gives: the script, and the page language's texts preloaded
    // beside it (English is built in); for a banner rendered on the server, Lit's hydration first.
    const preload =
      lang === 'en' ? '' : `\n    <link rel="modulepreload" href="${OURS_LOCALES}${lang}.js">`;
    const hydrate =
      widget === 'server' ? `<script type="module" src="${OURS_HYDRATE}"></script>\n    ` : '';
    return `${hydrate}<script type="module" src="${OURS_SCRIPT}"></script>${preload}`;
  }
  if (widget === 'vanilla') {
    // The set-up vanilla-cookieconsent's documentation gives: its stylesheet in the head, the
    // ES module and run() with the configuration inline.
    const config = scriptSafe(jsLiteral(vanillaConfig(inventory)));
    return [
      `<link rel="stylesheet" href="${VANILLA_DIR}cookieconsent.css">`,
      `<script type="module">import * as CookieConsent from '${VANILLA_DIR}cookieconsent.esm.js';`,
      `CookieConsent.run(${config});</script>`,
    ].join('\n    ');
  }
  if (widget === 'klaro') {
    // Klaro's documented set-up: the configuration as the global `klaroConfig`, then its
    // script (styles and translations included) deferred.
    const config = scriptSafe(jsLiteral(klaroConfig(inventory)));
    return [
      `<script>var klaroConfig = ${config};</script>`,
      `<script defer data-config="klaroConfig" src="${KLARO_DIR}klaro.js"></script>`,
    ].join('\n    ');
  }
  if (widget === 'tarteaucitron') {
    // tarteaucitron's documented set-up: its script in the head, then init() and the jobs. It
    // loads its language, services and stylesheet from its folder, set here rather than guessed
    // from the script's URL; the minified files, as it picks beside a minified script.
    return [
      `<script>var tarteaucitronForceCDN = '${TARTEAUCITRON_DIR}';</script>`,
      `<script src="${TARTEAUCITRON_DIR}tarteaucitron.min.js"></script>`,
      `<script>${scriptSafe(tarteaucitronScript(inventory, lang))}</script>`,
    ].join('\n    ');
  }
  return '';
}

function widgetBody(widget, inventory, lang) {
  // As a server writes it for a visitor without a decision: the banner with its shadow root.
  if (widget === 'server')
    return renderBanner({ inventory, language: lang, policyHref: POLICY_HREF });
  if (widget !== 'ours') return '';
  // The banner alone, as the README recommends: "Customise" creates and loads the dialog.
  const json = scriptSafe(JSON.stringify(inventory));
  return `<cookie-banner policy-href="${POLICY_HREF}"><script type="application/json">${json}</script></cookie-banner>`;
}

/**
 * The page for one variant.
 * @param {{ widget: 'ours' | 'server' | 'vanilla' | 'empty', lang: 'fr' | 'en', inventory?: object }} variant
 * @returns {string} the whole HTML document.
 */
export function renderPage({ widget, lang, inventory }) {
  const article = ARTICLE[lang];
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${article.title}</title>
    <style>
      body { margin: 0; font: 1rem/1.5 system-ui, sans-serif; color: #1d1d1f; background: #fff; }
      header, main { max-width: 42rem; margin: 0 auto; padding: 1rem; }
      nav a { margin-inline-end: 1rem; }
      .lead { font-size: 1.5rem; line-height: 1.4; }
    </style>
    ${widgetHead(widget, inventory, lang)}
  </head>
  <body>
    <header><nav><a href="/">Accueil</a><a href="/data/">Données</a><a href="${POLICY_HREF}">Cookies</a></nav></header>
    <main>
      <h1>${article.heading}</h1>
      <p class="lead">${article.lead}</p>
      ${article.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n      ')}
    </main>
    ${widgetBody(widget, inventory, lang)}
  </body>
</html>
`;
}
