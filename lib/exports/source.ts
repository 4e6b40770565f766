// What every format is written from: the read model's document and its public addresses, made
// absolute once (lib/exports/render.ts) so the writers stay pure functions of their input.
import type { DocumentDetail } from '@/lib/data/dto';
import type { TimedPassage } from './passage-times';

export interface ExportSource {
  /** The document's record number in the archive (OHMS needs a number). */
  id: number;
  /** The reader's document; the formats here write no recording address nor table of contents. */
  document: Omit<DocumentDetail, 'passages' | 'recording' | 'sections'> & { passages: TimedPassage[] };
  /** The document's address in the reader, absolute. */
  url: string;
  /** A passage's address in the reader, absolute. */
  passageUrl: (anchor: number) => string;
  /** The archive's own address, absolute. */
  siteUrl: string;
}
