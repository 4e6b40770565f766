// The speakers, documents, topics and table-of-contents sections a search matched, as a compact list
// above the passages: each a link to its page (a section's to the passage it starts at), with the
// part of the bio, summary or synopsis that matched, marked as hits mark theirs.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { labelForIsoDate } from '@/lib/dates';
import type { EntityMatches as Matches } from '@/lib/search/types';
import { documentPath, passagePath, speakerPath, topicPath } from '@/lib/urls';
import { MarkedText } from '../marked-text';
import { LabelledSection } from '@/components/labelled-section';

/** One kind of match under its heading, or nothing when the search matched none of that kind. */
function Group<T>({ id, title, items, children }: { id: string; title: string; items: T[]; children: (item: T) => ReactNode }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="text-sm font-semibold muted">
        {title}
      </h3>
      <ul className="mt-1 space-y-1">{items.map(children)}</ul>
    </section>
  );
}

/**
 * A document or section that matched: its link, what it is (in muted text after it) and, on a line of
 * its own, the part of its summary or synopsis that matched.
 */
function MatchWithContext({ href, title, context, marked }: { href: string; title: ReactNode; context: ReactNode; marked: string | undefined }) {
  return (
    <li>
      <Link href={href}>{title}</Link> <span className="text-sm muted">{context}</span>
      {marked && (
        <span className="block text-sm muted">
          <MarkedText text={marked} />
        </span>
      )}
    </li>
  );
}

export function EntityMatches({ entities }: { entities: Matches }) {
  const { speakers, documents, topics, sections } = entities;
  if (speakers.length + documents.length + topics.length + sections.length === 0) return null;
  return (
    <LabelledSection
      id="entity-matches"
      title="People, documents and topics"
      className="mb-6 space-y-3 rounded-md border border-stone-200 p-3 dark:border-stone-800"
      headingClassName="font-serif text-lg font-semibold"
    >
      <Group id="entity-speakers" title="Speakers" items={speakers}>
        {(s) => (
          <li key={s.slug}>
            <Link href={speakerPath(s.slug)}>{s.name}</Link>
            {s.marked && (
              <span className="text-sm muted">
                {' '}
                — <MarkedText text={s.marked} />
              </span>
            )}
          </li>
        )}
      </Group>
      <Group id="entity-documents" title="Documents" items={documents}>
        {(d) => (
          <MatchWithContext
            key={d.slug}
            href={documentPath(d.slug)}
            title={<cite>{d.title}</cite>}
            context={
              <>
                ({d.kind}, <time dateTime={d.date}>{labelForIsoDate(d.date)}</time>)
              </>
            }
            marked={d.marked}
          />
        )}
      </Group>
      <Group id="entity-sections" title="Sections" items={sections}>
        {(s) => (
          <MatchWithContext
            key={`${s.documentSlug}#${s.anchor}:${s.title}`}
            href={passagePath(s.documentSlug, s.anchor)}
            title={s.title}
            context={
              <>
                in <cite>{s.documentTitle}</cite>
              </>
            }
            marked={s.marked}
          />
        )}
      </Group>
      <Group id="entity-topics" title="Topics" items={topics}>
        {(t) => (
          <li key={t.slug}>
            <Link href={topicPath(t.slug)}>{t.name}</Link>
          </li>
        )}
      </Group>
    </LabelledSection>
  );
}
