/**
 * What the play functions share: queries into shadow roots, and the smoke
 * check each story makes. What the elements do (decisions, cookies, focus,
 * languages, layouts) is tested in tests/, in three engines; a story's play
 * only checks that the story renders: its element's main control is there and
 * nothing was written with `console.error`. The a11y addon checks every story.
 */
import { expect, within } from 'storybook/test';
import { captureConsole, consoleLine, type ConsoleCalls } from '../../tests/support/console.js';

/**
 * Testing Library queries scoped to an element's shadow root, where the
 * consent elements render their buttons, switches and tables.
 */
export function shadowQueries(element: Element) {
  const root = element.shadowRoot;
  if (!root) throw new Error(`<${element.localName}> has no open shadow root`);
  // A shadow root answers every query a container needs (querySelectorAll, getElementById).
  return within(root as unknown as HTMLElement);
}

type RoleQuery = Parameters<ReturnType<typeof shadowQueries>['findByRole']>;

let storyConsole: ConsoleCalls | undefined;

/**
 * Records the console from before a story renders until it is left, still
 * printing it (run by the preview's `beforeEach`; returns its cleanup).
 */
export function watchStoryConsole(): () => void {
  let leave = () => {};
  void captureConsole(
    (calls) => {
      storyConsole = calls;
      return new Promise<void>((resolve) => (leave = resolve));
    },
    { echo: true },
  );
  return () => {
    storyConsole = undefined;
    leave();
  };
}

/**
 * The smoke check: waits for `element`'s main control, found in its shadow
 * root by role (and name), and checks that the story wrote no console error.
 */
export async function expectRendered(element: Element, ...query: RoleQuery): Promise<void> {
  await shadowQueries(element).findByRole(...query);
  await expect(storyConsole?.error.map(consoleLine) ?? []).toEqual([]);
}
