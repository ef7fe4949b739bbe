/**
 * Defines a custom element unless the tag is already taken, so that importing
 * the library twice, or beside another copy of it, never throws.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
