// A passage's or document's topics, each a link to the topic's page.
import Link from 'next/link';
import type { TopicRef } from '@/lib/data/dto';
import { topicPath } from '@/lib/urls';

export function TopicChips({ topics, label = 'Topics' }: { topics: TopicRef[]; label?: string }) {
  if (topics.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {topics.map((topic) => (
        <li key={topic.slug}>
          <Link href={topicPath(topic.slug)} className="chip">
            {topic.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
