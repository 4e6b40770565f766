// A region named by its own heading: the section (or nav) points at the heading's id with
// aria-labelledby, so screen readers list it under that name. Written once so the two ids cannot
// drift apart, as they could when every page spelled out both.
import type { ReactNode } from 'react';

const HEADINGS = { 2: 'h2', 3: 'h3', 4: 'h4' } as const;

export function LabelledSection({
  id,
  title,
  as: Region = 'section',
  level = 2,
  className,
  headingClassName,
  children,
}: {
  /** The heading's id, unique on the page. */
  id: string;
  title: ReactNode;
  as?: 'section' | 'nav';
  level?: keyof typeof HEADINGS;
  className?: string;
  headingClassName?: string;
  children: ReactNode;
}) {
  const Heading = HEADINGS[level];
  return (
    <Region aria-labelledby={id} className={className}>
      <Heading id={id} className={headingClassName}>
        {title}
      </Heading>
      {children}
    </Region>
  );
}
