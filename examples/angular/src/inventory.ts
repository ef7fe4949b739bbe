import type { CookieInventory } from 'cookie-consent-elements';

export const inventory: CookieInventory = {
  revision: 1,
  categories: [
    { id: 'necessary', required: true, label: { en: 'Necessary cookies' } },
    { id: 'statistics', label: { en: 'Statistics cookies' } },
  ],
  cookies: [
    {
      name: 'sessionid',
      category: 'necessary',
      purpose: { en: 'Keeps you signed in.' },
      duration: { days: 14 },
    },
    {
      name: '_pk_id.*',
      category: 'statistics',
      party: 'first',
      purpose: { en: 'Counts visits (Matomo).' },
      duration: { months: 13 },
    },
  ],
};
