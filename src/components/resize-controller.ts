import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Calls `onResize` after layout whenever an element that `targets` names
 * changes size, for as long as the host is in the page: it observes them
 * again each time the host is connected (a host moved in the page is
 * disconnected, then connected), and after each update follows the elements
 * the render replaced.
 */
export class ResizeController implements ReactiveController {
  private observer?: ResizeObserver;
  private observed: (Element | null)[] = [];

  constructor(
    host: ReactiveElement,
    private readonly targets: () => (Element | null)[],
    private readonly onResize: ResizeObserverCallback,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.hostUpdated();
  }

  hostUpdated(): void {
    const targets = this.targets();
    if (targets.every((target, index) => target === this.observed[index])) return;
    // Created on first use: the element may be constructed where there is no DOM.
    this.observer ??= new ResizeObserver(this.onResize);
    this.observer.disconnect();
    for (const target of (this.observed = targets)) if (target) this.observer.observe(target);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observed = [];
  }
}
