// One passage in the reader: who speaks, its paragraphs, its topics and its own stable link.
import Link from 'next/link';
import { splitParagraphs, type PassageView } from '@/lib/data/dto';
import { passageAnchor, passageDetailPath, speakerPath } from '@/lib/urls';
import { MarkedText } from './marked-text';
import { PassageTime } from './player/passage-time';
import { TopicChips } from './topic-chips';

const KIND_STYLE: Record<PassageView['kind'], string> = {
  question: 'font-semibold',
  answer: 'border-l-4 border-stone-300 pl-4 dark:border-stone-700',
  paragraph: '',
};

interface ReaderPassageProps {
  passage: PassageView;
  dialogue: boolean;
  /** The text with a search's matches between sentinels (see lib/search/marks.ts), when it matched. */
  marked?: string;
  documentSlug: string;
  /** The document has a recording: a timed passage shows its time, a button the player answers. */
  playable?: boolean;
}

export function ReaderPassage({ passage, dialogue, marked, documentSlug, playable = false }: ReaderPassageProps) {
  const id = passageAnchor(passage.anchor);
  const who = passage.speaker?.name ?? 'Unattributed';
  return (
    <article id={id} className="passage -mx-3 rounded-md px-3 py-3" aria-labelledby={`${id}-label`}>
      <header className="mb-1 flex items-baseline gap-3 text-sm">
        <h3 id={`${id}-label`} className={dialogue ? 'font-semibold' : 'sr-only'}>
          {dialogue && passage.speaker ? <Link href={speakerPath(passage.speaker.slug)}>{who}</Link> : who}
          <span className="sr-only">
            , {passage.kind} {passage.anchor}
          </span>
        </h3>
        {dialogue && <span className="muted">{passage.kind === 'question' ? 'asks' : passage.kind === 'answer' ? 'answers' : ''}</span>}
        {playable && passage.startMs !== null && passage.endMs !== null && (
          <PassageTime anchor={passage.anchor} startMs={passage.startMs} endMs={passage.endMs} />
        )}
        <a href={`#${id}`} className="ml-auto muted no-underline hover:underline" aria-label={`Link to passage ${passage.anchor}`}>
          ¶{passage.anchor}
        </a>
      </header>
      <div className={`prose-reading ${KIND_STYLE[passage.kind]}`}>
        {(marked ? splitParagraphs(marked) : passage.paragraphs).map((paragraph, i) => (
          <p key={i}>
            <MarkedText text={paragraph} />
          </p>
        ))}
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
        <TopicChips topics={passage.topics} label={`Topics of passage ${passage.anchor}`} />
        <Link href={passageDetailPath(documentSlug, passage.anchor)} className="text-sm">
          Cite or find more like this<span className="sr-only"> (passage {passage.anchor})</span>
        </Link>
      </div>
    </article>
  );
}
