// Tells the reader which URL parameters were not understood, and how to start over.
import Link from 'next/link';

interface ProblemListProps {
  problems: { parameter: string; message: string }[];
  resetHref: string;
  title?: string;
  resetLabel?: string;
}

export function ProblemList({ problems, resetHref, title = 'Some filters could not be used', resetLabel = 'Show all documents' }: ProblemListProps) {
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950">
      <h2 className="font-semibold">{title}</h2>
      <ul className="mt-2 list-disc pl-5">
        {problems.map((p) => (
          <li key={p.parameter + p.message}>
            <code>{p.parameter}</code> {p.message}
          </li>
        ))}
      </ul>
      <p className="mt-2">
        <Link href={resetHref}>{resetLabel}</Link>
      </p>
    </div>
  );
}
