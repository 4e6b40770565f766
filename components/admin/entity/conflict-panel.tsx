// A stale save's two versions side by side (what is saved now, what the editor typed) and the two ways out.
import { SubmitButton } from '@/components/form/submit-button';

export interface ConflictRow {
  label: string;
  current: string;
  yours: string;
}

const same = (a: string, b: string) => a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();

/**
 * Rendered inside the edit form: "Save mine" submits the form with `overwriteVersion` set to the
 * current version, so the editor's values replace it; "Keep" drops them and shows the current version.
 */
export function ConflictPanel({
  noun,
  idPrefix,
  currentVersion,
  rows,
  pending,
  onKeepCurrent,
}: {
  noun: string;
  idPrefix: string;
  currentVersion: number;
  rows: ConflictRow[];
  pending: boolean;
  onKeepCurrent: () => void;
}) {
  const headingId = `${idPrefix}-conflict-heading`;
  return (
    <section aria-labelledby={headingId} className="rounded-md border border-amber-400 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
      <h3 id={headingId} className="mb-2 font-semibold">
        Someone else saved this {noun} while you were editing (it is now version {currentVersion})
      </h3>
      <p className="mb-3 text-sm">Nothing of yours is lost: your text is still in the fields above. Fields that differ are marked.</p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">The saved version {currentVersion} next to your changes</caption>
          <thead>
            <tr className="border-b border-stone-300 dark:border-stone-700">
              <th scope="col" className="py-2 pr-4">
                Field
              </th>
              <th scope="col" className="py-2 pr-4">
                Saved meanwhile (version {currentVersion})
              </th>
              <th scope="col" className="py-2 pr-4">
                Yours (not saved yet)
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const differs = !same(row.current, row.yours);
              return (
                <tr
                  key={row.label}
                  className={`border-b border-stone-200 align-top dark:border-stone-800 ${differs ? 'bg-amber-100 dark:bg-amber-900/40' : ''}`}
                >
                  <th scope="row" className="py-2 pr-4 font-medium">
                    {row.label}
                    {differs && <span className="block text-xs font-normal">differs</span>}
                  </th>
                  <td className="whitespace-pre-wrap py-2 pr-4">{row.current || <span className="muted">(empty)</span>}</td>
                  <td className="whitespace-pre-wrap py-2 pr-4">{row.yours || <span className="muted">(empty)</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <SubmitButton name="overwriteVersion" value={String(currentVersion)} pendingLabel="Saving…">
          Save my version over theirs
        </SubmitButton>
        <button type="button" onClick={onKeepCurrent} disabled={pending} className="button-secondary">
          Keep theirs, drop my changes
        </button>
      </div>
    </section>
  );
}
