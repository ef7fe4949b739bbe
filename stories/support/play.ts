/** What the play functions share: queries into shadow roots, a real Escape. */
import { userEvent, within } from 'storybook/test';

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

interface VitestBrowserGlobal {
  __vitest_browser__?: boolean;
}

/**
 * Presses Escape in an open modal dialog. A native `<dialog>` only closes on a
 * key press the browser itself receives: the test run (Vitest browser mode)
 * sends a real one through Playwright. In Storybook's UI, where key events are
 * synthesised, the dialog then gets the close request Escape would make.
 */
export async function pressEscape(dialog: HTMLDialogElement): Promise<void> {
  if ((globalThis as VitestBrowserGlobal).__vitest_browser__) {
    const { userEvent: browserUserEvent } = await import('vitest/browser');
    await browserUserEvent.keyboard('{Escape}');
    return;
  }
  await userEvent.keyboard('{Escape}');
  if (dialog.open) dialog.requestClose();
}
