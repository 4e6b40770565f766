// citation-js on the server: the CSL styles registered once, and one function that writes a CSL-JSON
// item in any of the archive's formats. Never imported by a client component (server-only), so none
// of citation-js reaches a reader's browser.
import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Cite, plugins, type CslData } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CitationFormat } from './formats';

const STYLES_DIR = path.join(process.cwd(), 'lib', 'citations', 'styles');

/** Replaces `find` in a style, which must occur exactly once, so an updated style file fails loudly. */
function adapt(xml: string, find: string, replace: string, style: string): string {
  const at = xml.indexOf(find);
  if (at < 0 || xml.indexOf(find, at + 1) >= 0) throw new Error(`The ${style} style changed: "${find}" is not found exactly once.`);
  return xml.slice(0, at) + replace + xml.slice(at + find.length);
}

// MLA (5.111) and APA (9.16) give the date of access only for an undated work; an archive's passage can
// be corrected after it was read, so the archive always gives it (styles/LICENSE.md records the change).
const ALWAYS_ACCESSED: Record<string, { find: string; replace: string }> = {
  apa: {
    find: '<if match="none" variable="issued status"><text term="retrieved"',
    replace: '<if variable="accessed"><text term="retrieved"',
  },
  mla: {
    find: '<macro name="supplemental-date-access">\n    <choose>\n      <if match="none" variable="issued">',
    replace: '<macro name="supplemental-date-access">\n    <choose>\n      <if variable="accessed">',
  },
};

let registered = false;

function registerStyles() {
  if (registered) return;
  const styles = plugins.config.get('@csl').styles;
  // plugin-csl ships APA 7; the archive's copy is adapted and kept under its own name.
  const apa = styles.get('apa');
  styles.add('archive-apa', adapt(apa, ALWAYS_ACCESSED.apa.find, ALWAYS_ACCESSED.apa.replace, 'APA'));
  const mla = readFileSync(path.join(STYLES_DIR, 'modern-language-association.csl'), 'utf8');
  styles.add('archive-mla', adapt(mla, ALWAYS_ACCESSED.mla.find, ALWAYS_ACCESSED.mla.replace, 'MLA'));
  styles.add('archive-chicago', readFileSync(path.join(STYLES_DIR, 'chicago-author-date-access-dates.csl'), 'utf8'));
  registered = true;
}

type RisEntry = Record<string, string | number | (string | number)[]>;

// citation-js's RIS text breaks every value at 70 characters, addresses included, and a reference
// manager reading "UR  - https://…" then gets half an address; its entries are written out whole here.
function risText(entries: RisEntry[]): string {
  return entries
    .map(({ TY, ...tags }) => {
      const lines = Object.entries(tags).flatMap(([tag, value]) => [value].flat().map((v) => `${tag}  - ${v}`));
      return [`TY  - ${TY}`, ...lines, 'ER  - '].join('\n');
    })
    .join('\n');
}

const TEMPLATE: Record<'apa' | 'mla' | 'chicago', string> = { apa: 'archive-apa', mla: 'archive-mla', chicago: 'archive-chicago' };

/**
 * `item` in `format`: a style's reference-list entry as plain text, or a BibTeX (BibLaTeX dialect:
 * dates at their precision, `urldate`) or RIS record. `record` is the item as BibTeX and RIS carry it.
 */
export function renderCitation(item: CslData, format: CitationFormat, record: CslData = item): string {
  registerStyles();
  if (format === 'bibtex') return new Cite(record).format('biblatex').trim();
  if (format === 'ris') return risText(new Cite(record).format('ris', { format: 'object' }) as unknown as RisEntry[]);
  return new Cite(item).format('bibliography', { template: TEMPLATE[format], format: 'text', lang: 'en-US' }).trim();
}
