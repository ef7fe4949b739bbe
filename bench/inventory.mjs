// The cookie inventories the benchmark measures, and the same inventory turned into
// vanilla-cookieconsent's configuration, so that both libraries show the same texts, the same
// categories and the same cookies: what differs is only how each library gets them on screen.

/** The two languages measured: French (a language chunk for ours) and English (built in). */
export const LANGUAGES = ['fr', 'en'];

/** The libraries compared, each on the typical inventory. */
export const LIBRARIES = ['vanilla', 'klaro', 'tarteaucitron', 'ours'];

/**
 * Those whose preferences list cookie by cookie, as ours do: the 1,000-cookie case is theirs.
 * Klaro and tarteaucitron list services, with only their cookies' names.
 */
export const COOKIE_LIST_LIBRARIES = ['vanilla', 'ours'];

/** The inventory of the page whose banner is rendered on the server: the typical one. */
export const SERVER_RENDERED_INVENTORY = 'standard';

/** The decision cookie each library writes, with their default names. */
export const DECISION_COOKIES = {
  ours: 'cookies_preferences',
  server: 'cookies_preferences',
  vanilla: 'cc_cookie',
  klaro: 'klaro',
  tarteaucitron: 'tarteaucitron',
};

/**
 * Our elements' own texts, in both languages (from locales/fr.xlf and the English sources),
 * given to vanilla-cookieconsent so that its banner and dialog say the same thing.
 */
export const UI_TEXT = {
  fr: {
    bannerTitle: 'Vos choix en matière de cookies',
    bannerMessage:
      'Nous utilisons des cookies nécessaires au fonctionnement de ce site. Avec votre accord, nous souhaitons aussi en utiliser d’autres, pour les finalités détaillées dans « Personnaliser ». Les refuser ne change rien au fonctionnement du site, et vous pouvez changer d’avis à tout moment.',
    policyLink: 'Consulter notre charte cookies',
    acceptAll: 'Tout accepter',
    rejectAll: 'Tout refuser',
    customise: 'Personnaliser',
    preferencesTitle: 'Paramètres des cookies',
    preferencesIntro:
      'Choisissez les cookies que vous autorisez. Les cookies nécessaires sont toujours actifs : le site ne peut pas fonctionner sans eux. Les autres catégories restent désactivées tant que vous ne les activez pas, et vous pouvez modifier vos choix à tout moment.',
    save: 'Enregistrer mes choix',
    close: 'Fermer sans enregistrer',
    headers: {
      provider: 'Nom du prestataire',
      service: 'Service et emplacement',
      name: 'Nom du cookie',
      purpose: 'Finalités',
      duration: 'Durée de conservation',
      party: 'Émetteur',
    },
    party: { first: 'Ce site (interne)', third: 'Tiers' },
  },
  en: {
    bannerTitle: 'Your choice about cookies',
    bannerMessage:
      'We use cookies that this site needs to work. With your consent, we would also like to use others, for the purposes you can review under "Customise". Refusing them changes nothing to how the site works, and you can change your mind at any time.',
    policyLink: 'Read our cookie policy',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    customise: 'Customise',
    preferencesTitle: 'Cookie settings',
    preferencesIntro:
      'Choose which cookies you allow. Necessary cookies are always on: the site cannot work without them. Other categories stay off unless you turn them on, and you can change your choices at any time.',
    save: 'Save my choices',
    close: 'Close without saving',
    headers: {
      provider: 'Provider',
      service: 'Service and location',
      name: 'Cookie name',
      purpose: 'Purposes',
      duration: 'Duration',
      party: 'Set by',
    },
    party: { first: 'This site (first party)', third: 'Third party' },
  },
};

/** Where both banners link to; the page does not exist, nobody follows it during the benchmark. */
export const POLICY_HREF = '/cookie-policy/';

const text = (fr, en) => ({ fr, en });

/**
 * A typical site's inventory: four categories and twelve cookies, the size of what a cookie
 * banner usually carries. Measures 1 to 6 use it.
 */
export function standardInventory() {
  const categories = [
    {
      id: 'necessary',
      required: true,
      label: text('Cookies nécessaires', 'Necessary cookies'),
      description: text(
        'Ils permettent au site de fonctionner : connexion, sécurité, langue et mémorisation de vos choix. Ils ne peuvent pas être désactivés.',
        'They let the site work: sign-in, security, language and remembering your choices. They cannot be switched off.',
      ),
    },
    {
      id: 'preferences',
      label: text('Cookies de préférences', 'Preference cookies'),
      description: text(
        'Ils retiennent vos réglages d’affichage d’une visite à l’autre.',
        'They remember your display settings from one visit to the next.',
      ),
    },
    {
      id: 'statistics',
      label: text('Cookies statistiques', 'Statistics cookies'),
      description: text(
        'Ils mesurent l’audience du site pour l’améliorer.',
        'They measure the audience of the site to improve it.',
      ),
    },
    {
      id: 'marketing',
      label: text('Cookies publicitaires', 'Advertising cookies'),
      description: text(
        'Ils permettent à nos partenaires de vous montrer des publicités adaptées.',
        'They let our partners show you relevant advertising.',
      ),
    },
  ];
  const cookie = (name, category, provider, service, purpose, duration, party = 'first') => ({
    name,
    category,
    provider,
    service,
    purpose,
    duration,
    party,
  });
  const months13 = text('13 mois', '13 months');
  const cookies = [
    cookie(
      'sessionid',
      'necessary',
      'Exemple SA',
      text('Authentification', 'Authentication'),
      text('Se souvenir de l’utilisateur connecté.', 'Remember the signed-in user.'),
      text('2 semaines', '2 weeks'),
    ),
    cookie(
      'csrftoken',
      'necessary',
      'Exemple SA',
      text('Formulaires', 'Forms'),
      text('Protéger les formulaires (CSRF).', 'Protect forms (CSRF).'),
      text('1 an', '1 year'),
    ),
    cookie(
      'django_language',
      'necessary',
      'Exemple SA',
      text('Choix de la langue', 'Language selection'),
      text('Se souvenir de la langue choisie.', 'Remember the chosen language.'),
      text('Session', 'Session'),
    ),
    cookie(
      'cookies_preferences',
      'necessary',
      'Exemple SA',
      text('Bandeau cookies', 'Cookie banner'),
      text('Se souvenir de vos choix sur les cookies.', 'Remember your cookie choices.'),
      text('6 mois', '6 months'),
    ),
    cookie(
      'theme',
      'preferences',
      'Exemple SA',
      text('Affichage', 'Display'),
      text('Se souvenir du thème clair ou sombre.', 'Remember the light or dark theme.'),
      months13,
    ),
    cookie(
      'font_size',
      'preferences',
      'Exemple SA',
      text('Affichage', 'Display'),
      text('Se souvenir de la taille du texte.', 'Remember the text size.'),
      months13,
    ),
    cookie(
      '_ga',
      'statistics',
      'Google',
      text('Google Analytics, toutes les pages', 'Google Analytics, every page'),
      text('Distinguer les visiteurs.', 'Tell visitors apart.'),
      months13,
      'third',
    ),
    cookie(
      '_ga_*',
      'statistics',
      'Google',
      text('Google Analytics, toutes les pages', 'Google Analytics, every page'),
      text('Conserver l’état de la session.', 'Keep the session state.'),
      months13,
      'third',
    ),
    cookie(
      '_pk_id.*',
      'statistics',
      'Matomo',
      text('Matomo, toutes les pages', 'Matomo, every page'),
      text('Compter les visites.', 'Count visits.'),
      months13,
    ),
    cookie(
      '_fbp',
      'marketing',
      'Meta',
      text('Pixel Meta, pages produits', 'Meta pixel, product pages'),
      text('Mesurer les publicités.', 'Measure advertising.'),
      text('3 mois', '3 months'),
      'third',
    ),
    cookie(
      'IDE',
      'marketing',
      'Google',
      text('DoubleClick, pages produits', 'DoubleClick, product pages'),
      text('Montrer des publicités adaptées.', 'Show relevant advertising.'),
      months13,
      'third',
    ),
    cookie(
      'test_cookie',
      'marketing',
      'Google',
      text('DoubleClick, pages produits', 'DoubleClick, product pages'),
      text('Vérifier que les cookies sont acceptés.', 'Check that cookies are accepted.'),
      text('15 minutes', '15 minutes'),
      'third',
    ),
  ];
  return { revision: 1, categories, cookies };
}

/** 10 categories of 100 cookies: the inventory of measures 7 and 8 (opening, decision cookie). */
export const LARGE_CATEGORIES = 10;
export const LARGE_COOKIES_PER_CATEGORY = 100;

/**
 * A stress inventory: 10 categories, 1,000 cookies named `cookie_000` to `cookie_999`, each with
 * a provider, a service, a purpose and a duration in both languages. Generated, not random, so
 * that every run and both libraries get exactly the same bytes.
 */
export function largeInventory() {
  const categories = [];
  const cookies = [];
  for (let c = 0; c < LARGE_CATEGORIES; c += 1) {
    const id = c === 0 ? 'necessary' : `category_${String(c).padStart(2, '0')}`;
    categories.push({
      id,
      ...(c === 0 ? { required: true } : {}),
      label: text(`Catégorie ${c + 1}`, `Category ${c + 1}`),
      description: text(
        `Les cookies de la catégorie ${c + 1}, utilisés par nos services et nos partenaires.`,
        `The cookies of category ${c + 1}, used by our services and our partners.`,
      ),
    });
    for (let k = 0; k < LARGE_COOKIES_PER_CATEGORY; k += 1) {
      const n = c * LARGE_COOKIES_PER_CATEGORY + k;
      cookies.push({
        name: `cookie_${String(n).padStart(3, '0')}`,
        category: id,
        provider: `Prestataire ${(n % 37) + 1}`,
        service: text(
          `Service ${(n % 53) + 1}, page ${(n % 7) + 1}`,
          `Service ${(n % 53) + 1}, page ${(n % 7) + 1}`,
        ),
        purpose: text(
          `Finalité ${n} : mesurer l’usage de la fonction ${n % 11} pour l’améliorer.`,
          `Purpose ${n}: measure the use of feature ${n % 11} to improve it.`,
        ),
        duration: text(`${(n % 12) + 1} mois`, `${(n % 12) + 1} months`),
        party: n % 3 === 0 ? 'third' : 'first',
      });
    }
  }
  return { revision: 1, categories, cookies };
}

export const INVENTORIES = { standard: standardInventory, large: largeInventory };

/** A localized text of the inventory in `lang`, as our elements would show it. */
function pick(value, lang) {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : (value[lang] ?? value.en ?? '');
}

/**
 * What our `*` wildcard means (any run of characters) as the RegExp vanilla-cookieconsent's
 * autoClear takes; plain names stay strings.
 */
function clearPattern(name) {
  if (!name.includes('*')) return name;
  const escaped = name.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

/** One language of vanilla-cookieconsent's translations, built from the inventory. */
function vanillaTranslation(inventory, lang) {
  const ui = UI_TEXT[lang];
  const escapeHtml = (value) =>
    value.replace(
      /[&<>"']/g,
      (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char],
    );
  // vanilla-cookieconsent inserts these strings as HTML; ours inserts them as text.
  const t = (value) => escapeHtml(pick(value, lang));
  return {
    consentModal: {
      title: escapeHtml(ui.bannerTitle),
      description: escapeHtml(ui.bannerMessage),
      acceptAllBtn: escapeHtml(ui.acceptAll),
      acceptNecessaryBtn: escapeHtml(ui.rejectAll),
      showPreferencesBtn: escapeHtml(ui.customise),
      footer: `<a href="${POLICY_HREF}">${escapeHtml(ui.policyLink)}</a>`,
    },
    preferencesModal: {
      title: escapeHtml(ui.preferencesTitle),
      acceptAllBtn: escapeHtml(ui.acceptAll),
      acceptNecessaryBtn: escapeHtml(ui.rejectAll),
      savePreferencesBtn: escapeHtml(ui.save),
      closeIconLabel: escapeHtml(ui.close),
      sections: [
        { description: escapeHtml(ui.preferencesIntro) },
        ...inventory.categories.map((category) => ({
          title: t(category.label) || category.id,
          description: t(category.description),
          linkedCategory: category.id,
          cookieTable: {
            caption: t(category.label) || category.id,
            headers: Object.fromEntries(
              Object.entries(ui.headers).map(([key, label]) => [key, escapeHtml(label)]),
            ),
            body: inventory.cookies
              .filter((cookie) => cookie.category === category.id)
              .map((cookie) => ({
                provider: t(cookie.provider),
                service: t(cookie.service),
                name: escapeHtml(cookie.name),
                purpose: t(cookie.purpose),
                duration: t(cookie.duration),
                party: cookie.party ? escapeHtml(ui.party[cookie.party]) : '',
              })),
          },
        })),
      ],
    },
  };
}

/**
 * vanilla-cookieconsent 3.1's configuration for `inventory`: the same categories (required ones
 * read-only, the others off until chosen), the same cookies, cleared on withdrawal as ours
 * clears them, the same texts in French and English, the language taken from `<html lang>`.
 * Only two defaults change, and both would hide it from the benchmark: `hideFromBots` (it
 * stops on `navigator.webdriver`, which automation sets) and `secure` (the pages are served
 * over http; ours only adds `Secure` on https too).
 */
export function vanillaConfig(inventory) {
  const categories = {};
  for (const category of inventory.categories) {
    const names = inventory.cookies
      .filter((cookie) => cookie.category === category.id)
      .map((cookie) => ({ name: clearPattern(cookie.name) }));
    categories[category.id] = {
      ...(category.required ? { enabled: true, readOnly: true } : {}),
      ...(category.required || names.length === 0 ? {} : { autoClear: { cookies: names } }),
    };
  }
  return {
    revision: Number(inventory.revision ?? 0),
    hideFromBots: false,
    cookie: { name: DECISION_COOKIES.vanilla, secure: false },
    guiOptions: {
      consentModal: { layout: 'bar', position: 'bottom', equalWeightButtons: true },
      preferencesModal: { layout: 'box', equalWeightButtons: true },
    },
    categories,
    language: {
      default: 'en',
      autoDetect: 'document',
      translations: Object.fromEntries(
        LANGUAGES.map((lang) => [lang, vanillaTranslation(inventory, lang)]),
      ),
    },
  };
}
