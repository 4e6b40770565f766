// Writes a Word document's tree as the text the plain-text importer reads, and lists what it leaves out.
import type { SkippedBlock } from '../types';
import type { DocxElement, DocxTree } from './docx-read';
import { readTranscriptTable, type TableText } from './docx-table';

export interface DocxText {
  /** One paragraph of the document per block, blocks separated by a blank line; a line break is a new line. */
  text: string;
  /** The text of the first paragraph styled "Title" / "Subtitle", when there is one. */
  title: string | null;
  subtitle: string | null;
  /** Tables, images and notes: never read as passages, reported so that no word goes unseen. */
  setAside: SkippedBlock[];
  notes: string[];
}

interface Writer {
  blocks: string[];
  /** 1-based line of the text the next block starts on. */
  nextLine: number;
  out: DocxText;
  notes: DocxTree['notes'];
  footnotes: number;
}

// An optional hyphenation point, invisible in Word: kept, it would split the word for search.
const SOFT_HYPHEN = /\u00AD/g;

export function docxToText(tree: DocxTree): DocxText {
  const out: DocxText = { text: '', title: null, subtitle: null, setAside: [], notes: [] };
  const writer: Writer = { blocks: [], nextLine: 1, out, notes: tree.notes, footnotes: 0 };
  for (const element of tree.children ?? []) writeBlock(writer, element);
  out.text = writer.blocks.join('\n\n');
  const comments = tree.comments?.length ?? 0;
  if (comments > 0) out.notes.push(`${comments} comment${comments === 1 ? '' : 's'} in the Word file left out: comments are not part of the transcript`);
  return out;
}

function writeBlock(writer: Writer, element: DocxElement): void {
  if (element.type === 'table') {
    writeTable(writer, element);
    return;
  }
  if (element.type !== 'paragraph') {
    for (const child of element.children ?? []) writeBlock(writer, child);
    return;
  }
  const text = cleanParagraph(writer, element);
  if (text === '') return;
  const style = (element.styleName ?? element.styleId ?? '').toLowerCase();
  if (style === 'title' && writer.out.title === null) writer.out.title = text.replace(/\s+/g, ' ');
  if (style === 'subtitle' && writer.out.subtitle === null) writer.out.subtitle = text.replace(/\s+/g, ' ');
  pushBlock(writer, text);
}

function pushBlock(writer: Writer, text: string): void {
  writer.blocks.push(text);
  writer.nextLine += text.split('\n').length + 1;
}

function cleanParagraph(writer: Writer, paragraph: DocxElement): string {
  return paragraphText(writer, paragraph)
    .replace(SOFT_HYPHEN, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** A table written as a transcript becomes its turns; any other table is left out and reported. */
function writeTable(writer: Writer, table: DocxElement): void {
  const cells: TableText = (table.children ?? []).map((row) =>
    (row.children ?? []).map((cell) => (cell.children ?? []).map((p) => (p.type === 'paragraph' ? cleanParagraph(writer, p) : tableText(p)))),
  );
  const transcript = readTranscriptTable(cells);
  if (!transcript) {
    setAside(writer, tableText(table), `table (${table.children?.length ?? 0} rows): tables are not read as passages`);
    return;
  }
  if (transcript.header) setAside(writer, transcript.header, 'table heading');
  writer.out.notes.push(`the table at line ${writer.nextLine} was read as a transcript: a speaker in the first column, the words in the second`);
  for (const block of transcript.blocks) pushBlock(writer, block);
}

/** A paragraph's words as Word shows them: runs in order, capitals where the run is set in capitals. */
function paragraphText(writer: Writer, element: DocxElement): string {
  let text = '';
  for (const child of element.children ?? []) {
    switch (child.type) {
      case 'text':
        text += child.value ?? '';
        break;
      case 'tab':
        text += '\t';
        break;
      case 'break':
        text += '\n';
        break;
      case 'run': {
        const runText = paragraphText(writer, child);
        text += child.isAllCaps ? runText.toUpperCase() : runText;
        break;
      }
      case 'image':
        setAside(writer, child.altText?.trim() || 'an image with no description', 'image');
        break;
      case 'noteReference':
        setAsideNote(writer, child);
        break;
      case 'table':
        setAside(writer, tableText(child), 'table: tables are not read as passages');
        break;
      default:
        // Hyperlinks and content controls carry runs; bookmarks, comment marks and checkboxes carry no words.
        text += paragraphText(writer, child);
    }
  }
  return text;
}

/** The note's own words are reported where its mark stood; the mark itself is Word's numbering. */
function setAsideNote(writer: Writer, reference: DocxElement): void {
  const note = writer.notes?.resolve(reference);
  const kind = reference.noteType === 'endnote' ? 'endnote' : 'footnote';
  const text = (note?.body ?? [])
    .map((p) => paragraphText(writer, p).trim())
    .filter(Boolean)
    .join('\n\n');
  setAside(writer, text || `(empty ${kind})`, `${kind}: notes are not read as passages`);
}

function tableText(table: DocxElement): string {
  return (table.children ?? [])
    .map((row) =>
      (row.children ?? [])
        .map((cell) => cellText(cell))
        .join(' | ')
        .trim(),
    )
    .filter((row) => row.replace(/[|\s]/g, '') !== '')
    .join('\n');
}

function cellText(cell: DocxElement): string {
  const words = (element: DocxElement): string =>
    element.type === 'text' ? (element.value ?? '') : element.type === 'tab' || element.type === 'break' ? ' ' : (element.children ?? []).map(words).join('');
  return (cell.children ?? []).map(words).join(' ').replace(/\s+/g, ' ').trim();
}

function setAside(writer: Writer, text: string, reason: string): void {
  writer.out.setAside.push({ text, line: writer.nextLine, reason });
}
