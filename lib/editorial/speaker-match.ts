// Finding the archive's speaker a new text names, for the imports that name speakers rather than
// pick them (the command line, the seed). What the text adds to a speaker found (a bio where there
// was none, new aliases) is a change of that speaker, with its revision and audit entry.
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import { recordAudit } from './audit';
import { closeEntry, ensureBaseline, type EditOptions, type EditResult } from './history';
import { speakerPaths } from './paths';
import { sql } from './snapshots';
import type { checkNewSpeaker } from './speakers';
import { nowIso, type WriteDb } from '@/lib/db';

/**
 * The speaker with the new speaker's address or, failing that, its exact name, brought up to date
 * with what the new text knows; null when the archive has no such speaker. A bio found in a new text
 * fills an empty one; it never replaces what an editor wrote.
 */
export function matchSpeaker(
  db: WriteDb,
  editor: Editor,
  { data, slug }: ReturnType<typeof checkNewSpeaker>,
  options?: EditOptions,
): (EditResult & { slug: string }) | null {
  const found = (sql(db, 'SELECT id FROM Speaker WHERE slug = ?').get(slug) ??
    sql(db, 'SELECT id FROM Speaker WHERE name = ? ORDER BY id LIMIT 1').get(data.name)) as { id: number } | undefined;
  if (!found) return null;
  const before = ensureBaseline(db, 'speaker', found.id);
  if (data.bio && !before.bio) {
    sql(db, 'UPDATE Speaker SET bio = ?, bioSource = ?, updatedAt = ? WHERE id = ?').run(data.bio, data.bioSource ?? null, nowIso(), found.id);
  }
  const known = new Set(before.aliases.map((alias) => alias.toLowerCase()));
  for (const alias of data.aliases) {
    if (!known.has(alias.toLowerCase())) sql(db, 'INSERT INTO SpeakerAlias (speakerId, alias) VALUES (?, ?) ON CONFLICT DO NOTHING').run(found.id, alias);
  }
  const after = closeEntry(db, editor, before, 'Bio or aliases from an imported text');
  const unchanged = { entityType: 'speaker' as const, id: found.id, slug: before.slug, version: before.version, changed: false, paths: [], warnings: [] };
  if (!after) return unchanged;
  recordAudit(db, {
    editor,
    action: 'update',
    entityType: 'speaker',
    entityId: found.id,
    summary: `Added what an imported text says of ${before.name} (${before.slug})`,
    ip: options?.ip,
  });
  return { ...unchanged, version: after.version, changed: true, paths: speakerPaths(db, [after], [found.id]) };
}
