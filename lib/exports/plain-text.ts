// Plain text: the document's details, then each passage under a line "[<anchor>] <speaker>" with its
// words indented by four spaces. Only those heading lines start at the margin, so no line of the
// words, whatever it says, can be read as the start of another passage or another speaker's turn.
import type { ExportSource } from './source';
import { participantsLine, publishedLine } from './header';

export const TEXT_INDENT = '    ';

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => (line === '' ? '' : TEXT_INDENT + line))
    .join('\n');

export function toPlainText({ document, url }: ExportSource): string {
  const lines = [document.title];
  if (document.subtitle) lines.push(document.subtitle);
  lines.push('', `Published: ${publishedLine(document)}`);
  if (document.participants.length > 0) lines.push(`Participants: ${participantsLine(document)}`);
  if (document.sourceUrl) lines.push(`Source: ${document.sourceUrl}`);
  lines.push(`Address: ${url}`, '');
  if (document.summary) lines.push(indent(document.summary), '');
  for (const passage of document.passages) {
    lines.push(passage.speaker ? `[${passage.anchor}] ${passage.speaker.name}` : `[${passage.anchor}]`, indent(passage.text), '');
  }
  return lines.join('\n');
}
