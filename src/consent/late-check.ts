/**
 * A long cookie list is checked after the banner's first render. The banner
 * needs only the categories and vendors: with 50,000 cookies, checking each
 * one before it showed made it appear three to four times later than with 12.
 *
 * An inventory whose list holds more than `LATE_CHECK_FROM` entries is checked
 * at once without its cookies (a bad category still shows nothing), and its
 * cookies after the next frame, in tasks of a few milliseconds between which
 * the page paints and answers input. Until they pass, nothing uses the list
 * (`cookiesOf` gives none): tables show no rows, and the store removes no
 * cookie on a withdrawal (it does once they pass). If they fail, the problems
 * are reported as a whole check reports them, and the inventory is rejected.
 */
import {
  checkInventory,
  findInventoryProblems,
  isRecord,
  reportInventoryProblems,
  type CookieInfo,
  type CookieInventory,
  type InventoryProblem,
} from './inventory.js';

/** Lists up to this long are checked whole before anything shows, as they always were. */
export const LATE_CHECK_FROM = 1000;
/** Cookies checked between two looks at the clock. */
const SLICE = 100;
/** How long a task of the check may go on: far from a long task's 50 ms, on a slow CPU too. */
const TASK_MS = 12;

interface LateCheck {
  /** Settles with whether the cookies passed. */
  readonly passed: Promise<boolean>;
  /** `undefined` while the check runs. */
  valid?: boolean;
}

const lateChecks = new WeakMap<object, LateCheck>();
const NO_COOKIES: readonly CookieInfo[] = [];

/**
 * Like `checkInventory`, but a long cookie list is checked later (see above).
 * Returns `value` as an inventory when it is valid, or valid so far.
 */
export function checkInventoryFirst(value: unknown, source: string): CookieInventory | undefined {
  const known = lateChecks.get(value as object);
  // One that failed is checked whole again, and reported again, as an invalid one always is.
  if (known)
    return known.valid === false ? checkInventory(value, source) : (value as CookieInventory);
  let head: Record<string, unknown> | undefined;
  let cookies: unknown[] | undefined;
  try {
    const list = isRecord(value) ? value.cookies : undefined;
    if (Array.isArray(list) && list.length > LATE_CHECK_FROM) {
      cookies = list;
      head = { ...(value as Record<string, unknown>), cookies: [] };
    }
  } catch {
    // Unreadable: the whole check says why.
  }
  // Where there is no frame (a server render), nothing would ever check the rest.
  if (!head || !cookies || typeof requestAnimationFrame !== 'function') {
    return checkInventory(value, source);
  }
  if (!checkInventory(head, source)) return undefined;
  lateChecks.set(value as object, checkLater(head, cookies, source));
  return value as CookieInventory;
}

/** Whether the cookie list of `inventory` is still being checked. */
export function cookiesPending(inventory: CookieInventory): boolean {
  const check = lateChecks.get(inventory);
  return check !== undefined && check.valid === undefined;
}

/** The cookies of `inventory` that may be used now: none while they are being checked. */
export function cookiesOf(inventory: CookieInventory | undefined): readonly CookieInfo[] {
  if (!inventory || cookiesPending(inventory)) return NO_COOKIES;
  return inventory.cookies ?? NO_COOKIES;
}

/** Settles with whether the cookies of `inventory` passed (at once for a list checked whole). */
export function cookiesChecked(inventory: CookieInventory): Promise<boolean> {
  return lateChecks.get(inventory)?.passed ?? Promise.resolve(true);
}

/**
 * Checks `cookies` slice by slice, each with the categories and vendors of
 * `head` (which passed), as a whole check would: the same problems, at the
 * same paths, in one report.
 */
function checkLater(head: Record<string, unknown>, cookies: unknown[], source: string): LateCheck {
  const { categories, vendors } = head;
  const problems: InventoryProblem[] = [];
  // A cycle or a BigInt; a whole check reports it only for an inventory without other problems.
  const unreadable: InventoryProblem[] = [];
  let next = 0;
  const check: { passed?: Promise<boolean>; valid?: boolean } = {};
  check.passed = new Promise<boolean>((settle) => {
    const task = () => {
      const start = performance.now();
      do {
        const from = next;
        next = Math.min(cookies.length, from + SLICE);
        const slice = { categories, vendors, cookies: cookies.slice(from, next) };
        for (const problem of findInventoryProblems(slice)) {
          if (problem.path === '(inventory)') unreadable.push(problem);
          else problems.push({ ...problem, path: shiftPath(problem.path, from) });
        }
      } while (next < cookies.length && performance.now() - start < TASK_MS);
      if (next < cookies.length) {
        afterNextFrame(task);
        return;
      }
      const found = problems.length > 0 ? problems : unreadable.slice(0, 1);
      check.valid = found.length === 0;
      if (!check.valid) reportInventoryProblems(source, found);
      settle(check.valid);
    };
    afterNextFrame(task);
  });
  return check as LateCheck;
}

/** `cookies[3].name` of a slice that starts at `from`, as the path in the whole list. */
function shiftPath(path: string, from: number): string {
  return path.replace(
    /^cookies\[(\d+)\]/,
    (_, index: string) => `cookies[${Number(index) + from}]`,
  );
}

/**
 * Runs `task` in a task after the page's next frame: the page paints between
 * two tasks of the check (Chromium runs queued timers before a frame, and the
 * whole check ran before the banner showed). The second task after the
 * frame: a first render that waits for the page's first paint is queued from
 * the frame too, and goes first. A page that draws no frame (hidden, or in a
 * frame out of view) goes on after a tenth of a second.
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
