// What changed between two versions of a speaker or topic: each field, text fields word by word with <del>/<ins>.
import type { DiffPart, FieldChange, RevisionDiff } from '@/lib/editorial';

const delClass = 'rounded-sm bg-red-100 text-red-900 line-through decoration-1 dark:bg-red-950 dark:text-red-200';
const insClass = 'rounded-sm bg-green-100 text-green-900 no-underline dark:bg-green-950 dark:text-green-200';

/** A run of words removed or added, marked for the eye and, in words, for screen readers. */
function Change({ kind, children }: { kind: 'removed' | 'added'; children: string }) {
  const Tag = kind === 'removed' ? 'del' : 'ins';
  return (
    <Tag className={kind === 'removed' ? delClass : insClass}>
      <span className="sr-only">[{kind}: </span>
      {children}
      <span className="sr-only">]</span>
    </Tag>
  );
}

export const Removed = ({ children }: { children: string }) => <Change kind="removed">{children}</Change>;
export const Added = ({ children }: { children: string }) => <Change kind="added">{children}</Change>;

/** Word-level diff parts as inline <del>/<ins> runs, announced to screen readers too. */
export function DiffWords({ parts }: { parts: { value: string; added?: boolean; removed?: boolean }[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.removed ? (
          <Removed key={index}>{part.value}</Removed>
        ) : part.added ? (
          <Added key={index}>{part.value}</Added>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </>
  );
}

function WordDiff({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="whitespace-pre-wrap font-serif">
      <DiffWords parts={parts} />
    </p>
  );
}

const shown = (value: unknown): string =>
  value === null || value === undefined || value === '' ? '' : typeof value === 'string' ? value : JSON.stringify(value);

function ValueChange({ change }: { change: FieldChange }) {
  const before = shown(change.before);
  const after = shown(change.after);
  return (
    <p className="whitespace-pre-wrap">
      {before ? <Removed>{before}</Removed> : <span className="muted">(none)</span>} <span aria-hidden="true">→</span>
      <span className="sr-only">became</span> {after ? <Added>{after}</Added> : <span className="muted">(none)</span>}
    </p>
  );
}

/** `labels` names the fields as the form does ("slug" → "Address"). */
export function RevisionDiffView({ diff, labels }: { diff: RevisionDiff; labels: Record<string, string> }) {
  const nothing = diff.fields.length === 0 && !diff.aliases;
  return (
    <div className="space-y-4">
      {nothing && <p>These two versions do not differ.</p>}
      {diff.fields.length > 0 && (
        <dl className="space-y-3">
          {diff.fields.map((change) => (
            <div key={change.field}>
              <dt className="font-medium">{labels[change.field] ?? change.field}</dt>
              <dd className="mt-1">{change.parts ? <WordDiff parts={change.parts} /> : <ValueChange change={change} />}</dd>
            </div>
          ))}
        </dl>
      )}
      {diff.aliases && (
        <div>
          <h4 className="font-medium">{labels.aliases ?? 'Aliases'}</h4>
          <ul className="mt-1 list-inside list-disc">
            {diff.aliases.removed.map((alias) => (
              <li key={`removed-${alias}`}>
                <Removed>{alias}</Removed>
              </li>
            ))}
            {diff.aliases.added.map((alias) => (
              <li key={`added-${alias}`}>
                <Added>{alias}</Added>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
