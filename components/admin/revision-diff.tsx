// A readable difference between two versions of an entry: fields and passages, word by word.
import type { DiffPart, RevisionDiff } from '@/lib/editorial';

export function Words({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} className="bg-green-200 no-underline dark:bg-green-900">
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} className="bg-red-200 dark:bg-red-900">
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </>
  );
}

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
                {field.parts ? <Words parts={field.parts} /> : <>
                  <del className="bg-red-200 dark:bg-red-900">{show(field.before)}</del> → <ins className="bg-green-200 no-underline dark:bg-green-900">{show(field.after)}</ins>
                </>}
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
                  <Words parts={p.text} />
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
