// A long interview's table of contents: each section links to the passage it starts at, with its
// synopsis and, when that passage is timed, the moment it begins as a button the player answers
// (data-seek-ms, as a passage's own time button): it plays the section from its start.
import type { PassageView, SectionView } from '@/lib/data/dto';
import { SeekButton } from './seek-button';
import { passageAnchor } from '@/lib/urls';
import { LabelledSection } from '@/components/labelled-section';

export function TableOfContents({ sections, passages }: { sections: SectionView[]; passages: PassageView[] }) {
  if (sections.length === 0) return null;
  const startOf = new Map(passages.map((p) => [p.anchor, p.startMs]));
  return (
    <LabelledSection
      id="contents"
      title="Contents"
      as="nav"
      className="mb-8 rounded-md border border-stone-200 p-4 dark:border-stone-800"
      headingClassName="text-lg font-semibold"
    >
      <ol className="mt-2 space-y-2">
        {sections.map((section) => {
          const startMs = startOf.get(section.startAnchor);
          return (
            <li key={`${section.startAnchor}-${section.title}`}>
              <a href={`#${passageAnchor(section.startAnchor)}`} className="font-medium">
                {section.title}
              </a>
              {startMs != null && <SeekButton startMs={startMs} spoken={`: play the section “${section.title}”`} className="ml-2" />}
              {section.synopsis && <p className="text-sm muted">{section.synopsis}</p>}
            </li>
          );
        })}
      </ol>
    </LabelledSection>
  );
}
