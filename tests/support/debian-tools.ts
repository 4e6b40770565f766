// The Debian tools the tests read the archive's output with: xmllint (libxml2-utils) for the XML
// exports, feeds and OAI-PMH, and Perl's HTTP::OAI (libhttp-oai-perl), the harvester the OAI-PMH
// browser test runs; the ones they make their own recordings with (issue 12): espeak-ng speaks a
// synthetic transcript to WAV, ffmpeg turns it into MP3, Ogg and a small video; and PostgreSQL's
// server (issue 13), of which the tests start throwaway copies (tests/support/postgres-server.ts).
// Run as root on a machine with apt (CI, a container), the suite installs what is missing itself,
// as it does Chromium (tests/e2e/support/chromium.ts); elsewhere the tests that need a tool fail
// with the line that installs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { postgresBinDir } from './postgres-server';

const TOOLS: { pkg: string; present: () => boolean }[] = [
  { pkg: 'libxml2-utils', present: () => spawnSync('xmllint', ['--version']).status === 0 },
  { pkg: 'libhttp-oai-perl', present: () => spawnSync('perl', ['-MHTTP::OAI', '-e1']).status === 0 },
  { pkg: 'espeak-ng', present: () => spawnSync('espeak-ng', ['--version']).status === 0 },
  { pkg: 'ffmpeg', present: () => spawnSync('ffmpeg', ['-version']).status === 0 },
  { pkg: 'postgresql', present: () => postgresBinDir() !== null },
];

export function installMissingDebianTools(canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')): void {
  const missing = TOOLS.filter((tool) => !tool.present()).map((tool) => tool.pkg);
  if (missing.length === 0 || !canInstall) return;
  console.error(`Installing from Debian for the tests: ${missing.join(', ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
}
