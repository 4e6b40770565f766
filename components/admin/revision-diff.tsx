// A readable difference between two versions of a document: its fields and passages, word by word.
import type { RevisionDiff } from '@/lib/editorial';
import { Added, DiffWords, Removed } from './entity/revision-diff';

const show = (value: unknown) => (value === null || value === undefined || value === '' ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value));

export function RevisionDiffView({ diff }: { diff: RevisionDiff }) {
  const passages = diff.passages.filter((p) => p.change !== 'moved' || p.moved);
  if (diff.fields.length === 0 && passages.length === 0) return <p>These two versions are the same.</p>;
  return (
    <div className="space-y-6">
      {diff.fields.length > 0 && (
        <dl className="space-y-2">
          {diff.fields.map((field) => (
            <div key={field.field}>
              <dt className="font-semibold">{field.field}</dt>
              <dd className="whitespace-pre-wrap font-serif">
                {field.parts ? (
                  <DiffWords parts={field.parts} />
                ) : (
                  <>
                    <Removed>{show(field.before)}</Removed> → <Added>{show(field.after)}</Added>
                  </>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {passages.length > 0 && (
        <ol className="space-y-4">
          {passages.map((p) => (
            <li key={`${p.anchor}-${p.change}`}>
              <h4 className="font-semibold">
                ¶{p.anchor}: {p.change}
                {p.moved && p.change !== 'moved' ? ', moved' : ''}
                {p.topics.added.length > 0 && <span className="font-normal"> · topics added: {p.topics.added.join(', ')}</span>}
                {p.topics.removed.length > 0 && <span className="font-normal"> · topics removed: {p.topics.removed.join(', ')}</span>}
              </h4>
              {p.fields.map((f) => (
                <p key={f.field} className="text-sm">
                  {f.field}: {show(f.before)} → {show(f.after)}
                </p>
              ))}
              {p.text && (
                <p className="mt-1 whitespace-pre-wrap font-serif">
                  <DiffWords parts={p.text} />
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
