import type { ReactiveElement } from 'lit';
import type { Edge } from './focus-not-obscured.js';

/**
 * Keeps focus clear of the banner (FocusNotObscured, focus-not-obscured.ts,
 * and the ResizeObserver it uses), fetched when the banner first shows: a
 * first banner does not wait for it, and a page whose visitor has decided
 * never fetches it. The room follows a moment after the banner appears,
 * before a visitor could tab behind it.
 */
export function keepFocusClear(
  host: ReactiveElement,
  region: () => HTMLElement | null,
  position: () => Edge,
): void {
  let asked = false;
  host.addController({
    hostUpdated() {
      if (asked || !region()) return;
      asked = true;
      // The guard's chunk imports the observer's, which <cookie-table> shares:
      // asked for together, they come in one round trip instead of two.
      void Promise.all([import('./focus-not-obscured.js'), import('../resize-controller.js')]).then(
        ([{ FocusNotObscured }]) => new FocusNotObscured(host, region, position),
        (error: unknown) => console.error('cookie consent: could not load the focus guard', error),
      );
    },
  });
}
