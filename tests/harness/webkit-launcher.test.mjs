// The WebKit launcher's repair (scripts/webkit-launcher.mjs), in a real
// MiniBrowser: a browser that does not leave a finished test file is dropped
// and the next file runs in a new session; the run's verdict is still the
// tests' own.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function runWebKit(files) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/test-browsers.mjs', '--files', ...files], {
      cwd: ROOT,
      env: { ...process.env, BROWSERS: 'webkit', NO_COVERAGE: '1', WEBKIT_LEAVE_MS: '3000' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const FIXTURES = 'tests/harness/fixtures';

it('runs the file after a stuck one in a new WebKit session, and still fails a failing test', async () => {
  const { code, output } = await runWebKit([
    `${FIXTURES}/1-stuck-on-leaving.js`,
    `${FIXTURES}/2-after.js`,
    `${FIXTURES}/3-failing.js`,
  ]);
  assert.match(output, /did not leave within 3 s; the next test file starts a new browser session/);
  assert.match(output, /3\/3 test files \| 2 passed, 1 failed/);
  assert.match(output, /this failure is expected/);
  assert.notEqual(code, 0);
});
