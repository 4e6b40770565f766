// Markdown (CommonMark): the document's details, then each passage as a line naming its speaker and
// linking its address, followed by its words in a block quote. The words are escaped so that a
// renderer shows exactly them: no asterisk, bracket, angle bracket or ampersand in testimony can
// become formatting, a link or an entity, and since every line of the words starts with "> ", no
// line of them can be read as the start of another passage.
import type { ExportSource } from './source';
import { participantsLine, publishedLine } from './header';

/** Characters that mean something anywhere in a CommonMark line (backslash escapes are defined for every ASCII punctuation mark). */
const INLINE = /[\\`*_[\]<>&|~!]/g;

/** A line of text, escaped for CommonMark, where a block could start (a heading, list item, rule or code block). */
export function escapeMarkdownLine(line: string): string {
  let escaped = line.replace(INLINE, (c) => `\\${c}`);
  // At the start of a line: "#", "-", "+", "=" and "1." / "1)" open blocks; leading blanks make code.
  escaped = escaped.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return escaped.replace(/^[ \t]+/, (blanks) => [...blanks].map((c) => (c === ' ' ? '&#32;' : '&#9;')).join(''));
}

/** The words as a block quote: a blank line is ">", a line break inside a paragraph a hard break (a trailing backslash). */
function quote(text: string): string {
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      if (line === '') return '>';
      const hardBreak = i < lines.length - 1 && lines[i + 1] !== '' ? '\\' : '';
      return `> ${escapeMarkdownLine(line)}${hardBreak}`;
    })
    .join('\n');
}

const angleLink = (url: string) => `<${url}>`;

export function toMarkdown({ document, url, passageUrl }: ExportSource): string {
  const lines = [`# ${escapeMarkdownLine(document.title)}`, ''];
  if (document.subtitle) lines.push(`*${escapeMarkdownLine(document.subtitle)}*`, '');
  lines.push(`- **Published:** ${escapeMarkdownLine(publishedLine(document))}`);
  if (document.participants.length > 0) lines.push(`- **Participants:** ${escapeMarkdownLine(participantsLine(document))}`);
  if (document.sourceUrl) lines.push(`- **Source:** ${angleLink(document.sourceUrl)}`);
  lines.push(`- **Address:** ${angleLink(url)}`, '');
  if (document.summary) lines.push(quote(document.summary), '');
  lines.push('---', '');
  for (const passage of document.passages) {
    const speaker = passage.speaker ? `**${escapeMarkdownLine(passage.speaker.name)}** · ` : '';
    lines.push(`${speaker}[¶ ${passage.anchor}](${passageUrl(passage.anchor)})`, '', quote(passage.text), '');
  }
  return lines.join('\n');
}
