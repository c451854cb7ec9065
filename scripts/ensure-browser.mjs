// Makes sure a Chromium is available for the browser tests: CHROME_PATH, or Debian's /usr/bin/chromium,
// installing it with apt when running as root. Prints the path, or one line saying how to get one.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export function ensureBrowser() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('relais: Chromium absent, installation du paquet Debian « chromium »…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null', { stdio: 'inherit', shell: '/bin/bash' });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  console.error('relais: aucun navigateur pour les tests — installez Chromium (sudo apt-get install chromium) ou indiquez son chemin dans CHROME_PATH.');
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureBrowser());
