// Compiled by `npm run typecheck` (tests/types/tsconfig.json), never run: what
// TSX accepts, and refuses, on the elements once `cookie-consent-elements/react`
// is imported. Each `@ts-expect-error` fails the check if the line compiles.
import type { CookieInventory, ConsentChangeEvent } from '../../src/index.js';
import { CookieBanner, CookieTable } from '../../src/react.js';

declare const inventory: CookieInventory;

export const react19 = (
  <>
    <cookie-banner
      inventory={inventory}
      cookieName="consent"
      cookie-days="180"
      position="top"
      onconsent-change={(event) => {
        const detail: ConsentChangeEvent['detail'] = event.detail;
        return detail.categories.statistics;
      }}
    />
    <cookie-table category="statistics" showStorage />
    <cookie-preferences open={false} />
    <cookie-embed vendor="youtube">
      <template />
    </cookie-embed>
    {/* @ts-expect-error an inventory is an object, not a string */}
    <cookie-banner inventory="{}" />
    {/* @ts-expect-error the banner's position is top or bottom */}
    <cookie-banner position="left" />
    {/* @ts-expect-error `visible` is read-only */}
    <cookie-banner visible />
    {/* @ts-expect-error the event's handler gets a ConsentChangeEvent */}
    <cookie-banner onconsent-change={(event: KeyboardEvent) => event.key} />
  </>
);

export const react18 = (
  <>
    <CookieBanner inventory={inventory} onConsentChange={(event) => event.detail.vendors} />
    <CookieTable category="statistics" />
    {/* @ts-expect-error an inventory is an object, not a string */}
    <CookieBanner inventory="{}" />
  </>
);
