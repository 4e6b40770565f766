// One passage in the document editor: a glance at it, and its one-button changes as plain forms.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SubmitButton } from '@/components/form/submit-button';
import type { PassageSnapshot } from '@/lib/editorial';
import { formatSpan } from '@/lib/time/clock';
import { mergeWithNext, movePassage, removePassage, split } from '../passages/actions';

interface PassageRowProps {
  documentId: number;
  version: number;
  passage: PassageSnapshot;
  previous?: PassageSnapshot;
  next?: PassageSnapshot;
}

/**
 * One change to one passage as a plain form: the document, its version and the anchor, the change's
 * own fields (`extra`, hidden; `controls`, shown), and its button, which names the passage for screen readers.
 */
function PassageChange({
  action,
  row: { documentId, version, passage },
  extra = {},
  controls,
  label,
}: {
  action: (formData: FormData) => Promise<void>;
  row: PassageRowProps;
  extra?: Record<string, string | number>;
  controls?: ReactNode;
  label: ReactNode;
}) {
  return (
    <form action={action} className="flex items-center gap-1">
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="anchor" value={passage.anchor} />
      {Object.entries(extra).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {controls}
      <SubmitButton variant="secondary" small className="py-0.5 text-sm">
        {label}
      </SubmitButton>
    </form>
  );
}

export function PassageRow(row: PassageRowProps) {
  const { documentId, passage, previous, next } = row;
  const paragraphs = passage.text.split(/\n{2,}/).length;
  const canMerge = next && next.kind === passage.kind && next.speakerId === passage.speakerId;
  const which = <span className="sr-only"> passage {passage.anchor}</span>;
  const span = formatSpan(passage.startMs, passage.endMs);
  return (
    <li id={`passage-${passage.anchor}`} className="py-4">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h3 className="font-semibold">
          ¶{passage.anchor} · {passage.kind} · {passage.speakerName ?? 'no speaker'}
        </h3>
        {span && <span className="text-sm muted">at {span} in the recording</span>}
        <Link href={`/admin/documents/${documentId}/passages/${passage.anchor}`}>Edit{which}</Link>
        <span className="text-sm muted">{passage.topics.join(', ') || 'no topics'}</span>
      </div>
      <p className="mt-1 line-clamp-3 font-serif">{passage.text}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {previous && <PassageChange action={movePassage} row={row} extra={{ direction: 'up' }} label={<>Move up{which}</>} />}
        {next && <PassageChange action={movePassage} row={row} extra={{ direction: 'down' }} label={<>Move down{which}</>} />}
        {canMerge && (
          <PassageChange
            action={mergeWithNext}
            row={row}
            extra={{ next: next.anchor }}
            label={
              <>
                Merge with ¶{next.anchor}
                <span className="sr-only"> into passage {passage.anchor}</span>
              </>
            }
          />
        )}
        {paragraphs > 1 && (
          <PassageChange
            action={split}
            row={row}
            controls={
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
            }
            label={<>Split{which}</>}
          />
        )}
        <PassageChange
          action={removePassage}
          row={row}
          controls={
            <label className="text-sm">
              <input type="checkbox" name="confirm" value="yes" /> confirm
            </label>
          }
          label={<>Delete{which}</>}
        />
      </div>
    </li>
  );
}
