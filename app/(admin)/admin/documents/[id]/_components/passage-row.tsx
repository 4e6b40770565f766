// One passage in the document editor: a glance at it, and its one-button changes as plain forms.
import Link from 'next/link';
import type { PassageSnapshot } from '@/lib/editorial';
import { mergeWithNext, movePassage, removePassage, split } from '../passages/actions';

interface PassageRowProps {
  documentId: number;
  version: number;
  passage: PassageSnapshot;
  previous?: PassageSnapshot;
  next?: PassageSnapshot;
}

const buttonClass = 'rounded border border-stone-300 px-2 py-0.5 text-sm dark:border-stone-700';

function Hidden({ documentId, version, anchor }: { documentId: number; version: number; anchor: number }) {
  return (
    <>
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="anchor" value={anchor} />
    </>
  );
}

export function PassageRow({ documentId, version, passage, previous, next }: PassageRowProps) {
  const paragraphs = passage.text.split(/\n{2,}/).length;
  const canMerge = next && next.kind === passage.kind && next.speakerId === passage.speakerId;
  return (
    <li id={`passage-${passage.anchor}`} className="py-4">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h3 className="font-semibold">
          ¶{passage.anchor} · {passage.kind} · {passage.speakerName ?? 'no speaker'}
        </h3>
        <Link href={`/admin/documents/${documentId}/passages/${passage.anchor}`}>
          Edit<span className="sr-only"> passage {passage.anchor}</span>
        </Link>
        <span className="text-sm muted">{passage.topics.join(', ') || 'no topics'}</span>
      </div>
      <p className="mt-1 line-clamp-3 font-serif">{passage.text}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {previous && (
          <form action={movePassage}>
            <Hidden documentId={documentId} version={version} anchor={passage.anchor} />
            <input type="hidden" name="direction" value="up" />
            <button className={buttonClass}>
              Move up<span className="sr-only"> passage {passage.anchor}</span>
            </button>
          </form>
        )}
        {next && (
          <form action={movePassage}>
            <Hidden documentId={documentId} version={version} anchor={passage.anchor} />
            <input type="hidden" name="direction" value="down" />
            <button className={buttonClass}>
              Move down<span className="sr-only"> passage {passage.anchor}</span>
            </button>
          </form>
        )}
        {canMerge && (
          <form action={mergeWithNext}>
            <Hidden documentId={documentId} version={version} anchor={passage.anchor} />
            <input type="hidden" name="next" value={next.anchor} />
            <button className={buttonClass}>
              Merge with ¶{next.anchor}
              <span className="sr-only"> into passage {passage.anchor}</span>
            </button>
          </form>
        )}
        {paragraphs > 1 && (
          <form action={split} className="flex items-center gap-1">
            <Hidden documentId={documentId} version={version} anchor={passage.anchor} />
            <label className="text-sm">
              Split before paragraph{' '}
              <select name="paragraph" className="rounded border border-stone-300 bg-white dark:border-stone-700 dark:bg-stone-900">
                {Array.from({ length: paragraphs - 1 }, (_, i) => i + 2).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <button className={buttonClass}>
              Split<span className="sr-only"> passage {passage.anchor}</span>
            </button>
          </form>
        )}
        <form action={removePassage} className="flex items-center gap-1">
          <Hidden documentId={documentId} version={version} anchor={passage.anchor} />
          <label className="text-sm">
            <input type="checkbox" name="confirm" value="yes" /> confirm
          </label>
          <button className={buttonClass}>
            Delete<span className="sr-only"> passage {passage.anchor}</span>
          </button>
        </form>
      </div>
    </li>
  );
}
