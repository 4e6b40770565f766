// The back office's one table shape (documents, users, audit log, speakers, topics, revisions): a
// caption for screen readers, column headings, and each row's first cell as its heading.
import type { ReactNode } from 'react';

export interface AdminColumn {
  label: ReactNode;
  /** Classes for this column's heading and cells ("text-right tabular-nums" for numbers). */
  className?: string;
}

export interface AdminRow {
  key: string | number;
  cells: ReactNode[];
}

const join = (...classes: (string | undefined)[]) => classes.filter(Boolean).join(' ');

/** `rowHeadings`: the first cell names its row (a title, a name); off where no cell does (the audit log). */
export function AdminTable({
  caption,
  columns,
  rows,
  rowHeadings = true,
}: {
  caption: ReactNode;
  columns: AdminColumn[];
  rows: AdminRow[];
  rowHeadings?: boolean;
}) {
  return (
    // Focusable, so a keyboard can scroll a table wider than a phone (axe: scrollable-region-focusable,
    // on /admin/users, whose rows hold no link to tab to).
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-300 dark:border-stone-700">
            {columns.map((column, index) => (
              <th key={index} scope="col" className={join('py-2 pr-4', column.className)}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-stone-200 align-top dark:border-stone-800">
              {row.cells.map((cell, index) =>
                index === 0 && rowHeadings ? (
                  <th key={index} scope="row" className={join('py-2 pr-4 font-medium', columns[index]?.className)}>
                    {cell}
                  </th>
                ) : (
                  <td key={index} className={join('py-2 pr-4', columns[index]?.className)}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
