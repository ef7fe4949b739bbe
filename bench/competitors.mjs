// Klaro 0.7 and tarteaucitron 1.34 configured with the bench's inventory, as their own
// documentation sets them up, so that their banners say what ours says and list the same
// cookies. Neither lists cookie by cookie in its preferences as ours and vanilla-cookieconsent
// do: both list services (a provider's use of a category) with their cookies' names, so each
// (category, provider) pair becomes one service.

import { DECISION_COOKIES, LANGUAGES, POLICY_HREF, UI_TEXT } from './inventory.mjs';

/** A localized text of the inventory in `lang`. */
function pick(value, lang) {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : (value[lang] ?? value.en ?? '');
}

/** One service per category and provider, with the names of its cookies, in inventory order. */
export function servicesOf(inventory) {
  const services = new Map();
  for (const cookie of inventory.cookies) {
    const provider = pick(cookie.provider, 'en');
    const key = `${cookie.category}_${provider}`.toLowerCase().replace(/[^a-z0-9]+/g, '_');
    const service = services.get(key) ?? {
      key,
      category: inventory.categories.find((category) => category.id === cookie.category),
      provider,
      cookies: [],
      services: new Set(),
    };
    service.cookies.push(cookie.name);
    service.services.add(cookie.service);
    services.set(key, service);
  }
  return [...services.values()];
}

/** What our `*` wildcard means, as the RegExp Klaro takes for a cookie name to delete. */
function namePattern(name) {
  if (!name.includes('*')) return name;
  const escaped = name.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

/**
 * Klaro 0.7's `klaroConfig`: a notice at the bottom, full width, with "accept all", "decline"
 * and "learn more" (its preferences), the same texts in French and English, the language from
 * `<html lang>`, the services of the inventory grouped by purpose (our categories).
 */
export function klaroConfig(inventory) {
  const services = servicesOf(inventory);
  const translation = (lang) => {
    const ui = UI_TEXT[lang];
    const purposes = Object.fromEntries(
      inventory.categories.map((category) => [
        category.id,
        { title: pick(category.label, lang), description: pick(category.description, lang) },
      ]),
    );
    const serviceTexts = Object.fromEntries(
      services.map((service) => [
        service.key,
        {
          title: `${service.provider} (${pick(service.category.label, lang)})`,
          description: [...service.services].map((text) => pick(text, lang)).join(', '),
        },
      ]),
    );
    return {
      privacyPolicyUrl: POLICY_HREF,
      privacyPolicy: { name: ui.policyLink, text: '{privacyPolicy}' },
      consentNotice: {
        title: ui.bannerTitle,
        description: `${ui.bannerMessage} {privacyPolicy}`,
        learnMore: ui.customise,
      },
      consentModal: { title: ui.preferencesTitle, description: ui.preferencesIntro },
      ok: ui.acceptAll,
      acceptAll: ui.acceptAll,
      decline: ui.rejectAll,
      acceptSelected: ui.save,
      purposes,
      ...serviceTexts,
    };
  };
  return {
    version: 1,
    elementID: 'klaro',
    styling: { theme: ['light', 'bottom', 'wide'] },
    noAutoLoad: false,
    htmlTexts: false,
    groupByPurpose: true,
    storageMethod: 'cookie',
    cookieName: DECISION_COOKIES.klaro,
    cookieExpiresAfterDays: 180,
    default: false,
    mustConsent: false,
    acceptAll: true,
    hideDeclineAll: false,
    hideLearnMore: false,
    noticeAsModal: false,
    showNoticeTitle: true,
    translations: Object.fromEntries(LANGUAGES.map((lang) => [lang, translation(lang)])),
    services: services.map((service) => ({
      name: service.key,
      purposes: [service.category.id],
      cookies: service.cookies.map(namePattern),
      required: service.category.required === true,
      default: false,
      optOut: false,
    })),
  };
}

/** tarteaucitron's fixed service types, standing for our categories (it has no custom ones). */
const TARTEAUCITRON_TYPES = ['support', 'analytic', 'ads', 'api', 'comment', 'social', 'video'];

/**
 * tarteaucitron 1.34's set-up: `tarteaucitron.init()` with a bar at the bottom and "accept
 * all", "deny all" and "personalise", its texts replaced by ours (`tarteaucitronCustomText`),
 * one custom service per (category, provider) needing consent, and every job pushed. Its
 * language (from `<html lang>`), services and stylesheet load from `path`. The necessary
 * cookies are its "mandatory cookies" line: it lists no required service.
 * @returns {string} the inline script that follows `tarteaucitron.js`.
 */
export function tarteaucitronScript(inventory, lang) {
  const ui = UI_TEXT[lang];
  const optional = inventory.categories.filter((category) => !category.required);
  const typeOf = (category) =>
    TARTEAUCITRON_TYPES[optional.indexOf(category) % TARTEAUCITRON_TYPES.length];
  const services = servicesOf(inventory).filter((service) => !service.category.required);
  const customText = {
    alertBigPrivacy: ui.bannerMessage,
    middleBarHead: ui.bannerTitle,
    acceptAll: ui.acceptAll,
    denyAll: ui.rejectAll,
    personalize: ui.customise,
    close: ui.close,
    title: ui.preferencesTitle,
    disclaimer: ui.preferencesIntro,
    privacyUrl: ui.policyLink,
    ...Object.fromEntries(
      optional.map((category) => [
        typeOf(category),
        { title: pick(category.label, lang), details: pick(category.description, lang) },
      ]),
    ),
  };
  const definitions = services.map((service) => ({
    key: service.key,
    type: typeOf(service.category),
    name: `${service.provider} (${pick(service.category.label, lang)})`,
    uri: POLICY_HREF,
    needConsent: true,
    cookies: service.cookies,
  }));
  return [
    `tarteaucitronCustomText = ${JSON.stringify(customText)};`,
    `for (const service of ${JSON.stringify(definitions)}) {`,
    `  tarteaucitron.services[service.key] = { ...service, js() {}, fallback() {} };`,
    `  (tarteaucitron.job = tarteaucitron.job || []).push(service.key);`,
    `}`,
    `tarteaucitron.init(${JSON.stringify({
      privacyUrl: POLICY_HREF,
      cookieName: DECISION_COOKIES.tarteaucitron,
      orientation: 'bottom',
      highPrivacy: true,
      AcceptAllCta: true,
      DenyAllCta: true,
      showAlertSmall: false,
      showIcon: true,
      iconPosition: 'BottomRight',
      cookieslist: false,
      mandatory: true,
      mandatoryCta: true,
      removeCredit: false,
      moreInfoLink: true,
      useExternalCss: false,
      useExternalJs: false,
      googleConsentMode: false,
      pianoConsentMode: false,
      bingConsentMode: false,
    })});`,
  ].join('\n');
}
