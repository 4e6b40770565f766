// Writes synonym groups for search, each term normalised the way search reads queries, on the
// editorial writer with an audit entry a group that changed.
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import { wordsOf } from '@/lib/search/query-parser';
import { recordAudit } from './audit';
import { runWrite, type EditOptions } from './history';
import { sql } from './snapshots';
import type { WriteDb } from '@/lib/db';

/**
 * Adds each group inside the caller's transaction; a term already in a group keeps it, and its new
 * partners join that group. Returns how many terms were added.
 */
export function writeSynonymGroups(db: WriteDb, editor: Editor, groups: string[][], options?: EditOptions): number {
  let added = 0;
  for (const group of groups) {
    const terms = [...new Set(group.map((term) => wordsOf(term).join(' ')).filter(Boolean))];
    if (terms.length < 2) continue;
    // One placeholder per term (not json_each, which is SQLite's alone).
    const existing = sql(db, `SELECT "group" FROM SearchSynonym WHERE term IN (${terms.map(() => '?').join(', ')}) ORDER BY id LIMIT 1`).get(...terms) as
      { group: number } | undefined;
    const groupId = existing?.group ?? (sql(db, 'SELECT coalesce(max("group"), 0) + 1 AS next FROM SearchSynonym').get() as { next: number }).next;
    const insert = sql(db, 'INSERT INTO SearchSynonym (term, "group") VALUES (?, ?) ON CONFLICT(term) DO NOTHING');
    const fresh = terms.filter((term) => insert.run(term, groupId).changes === 1);
    if (fresh.length === 0) continue;
    added += fresh.length;
    recordAudit(db, {
      editor,
      action: existing ? 'update' : 'create',
      entityType: 'synonyms',
      entityId: groupId,
      summary: `${existing ? 'Added to' : 'Created'} the synonym group ${groupId}: ${fresh.join(', ')}`,
      ip: options?.ip,
    });
  }
  return added;
}

/** writeSynonymGroups as one transaction of its own. */
export function addSynonymGroups(editor: Editor, groups: string[][], options?: EditOptions): number {
  return runWrite(options, (db) => writeSynonymGroups(db, editor, groups, options));
}
