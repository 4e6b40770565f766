// What a feed says about each newly published document, the same in every format. Feeds need
// instants, and a document's original date may be only a month or a year ("2016-12"): an instant
// made from it would invent a day and an hour. So a feed's dates are when the document was published
// in this archive (published) and last changed here (updated), both real instants; the original
// date is given at its precision, as written, in the entry's text (and in JSON Feed's _archive).
import 'server-only';
import { recentlyPublished, type PublishedDocument } from '@/lib/data/publications';
import { absoluteUrl } from '@/lib/site-origin';
import { documentPath, speakerPath } from '@/lib/urls';

/** How many documents a feed lists, newest first: feed readers poll often and keep what they saw. */
export const FEED_LENGTH = 50;

export interface FeedEntry {
  url: string;
  title: string;
  /** Plain text. */
  summary: string | null;
  /** HTML: what it is, its original date and publisher, who took part, and where the original is. */
  contentHtml: string;
  publishedAt: Date;
  updatedAt: Date;
  /** Its original publication date at its precision ("2016-12") and that precision. */
  originalDate: { iso: string; precision: string; label: string };
  kind: string;
  language: string;
  participants: { name: string; role: string; url: string }[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

function contentHtml(document: PublishedDocument, url: string): string {
  const e = escapeHtml;
  const by = document.participants.map((p) => `<a href="${e(absoluteUrl(speakerPath(p.slug)))}">${e(p.name)}</a> (${e(p.role)})`).join(', ');
  const parts = [
    `<p>${e(document.kind.charAt(0).toUpperCase() + document.kind.slice(1))}, originally published ${e(document.date.label)}` +
      `${document.publisher ? ` by ${e(document.publisher)}` : ''} (<time datetime="${e(document.date.iso)}">${e(document.date.iso)}</time>).</p>`,
    document.subtitle ? `<p><em>${e(document.subtitle)}</em></p>` : '',
    document.summary ? `<p>${e(document.summary)}</p>` : '',
    by ? `<p>${document.participants.length === 1 ? 'Participant' : 'Participants'}: ${by}.</p>` : '',
    `<p>${document.passageCount} ${document.passageCount === 1 ? 'passage' : 'passages'}, each with its own address: <a href="${e(url)}">read it in the archive</a>.</p>`,
    document.sourceUrl ? `<p>Original: <a href="${e(document.sourceUrl)}">${e(document.sourceUrl)}</a></p>` : '',
  ];
  return parts.filter(Boolean).join('\n');
}

export function feedEntry(document: PublishedDocument): FeedEntry {
  const url = absoluteUrl(documentPath(document.slug));
  return {
    url,
    title: document.title,
    summary: document.summary ?? document.subtitle,
    contentHtml: contentHtml(document, url),
    publishedAt: new Date(document.publishedAt),
    updatedAt: new Date(document.updatedAt),
    originalDate: { iso: document.date.iso, precision: document.date.precision, label: document.date.label },
    kind: document.kind,
    language: document.language,
    participants: document.participants.map((p) => ({ name: p.name, role: p.role, url: absoluteUrl(speakerPath(p.slug)) })),
  };
}

/** The newest published documents as feed entries, newest publication first. */
export async function feedEntries(): Promise<FeedEntry[]> {
  return (await recentlyPublished(FEED_LENGTH)).map(feedEntry);
}
