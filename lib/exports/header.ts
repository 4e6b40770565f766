// What every human-readable export says about its document before the passages, in one wording.
import type { DocumentDetail } from '@/lib/data/dto';

/** The archive's name, as the site's title says it. */
export const ARCHIVE_NAME = 'Interview Archive';

/** "Jeff Kim (interviewer), Seongmin Lee (interviewee)". */
export const participantsLine = (document: Pick<DocumentDetail, 'participants'>) => document.participants.map((p) => `${p.name} (${p.role})`).join(', ');

/** "28 August 2018, George W. Bush Institute": the date at its precision, then the publisher. */
export const publishedLine = (document: Pick<DocumentDetail, 'date' | 'publisher'>) =>
  document.publisher ? `${document.date.label}, ${document.publisher}` : document.date.label;
