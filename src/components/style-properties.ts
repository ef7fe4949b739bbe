import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

type StyleProperties = Readonly<Record<string, string | undefined>>;

/**
 * Sets CSS properties on an element through the CSSOM (`style.setProperty`),
 * which a strict `style-src 'self'` allows. Lit's `styleMap` writes a `style`
 * attribute on its first render, which such a policy blocks. Properties left
 * out or `undefined` are removed. `<div ${styleProperties({ 'aspect-ratio': '16 / 9' })}>`
 */
class StylePropertiesDirective extends Directive {
  private readonly applied = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) {
      throw new Error('styleProperties() is an element binding: <div ${styleProperties(…)}>');
    }
  }

  render(_properties: StyleProperties) {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [StyleProperties]) {
    const { style } = part.element as HTMLElement;
    for (const name of this.applied) {
      if (properties[name] !== undefined) continue;
      style.removeProperty(name);
      this.applied.delete(name);
    }
    for (const [name, value] of Object.entries(properties)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      this.applied.add(name);
    }
    return noChange;
  }
}

export const styleProperties = directive(StylePropertiesDirective);
