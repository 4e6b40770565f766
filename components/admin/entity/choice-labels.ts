// Menu labels of entries (speakers, topics): the name, and the address too when two entries share the name.
import type { Choice } from '@/lib/data/admin';

export function choiceLabels(choices: Choice[]): Map<number, string> {
  const counts = new Map<string, number>();
  for (const choice of choices) counts.set(choice.name, (counts.get(choice.name) ?? 0) + 1);
  return new Map(choices.map((c) => [c.id, (counts.get(c.name) ?? 0) > 1 ? `${c.name} (${c.slug})` : c.name]));
}

export const NO_PARENT = '(none: a top-level topic)';

/** The menu label of a parent id as the form sends it ("" for none). */
export function parentLabel(choices: Choice[], parentId: string | number | null): string {
  if (parentId === null || parentId === '') return NO_PARENT;
  return choiceLabels(choices).get(Number(parentId)) ?? `topic ${parentId}`;
}
