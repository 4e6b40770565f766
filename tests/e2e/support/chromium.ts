// Finds the Chromium the browser tests drive (Debian's: Playwright's own download is unreachable on
// these machines). On a fresh machine without it the tests stop at once with one line that says how
// to install it, instead of a Playwright stack trace per test; run as root (CI, a container) they
// install it from Debian themselves, showing apt's progress.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Debian's old headless shell (package chromium-headless-shell), what Playwright itself runs headless
 * tests in: the full browser's headless mode made every context and page about twice as slow here
 * (a new context 400-700 ms against 130-320, axe's injection 480-830 against 350-470 ms).
 */
export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const HEADLESS_SHELL_PACKAGE = 'chromium-headless-shell';

const INSTALL_HINT = `sudo apt-get install -y ${HEADLESS_SHELL_PACKAGE} (or set CHROMIUM_PATH to a Chromium or Chrome binary)`;

export function ensureChromium(executablePath: string, canInstall = process.getuid?.() === 0 && !process.env.CHROMIUM_PATH): string {
  if (existsSync(executablePath)) return executablePath;
  if (canInstall && existsSync('/usr/bin/apt-get')) {
    console.error(`Chromium is missing at ${executablePath}; installing it from Debian (apt-get install ${HEADLESS_SHELL_PACKAGE})…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', HEADLESS_SHELL_PACKAGE], { stdio: 'inherit', env });
    if (existsSync(executablePath)) return executablePath;
  }
  console.error(`The browser tests need Chromium at ${executablePath}, and it is not there. Install it: ${INSTALL_HINT}.`);
  process.exit(1);
}

/**
 * How Debian's Chromium runs here, for the browser tests and Lighthouse alike: unsandboxed (the tests
 * run as root) and with none of Chromium's own traffic to Google (component updates, sync, field
 * trials), since these machines reach no such server.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
