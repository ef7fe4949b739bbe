/**
 * The host page paints first. A module script runs once the HTML is parsed,
 * often before the browser's first frame: a banner rendered then (Lit renders
 * in the microtasks right after the module's evaluation) makes the page's own
 * first contentful and largest contentful paints wait for it, most on a slow
 * CPU. Until the page has painted, the banner's first render waits for a task
 * after the next frame, which paints the page's content without it.
 */

let nextFramePainted: Promise<void> | undefined;

/** Whether the page has painted, or draws no frame at all while it is hidden. */
function pagePainted(): boolean {
  return (
    document.visibilityState === 'hidden' ||
    // Paint timing: Chromium has `first-paint`, Firefox and WebKit
    // `first-contentful-paint`; an engine without it waits one frame.
    performance.getEntriesByType('paint').length > 0
  );
}

/**
 * Nothing once the page has painted (the caller goes on at once); otherwise
 * a promise that settles in a task after the page's next frame.
 */
export function afterFirstPaint(): Promise<void> | undefined {
  if (pagePainted()) return undefined;
  // The frame's callbacks run before it paints; a task queued from them, after.
  nextFramePainted ??= new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  return nextFramePainted;
}
