// Text with a search's matches marked, rendered as React text and <mark> elements: no HTML strings.
import { markedRuns } from '@/lib/search/marks';

export function MarkedText({ text }: { text: string }) {
  return <>{markedRuns(text).map((run, i) => (run.marked ? <mark key={i}>{run.text}</mark> : run.text))}</>;
}
