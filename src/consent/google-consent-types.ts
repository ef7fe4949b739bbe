/**
 * Google Consent Mode's consent types and their defaults: the one list that
 * the defaults script (consent-mode-default.ts), the updates
 * (google-consent-mode.ts) and the inventory's check share. No import and no
 * side effect: the classic defaults script has it bundled in.
 */

export type ConsentModeState = 'granted' | 'denied';

/**
 * Google's consent types (developers.google.com/tag-platform/security/guides/consent),
 * each with its state until the visitor decides, which is also the state of
 * a type no category lists: denied, but `security_storage` granted.
 */
export const CONSENT_MODE_DEFAULTS = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
} as const satisfies Record<string, ConsentModeState>;

export type ConsentModeType = keyof typeof CONSENT_MODE_DEFAULTS;

export const CONSENT_MODE_TYPES = Object.keys(CONSENT_MODE_DEFAULTS) as readonly ConsentModeType[];

export function isConsentModeType(type: string): type is ConsentModeType {
  return (CONSENT_MODE_TYPES as readonly string[]).includes(type);
}
