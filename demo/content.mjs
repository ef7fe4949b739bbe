// Texts of the demo page, one object per language. The French policy text is the seed page's,
// word for word; the English one is its translation. page.mjs escapes every string it inserts,
// so plain text is all that belongs here.

export const DEFAULT_LANGUAGE = 'fr';

/** Language codes the demo serves, in the order the language menu lists them. */
export const SUPPORTED_LANGUAGES = ['fr', 'en'];

/** Each language's name in its own language, for the language menu. */
export const LANGUAGE_NAMES = { fr: 'Français', en: 'English' };

export const PLATFORM_URL = 'https://bpce.opendatasoft.com';

/**
 * The embedded content of the demo, each shown by a <cookie-embed> of its vendor (the inventory's
 * `vendors`, demo/media-inventory.json) once the visitor allows it. The video has the size of
 * YouTube's embed code, the map its width; the server's CSP allows frames from these origins only.
 */
export const EMBEDS = {
  video: {
    vendor: 'youtube',
    // "Big Buck Bunny", the Blender Foundation's short film, in YouTube's privacy-enhanced mode.
    src: 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ',
    width: 560,
    height: 315,
  },
  map: {
    vendor: 'openstreetmap',
    src: 'https://www.openstreetmap.org/export/embed.html?bbox=2.2904,48.8413,2.3996,48.8788&layer=mapnik',
    width: 560,
    height: 350,
  },
};

export const CONTENT = {
  fr: {
    documentTitle: 'Charte cookies · démo cookie-consent-elements',
    skipLink: 'Aller au contenu',
    siteName: 'Démo cookie-consent-elements',
    siteTagline: 'Bandeau, préférences et tableau des cookies',
    headerNavLabel: 'Outils de la démo',
    manageCookies: 'Gérer mes cookies',
    languageForm: {
      label: 'Langue',
      submit: 'Appliquer',
    },
    policy: {
      title: 'Charte cookies',
      intro:
        'Afin de vous proposer le meilleur service possible nous utilisons des cookies pour assurer son bon fonctionnement.',
      whatIsTitle: "Qu'est ce qu'un cookie ?",
      whatIs:
        "Un \"cookie\" est une suite d'informations, généralement de petite taille et identifié par un nom, qui peut être transmis à votre navigateur par un site web sur lequel vous vous connectez. Votre navigateur web le conservera pendant une certaine durée, et le renverra au serveur web chaque fois que vous vous y re-connecterez. Les cookies ont de multiples usages : ils peuvent servir à mémoriser votre identifiant client auprès d'un site marchand, le contenu courant de votre panier d'achat, un identifiant permettant de tracer votre navigation pour des finalités statistiques ou publicitaires, etc.",
      kindsIntro: 'Il existe plusieurs types de cookies :',
      kinds: [
        "Les cookies « nécessaires », internes, permettent d'enregistrer des informations entre deux consultations d'un même site web sur un même appareil. Ils permettent d'enregistrer un panier d'achat, des identifiants de connexion ou encore des éléments de personnalisation de l'interface. Ils ne requièrent pas de consentement de la part de l'utilisateur.",
        "Les cookies « statistiques » permettent de suivre les actions d'un internaute sur un site web. Lorsque les statistiques sont anonymes (c'est-à-dire ne permettent pas de retrouver une personne), le consentement de l'utilisateur n'est pas nécessaire.",
        "Les cookies « internes » ou « first-party » sont déposés par le site consulté. Ils peuvent être déposés en plus des cookies nécessaires et peuvent être utilisés pour collecter des données personnelles, suivre le comportement de l'utilisateur et servir à des finalités publicitaires.",
        'Les cookies dits « tiers », « tierce partie » ou « third party » sont des cookies déposés par (ou pour) un site B (souvent une régie publicitaire) sur un site A : cela permet au site B de voir quelles pages ont été visitées sur le site A par un utilisateur et de collecter des informations sur lui.',
      ],
      // The platform URL is a link in the middle of the heading, so the heading comes in two parts.
      usesTitle: { before: 'A quoi servent les cookies sur la plateforme ', after: '' },
      necessaryTitle:
        'Cookies nécessaires au bon fonctionnement de la plateforme / cookies fonctionnels',
      statisticsTitle: 'Cookies statistiques (exemple de la démo)',
      statisticsText:
        "Cette démo ajoute une catégorie facultative pour montrer le blocage des scripts : son script de mesure d'audience ne s'exécute qu'après votre consentement, et le cookie demo_stats est supprimé si vous retirez ce consentement.",
      mediaTitle: 'Contenus intégrés (exemple de la démo)',
      mediaText:
        "Cette démo intègre une vidéo YouTube et une carte OpenStreetMap. Chacune n'est chargée qu'une fois son service autorisé, depuis son emplacement ou dans « Gérer mes cookies » ; voici ce que ces services enregistrent dans votre navigateur.",
    },
    embeds: {
      title: 'Vidéo et carte (exemple de la démo)',
      intro:
        "Ces contenus viennent de services tiers : tant que vous n'avez pas autorisé leur service, la page ne leur demande rien et affiche à leur place un encadré qui permet de les charger.",
      videoTitle: 'Vidéo de présentation',
      videoFrameTitle:
        "Big Buck Bunny, court métrage d'animation de la Blender Foundation (vidéo d'exemple)",
      mapTitle: 'Carte',
      mapFrameTitle: 'Carte OpenStreetMap du centre de Paris',
    },
    statsStatusWaiting: 'Statistiques non chargées (en attente de consentement)',
    tools: {
      title: 'Essayer la démo',
      liveSwitch: 'Changer de langue sans recharger',
      liveSwitchHint:
        "Ce bouton réécrit le cookie django_language en JavaScript : les composants de consentement changent de langue en moins d'une seconde, mais le texte de la page, rendu par le serveur, ne change qu'au prochain chargement.",
      languageCookieLabel: 'Cookie django_language :',
      languageCookieAbsent: '(absent)',
    },
    log: {
      title: 'Journal des événements',
      intro: 'Chaque événement consent-change reçu par document :',
      empty: "Aucun événement pour l'instant.",
      cookieTitle: 'Valeur actuelle du cookie cookies_preferences',
      cookieAbsent: 'Aucune décision enregistrée.',
    },
    footer: {
      text: 'Page de démonstration de la bibliothèque cookie-consent-elements, reproduisant la charte cookies de la plateforme',
    },
  },

  en: {
    documentTitle: 'Cookie policy · cookie-consent-elements demo',
    skipLink: 'Skip to content',
    siteName: 'cookie-consent-elements demo',
    siteTagline: 'Banner, preferences and cookie table',
    headerNavLabel: 'Demo tools',
    manageCookies: 'Manage my cookies',
    languageForm: {
      label: 'Language',
      submit: 'Apply',
    },
    policy: {
      title: 'Cookie policy',
      intro:
        'In order to offer you the best possible service, we use cookies to make sure it works properly.',
      whatIsTitle: 'What is a cookie?',
      whatIs:
        'A “cookie” is a piece of information, usually small and identified by a name, which may be sent to your browser by a website you connect to. Your web browser will keep it for a certain period, and will send it back to the web server each time you connect to it again. Cookies have many uses: they can be used to remember your customer ID on a shopping site, the current contents of your shopping cart, an identifier used to track your browsing for statistical or advertising purposes, etc.',
      kindsIntro: 'There are several kinds of cookies:',
      kinds: [
        "“Necessary”, internal cookies make it possible to store information between two visits to the same website on the same device. They make it possible to store a shopping cart, login credentials or interface personalisation settings. They do not require the user's consent.",
        "“Statistics” cookies make it possible to follow a user's actions on a website. When the statistics are anonymous (that is, they do not make it possible to identify a person), the user's consent is not required.",
        "“Internal” or “first-party” cookies are set by the website being visited. They may be set in addition to necessary cookies and may be used to collect personal data, follow the user's behaviour and serve advertising purposes.",
        'So-called “third-party” cookies are cookies set by (or for) a site B (often an advertising network) on a site A: this lets site B see which pages of site A a user has visited and collect information about them.',
      ],
      usesTitle: { before: 'What are cookies used for on the ', after: ' platform' },
      necessaryTitle: 'Cookies necessary for the platform to work / functional cookies',
      statisticsTitle: 'Statistics cookies (demo example)',
      statisticsText:
        'This demo adds an optional category to show script blocking: its audience-measurement script only runs once you consent, and the demo_stats cookie is deleted if you withdraw that consent.',
      mediaTitle: 'Embedded content (demo example)',
      mediaText:
        'This demo embeds a YouTube video and an OpenStreetMap map. Each is only loaded once its service is allowed, from its place on the page or in “Manage my cookies”; here is what these services store in your browser.',
    },
    embeds: {
      title: 'Video and map (demo example)',
      intro:
        'These come from third-party services: until you allow their service, the page requests nothing from them and shows, in their place, a box to load them.',
      videoTitle: 'Presentation video',
      videoFrameTitle:
        'Big Buck Bunny, an animated short film by the Blender Foundation (example video)',
      mapTitle: 'Map',
      mapFrameTitle: 'OpenStreetMap map of central Paris',
    },
    statsStatusWaiting: 'Statistics script not loaded (waiting for consent)',
    tools: {
      title: 'Try the demo',
      liveSwitch: 'Switch language without reloading',
      liveSwitchHint:
        "This button rewrites the django_language cookie in JavaScript: the consent elements switch language within a second, but the page's own text, rendered by the server, only changes on the next load.",
      languageCookieLabel: 'django_language cookie:',
      languageCookieAbsent: '(not set)',
    },
    log: {
      title: 'Event log',
      intro: 'Every consent-change event caught on document:',
      empty: 'No event yet.',
      cookieTitle: 'Current value of the cookies_preferences cookie',
      cookieAbsent: 'No decision recorded.',
    },
    footer: {
      text: 'Demonstration page of the cookie-consent-elements library, reproducing the cookie policy of the platform',
    },
  },
};
