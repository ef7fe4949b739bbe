// `npm run setup`: installs the Debian packages of the three test browsers.
import { execFileSync } from 'node:child_process';
import { engines, missingEngines } from './browsers.mjs';

if (missingEngines().length === 0) {
  console.log('All three browsers are installed.');
  process.exit(0);
}
const packages = engines.flatMap((engine) => engine.debian);
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
if (still.length > 0) {
  console.error(still.join('\n'));
  process.exit(1);
}
console.log('Chromium, Firefox ESR and WebKitGTK are installed.');
