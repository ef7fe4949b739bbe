/** The inventories the stories show. */
import seed from '../../demo/seed-inventory.json';
import type { CookieInventory } from '../../src/index.js';

/** The inventory of the demo site (the seed's cookie policy), in French and English. */
export const seedInventory = seed as CookieInventory;

const PROVIDERS = ['Opendatasoft', 'Matomo', 'Example Maps', 'Example Video', 'Example CDN'];

/**
 * A large inventory, made up: `categoryCount` categories (the first one
 * required) and `cookieCount` cookies spread evenly over them.
 */
export function generatedInventory(categoryCount: number, cookieCount: number): CookieInventory {
  const categories = Array.from({ length: categoryCount }, (_, index) => ({
    id: `category-${index + 1}`,
    required: index === 0,
    label: { en: `Category ${index + 1}`, fr: `Catégorie ${index + 1}` },
    description: {
      en: `Cookies of made-up category ${index + 1}, to see how a long inventory reads.`,
      fr: `Cookies de la catégorie fictive ${index + 1}, pour voir comment se lit un long inventaire.`,
    },
  }));
  const cookies = Array.from({ length: cookieCount }, (_, index) => ({
    name: `cookie_${String(index + 1).padStart(4, '0')}`,
    category: categories[index % categoryCount].id,
    provider: PROVIDERS[index % PROVIDERS.length],
    service: { en: `Service ${(index % 25) + 1}`, fr: `Service ${(index % 25) + 1}` },
    purpose: {
      en: `Made-up purpose number ${index + 1}.`,
      fr: `Finalité fictive numéro ${index + 1}.`,
    },
    duration: { days: (index % 395) + 1 },
    party: index % 3 === 0 ? ('third' as const) : ('first' as const),
  }));
  return { revision: `generated-${categoryCount}-${cookieCount}`, categories, cookies };
}

/**
 * `inventory` with its texts in `language` only, as a site that writes its
 * inventory in one language has it (a plain string stays as it is).
 */
export function inventoryIn(inventory: CookieInventory, language: string): CookieInventory {
  const keep = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(keep);
    if (typeof value !== 'object' || value === null) return value;
    const record = value as Record<string, unknown>;
    if (typeof record[language] === 'string') return { [language]: record[language] };
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, keep(item)]));
  };
  return keep(inventory) as CookieInventory;
}

/**
 * The seed with two mistakes a host could make: a cookie filed under a
 * category that does not exist, and a second category with the same id.
 */
export const badInventory: unknown = {
  ...seedInventory,
  categories: [...seedInventory.categories, { id: 'statistics', label: 'Statistics, again' }],
  cookies: [
    ...(seedInventory.cookies ?? []).slice(0, 1),
    { name: '_pk_id.*', category: 'analytics', provider: 'Matomo' },
  ],
};

/**
 * The seed with a category of embedded content and its two providers, each
 * granted on its own from a `<cookie-embed>` placeholder.
 */
export const mediaInventory: CookieInventory = {
  ...seedInventory,
  categories: [
    ...seedInventory.categories,
    {
      id: 'media',
      label: { en: 'Embedded content', fr: 'Contenus intégrés' },
      description: {
        en: 'Videos and maps from other sites, which set their own cookies once loaded.',
        fr: 'Vidéos et cartes d’autres sites, qui déposent leurs propres cookies une fois chargées.',
      },
    },
  ],
  vendors: [
    ...(seedInventory.vendors ?? []),
    {
      id: 'youtube',
      category: 'media',
      label: 'YouTube',
      description: {
        en: 'Google’s video player (youtube-nocookie.com): no cookie until the video is played.',
        fr: 'Le lecteur vidéo de Google (youtube-nocookie.com) : aucun cookie avant la lecture.',
      },
      policyHref: 'https://policies.google.com/privacy',
    },
    {
      id: 'openstreetmap',
      category: 'media',
      label: 'OpenStreetMap',
      description: {
        en: 'Interactive maps of the OpenStreetMap Foundation.',
        fr: 'Cartes interactives de la fondation OpenStreetMap.',
      },
      policyHref: 'https://osmfoundation.org/wiki/Privacy_Policy',
    },
  ],
};
