// WebKit for web-test-runner, through WebKitWebDriver, with one repair.
//
// Between two test files the WebDriver launcher sends the browser to
// about:blank and waits for it. Once in a CI run on a busy 2-core machine
// MiniBrowser never finished that navigation: the request timed out after
// 120 s (UND_ERR_HEADERS_TIMEOUT) and the run failed on a file whose tests had
// all passed; their results had already come in over the test runner's socket.
// Here leaving a test file is given LEAVE_MS; if the browser has not left by
// then, the file's results stand, the stuck browser session is dropped, and the
// next file starts a fresh one. A test that fails or hangs is still reported by
// the runner as before: this covers only the step after a file's results.
import { WebdriverLauncher } from '@web/test-runner-webdriver';

// WEBKIT_LEAVE_MS lets the launcher's own test wait less.
const LEAVE_MS = Number(process.env.WEBKIT_LEAVE_MS) || 30_000;
const STUCK = Symbol('stuck');

class RecoveringWebdriverLauncher extends WebdriverLauncher {
  async stopSession(id) {
    // Its failure becomes the outcome: a late one, of a navigation given up on, is then not unhandled.
    const leaving = super.stopSession(id).catch((error) => error);
    let timer;
    const outcome = await Promise.race([
      leaving,
      new Promise((resolve) => (timer = setTimeout(resolve, LEAVE_MS, STUCK))),
    ]);
    clearTimeout(timer);
    if (outcome !== STUCK && !(outcome instanceof Error)) return outcome;

    const why =
      outcome === STUCK ? `it did not leave within ${LEAVE_MS / 1000} s` : outcome.message;
    console.warn(`\nWebKit: after ${id}, ${why}; the next test file starts a new browser session.`);
    this.dropSession();
    return { testCoverage: undefined };
  }

  /** Forgets the stuck session and asks the driver to close it, without waiting. */
  dropSession() {
    const stuck = this.driver;
    clearInterval(this.pendingHeartbeat);
    this.driver = undefined;
    this.driverManager = undefined;
    stuck?.deleteSession().catch(() => {});
  }
}

/** The same options as @web/test-runner-webdriver's webdriverLauncher. */
export function webkitLauncher(options) {
  return new RecoveringWebdriverLauncher(options);
}
