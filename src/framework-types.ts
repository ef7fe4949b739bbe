/**
 * Types shared by the framework modules (react.ts, and types/vue.d.ts and
 * types/svelte.d.ts, which ship as written): what a template may set on an
 * element, derived from the element's class so that it cannot drift from it.
 */
import type { LitElement } from 'lit';

/** Whether `T`'s property `K` can be written (a getter alone cannot). */
type IsWritable<T, K extends keyof T> =
  (<U>() => U extends { [Q in K]: T[K] } ? 1 : 2) extends <U>() => U extends {
    -readonly [Q in K]: T[K];
  }
    ? 1
    : 2
    ? true
    : false;

/**
 * The element's own public fields that a template may set (`inventory`,
 * `cookieName`, `category`…): not its methods, its getters, or Lit's members.
 */
export type ElementFields<E> = {
  [
    K in Exclude<keyof E, keyof LitElement> as E[K] extends (...args: never[]) => unknown
      ? never
      : IsWritable<E, K> extends true
        ? K
        : never
  ]?: E[K];
};
