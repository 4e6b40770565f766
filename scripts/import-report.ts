// The importer's result as plain text for the terminal: what it made, dropped and could not place.
import type { ImportResult } from '@/lib/import';
import { formatWholeClock as formatClock } from '@/lib/time/clock';
import type { DocumentStatus } from '@/lib/vocabulary';

/** The facts of the document about to be saved that the report's first lines show. */
export interface ReportHeading {
  slug: string;
  title: string;
  date: string;
  publisher: string | null;
  status: DocumentStatus;
}

const clip = (text: string, length = 72) => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
};

/** "[0:05–0:09] " for a passage with times (captions), else nothing. */
const timeOf = (p: ImportResult['passages'][number]) => (p.startMs != null && p.endMs != null ? `[${formatClock(p.startMs)}–${formatClock(p.endMs)}] ` : '');

export function formatImportReport(result: ImportResult, document: ReportHeading): string {
  const lines = [
    `${document.title}`,
    `  ${result.kind}, ${document.date}${document.publisher ? `, ${document.publisher}` : ''} → /documents/${document.slug} (${document.status})`,
    '',
    `Speakers (${result.speakers.length}):`,
    ...result.speakers.map((s) => `  ${s.name} [${s.role}]${s.labels.length ? ` labels ${s.labels.join(', ')}` : ''}${s.bio ? ' · bio found' : ''}`),
    '',
    `Passages (${result.passages.length}):`,
    ...result.passages.map((p, i) => `  ${String(i + 1).padStart(3)}. ${p.kind.padEnd(9)} ${(p.speaker ?? '—').padEnd(18)} ${timeOf(p)}${clip(p.text)}`),
  ];
  if (result.sections?.length) {
    lines.push('', `Sections (${result.sections.length}):`, ...result.sections.map((s) => `  at passage ${s.passage + 1}: ${clip(s.title, 60)}`));
  }
  if (result.caption) lines.push('', `Caption: ${clip(result.caption, 100)}`);
  if (result.meta.summary) lines.push(`Summary: ${clip(result.meta.summary, 100)}`);
  if (result.dropped.length > 0) {
    lines.push('', `Dropped as site chrome (${result.dropped.length}):`, ...result.dropped.map((d) => `  line ${d.line}: ${d.reason}: ${clip(d.text, 60)}`));
  }
  lines.push('', result.unplaced.length === 0 ? 'Could not place: nothing.' : `Could not place (${result.unplaced.length}):`);
  lines.push(...result.unplaced.map((u) => `  line ${u.line}: ${u.reason}: ${clip(u.text, 60)}`));
  if (result.notes.length > 0) lines.push('', 'Check:', ...result.notes.map((n) => `  - ${n}`));
  return lines.join('\n');
}
