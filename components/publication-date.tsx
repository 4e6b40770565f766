// A publication date as written at its precision, machine-readable in its datetime attribute.
import type { PublicationDate as DateDto } from '@/lib/data/dto';

export function PublicationDate({ date }: { date: DateDto }) {
  return <time dateTime={date.iso}>{date.label}</time>;
}
