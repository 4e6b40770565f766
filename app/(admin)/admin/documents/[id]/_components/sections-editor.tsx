// The document editor's "Table of contents": its sections in order, each editable, movable and
// deletable, and a form to add one. Start passages are chosen from the document's own passages.
import { SectionForm, type StartChoice } from './section-form';
import { deleteSectionAction, moveSectionAction } from '../sections/actions';
import { SubmitButton } from '@/components/form/submit-button';
import { getSectionsForEditing, type DocumentSnapshot } from '@/lib/editorial';

export function SectionsEditor({ document }: { document: DocumentSnapshot }) {
  const sections = getSectionsForEditing(document.id);
  const starts: StartChoice[] = document.passages.map((p) => ({
    value: String(p.anchor),
    label: `¶${p.anchor} ${p.speakerName ? `${p.speakerName}: ` : ''}${p.text.slice(0, 60)}`,
  }));
  const ref = (id: number) => (
    <>
      <input type="hidden" name="documentId" value={document.id} />
      <input type="hidden" name="expectedVersion" value={document.version} />
      <input type="hidden" name="sectionId" value={id} />
    </>
  );
  return (
    <section id="table-of-contents" aria-labelledby="toc-heading" className="mt-10 space-y-4">
      <h2 id="toc-heading" className="text-xl font-semibold">
        Table of contents ({sections.length})
      </h2>
      {starts.length === 0 ? (
        <p className="muted">Add passages first: each section starts at one.</p>
      ) : (
        <>
          <ol className="space-y-6">
            {sections.map((section, i) => (
              <li key={`${section.id}-${document.version}`} className="rounded-md border border-stone-300 p-4 dark:border-stone-700">
                <SectionForm documentId={document.id} version={document.version} section={section} starts={starts} />
                <div className="mt-3 flex flex-wrap gap-2">
                  {(['up', 'down'] as const)
                    .filter((direction) => (direction === 'up' ? i > 0 : i < sections.length - 1))
                    .map((direction) => (
                      <form key={direction} action={moveSectionAction}>
                        {ref(section.id)}
                        <input type="hidden" name="direction" value={direction} />
                        <SubmitButton variant="secondary" small>
                          Move “{section.title}” {direction}
                        </SubmitButton>
                      </form>
                    ))}
                  <form action={deleteSectionAction}>
                    {ref(section.id)}
                    <SubmitButton variant="danger" small>
                      Delete “{section.title}”
                    </SubmitButton>
                  </form>
                </div>
              </li>
            ))}
          </ol>
          <div className="rounded-md border border-dashed border-stone-400 p-4 dark:border-stone-600">
            <h3 className="mb-2 font-semibold">Add a section</h3>
            <SectionForm key={document.version} documentId={document.id} version={document.version} starts={starts} />
          </div>
        </>
      )}
    </section>
  );
}
