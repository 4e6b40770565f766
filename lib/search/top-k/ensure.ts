// Builds the ranking lists of a database file that has none yet (after the migration that adds them,
// or a restore of an older backup) or whose lists lack their stored counts, with progress on stderr
// for a big archive. `npm run search:index` rebuilds them on demand (after the archive has grown a lot: new frequent words get lists, and the
// stored scores' average length is brought up to date).
import 'server-only';
import { openWriter } from '@/lib/db';
import { buildTermImpactsOnTwoThreads, type BuildReport } from './build';

export async function ensureTermImpacts(file: string, options: { rebuild?: boolean; progress?: boolean } = {}): Promise<BuildReport | null> {
  // A writer of its own, closed at the end: the bench loader renames the file afterwards.
  const writer = openWriter(file);
  try {
    // Lists without their stored counts (built before the counts were stored, or left unknown by a
    // refresh: refresh.ts) are built again too: their searches would count every match meanwhile.
    const built =
      writer.db.prepare('SELECT 1 FROM TermImpactBuild').get() !== undefined &&
      writer.db.prepare('SELECT 1 FROM TermImpactList WHERE passages IS NULL').get() === undefined;
    if (built && !options.rebuild) return null;
    let lastTenth = -1;
    // Two cores read the lists (a worker thread beside this one); one transaction writes them.
    return await buildTermImpactsOnTwoThreads(writer, {
      onProgress: (done, total) => {
        if (!options.progress || Math.floor((done / total) * 10) === lastTenth) return;
        lastTenth = Math.floor((done / total) * 10);
        process.stderr.write(`Ranking lists: ${done}/${total} words\n`);
      },
    });
  } finally {
    writer.close();
  }
}
