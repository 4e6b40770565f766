// The OHMS record's description of the interview in the importer's terms: title, date, repository,
// summary, language tag, the people named as interviewees and interviewers, and the recording's
// address. What cannot be taken as it stands is left out and said in a note.
import { webAddressSchema } from '@/lib/validation/web-address';
import { isPartialDate } from '../text';
import type { ImportMeta, SpeakerHint } from '../types';
import type { OhmsRecord } from './ohms-record';

// OHMS names the language in words ("English"); the archive keeps a tag. These are the languages
// whose English name Intl knows and the importer turns back into a tag; others are left to the editor.
const LANGUAGE_TAGS = [
  'en',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'nl',
  'ko',
  'ja',
  'zh',
  'ru',
  'uk',
  'pl',
  'ar',
  'he',
  'fa',
  'hi',
  'ur',
  'bn',
  'vi',
  'th',
  'tr',
  'el',
  'sv',
  'no',
  'da',
  'fi',
  'cs',
  'hu',
  'ro',
  'id',
  'tl',
  'sw',
  'yi',
  'ht',
  'so',
  'am',
];

export function languageTag(name: string): string | null {
  if (/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(name)) return name;
  const english = new Intl.DisplayNames(['en'], { type: 'language' });
  const wanted = name.toLowerCase();
  return LANGUAGE_TAGS.find((tag) => english.of(tag)?.toLowerCase() === wanted) ?? null;
}

export function speakerHints(record: OhmsRecord): SpeakerHint[] {
  return [
    ...record.interviewees.map((name) => ({ name, role: 'interviewee' as const })),
    ...record.interviewers.map((name) => ({ name, role: 'interviewer' as const })),
  ];
}

/** The record's fields over what the transcript gave (the title only when none was given). */
export function recordMeta(record: OhmsRecord, meta: ImportMeta, notes: string[]): ImportMeta {
  const out: ImportMeta = { ...meta };
  if (record.date) {
    if (isPartialDate(record.date)) out.date = record.date;
    else notes.push(`the OHMS date "${record.date}" is not a date like 2009-11-20: give the date`);
  }
  if (record.repository) out.publisher = record.repository;
  if (record.description) out.summary = record.description;
  if (record.language) {
    const tag = languageTag(record.language);
    if (tag) out.language = tag;
    else notes.push(`the language "${record.language}" has no tag the importer knows: give it`);
  }
  return out;
}

/**
 * The media address when it is an http(s) one of a file (OHMS host "Other"); the reader plays it in
 * the browser's own player, which cannot play a page of a hosting service (YouTube, Kaltura…). Any
 * other is left out with a note.
 */
export function recordingAddress(record: OhmsRecord, notes: string[]): string | null {
  if (!record.mediaUrl) return null;
  if (record.mediaHost && record.mediaHost.toLowerCase() !== 'other') {
    notes.push(
      `the recording is hosted on ${record.mediaHost} (${record.mediaUrl}): not attached, since the reader plays audio and video files; attach the file or its direct address`,
    );
    return null;
  }
  const parsed = webAddressSchema.safeParse(record.mediaUrl);
  if (parsed.success) return parsed.data;
  notes.push(`the media address "${record.mediaUrl}" is not an http(s) web address: no recording was attached`);
  return null;
}
