/**
 * `cookie-consent-elements/react`: the four elements for React.
 *
 * - React 19 renders custom elements itself: importing this module (or only
 *   its types) types `<cookie-banner inventory={…} onconsent-change={…}>` in
 *   TSX. React 19 sets `inventory` as a property and listens to
 *   `consent-change` through `onconsent-change`.
 * - React 18 sets every prop as an attribute, so an inventory object never
 *   reaches the element and `consent-change` has no prop: use the components
 *   exported here, made with `@lit/react`, which set properties and take
 *   `onConsentChange`.
 *
 * `react` and `@lit/react` are optional peer dependencies: only sites that
 * import this module need them. Importing it defines the four elements.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type { ElementFields } from './framework-types.js';
import {
  CookieBanner as CookieBannerElement,
  CookieEmbed as CookieEmbedElement,
  CookiePreferences as CookiePreferencesElement,
  CookieTable as CookieTableElement,
  type ConsentChangeEvent,
} from './index.js';

/**
 * What TSX accepts on a tag with React 19: the element's fields (`inventory`,
 * `cookieName`…), its attributes (`cookie-name`…, which TypeScript lets
 * through as they contain a dash), the usual HTML props and `consent-change`.
 */
export type CookieElementProps19<E extends HTMLElement> = ElementFields<E> &
  React.HTMLAttributes<E> &
  React.RefAttributes<E> & {
    'onconsent-change'?: (event: ConsentChangeEvent) => void;
  };

/**
 * What TSX accepts on a tag with React 18, which writes every prop as an
 * attribute: the usual HTML props, the attributes with a dash (`cookie-name`…),
 * and the fields whose attribute has the same name and takes a string
 * (`position`, `category`, `vendor`). Not `inventory` or `onconsent-change`,
 * which React 18 cannot pass (use the components below), nor the boolean
 * fields, which React 18 would write as "false", an attribute that is present,
 * so true.
 */
export type CookieElementProps18<E extends HTMLElement> = {
  [
    K in keyof ElementFields<E> as K extends Lowercase<K & string>
      ? NonNullable<ElementFields<E>[K]> extends string | number
        ? K
        : never
      : never
  ]?: ElementFields<E>[K];
} & React.HTMLAttributes<E> &
  React.RefAttributes<E> & {
    /** React 18 has no prop for a custom event: use the components below (`onConsentChange`). */
    'onconsent-change'?: never;
  };

/**
 * The props of a tag in TSX, by the React whose types the project has: only
 * React 19 renders custom elements' properties and events (and only its types
 * have `useActionState`).
 */
export type CookieElementProps<E extends HTMLElement> = typeof React extends {
  useActionState: unknown;
}
  ? CookieElementProps19<E>
  : CookieElementProps18<E>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'cookie-banner': CookieElementProps<CookieBannerElement>;
      'cookie-preferences': CookieElementProps<CookiePreferencesElement>;
      'cookie-table': CookieElementProps<CookieTableElement>;
      'cookie-embed': CookieElementProps<CookieEmbedElement>;
    }
  }
}

const events = { onConsentChange: 'consent-change' as EventName<ConsentChangeEvent> };

/** `<cookie-banner>` for React 18 and 19: `<CookieBanner inventory={…} onConsentChange={…} />`. */
export const CookieBanner = createComponent({
  react: React,
  tagName: 'cookie-banner',
  elementClass: CookieBannerElement,
  events,
});

/** `<cookie-preferences>` for React 18 and 19. */
export const CookiePreferences = createComponent({
  react: React,
  tagName: 'cookie-preferences',
  elementClass: CookiePreferencesElement,
  events,
});

/** `<cookie-table>` for React 18 and 19. */
export const CookieTable = createComponent({
  react: React,
  tagName: 'cookie-table',
  elementClass: CookieTableElement,
  events,
});

/** `<cookie-embed>` for React 18 and 19; its `<template>` goes in as a child. */
export const CookieEmbed = createComponent({
  react: React,
  tagName: 'cookie-embed',
  elementClass: CookieEmbedElement,
  events,
});
