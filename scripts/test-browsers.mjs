// Runs the @web/test-runner suite in Chromium, Firefox and WebKit.
// WebKit needs an X display and a WebKitWebDriver; this script starts both,
// hands their addresses to web-test-runner.config.mjs, and stops them after.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { missingEngines, selectedEngines, WEBKIT_DRIVER, XVFB } from './browsers.mjs';

const engines = selectedEngines();
const missing = missingEngines(engines);
if (missing.length > 0) {
  console.error(missing.join('\n'));
  process.exit(1);
}

const children = [];
const stopAll = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
};
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function start(command, args, env = process.env) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors = (errors + chunk).slice(-2000)));
  child.on('exit', (code) => {
    if (code && code !== 0 && !stopping)
      console.error(`${command} exited with ${code}:\n${errors}`);
  });
  children.push(child);
  return child;
}

async function waitFor(check, what, timeoutMs = 10000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

let stopping = false;
const env = { ...process.env };

if (engines.some((engine) => engine.name === 'webkit')) {
  let display = 99;
  while (existsSync(`/tmp/.X${display}-lock`)) display += 1;
  start(XVFB, [`:${display}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp']);
  await waitFor(() => existsSync(`/tmp/.X11-unix/X${display}`), 'Xvfb');
  const port = await freePort();
  start(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
    ...process.env,
    DISPLAY: `:${display}`,
  });
  await waitFor(
    () =>
      fetch(`http://127.0.0.1:${port}/status`)
        .then((response) => response.ok)
        .catch(() => false),
    'WebKitWebDriver',
  );
  env.WEBKIT_DRIVER_PORT = String(port);
}

const runner = spawn(
  process.execPath,
  ['node_modules/@web/test-runner/dist/bin.js', ...process.argv.slice(2)],
  { env, stdio: 'inherit' },
);
runner.on('exit', (code, signal) => {
  stopping = true;
  // Once a run ended with 1 and no failure printed: say so if a signal ended it.
  if (signal) console.error(`web-test-runner was stopped by ${signal}`);
  stopAll();
  process.exit(code ?? (signal ? 1 : 0));
});
