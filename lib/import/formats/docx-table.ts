// Recognises a Word table laid out as a transcript (speaker in one column, words in the next).
import { parseLabel } from '../labels';

/** A table's text: rows of cells, each cell a list of paragraphs. */
export type TableText = string[][][];

export interface TranscriptTable {
  /** One paragraph of text per turn, "Speaker: words", for the text importer to judge like any other. */
  blocks: string[];
  /** A heading row ("Speaker | Text") left out, when there was one. */
  header: string | null;
}

const HEADER_CELL = /^(?:speaker|name|who|person|interlocutor)s?$/i;

/**
 * A two-column table whose first column names a speaker in every row that starts a turn (an empty
 * first cell continues the turn above), with at least three turns and a speaker who comes back: the
 * shape Word transcripts are often written in. A table of names and roles, dates and events, or
 * anything else stays a table (left out and reported). The speaker column gets the colon the text
 * importer reads labels by; the label never becomes part of a passage.
 */
export function readTranscriptTable(rows: TableText): TranscriptTable | null {
  const filled = rows.filter((row) => row.some((cell) => cell.some((p) => p.trim() !== '')));
  if (filled.length === 0 || filled.some((row) => row.length !== 2)) return null;
  const first = filled[0];
  const header = first && HEADER_CELL.test(cellLine(first[0])) ? first.map(cellLine).join(' | ') : null;
  const body = header ? filled.slice(1) : filled;
  const labels: string[] = [];
  const blocks: string[] = [];
  for (const [who, words] of body) {
    const name = cellLine(who);
    const text = (words ?? []).filter((p) => p.trim() !== '').join('\n\n');
    if (name === '') {
      if (blocks.length === 0) return null;
      blocks.push(text);
      continue;
    }
    const label = parseLabel(name.endsWith(':') ? name : `${name}:`);
    if (!label || label.rest !== '') return null;
    labels.push(label.label.toUpperCase());
    blocks.push(`${label.label}:${text ? ` ${text}` : ''}`);
  }
  const repeated = new Set(labels).size < labels.length;
  return labels.length >= 3 && repeated ? { blocks: blocks.filter((b) => b !== ''), header } : null;
}

function cellLine(cell: string[] | undefined): string {
  return (cell ?? []).join(' ').replace(/\s+/g, ' ').trim();
}
