/** An inventory with embedded content's providers, for the `<cookie-embed>` tests. */
import type { CookieInventory } from '../../src/index.js';

/**
 * Two categories: necessary (required) and media, with two vendors, YouTube
 * (with a policy and a description in French and English) and OpenStreetMap.
 */
export function mediaInventory(revision: string | number = 1): CookieInventory {
  return {
    revision,
    categories: [
      {
        id: 'necessary',
        required: true,
        label: { fr: 'Cookies nécessaires', en: 'Necessary cookies' },
      },
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
