/**
 * The scripts that wait for consent (script-gate.ts). The selector lives apart
 * so that the registry can look for them without loading the gate itself.
 */
export const GATED_SCRIPTS =
  'script[type="text/plain"][data-consent-category],script[type="text/plain"][data-consent-vendor]';
