// A recorded interview as the exports take it (an ExportSource of TimedPassages), built in memory:
// the export tests that need passages with recording times start from this one document.
import type { TimedPassage } from '@/lib/exports/passage-times';
import type { ExportSource } from '@/lib/exports/source';
import type { PassageKind } from '@/lib/vocabulary';

/** A passage at its anchor, spoken by the speaker named (slug derived), answering the passage before it when an answer. */
export function timedPassage(anchor: number, kind: PassageKind, speaker: string, text: string, more: Partial<TimedPassage> = {}): TimedPassage {
  return {
    id: anchor,
    anchor,
    position: anchor,
    kind,
    speaker: { slug: speaker.toLowerCase().replace(/ /g, '-'), name: speaker },
    text,
    paragraphs: [text],
    questionAnchor: kind === 'answer' ? anchor - 1 : null,
    topics: [],
    ...more,
  };
}

/** "A recorded interview" between Ann Ask and Ben Say, at archive.example, with these passages. */
export function timedExportSource(passages: TimedPassage[], document: Partial<ExportSource['document']> = {}): ExportSource {
  return {
    id: 7,
    url: 'https://archive.example/documents/timed',
    passageUrl: (anchor) => `https://archive.example/documents/timed#p${anchor}`,
    siteUrl: 'https://archive.example/',
    document: {
      slug: 'timed',
      kind: 'interview',
      title: 'A recorded interview',
      subtitle: null,
      publisher: null,
      date: { iso: '2020-05', label: 'May 2020', precision: 'month', year: 2020 },
      participants: [
        { slug: 'ann-ask', name: 'Ann Ask', role: 'interviewer' },
        { slug: 'ben-say', name: 'Ben Say', role: 'interviewee' },
      ],
      passageCount: passages.length,
      summary: null,
      sourceUrl: null,
      caption: null,
      language: 'en',
      updatedAt: '2024-01-02T03:04:05.000Z',
      passages,
      ...document,
    },
  };
}
