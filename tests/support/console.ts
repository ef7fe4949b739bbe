/**
 * The one way the tests and stories watch the console: `console.error` and
 * `console.warn` recorded while an action runs, instead of printed, so that an
 * expected error is asserted rather than left in the test output.
 */

/** The arguments of each call, per method, in order. */
export interface ConsoleCalls {
  error: unknown[][];
  warn: unknown[][];
}

export interface CaptureOptions {
  /** Print the calls too, as a host's console would show them (the stories do). */
  echo?: boolean;
}

/**
 * Runs `action` with `console.error` and `console.warn` recorded, restored
 * afterwards whatever happens, and returns the calls (which `action` sees as
 * they come). A synchronous action is answered synchronously, so that nothing
 * printed after it returns is counted; an asynchronous one, once it settles.
 */
export function captureConsole(
  action: (calls: ConsoleCalls) => PromiseLike<unknown>,
  options?: CaptureOptions,
): Promise<ConsoleCalls>;
export function captureConsole(
  action: (calls: ConsoleCalls) => unknown,
  options?: CaptureOptions,
): ConsoleCalls;
export function captureConsole(
  action: (calls: ConsoleCalls) => unknown,
  { echo = false }: CaptureOptions = {},
): ConsoleCalls | Promise<ConsoleCalls> {
  const calls: ConsoleCalls = { error: [], warn: [] };
  const { error, warn } = console;
  console.error = (...args: unknown[]) => {
    calls.error.push(args);
    if (echo) error.apply(console, args);
  };
  console.warn = (...args: unknown[]) => {
    calls.warn.push(args);
    if (echo) warn.apply(console, args);
  };
  const restore = () => Object.assign(console, { error, warn });
  let result: unknown;
  try {
    result = action(calls);
  } catch (thrown) {
    restore();
    throw thrown;
  }
  if (!isThenable(result)) {
    restore();
    return calls;
  }
  return Promise.resolve(result).then(
    () => {
      restore();
      return calls;
    },
    (thrown: unknown) => {
      restore();
      throw thrown;
    },
  );
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/** A call as the console prints it: its arguments joined by spaces. */
export function consoleLine(call: readonly unknown[]): string {
  return call.map(String).join(' ');
}
