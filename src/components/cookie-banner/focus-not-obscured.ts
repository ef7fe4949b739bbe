import type { ReactiveController, ReactiveElement } from 'lit';

/** Room kept between a focused element and the banner's edge, in CSS pixels. */
const MARGIN = 8;

/**
 * WCAG 2.4.11 (focus not obscured): while the fixed banner shows, the page
 * keeps `scroll-padding` the size of the banner, so that the browser, when it
 * scrolls a focused element into view, keeps it clear of the banner (all
 * three engines do; tests/components/focus.test.ts tabs through a long page).
 */
export class FocusNotObscured implements ReactiveController {
  private active = false;
  private edge: 'bottom' | 'top' = 'bottom';
  private resizeObserver?: ResizeObserver;
  private observed?: HTMLElement;
  private savedPadding?: string;

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
      if (this.active && edge !== this.edge) this.restorePadding();
      this.edge = edge;
      this.active = true;
      this.observed = region;
      // The observer reports the size after layout, before paint: reading it
      // here instead would force a layout in the middle of the page's start.
      this.resizeObserver?.disconnect();
      this.resizeObserver = new ResizeObserver(([entry]) =>
        this.applyPadding(entry.borderBoxSize?.[0]?.blockSize ?? region.offsetHeight),
      );
      this.resizeObserver.observe(region);
    } else if (this.active) {
      this.active = false;
      this.observed = undefined;
      this.resizeObserver?.disconnect();
      this.resizeObserver = undefined;
      this.restorePadding();
    }
  }

  private applyPadding(height: number): void {
    if (!this.active) return;
    const style = document.documentElement.style;
    const property = `scroll-padding-${this.edge}`;
    this.savedPadding ??= style.getPropertyValue(property);
    style.setProperty(property, `${Math.ceil(height) + MARGIN}px`);
  }

  private restorePadding(): void {
    if (this.savedPadding === undefined) return;
    const style = document.documentElement.style;
    const property = `scroll-padding-${this.edge}`;
    if (this.savedPadding) style.setProperty(property, this.savedPadding);
    else style.removeProperty(property);
    this.savedPadding = undefined;
  }
}
