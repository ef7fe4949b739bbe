/** The shadow DOM as a host sees it: parts, text, buttons, and nodes compared without serialising them. */
import { expect } from '@open-wc/testing';

/** A shadow part of `element` (`part~=name`), or null. */
export function part<T extends HTMLElement = HTMLElement>(
  element: Element,
  name: string,
): T | null {
  return element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

/** A node as a failure message names it: `<button part="accept-button">`. */
function describeNode(value: unknown): string {
  if (!(value instanceof Node) || !('localName' in value)) return String(value);
  const element = value as Element;
  const attributes = ['id', 'part', 'role']
    .filter((name) => element.hasAttribute(name))
    .map((name) => ` ${name}="${element.getAttribute(name)}"`)
    .join('');
  return `<${element.localName}${attributes}>`;
}

/**
 * Asserts that `actual` is `expected` (an element, or null). Chai's own
 * `equal` is not used with DOM nodes: the test runner stalls serialising them
 * when the assertion fails.
 */
export function expectSame(actual: unknown, expected: unknown, what = 'node'): void {
  expect(
    actual === expected,
    `${what}: expected ${describeNode(expected)}, got ${describeNode(actual)}`,
  ).to.equal(true);
}

/** Text with its white space collapsed, as a visitor reads it. */
export function visibleText(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The labels of the buttons under `root`; none while the element shows nothing yet. */
export function buttonLabels(root: ParentNode | null | undefined): string[] {
  return [...(root?.querySelectorAll('button') ?? [])].map((button) => visibleText(button));
}

/**
 * The rules inside the `@media` rules of `root`'s adopted styles whose
 * condition contains `condition`, as text: applied as they stand (outside
 * the media query) they show what the element looks like in that medium or
 * mode, in engines whose drivers here cannot emulate it.
 */
export function rulesInMedia(root: ShadowRoot, condition: string): string[] {
  return root.adoptedStyleSheets
    .flatMap((sheet) => [...sheet.cssRules])
    .filter(
      (rule): rule is CSSMediaRule =>
        rule instanceof CSSMediaRule && rule.conditionText.includes(condition),
    )
    .flatMap((rule) => [...rule.cssRules].map((inner) => inner.cssText));
}
