// The back office's table of topics: name, address, parent, passages, and links to edit and to the public page.
import Link from 'next/link';
import type { listTopicsForEditors } from '@/lib/data/admin';
import { topicPath } from '@/lib/urls';

type TopicRow = Awaited<ReturnType<typeof listTopicsForEditors>>[number];

export function TopicTable({ topics }: { topics: TopicRow[] }) {
  if (topics.length === 0) return <p className="muted">No topics yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Topics by name</caption>
        <thead>
          <tr className="border-b border-stone-300 dark:border-stone-700">
            <th scope="col" className="py-2 pr-4">Name</th>
            <th scope="col" className="py-2 pr-4">Address</th>
            <th scope="col" className="py-2 pr-4">Parent</th>
            <th scope="col" className="py-2 pr-4 text-right">Passages</th>
            <th scope="col" className="py-2 pr-4">Links</th>
          </tr>
        </thead>
        <tbody>
          {topics.map((topic) => (
            <tr key={topic.id} className="border-b border-stone-200 align-top dark:border-stone-800">
              <th scope="row" className="py-2 pr-4 font-medium">
                <Link href={`/admin/topics/${topic.id}`}>{topic.name}</Link>
              </th>
              <td className="py-2 pr-4 font-mono text-xs">{topic.slug}</td>
              <td className="py-2 pr-4">{topic.parent?.name ?? <span className="muted">—</span>}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{topic._count.passages}</td>
              <td className="py-2 pr-4">
                <ul className="flex flex-wrap gap-x-3">
                  <li>
                    <Link href={`/admin/topics/${topic.id}`}>
                      Edit<span className="sr-only"> {topic.name}</span>
                    </Link>
                  </li>
                  <li>
                    <Link href={topicPath(topic.slug)}>
                      Public page<span className="sr-only"> of {topic.name}</span>
                    </Link>
                  </li>
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
