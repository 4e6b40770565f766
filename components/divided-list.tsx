// The archive's list of rows with a rule between them (documents, search hits), each row a list
// item keyed by the caller: written once so every such list has the same look and markup.
import type { Key, ReactNode } from 'react';

export function DividedList<T>({
  items,
  keyOf,
  ordered = false,
  children,
}: {
  items: readonly T[];
  keyOf: (item: T) => Key;
  /** An <ol> where the order means something (search hits in rank order). */
  ordered?: boolean;
  children: (item: T) => ReactNode;
}) {
  const List = ordered ? 'ol' : 'ul';
  return (
    <List className="divide-y divide-stone-200 dark:divide-stone-800">
      {items.map((item) => (
        <li key={keyOf(item)}>{children(item)}</li>
      ))}
    </List>
  );
}
