// A passage shown away from its document (topic and speaker pages), linked to its place in the reader.
import Link from 'next/link';
import type { PassageInContext as PassageDto } from '@/lib/data/dto';
import { splitParagraphs } from '@/lib/data/dto';
import { passagePath, speakerPath } from '@/lib/urls';
import { PublicationDate } from './publication-date';
import { TopicChips } from './topic-chips';

const EXCERPT_LENGTH = 420;

function excerpt(text: string): string {
  const first = splitParagraphs(text)[0] ?? '';
  if (first.length <= EXCERPT_LENGTH && splitParagraphs(text).length === 1) return first;
  const cut = first.slice(0, EXCERPT_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 0)) || cut}…`;
}

export function PassageInContext({ passage, showTopics = true }: { passage: PassageDto; showTopics?: boolean }) {
  return (
    <article className="py-4">
      <blockquote className="prose-reading border-l-4 border-stone-300 pl-4 dark:border-stone-700">
        <p>{excerpt(passage.text)}</p>
      </blockquote>
      <p className="mt-2 text-sm">
        {passage.speaker ? <Link href={speakerPath(passage.speaker.slug)}>{passage.speaker.name}</Link> : 'Unattributed'}
        <span className="muted"> ({passage.kind})</span> in{' '}
        <Link href={passagePath(passage.document.slug, passage.anchor)}>
          <cite>{passage.document.title}</cite>, passage {passage.anchor}
        </Link>
        , <PublicationDate date={passage.document.date} />
      </p>
      {showTopics && (
        <div className="mt-2">
          <TopicChips topics={passage.topics} label="Topics of this passage" />
        </div>
      )}
    </article>
  );
}
