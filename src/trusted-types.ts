/**
 * Trusted Types. A page whose Content-Security-Policy says
 * `require-trusted-types-for 'script'` takes only trusted values in the DOM's
 * script sinks, made by the policies its `trusted-types` directive names. The
 * library creates two, lazily, under names of its own, so that a host page's
 * own Lit (policy `lit-html`) never clashes with the copy of Lit in our bundle:
 *
 * - `cookie-consent-lit`: Lit's templates (rollup.config.mjs points our copy of
 *   lit-html at `litTemplateHTML`);
 * - `cookie-consent`: the URLs and texts of the scripts the gate releases.
 */
export const LIT_POLICY = 'cookie-consent-lit';
export const SCRIPTS_POLICY = 'cookie-consent';

/** The part of a Trusted Types policy the library uses (not in TypeScript's DOM types yet). */
export interface TrustedTypesPolicy {
  createHTML(input: string): unknown;
  createScript(input: string): unknown;
  createScriptURL(input: string): unknown;
}

type PolicyRules = Partial<Record<keyof TrustedTypesPolicy, (input: string) => string>>;

interface TrustedTypesFactory {
  createPolicy(name: string, rules: PolicyRules): TrustedTypesPolicy;
  readonly emptyHTML: unknown;
}

/** What our policies do: our own strings, which they are given only for what they vouch for. */
export const same = (input: string) => input;

const trustedTypes = () => (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;

let forbidden = false;

/**
 * Creates policy `name`, or returns undefined when the browser has no Trusted
 * Types or the page's `trusted-types` directive forbids the name; the latter
 * is reported once for both names, which the page must allow together.
 */
export function createTrustedTypesPolicy(
  name: string,
  rules: PolicyRules,
): TrustedTypesPolicy | undefined {
  try {
    return trustedTypes()?.createPolicy(name, rules);
  } catch (error) {
    if (!forbidden) {
      console.error(
        `cookie consent: the page's Content-Security-Policy refuses the Trusted Types policy "${name}": add "${SCRIPTS_POLICY} ${LIT_POLICY}" to its trusted-types directive.`,
        error,
      );
    }
    forbidden = true;
    return undefined;
  }
}

/** Whether a policy of ours was refused (and reported): what fails for that reason says nothing more. */
export function trustedTypesForbidden(): boolean {
  return forbidden;
}

let litPolicy: TrustedTypesPolicy | null | undefined;
let htmlStringsAllowed: boolean | undefined;

/** Whether the page takes HTML as a plain string (no `require-trusted-types-for`, or a default policy). */
function acceptsHTMLStrings(): boolean {
  if (htmlStringsAllowed === undefined) {
    try {
      document.createElement('template').innerHTML = '';
      htmlStringsAllowed = true;
    } catch {
      htmlStringsAllowed = false;
    }
  }
  return htmlStringsAllowed;
}

/**
 * The HTML of a Lit template (markup written in our components, never data),
 * as the page's policy lets it be parsed. When our policy is refused on a
 * page that takes no strings, the elements render nothing rather than throw
 * from every update: the error above says what to change.
 */
export function litTemplateHTML(html: string): unknown {
  if (litPolicy === undefined) {
    litPolicy = createTrustedTypesPolicy(LIT_POLICY, { createHTML: same }) ?? null;
  }
  if (litPolicy) return litPolicy.createHTML(html);
  const factory = trustedTypes();
  return !factory || acceptsHTMLStrings() ? html : factory.emptyHTML;
}
