import type { ReactiveController, ReactiveElement } from 'lit';

/** Room kept between a focused element and the banner's edge, in CSS pixels. */
const MARGIN = 8;

/**
 * WCAG 2.4.11 (focus not obscured): while the fixed banner shows, the page
 * keeps `scroll-padding` the size of the banner, and an element that gets
 * focus behind the banner is scrolled out from under it.
 */
export class FocusNotObscured implements ReactiveController {
  private active = false;
  private edge: 'bottom' | 'top' = 'bottom';
  private resizeObserver?: ResizeObserver;
  private savedPadding?: string;

  constructor(
    private readonly host: ReactiveElement,
    private readonly region: () => HTMLElement | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('focusin', this.onFocusIn);
  }

  hostDisconnected(): void {
    document.removeEventListener('focusin', this.onFocusIn);
    this.update(false, this.edge);
  }

  /** Starts or stops guarding, after each render of the banner. */
  update(visible: boolean, edge: 'bottom' | 'top'): void {
    const region = this.region();
    if (visible && region) {
      if (this.active && edge !== this.edge) this.restorePadding();
      this.edge = edge;
      this.active = true;
      this.resizeObserver?.disconnect();
      this.resizeObserver = new ResizeObserver(() => this.applyPadding(region));
      this.resizeObserver.observe(region);
      this.applyPadding(region);
    } else if (this.active) {
      this.active = false;
      this.resizeObserver?.disconnect();
      this.resizeObserver = undefined;
      this.restorePadding();
    }
  }

  private readonly onFocusIn = (event: FocusEvent): void => {
    const target = event.composedPath()[0];
    if (this.active && target instanceof HTMLElement && !this.host.contains(target)) {
      this.uncover(target);
    }
  };

  private uncover(target: HTMLElement): void {
    const region = this.region();
    if (!region) return;
    const banner = region.getBoundingClientRect();
    const focused = target.getBoundingClientRect();
    if (this.edge === 'bottom' && focused.bottom > banner.top && focused.top < banner.bottom) {
      window.scrollBy({ top: focused.bottom - banner.top + MARGIN, behavior: 'instant' });
    } else if (this.edge === 'top' && focused.top < banner.bottom && focused.bottom > banner.top) {
      window.scrollBy({ top: focused.top - banner.bottom - MARGIN, behavior: 'instant' });
    }
  }

  private applyPadding(region: HTMLElement): void {
    const style = document.documentElement.style;
    const property = `scroll-padding-${this.edge}`;
    this.savedPadding ??= style.getPropertyValue(property);
    style.setProperty(property, `${Math.ceil(region.getBoundingClientRect().height) + MARGIN}px`);
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
