// The second step of an import, what the importer made: its passages (keep each or not, correct its
// kind), and what it left out, could not place, or wants checked.
import type { ImportResult } from '@/lib/import';
import { formatWholeClock as formatClock } from '@/lib/time/clock';
import { PASSAGE_KINDS } from '@/lib/vocabulary';
import { LabelledSection } from '@/components/labelled-section';

export function ImportPassages({ result, values }: { result: ImportResult; values: Record<string, string> }) {
  return (
    <fieldset>
      <legend className="font-semibold">Passages ({result.passages.length})</legend>
      <ol className="mt-2 divide-y divide-stone-200 dark:divide-stone-800">
        {result.passages.map((p, i) => (
          <li key={i} className="grid gap-3 py-3 md:grid-cols-[8rem_9rem_1fr]">
            <label className="text-sm">
              <input type="checkbox" name={`keep-${i}`} value="yes" defaultChecked={values[`keep-${i}`] ? values[`keep-${i}`] === 'yes' : true} /> Keep passage{' '}
              {i + 1}
            </label>
            <label className="text-sm">
              <span className="sr-only">Kind of passage {i + 1}</span>
              <select
                name={`kind-${i}`}
                defaultValue={values[`kind-${i}`] ?? p.kind}
                className="rounded border border-stone-300 bg-white dark:border-stone-700 dark:bg-stone-900"
              >
                {PASSAGE_KINDS.map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </select>
            </label>
            <p className="font-serif">
              {p.startMs != null && (
                <span className="mr-2 font-sans text-sm tabular-nums muted" data-testid="passage-time">
                  {formatClock(p.startMs)}
                  {p.endMs != null && `–${formatClock(p.endMs)}`}
                </span>
              )}
              <strong className="font-sans">{p.speaker ?? 'No speaker'}: </strong>
              {p.text.length > 300 ? `${p.text.slice(0, 300)}…` : p.text}
            </p>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}

/** Lines of the text the importer set aside, each with its line number and why. */
function SetAside({ items, length }: { items: { line: number; reason: string; text: string }[]; length: number }) {
  return (
    <ul className="mt-1 list-disc pl-5 text-sm">
      {items.map((item) => (
        <li key={`${item.line}-${item.reason}`}>
          line {item.line}, {item.reason}: {item.text.slice(0, length)}
        </li>
      ))}
    </ul>
  );
}

/** The table of contents a format brought (OHMS index points), each at the passage it starts. */
function ImportSections({ result }: { result: ImportResult }) {
  if (!result.sections?.length) return null;
  return (
    <LabelledSection id="import-sections" title={`Sections (${result.sections.length})`} level={3} headingClassName="font-semibold">
      <ol className="mt-1 list-decimal pl-5 text-sm">
        {result.sections.map((s, i) => (
          <li key={i}>
            <strong>{s.title}</strong>, at passage {s.passage + 1}
            {s.synopsis && <>: {s.synopsis.length > 200 ? `${s.synopsis.slice(0, 200)}…` : s.synopsis}</>}
            {s.keywords.length > 0 && <> (suggested topics: {s.keywords.join(', ')})</>}
          </li>
        ))}
      </ol>
    </LabelledSection>
  );
}

export function ImportReport({ result }: { result: ImportResult }) {
  return (
    <>
      <ImportSections result={result} />
      <LabelledSection id="left-out" title={`Left out as site chrome (${result.dropped.length})`} level={3} headingClassName="font-semibold">
        <SetAside items={result.dropped} length={100} />
        <h3 className="mt-4 font-semibold">Could not place ({result.unplaced.length})</h3>
        {result.unplaced.length === 0 ? <p className="text-sm">Nothing.</p> : <SetAside items={result.unplaced} length={200} />}
        {result.notes.length > 0 && (
          <>
            <h3 className="mt-4 font-semibold">Check</h3>
            <ul className="mt-1 list-disc pl-5 text-sm">
              {result.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </>
        )}
      </LabelledSection>
    </>
  );
}
