// The speakers, documents and topics a search matched, as a compact list above the passages: each a
// link to its page, with the part of the bio or summary that matched, marked as hits mark theirs.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { labelForIsoDate } from '@/lib/dates';
import type { EntityMatches as Matches } from '@/lib/search/types';
import { documentPath, speakerPath, topicPath } from '@/lib/urls';
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
  const { speakers, documents, topics } = entities;
  if (speakers.length + documents.length + topics.length === 0) return null;
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
