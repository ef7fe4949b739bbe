import type { ReactiveController, ReactiveElement } from 'lit';
import { mayRun } from '../../consent/gated-scripts.js';

/** The width and height, in CSS pixels, the embedded content declares. */
export interface ContentSize {
  width: number;
  height: number;
}

/** A length attribute as HTML writes it (`560`, `315.5`); percentages and the like are not sizes. */
function pixels(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  const number = Number(value);
  return number > 0 ? number : undefined;
}

/**
 * Puts a copy of the host's `<template>` into its light DOM while `wanted()`
 * holds, after each update (never while rendering), and takes out exactly the
 * nodes it put in once it no longer does. The template keeps the content
 * inert until then: nothing in it is fetched.
 */
export class EmbeddedContentController implements ReactiveController {
  private inserted: ChildNode[] = [];
  private loadedValue = false;
  /**
   * When the element is defined before the page is parsed, its first update
   * can come before its `<template>` child: the template's arrival updates it.
   */
  private readonly templateWatcher = new MutationObserver((records) => {
    const isTemplate = (node: Node) => node instanceof HTMLTemplateElement;
    if (
      records.some(
        (record) =>
          [...record.addedNodes].some(isTemplate) || [...record.removedNodes].some(isTemplate),
      )
    ) {
      this.host.requestUpdate();
    }
  });

  constructor(
    private readonly host: ReactiveElement,
    private readonly wanted: () => boolean,
  ) {
    host.addController(this);
  }

  /** The host's `<template>` child that holds the content, if any. */
  get template(): HTMLTemplateElement | null {
    return this.host.querySelector(':scope > template');
  }

  /** Whether the content is in the page (as far as the template had any). */
  get loaded(): boolean {
    return this.loadedValue;
  }

  /** The size the template's first element declares with `width` and `height`, if both. */
  get size(): ContentSize | undefined {
    const element = this.template?.content.firstElementChild ?? null;
    const width = pixels(element?.getAttribute('width') ?? null);
    const height = pixels(element?.getAttribute('height') ?? null);
    return width && height ? { width, height } : undefined;
  }

  hostConnected(): void {
    this.templateWatcher.observe(this.host, { childList: true });
  }

  hostDisconnected(): void {
    this.templateWatcher.disconnect();
  }

  hostUpdated(): void {
    if (this.wanted()) this.load();
    else this.unload();
  }

  private load(): void {
    const template = this.template;
    if (this.loadedValue || !template) return;
    // Adopted into this document, so that custom elements in it upgrade and
    // iframes and images load from here.
    const content = document.importNode(template.content, true);
    for (const script of content.querySelectorAll('script')) {
      if (mayRun(script, this.host)) continue;
      script.remove();
      console.warn(
        `<cookie-embed>: a script of an embed added after the page was parsed needs the page's nonce; it was left out`,
      );
    }
    this.inserted = [...content.childNodes];
    this.host.append(content);
    this.loadedValue = true;
  }

  private unload(): void {
    if (!this.loadedValue) return;
    for (const node of this.inserted) node.remove();
    this.inserted = [];
    this.loadedValue = false;
  }
}
