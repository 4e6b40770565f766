// Citations of the seed documents (the interview and the essay), whole and per passage, in every
// format: what each must contain, BibTeX and RIS read back by citation-js's own parsers, CSL-JSON at the
// date's true precision, and the cached page's split citations equal to the library's whole ones.
import { beforeAll, describe, expect, it } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { formatAccessDate, type DayDate } from '@/lib/citations/access-date';
import { citationItem, citationText, pageCitations, type CitationSubject } from '@/lib/citations/citations';
import { CITATION_FORMATS } from '@/lib/citations/formats';
import { prisma } from '@/lib/db/client';
import { getPublishedDocument } from '@/lib/data/documents';
import type { DocumentDetail } from '@/lib/data/dto';
import { absoluteUrl } from '@/lib/site-origin';
import { documentPath, passageDetailPath } from '@/lib/urls';
import { afterAll } from 'vitest';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';
const INTERVIEW_SOURCE = 'https://www.bushcenter.org/publications/articles/2018/08/seongmin-lee-north-korea-part2.html';
const ESSAY_SOURCE = 'https://thediplomat.com/2016/12/how-to-really-bring-change-to-north-korea-my-home-country/';
const ACCESSED: DayDate = { year: 2026, month: 12, day: 2 };

let interview: DocumentDetail;
let essay: DocumentDetail;

beforeAll(async () => {
  interview = (await getPublishedDocument(INTERVIEW))!;
  essay = (await getPublishedDocument(ESSAY))!;
  // The first render of each style builds its CSL engine: seconds on a busy machine.
  for (const format of CITATION_FORMATS) citationText({ document: essay }, format, ACCESSED);
}, 180_000);

afterAll(() => prisma.$disconnect());

/** citation-js's own reading of a BibTeX or RIS text, without its bookkeeping. */
function readBack(text: string) {
  const items = new Cite(text).data;
  expect(items).toHaveLength(1);
  const { _graph, ...item } = items[0] as Record<string, unknown>;
  return item;
}

describe('CSL-JSON', () => {
  it('gives the essay its date at month precision and the interview at day precision, never a made-up day', () => {
    expect(citationItem({ document: essay }, ACCESSED).issued).toEqual({ 'date-parts': [[2016, 12]] });
    expect(citationItem({ document: interview }, ACCESSED).issued).toEqual({ 'date-parts': [[2018, 8, 28]] });
  });

  it('has the shape CSL-JSON requires, and citation-js reads it back unchanged', () => {
    for (const document of [interview, essay]) {
      for (const subject of [{ document }, { document, passage: document.passages[1] }] as CitationSubject[]) {
        const item = citationItem(subject, ACCESSED);
        expect(item).toMatchObject({ id: expect.any(String), type: expect.any(String), title: document.title });
        for (const field of ['issued', 'accessed'] as const) {
          expect(item[field]['date-parts']).toHaveLength(1);
          for (const part of item[field]['date-parts'][0]) expect(Number.isInteger(part)).toBe(true);
        }
        for (const name of [...(item.author ?? []), ...(item.interviewer ?? [])]) expect(name.family ?? name.literal).toBeTruthy();
        const { _graph, ...read } = new Cite(item).data[0] as Record<string, unknown>;
        expect(read).toEqual(item);
      }
    }
  });

  it('cites the whole document at its reader address, by its author or interviewee, with the interviewer', () => {
    expect(citationItem({ document: interview }, ACCESSED)).toMatchObject({
      type: 'interview',
      author: [{ given: 'Seongmin', family: 'Lee' }],
      interviewer: [{ given: 'Jeff', family: 'Kim' }],
      'container-title': 'George W. Bush Institute',
      URL: absoluteUrl(documentPath(INTERVIEW)),
      archive: 'Interview Archive',
      accessed: { 'date-parts': [[2026, 12, 2]] },
      note: `Originally published at ${INTERVIEW_SOURCE}`,
    });
    expect(citationItem({ document: essay }, ACCESSED)).toMatchObject({
      type: 'article-magazine',
      'container-title': 'The Diplomat',
      URL: absoluteUrl(documentPath(ESSAY)),
    });
  });

  it('credits every passage of both documents to its own speaker, at its own address and position', () => {
    for (const document of [interview, essay]) {
      document.passages.forEach((passage, i) => {
        const item = citationItem({ document, passage }, ACCESSED);
        expect(item.author).toEqual([{ given: passage.speaker!.name.split(' ')[0], family: passage.speaker!.name.split(' ')[1] }]);
        expect(item.URL).toBe(absoluteUrl(passageDetailPath(document.slug, passage.anchor)));
        expect(item.archive_location).toBe(`${passage.kind === 'paragraph' ? 'paragraph' : 'passage'} ${i + 1} of ${document.passages.length}`);
        // An interviewer is named beside an answer's speaker, never as the interviewer of their own question.
        if (passage.kind === 'answer') expect(item.interviewer).toEqual([{ given: 'Jeff', family: 'Kim' }]);
        if (passage.kind === 'question') expect(item.interviewer).toBeUndefined();
      });
    }
  });

  it('gives every passage a key of its own', () => {
    const keys = [interview, essay].flatMap((document) => [document, ...document.passages.map((passage) => ({ document, passage }))]);
    const ids = keys.map((subject) => citationItem('slug' in subject ? { document: subject } : subject, ACCESSED).id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_]+$/);
  });
});

describe('the prose styles', () => {
  const essayPassage = () => ({ document: essay, passage: essay.passages[2] });
  const url = () => absoluteUrl(passageDetailPath(ESSAY, essay.passages[2].anchor));

  it('APA 7: author, date at its precision, title, publisher, position, address and retrieval date', () => {
    const text = citationText(essayPassage(), 'apa', ACCESSED);
    expect(text).toBe(
      `Lee, S. (2016, December). How to Really Bring Change to North Korea, My Home Country. The Diplomat. Interview Archive (paragraph 3 of 12). Retrieved December 2, 2026, from ${url()} Originally published at ${ESSAY_SOURCE}.`,
    );
  });

  it('MLA 9', () => {
    expect(citationText(essayPassage(), 'mla', ACCESSED)).toBe(
      `Lee, Seongmin. “How to Really Bring Change to North Korea, My Home Country.” The Diplomat, Dec. 2016, Interview Archive, paragraph 3 of 12, ${url()}. Accessed 2 Dec. 2026. Originally published at ${ESSAY_SOURCE}.`,
    );
  });

  it('Chicago author-date (18th edition, access dates)', () => {
    expect(citationText(essayPassage(), 'chicago', ACCESSED)).toBe(
      `Lee, Seongmin. 2016. “How to Really Bring Change to North Korea, My Home Country.” The Diplomat, December. Paragraph 3 of 12. Interview Archive. Accessed December 2, 2026. ${url()}. Originally published at ${ESSAY_SOURCE}.`,
    );
  });

  it.each(['apa', 'mla', 'chicago'] as const)('%s names the interview, its interviewer and its day, never a first of the month', (format) => {
    const answer = interview.passages.find((p) => p.kind === 'answer')!;
    const text = citationText({ document: interview, passage: answer }, format, ACCESSED);
    expect(text).toMatch(/Lee, S(\.|eongmin\.)/);
    expect(text).toMatch(/J\. Kim, Interviewer|Interview by Jeff Kim/);
    expect(text).toMatch(/August 28|28 Aug\. 2018/);
    expect(text).toContain('George W. Bush Institute');
    expect(text).toContain(`passage 2 of ${interview.passages.length}`.replace(/^p/, format === 'chicago' ? 'P' : 'p'));
    expect(text).toContain(absoluteUrl(passageDetailPath(INTERVIEW, answer.anchor)));
    expect(text).toContain(INTERVIEW_SOURCE);
    const essayText = citationText({ document: essay }, format, ACCESSED);
    expect(essayText).not.toMatch(/December 1,|1 Dec\./);
  });
});

describe('BibTeX and RIS, read back by citation-js', () => {
  for (const [name, slug, source] of [
    ['essay', ESSAY, ESSAY_SOURCE],
    ['interview', INTERVIEW, INTERVIEW_SOURCE],
  ] as const) {
    it.each(['bibtex', 'ris'] as const)(`%s of a passage of the ${name} keeps every field`, (format) => {
      const document = slug === ESSAY ? essay : interview;
      const passage = document.passages[1];
      const text = citationText({ document, passage }, format, ACCESSED);
      const read = readBack(text);
      expect(read.title).toBe(document.title);
      expect(read.author).toEqual([{ given: passage.speaker!.name.split(' ')[0], family: passage.speaker!.name.split(' ')[1] }]);
      expect(read.issued).toEqual({ 'date-parts': [document.date.iso.split('-').map(Number)] });
      expect(read.accessed).toEqual({ 'date-parts': [[2026, 12, 2]] });
      expect(read.URL).toBe(absoluteUrl(passageDetailPath(slug, passage.anchor)));
      expect(read.note).toContain(`Interview Archive, ${passage.kind === 'paragraph' ? 'paragraph' : 'passage'} 2 of ${document.passages.length}`);
      expect(read.note).toContain(`Originally published at ${source}`);
      if (passage.kind === 'answer') expect(read.note).toContain('Interview by Jeff Kim');
      if (slug === ESSAY) expect(read['container-title']).toBe('The Diplomat');
      else expect(read.publisher).toBe('George W. Bush Institute');
    });
  }

  it('BibTeX keeps the month as a month (BibLaTeX date = {2016-12}) and keys each passage apart', () => {
    const text = citationText({ document: essay, passage: essay.passages[4] }, 'bibtex', ACCESSED);
    expect(text).toMatch(/^@article\{how_to_really_bring_change_to_north_korea__p5,/);
    expect(text).toContain('date = {2016-12},');
    expect(text).toContain('urldate = {2026-12-02},');
  });

  it('RIS gives each tag one whole line: no address broken across lines', () => {
    const text = citationText({ document: interview, passage: interview.passages[3] }, 'ris', ACCESSED);
    const lines = text.split('\n');
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9]  - /);
    expect(lines).toContain(`UR  - ${absoluteUrl(passageDetailPath(INTERVIEW, interview.passages[3].anchor))}`);
    expect(lines).toContain('DA  - 2018/8/28/');
    expect(lines.at(-1)).toBe('ER  - ');
  });
});

describe('on a cached page', () => {
  it("is the library's citation with the reader's access date written in its place, in every format", () => {
    const reading: DayDate = { year: 2027, month: 5, day: 9 };
    for (const document of [interview, essay]) {
      for (const subject of [{ document }, { document, passage: document.passages.at(-1)! }] as CitationSubject[]) {
        for (const citation of pageCitations(subject)) {
          expect(citation.before + formatAccessDate(citation.format, reading) + citation.after).toBe(citationText(subject, citation.format, reading));
        }
      }
    }
  });
});
