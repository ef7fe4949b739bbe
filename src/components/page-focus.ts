import { ConsentElement } from './consent-element.js';

/**
 * The page's last focused element outside the consent elements. When a
 * decision removes the control that had focus (a banner button, the dialog's
 * opener), focus goes back there instead of being lost.
 */
let lastPageFocus: WeakRef<HTMLElement> | undefined;
let tracking = false;

function onFocusIn(event: FocusEvent): void {
  const path = event.composedPath();
  const target = path[0];
  if (!(target instanceof HTMLElement)) return;
  if (path.some((node) => node instanceof ConsentElement)) return;
  lastPageFocus = new WeakRef(target);
}

export function trackPageFocus(): void {
  if (tracking) return;
  tracking = true;
  document.addEventListener('focusin', onFocusIn, true);
}

/** Whether `element` is in the page and shown, so that it can take focus. */
export function canTakeFocus(element: HTMLElement | null | undefined): element is HTMLElement {
  return !!element && element.isConnected && element.getClientRects().length > 0;
}

/** Focuses the page's last focused element, if it can still take focus. */
export function restorePageFocus(): void {
  const element = lastPageFocus?.deref();
  if (canTakeFocus(element)) element.focus({ preventScroll: true });
}
