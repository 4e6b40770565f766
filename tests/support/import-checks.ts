// Checks the importer tests share: nothing the importer reads may disappear silently.
import type { ImportResult } from '@/lib/import';

export interface KeptWordsOptions {
  /** How the test splits text into words (what counts as the same word). */
  words: (text: string) => string[];
  /** The metadata the result may hold a word in instead (its title, subtitle, summary …). */
  meta: unknown[];
  /** More places a word may be kept in (labels in another spelling). */
  also?: string[];
}

/**
 * The words of the input's body (front matter aside) found nowhere in the result: not in a passage,
 * the dropped or unplaced report, a speaker (name, bio, labels), the caption or the metadata given.
 */
export function lostWords(input: string, result: ImportResult, options: KeptWordsOptions): string[] {
  const kept = new Set(
    options.words(
      [
        ...result.passages.map((p) => p.text),
        ...result.dropped.map((d) => d.text),
        ...result.unplaced.map((u) => u.text),
        ...result.speakers.flatMap((sp) => [sp.name, sp.bio ?? '', ...sp.labels]),
        result.caption ?? '',
        ...options.meta.map((value) => String(value ?? '')),
        ...(options.also ?? []),
      ].join(' '),
    ),
  );
  const body = input.startsWith('---')
    ? input
        .replace(/^\uFEFF/, '')
        .split(/\r\n|\r|\n/)
        .slice(2)
        .join('\n')
    : input;
  return [...new Set(options.words(body).filter((word) => !kept.has(word)))];
}
