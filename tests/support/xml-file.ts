// Debian's xmllint (libxml2-utils) as the tests' XML parser: well-formedness and XPath queries,
// independent of the xmlbuilder2 that writes the exports. Namespaces are matched with
// namespace-uri(), since xmllint's --xpath has no way to bind a prefix.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const MISSING = "xmllint is not installed: the TEI and OHMS export tests parse with it. Install Debian's libxml2-utils (apt-get install -y libxml2-utils).";

function xmllint(args: string[], input?: string) {
  const result = spawnSync('xmllint', args, { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(MISSING);
  return result;
}

/** An XML file the tests can query: parsed once by xmllint for well-formedness (throws with its message otherwise). */
export class XmlFile {
  readonly file: string;

  constructor(xml: string) {
    const dir = mkdtempSync(path.join(tmpdir(), 'export-xml-'));
    this.file = path.join(dir, 'export.xml');
    writeFileSync(this.file, xml);
    const check = xmllint(['--noout', '--nonet', this.file]);
    if (check.status !== 0) throw new Error(`xmllint: not well-formed XML:\n${check.stderr}`);
  }

  /** The XPath 1.0 string value of `expression` (string(...) applied), exactly: xmllint's one trailing newline removed. */
  string(expression: string): string {
    const result = xmllint(['--nonet', '--xpath', `string(${expression})`, this.file]);
    if (result.status !== 0) throw new Error(`xmllint --xpath ${expression}: ${result.stderr}`);
    return result.stdout.endsWith('\n') ? result.stdout.slice(0, -1) : result.stdout;
  }

  count(expression: string): number {
    const result = xmllint(['--nonet', '--xpath', `count(${expression})`, this.file]);
    if (result.status !== 0) throw new Error(`xmllint --xpath count(${expression}): ${result.stderr}`);
    return Number(result.stdout.trim());
  }

  /**
   * The values of the attribute `name` on each element `elements` selects, in document order, in one
   * call (xmllint prints each as name="value"); only for values without quotes or references.
   */
  attributes(elements: string, name: string): string[] {
    const result = xmllint(['--nonet', '--xpath', `${elements}/@${name}`, this.file]);
    if (result.status !== 0) return [];
    return [...result.stdout.matchAll(/^ ?[\w:.-]+="([^"&]*)"$/gm)].map((m) => m[1]);
  }

  /** The local names of the element children of the element `expression` selects, in order. */
  childNames(expression: string): string[] {
    return Array.from({ length: this.count(`${expression}/*`) }, (_, i) => this.string(`local-name(${expression}/*[${i + 1}])`));
  }
}

/** An element step in namespace `ns`: el(TEI, 'u') is *[local-name()='u' and namespace-uri()='…']. */
export const el = (ns: string, name: string) => `*[local-name()='${name}' and namespace-uri()='${ns}']`;
