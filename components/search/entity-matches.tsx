// The speakers, documents, topics and table-of-contents sections a search matched, as a compact list
// above the passages: each a link to its page (a section's to the passage it starts at), with the
// part of the bio, summary or synopsis that matched, marked as hits mark theirs.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { labelForIsoDate } from '@/lib/dates';
import type { EntityMatches as Matches } from '@/lib/search/types';
import { documentPath, passagePath, speakerPath, topicPath } from '@/lib/urls';
import { MarkedText } from '../marked-text';

function Group({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="text-sm font-semibold muted">
        {title}
      </h3>
      <ul className="mt-1 space-y-1">{children}</ul>
    </section>
  );
}

export function EntityMatches({ entities }: { entities: Matches }) {
  const { speakers, documents, topics, sections } = entities;
  if (speakers.length + documents.length + topics.length + sections.length === 0) return null;
  return (
    <section aria-labelledby="entity-matches" className="mb-6 space-y-3 rounded-md border border-stone-200 p-3 dark:border-stone-800">
      <h2 id="entity-matches" className="font-serif text-lg font-semibold">
        People, documents and topics
      </h2>
      {speakers.length > 0 && (
        <Group id="entity-speakers" title="Speakers">
          {speakers.map((s) => (
            <li key={s.slug}>
              <Link href={speakerPath(s.slug)}>{s.name}</Link>
              {s.marked && (
                <span className="text-sm muted">
                  {' '}
                  — <MarkedText text={s.marked} />
                </span>
              )}
            </li>
          ))}
        </Group>
      )}
      {documents.length > 0 && (
        <Group id="entity-documents" title="Documents">
          {documents.map((d) => (
            <li key={d.slug}>
              <Link href={documentPath(d.slug)}>
                <cite>{d.title}</cite>
              </Link>{' '}
              <span className="text-sm muted">
                ({d.kind}, <time dateTime={d.date}>{labelForIsoDate(d.date)}</time>)
              </span>
              {d.marked && (
                <span className="block text-sm muted">
                  <MarkedText text={d.marked} />
                </span>
              )}
            </li>
          ))}
        </Group>
      )}
      {sections.length > 0 && (
        <Group id="entity-sections" title="Sections">
          {sections.map((s) => (
            <li key={`${s.documentSlug}#${s.anchor}:${s.title}`}>
              <Link href={passagePath(s.documentSlug, s.anchor)}>{s.title}</Link>{' '}
              <span className="text-sm muted">
                in <cite>{s.documentTitle}</cite>
              </span>
              {s.marked && (
                <span className="block text-sm muted">
                  <MarkedText text={s.marked} />
                </span>
              )}
            </li>
          ))}
        </Group>
      )}
      {topics.length > 0 && (
        <Group id="entity-topics" title="Topics">
          {topics.map((t) => (
            <li key={t.slug}>
              <Link href={topicPath(t.slug)}>{t.name}</Link>
            </li>
          ))}
        </Group>
      )}
    </section>
  );
}
