// Compiled by `npm run typecheck` against React 18's types
// (tests/types/react18/tsconfig.json), never run: React 18 writes every prop of
// a custom element as an attribute, so TSX accepts on the tags only what
// survives that, and the components of `cookie-consent-elements/react` carry
// the rest. Each `@ts-expect-error` fails the check if the line compiles.
import { version } from 'react';
import type { CookieInventory } from '../../../src/index.js';
import { CookieBanner, CookiePreferences, CookieTable } from '../../../src/react.js';

declare const inventory: CookieInventory;

// These are React 18's types, not React 19's.
export const major: `18.${string}` = version as `18.${string}`;

export const tags = (
  <>
    <cookie-banner cookie-name="consent" cookie-days="180" position="top" />
    <cookie-table category="statistics" />
    <cookie-embed vendor="youtube">
      <template />
    </cookie-embed>
    <cookie-preferences id="preferences" hidden />
    {/* @ts-expect-error React 18 would write the inventory as "[object Object]" */}
    <cookie-banner inventory={inventory} />
    {/* @ts-expect-error React 18 has no prop for a custom event */}
    <cookie-banner onconsent-change={() => undefined} />
    {/* @ts-expect-error React 18 would write open={false} as open="false": open */}
    <cookie-preferences open={false} />
    {/* @ts-expect-error a camelCase field would become the attribute "cookiename" */}
    <cookie-banner cookieName="consent" />
    {/* @ts-expect-error the banner's position is top or bottom */}
    <cookie-banner position="left" />
  </>
);

export const components = (
  <>
    <CookieBanner inventory={inventory} onConsentChange={(event) => event.detail.categories} />
    <CookiePreferences open={false} />
    <CookieTable category="statistics" />
    {/* @ts-expect-error an inventory is an object, not a string */}
    <CookieBanner inventory="{}" />
  </>
);
