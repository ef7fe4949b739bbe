/** The inventories the tests give the elements and the store. */
import type { CookieInventory } from '../../src/consent/inventory.js';

/** The required category every inventory here starts with (a new copy each time). */
function necessary() {
  return {
    id: 'necessary',
    required: true,
    label: { fr: 'Cookies nécessaires', en: 'Necessary cookies' },
  };
}

/**
 * Three categories: necessary (required, 2 cookies), statistics (1 cookie),
 * marketing (2 cookies, one set by a third party), texts in French and English.
 */
export function testInventory(revision: string | number = 1): CookieInventory {
  return {
    revision,
    categories: [
      {
        ...necessary(),
        description: {
          fr: 'Indispensables au fonctionnement du site.',
          en: 'The site cannot work without them.',
        },
      },
      {
        id: 'statistics',
        label: { fr: 'Cookies statistiques', en: 'Statistics cookies' },
        description: { fr: 'Mesure d’audience anonyme.', en: 'Anonymous audience measurement.' },
      },
      {
        id: 'marketing',
        label: { fr: 'Cookies publicitaires', en: 'Advertising cookies' },
        description: { fr: 'Publicité ciblée.', en: 'Targeted advertising.' },
      },
    ],
    cookies: [
      {
        name: 'sessionid',
        category: 'necessary',
        provider: 'Opendatasoft',
        service: {
          fr: 'Authentification (front et back office)',
          en: 'Authentication (front and back office)',
        },
        purpose: {
          fr: 'Se souvenir de l’utilisateur d’une page à une autre.',
          en: 'Remember the user from one page to the next.',
        },
        duration: { fr: '2 semaines', en: '2 weeks' },
        party: 'first',
      },
      {
        name: 'csrftoken',
        category: 'necessary',
        provider: 'Opendatasoft',
        service: { fr: 'API (CSRF)', en: 'API (CSRF)' },
        purpose: {
          fr: 'Récupérer des données via des appels API',
          en: 'Retrieve data through API calls',
        },
        duration: 'session',
        party: 'first',
      },
      {
        name: '_pk_id',
        category: 'statistics',
        provider: 'Matomo',
        service: {
          fr: 'Mesure d’audience (tout le site)',
          en: 'Audience measurement (whole site)',
        },
        purpose: { fr: 'Compter les visites.', en: 'Count visits.' },
        duration: { months: 13 },
        party: 'first',
      },
      {
        name: 'ad_id',
        category: 'marketing',
        provider: 'AdNetwork',
        service: { fr: 'Publicité (pages d’accueil)', en: 'Advertising (home pages)' },
        purpose: { fr: 'Suivre les visites entre sites.', en: 'Follow visits across sites.' },
        duration: { years: 1 },
        party: 'third',
      },
      {
        name: 'ad_seen',
        category: 'marketing',
        provider: 'Opendatasoft',
        service: { fr: 'Publicité (pages d’accueil)', en: 'Advertising (home pages)' },
        purpose: { fr: 'Ne pas répéter une annonce.', en: 'Not repeat an advert.' },
        duration: { days: 30 },
        party: 'first',
      },
    ],
  };
}

export const CATEGORY_IDS = ['necessary', 'statistics', 'marketing'];

/**
 * Necessary (required), statistics (with a cookie declared by pattern) and
 * marketing, labels in French and English or one string. For an inventory
 * without a revision, spread it: `{ ...sampleInventory(), revision: undefined }`.
 */
export function sampleInventory(revision: string | number = 1): CookieInventory {
  return {
    revision,
    categories: [
      necessary(),
      { id: 'statistics', label: { fr: 'Cookies statistiques', en: 'Statistics cookies' } },
      { id: 'marketing', label: 'Marketing' },
    ],
    cookies: [
      { name: 'sessionid', category: 'necessary', provider: 'Opendatasoft', party: 'first' },
      { name: '_pk_id', category: 'statistics' },
      { name: '_ga_*', category: 'statistics' },
      { name: 'ad_tracker', category: 'marketing' },
    ],
  };
}

/** Necessary (required, with a vendor), statistics (no vendor), media (two vendors). */
export function vendorInventory(extra: Partial<CookieInventory> = {}): CookieInventory {
  return {
    revision: 1,
    categories: [
      { id: 'necessary', required: true, label: 'Necessary' },
      { id: 'statistics', label: 'Statistics' },
      { id: 'media', label: 'Media' },
    ],
    vendors: [
      { id: 'cdn', category: 'necessary', label: 'CDN' },
      {
        id: 'youtube',
        category: 'media',
        label: 'YouTube',
        policyHref: 'https://policies.google.com/privacy',
      },
      { id: 'maps', category: 'media', label: { fr: 'Cartes', en: 'Maps' } },
    ],
    cookies: [
      { name: 'sessionid', category: 'necessary' },
      { name: '_pk_id', category: 'statistics' },
      { name: 'media_pref', category: 'media' },
      { name: 'yt_*', category: 'media', vendor: 'youtube' },
      { name: 'maps_id', category: 'media', vendor: 'maps' },
    ],
    ...extra,
  };
}

/**
 * Two categories: necessary (required) and media, with two vendors, YouTube
 * (with a policy and a description in French and English) and OpenStreetMap.
 */
export function mediaInventory(revision: string | number = 1): CookieInventory {
  return {
    revision,
    categories: [
      necessary(),
      {
        id: 'media',
        label: { fr: 'Contenus intégrés', en: 'Embedded content' },
        description: {
          fr: 'Vidéos et cartes d’autres sites.',
          en: 'Videos and maps from other sites.',
        },
      },
    ],
    vendors: [
      {
        id: 'youtube',
        category: 'media',
        label: 'YouTube',
        description: {
          fr: 'Lecteur vidéo de Google, sans cookie tant que la vidéo n’est pas lancée.',
          en: 'Google’s video player, without cookies until the video is played.',
        },
        policyHref: 'https://policies.google.com/privacy',
      },
      {
        id: 'openstreetmap',
        category: 'media',
        label: 'OpenStreetMap',
        description: { fr: 'Cartes interactives.', en: 'Interactive maps.' },
      },
    ],
    cookies: [
      {
        name: 'VISITOR_INFO1_LIVE',
        category: 'media',
        vendor: 'youtube',
        provider: 'Google',
        duration: { months: 6 },
        party: 'third',
      },
    ],
  };
}

/**
 * `count` cookies, `cookie_00000` onwards, the first half necessary and the
 * second statistics, each with a provider, a service, a purpose, a duration
 * and a party: an inventory as long as a test asks for, built, not stored.
 */
export function bigInventory(count: number): CookieInventory {
  return {
    revision: 1,
    categories: [necessary(), { id: 'statistics', label: 'Statistics cookies' }],
    cookies: Array.from({ length: count }, (_, n) => ({
      name: `cookie_${String(n).padStart(5, '0')}`,
      category: n < count / 2 ? 'necessary' : 'statistics',
      provider: `Provider ${(n % 37) + 1}`,
      service: { fr: `Service ${(n % 53) + 1}`, en: `Service ${(n % 53) + 1}` },
      purpose: `Purpose ${n % 11}`,
      duration: { months: (n % 12) + 1 },
      party: n % 3 === 0 ? 'third' : 'first',
    })),
  };
}
