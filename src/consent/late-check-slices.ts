/**
 * The check of a long cookie list (late-check.ts), in tasks of a few
 * milliseconds after the banner's first frame, fetched only by pages with
 * such a list.
 */
import { findProblems, isRecord, reportInventoryProblems, type Finding } from './inventory.js';

/** Cookies checked between two looks at the clock. */
const SLICE = 100;
/** How long a task of the check may go on: far from a long task's 50 ms, on a slow CPU too. */
const TASK_MS = 12;

/**
 * Checks `cookies` slice by slice, each with the categories and vendors of
 * `head` (which passed), as a whole check would: the same problems, at the
 * same paths, in one report.
 */
export function checkCookies(
  head: Record<string, unknown>,
  cookies: unknown[],
  source: string,
): Promise<boolean> {
  const { categories, vendors } = head;
  const problems: Finding[] = [];
  // A cycle or a BigInt; a whole check reports it only for an inventory without other problems.
  const unreadable: Finding[] = [];
  let next = 0;
  return new Promise<boolean>((settle) => {
    const task = () => {
      const start = performance.now();
      do {
        const from = next;
        next = Math.min(cookies.length, from + SLICE);
        const slice = { categories, vendors, cookies: cookies.slice(from, next) };
        for (const [path, ...rest] of findProblems(slice)) {
          if (path === '(inventory)') unreadable.push([path, ...rest]);
          else problems.push([shiftPath(path, from), ...rest]);
        }
      } while (next < cookies.length && performance.now() - start < TASK_MS);
      if (next < cookies.length) {
        // The page paints and answers input between two tasks; a task each
        // frame would make 50,000 cookies wait for seven frames or more.
        setTimeout(task);
        return;
      }
      const found = problems.length > 0 ? problems : unreadable.slice(0, 1);
      if (found.length > 0) reportInventoryProblems(source, found);
      settle(found.length === 0);
    };
    afterNextFrame(() => void vendorChecksFor(cookies).then(task));
  });
}

/**
 * Loads the checks of cookies that name a vendor or a storage, which come
 * with the vendors' rules, when `cookies` has such a cookie: a page fetches
 * those rules only for an inventory that uses them, which the store cannot
 * tell of this list before it passed. If they cannot be fetched, the store,
 * which needs them for this list, reports it and takes no decision.
 */
async function vendorChecksFor(cookies: unknown[]): Promise<void> {
  let uses: boolean;
  try {
    uses = cookies.some(
      (cookie) => isRecord(cookie) && (cookie.vendor !== undefined || cookie.storage !== undefined),
    );
  } catch {
    // Unreadable: the slices' own check says why.
    return;
  }
  if (uses) await import('./vendor-rules.js').catch(() => undefined);
}

/** `cookies[3].name` of a slice that starts at `from`, as the path in the whole list. */
function shiftPath(path: string, from: number): string {
  return path.replace(
    /^cookies\[(\d+)\]/,
    (_, index: string) => `cookies[${Number(index) + from}]`,
  );
}

/**
 * Runs `task` in a task after the page's next frame, so that the banner's
 * first frame comes before the check (Chromium runs queued timers before a
 * frame). The second task after the frame: a first render that waits for the
 * page's first paint is queued from the frame too, and goes first. A page
 * that draws no frame (hidden, or in a frame out of view) goes on after a
 * tenth of a second.
 */
function afterNextFrame(task: () => void): void {
  let queued = false;
  const queue = () => {
    if (queued) return;
    queued = true;
    setTimeout(() => setTimeout(task));
  };
  requestAnimationFrame(queue);
  setTimeout(queue, 100);
}
