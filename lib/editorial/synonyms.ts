// Writes synonym groups for search, each term normalised the way search reads queries.
import { wordsOf } from '@/lib/search/query-parser';
import type { Transaction } from './save-new-document';

/** Adds each group; a term already in a group keeps it, and its new partners join that group. */
export async function writeSynonymGroups(tx: Transaction, groups: string[][]): Promise<void> {
  for (const group of groups) {
    const terms = [...new Set(group.map((term) => wordsOf(term).join(' ')).filter(Boolean))];
    if (terms.length < 2) continue;
    const existing = await tx.searchSynonym.findFirst({ where: { term: { in: terms } }, select: { group: true } });
    const groupId = existing?.group ?? ((await tx.searchSynonym.aggregate({ _max: { group: true } }))._max.group ?? 0) + 1;
    for (const term of terms) {
      await tx.searchSynonym.upsert({ where: { term }, create: { term, group: groupId }, update: {} });
    }
  }
}
