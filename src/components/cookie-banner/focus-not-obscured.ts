import type { ReactiveController, ReactiveElement } from 'lit';
import { ResizeController } from '../resize-controller.js';

/** Room kept between a focused element and the banner's edge, in CSS pixels. */
const MARGIN = 8;

export type Edge = 'bottom' | 'top';

/** The inline styles of `<html>` the guard sets, and the value each had before. */
type Saved = { property: string; value: string }[];

/**
 * WCAG 2.4.11 (focus not obscured): while the fixed banner shows, the page's
 * `<html>` keeps, on the banner's edge, `scroll-padding` the size of the
 * banner, so that the browser scrolls a focused element clear of it, and as
 * much padding added to its own, so that the last (or first) element of the
 * page can scroll clear of it too. Both go when the banner hides. It follows
 * the host's renders by itself: the banner shows while `region` is rendered.
 * tests/components/focus-viewports.test.ts tabs through pages at three sizes.
 */
export class FocusNotObscured implements ReactiveController {
  /** The banner's height, once measured while it shows; 0 otherwise. */
  private height = 0;
  /** The edge whose room is kept now, if any. */
  private edge?: Edge;
  private saved?: Saved;
  /** The padding the page's `<html>` has of its own on the banner's edge, in CSS pixels. */
  private ownPadding = 0;
  /** The frame that will apply a new measure, if one is pending. */
  private frame?: number;

  constructor(
    host: ReactiveElement,
    private readonly region: () => HTMLElement | null,
    private readonly position: () => Edge,
  ) {
    host.addController(this);
    // The observer reports the size after layout, before paint: reading it in
    // an update instead would force a layout in the middle of the page's start.
    // The room follows in the next frame: changing <html>'s padding while the
    // browser delivers sizes would resize <html> in the same pass, and a page
    // observing it would get "ResizeObserver loop completed with undelivered
    // notifications" as an error.
    new ResizeController(
      host,
      () => [this.region()],
      ([entry]) => {
        this.height =
          entry.borderBoxSize?.[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
        this.frame ??= requestAnimationFrame(() => {
          this.frame = undefined;
          this.reserve();
        });
      },
    );
  }

  hostUpdated(): void {
    this.reserve();
  }

  hostDisconnected(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    this.restore();
  }

  /** Keeps room for the banner on its edge while it shows and is measured, and none otherwise. */
  private reserve(): void {
    if (!this.region()) this.height = 0;
    const edge = this.height ? this.position() : undefined;
    if (edge !== this.edge) this.restore();
    if (!edge) return;
    this.edge = edge;
    const root = document.documentElement;
    const room = Math.ceil(this.height) + MARGIN;
    const padding = `padding-${edge}`;
    const scrollPadding = `scroll-padding-${edge}`;
    if (!this.saved) {
      // The page's own padding, from its style sheets or inline, stays under ours.
      this.ownPadding = parseFloat(getComputedStyle(root).getPropertyValue(padding)) || 0;
      this.saved = [padding, scrollPadding].map((property) => ({
        property,
        value: root.style.getPropertyValue(property),
      }));
    }
    root.style.setProperty(scrollPadding, `${room}px`);
    root.style.setProperty(padding, `${this.ownPadding + room}px`);
  }

  private restore(): void {
    const style = document.documentElement.style;
    for (const { property, value } of this.saved ?? []) {
      if (value) style.setProperty(property, value);
      else style.removeProperty(property);
    }
    this.saved = this.edge = undefined;
  }
}
