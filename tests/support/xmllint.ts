// Debian's xmllint (libxml2-utils), a real XML parser, for tests of the XML the archive writes. A
// machine without it fails the test with the line that installs it, never skips it.
import { spawnSync } from 'node:child_process';

export function requireXmllint(): void {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('xmllint is missing: install it with `apt-get install -y libxml2-utils` (Debian), then run the tests again.');
  }
}

/** Parses the document; throws with xmllint's own message when it is not well-formed. */
export function assertWellFormed(xml: string): void {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '-'], { input: xml, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`not well-formed XML:\n${run.stderr}`);
}

/** An XPath 1.0 expression's value as a string (xmllint --xpath), evaluated on the parsed document. */
export function xpath(xml: string, expression: string): string {
  const run = spawnSync('xmllint', ['--nonet', '--xpath', expression, '-'], { input: xml, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 10) throw new Error(`xmllint --xpath ${expression} failed:\n${run.stderr}`);
  // xmllint ends a string or number result with a newline of its own.
  return run.stdout.replace(/\n$/, '');
}

/** Matches elements by local name whatever their namespace: //*[local-name()='entry'] as ln('entry'). */
export const ln = (name: string) => `*[local-name()='${name}']`;
