// Makes FTS5's highlighted text safe to show: everything escaped, only the match marks are markup.

// Control characters the importer never keeps in text, so they cannot be confused with content.
export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/**
 * Escapes the text and wraps each complete sentinel pair FTS5 put around a match in <mark>; a
 * stray sentinel character in stored text never becomes markup.
 */
export function markedHtml(textWithSentinels: string): string {
  return markedRuns(textWithSentinels)
    .map((run) => (run.marked ? `<mark>${escapeHtml(run.text)}</mark>` : escapeHtml(run.text)))
    .join('');
}

/** Splits highlighted text into plain and marked runs, for React to render without any HTML string. */
export function markedRuns(textWithSentinels: string): { text: string; marked: boolean }[] {
  const runs: { text: string; marked: boolean }[] = [];
  // The innermost pair: a stray sentinel in stored text cannot swallow text up to a real match.
  const pattern = new RegExp(`${MARK_OPEN}([^${MARK_OPEN}${MARK_CLOSE}]*)${MARK_CLOSE}`, 'g');
  let last = 0;
  for (const match of textWithSentinels.matchAll(pattern)) {
    if (match.index > last) runs.push({ text: textWithSentinels.slice(last, match.index), marked: false });
    runs.push({ text: match[1], marked: true });
    last = match.index + match[0].length;
  }
  if (last < textWithSentinels.length) runs.push({ text: textWithSentinels.slice(last), marked: false });
  return runs.map((run) => ({ ...run, text: run.text.replaceAll(MARK_OPEN, '').replaceAll(MARK_CLOSE, '') }));
}
