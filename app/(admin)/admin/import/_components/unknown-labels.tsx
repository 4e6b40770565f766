// The unknown speaker labels of an import, each with the two ways to resolve it: name its speaker,
// or mark it as text. Until every one is resolved the draft cannot be saved.
import type { ImportProblem } from '@/lib/import';

export function UnknownLabels({ problems }: { problems: ImportProblem[] }) {
  const labels = [...new Set(problems.map((p) => p.label))];
  if (labels.length === 0) return null;
  return (
    <fieldset className="space-y-4 rounded border-2 border-red-700 p-4 dark:border-red-400" aria-describedby="unknown-labels-help">
      <legend className="px-1 font-semibold">Unknown speaker labels ({labels.length}): resolve before saving</legend>
      <p id="unknown-labels-help" className="text-sm">
        These lines start like a speaker&apos;s turn, but nobody said who the label stands for, so their words are given to no one. Name the speaker, or mark
        the label as ordinary text, then preview again.
      </p>
      {labels.map((label, i) => (
        <div key={label} className="grid gap-2 md:grid-cols-[1fr_1fr_auto] md:items-end">
          <input type="hidden" name={`unknown-label-${i}`} value={label} />
          <div>
            <p className="font-medium">“{label}:”</p>
            <ul className="text-sm">
              {problems
                .filter((p) => p.label === label)
                .map((p) => (
                  <li key={p.line}>
                    line {p.line}: {p.text || '(label alone on its line)'}
                  </li>
                ))}
            </ul>
          </div>
          <div>
            <label htmlFor={`unknown-speaker-${i}`} className="block text-sm font-medium">
              Speaker for “{label}:”
            </label>
            <input
              id={`unknown-speaker-${i}`}
              name={`unknown-speaker-${i}`}
              className="mt-1 block w-full rounded border border-stone-300 bg-white px-2 py-1.5 dark:border-stone-700 dark:bg-stone-900"
            />
          </div>
          <label className="text-sm">
            <input type="checkbox" name={`unknown-text-${i}`} value="yes" /> “{label}:” is text, not a speaker
          </label>
        </div>
      ))}
    </fieldset>
  );
}
