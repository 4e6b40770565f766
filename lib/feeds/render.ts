// The feeds in their three formats, written by the `feed` library: RSS 2.0, Atom 1.0 and JSON Feed.
// Each format gets what it can say: RSS names people with Dublin Core's dc:creator (its own
// <author> must be an email address); Atom marks its titles as HTML, so a title's "&" is escaped;
// JSON Feed carries the original date at its precision in an `_archive` extension.
import 'server-only';
import { Feed, type Item } from 'feed';
import { FEEDS } from '@/lib/metadata/feeds';
import { SITE_DESCRIPTION, SITE_NAME } from '@/lib/metadata/site';
import { absoluteUrl } from '@/lib/site-origin';
import { escapeHtml, type FeedEntry } from './entries';

export type FeedFormat = keyof typeof FEEDS;

/** When the feed last changed: its newest change, or the epoch for an archive with nothing published. */
export const feedUpdated = (entries: FeedEntry[]): Date => new Date(Math.max(0, ...entries.map((e) => e.updatedAt.getTime())));

function item(entry: FeedEntry, format: FeedFormat): Item {
  const people = entry.participants.map((p) => ({ name: p.name, link: p.url }));
  return {
    id: entry.url,
    link: entry.url,
    title: format === 'atom' ? escapeHtml(entry.title) : entry.title,
    description: entry.summary ? (format === 'json' ? entry.summary : escapeHtml(entry.summary)) : undefined,
    content: entry.contentHtml,
    date: entry.updatedAt,
    published: entry.publishedAt,
    category: [{ name: entry.kind, term: entry.kind }],
    ...(format === 'rss'
      ? {
          extensions:
            entry.participants.length > 0
              ? [
                  {
                    name: 'dc:creator',
                    objects: [...new Set(entry.participants.map((p) => p.name))].map((name) => ({ _text: name })) as unknown as Record<string, unknown>,
                  },
                ]
              : [],
        }
      : { author: people }),
    ...(format === 'json'
      ? {
          extensions: [
            {
              name: '_archive',
              objects: {
                original_date: entry.originalDate.iso,
                original_date_precision: entry.originalDate.precision,
                kind: entry.kind,
                language: entry.language,
                participants: entry.participants,
              },
            },
          ],
        }
      : {}),
  };
}

export function renderFeed(entries: FeedEntry[], format: FeedFormat): string {
  const feed = new Feed({
    id: absoluteUrl('/'),
    title: `${SITE_NAME}: new documents`,
    description: SITE_DESCRIPTION,
    link: absoluteUrl('/'),
    language: 'en',
    updated: feedUpdated(entries),
    generator: false,
    author: { name: SITE_NAME, link: absoluteUrl('/') },
    feedLinks: { rss: absoluteUrl(FEEDS.rss.path), atom: absoluteUrl(FEEDS.atom.path), json: absoluteUrl(FEEDS.json.path) },
    favicon: absoluteUrl('/favicon.ico'),
  });
  for (const entry of entries) feed.addItem(item(entry, format));
  return format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : feed.json1();
}
