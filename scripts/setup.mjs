// `npm run setup`: installs the Debian packages the tests need: the three
// browsers, and Django and pip for Debian's python3 (the Django app's wheel
// and the example site).
import { execFileSync, spawnSync } from 'node:child_process';
import { DJANGO_PACKAGES, engines, missingEngines } from './browsers.mjs';

const hasDjango = () =>
  spawnSync('/usr/bin/python3', ['-c', 'import django, pip'], { stdio: 'ignore' }).status === 0;

if (missingEngines().length === 0 && hasDjango()) {
  console.log('The three browsers and Django are installed.');
  process.exit(0);
}
const packages = [...engines.flatMap((engine) => engine.debian), ...DJANGO_PACKAGES];
const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
const run = (args) => {
  const [command, ...rest] = [...asRoot, ...args];
  console.log(`$ ${[command, ...rest].join(' ')}`);
  execFileSync(command, rest, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
};
run(['apt-get', 'update', '-qq']);
run(['apt-get', 'install', '-y', '-qq', ...packages, 'fonts-dejavu-core']);
const still = missingEngines();
if (!hasDjango()) still.push('/usr/bin/python3 still cannot import django');
if (still.length > 0) {
  console.error(still.join('\n'));
  process.exit(1);
}
console.log('Chromium, Firefox ESR, WebKitGTK and Django are installed.');
