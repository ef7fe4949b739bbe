import type { ReactiveController, ReactiveElement } from 'lit';

/** Room kept between a focused element and the banner's edge, in CSS pixels. */
const MARGIN = 8;

/** The inline styles of `<html>` the guard sets, and the value each had before. */
type Saved = { property: string; value: string }[];

/**
 * WCAG 2.4.11 (focus not obscured): while the fixed banner shows, the page's
 * `<html>` keeps, on the banner's edge, `scroll-padding` the size of the
 * banner, so that the browser scrolls a focused element clear of it, and as
 * much padding added to its own, so that the last (or first) element of the
 * page can scroll clear of it too. Both go when the banner hides.
 * tests/components/focus-viewports.test.ts tabs through pages at three sizes.
 */
export class FocusNotObscured implements ReactiveController {
  private active = false;
  private edge: 'bottom' | 'top' = 'bottom';
  private resizeObserver?: ResizeObserver;
  private observed?: HTMLElement;
  private saved?: Saved;
  /** The padding the page's `<html>` has of its own on the banner's edge, in CSS pixels. */
  private ownPadding = 0;

  constructor(
    host: ReactiveElement,
    private readonly region: () => HTMLElement | null,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.update(false, this.edge);
  }

  /** Starts or stops guarding, after each render of the banner. */
  update(visible: boolean, edge: 'bottom' | 'top'): void {
    const region = this.region();
    if (visible && region) {
      if (this.active && edge === this.edge && region === this.observed) return;
      if (this.active && edge !== this.edge) this.restore();
      this.edge = edge;
      this.active = true;
      this.observed = region;
      // The observer reports the size after layout, before paint: reading it
      // here instead would force a layout in the middle of the page's start.
      this.resizeObserver?.disconnect();
      this.resizeObserver = new ResizeObserver(([entry]) =>
        this.reserve(entry.borderBoxSize?.[0]?.blockSize ?? region.offsetHeight),
      );
      this.resizeObserver.observe(region);
    } else if (this.active) {
      this.active = false;
      this.observed = undefined;
      this.resizeObserver?.disconnect();
      this.resizeObserver = undefined;
      this.restore();
    }
  }

  private reserve(height: number): void {
    if (!this.active) return;
    const root = document.documentElement;
    const room = Math.ceil(height) + MARGIN;
    const padding = `padding-${this.edge}`;
    const scrollPadding = `scroll-padding-${this.edge}`;
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
    this.saved = undefined;
  }
}
