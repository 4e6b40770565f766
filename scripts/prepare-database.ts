// Brings the database up to date: creates the file when missing, applies pending migrations and
// seeds it when it holds no documents. Safe to run at every start: existing data is kept.
import './load-env';
import { pathToFileURL } from 'node:url';
import { env } from '@/lib/env';
import { createPrismaClient, databaseLabel, databaseTarget, engineOf, migrateAt, mergeAdvised, openReadOnlyDatabase } from '@/lib/db';
import { seedArchive } from '@/seed/seed-archive';
import { ensureTermImpacts } from '@/lib/search/top-k/ensure';
import { describeShape } from './index-shape';

export async function prepareDatabase(databaseUrl: string = env.DATABASE_URL): Promise<void> {
  const label = databaseLabel(databaseUrl);
  const { applied } = await migrateAt(databaseUrl);
  console.log(applied.length > 0 ? `Database ${label}: applied ${applied.join(', ')}.` : `Database ${label}: up to date.`);
  const prisma = createPrismaClient(databaseUrl);
  try {
    const report = await seedArchive(prisma);
    for (const doc of report.seeded) console.log(`Seeded ${doc.slug} (${doc.passages} passages).`);
  } finally {
    await prisma.$disconnect();
  }
  // The ranking lists of an archive that has none (built once; edits keep them up to date). SQLite's
  // only: PostgreSQL's search ranks with its own index (lib/db/postgres/full-text.ts).
  // A failure is no reason not to start: without lists, search ranks every match (slower, same results).
  if (engineOf(databaseUrl) === 'postgresql') return;
  try {
    const lists = await ensureTermImpacts(databaseTarget(databaseUrl), { progress: true });
    if (lists) console.log(`Ranking lists: ${lists.lists} words, ${lists.entries} entries, in ${lists.seconds.toFixed(1)} s.`);
  } catch (error) {
    console.error(`Building the ranking lists failed (search ranks every match until \`npm run search:index\` builds them): ${(error as Error).message}`);
  }
  suggestMergingIndexes(databaseTarget(databaseUrl));
}

/**
 * Says so when saves have left much of the stemmed index outside its largest segment
 * (lib/db/sqlite/index-segments.ts), which the server then merges (lib/db/sqlite/index-upkeep.ts). Only
 * a word: a failure to read the index's shape is reported and the start goes on.
 */
function suggestMergingIndexes(file: string) {
  try {
    const db = openReadOnlyDatabase(file);
    try {
      const shape = mergeAdvised(db);
      if (shape)
        console.log(
          `Search index: ${describeShape(shape)} (saves add segments, and every search reads each); the server merges them into one in the background, \`npm run search:index -- --merge\` at once.`,
        );
    } finally {
      db.close();
    }
  } catch (error) {
    console.error(`Reading how the search index is cut into segments failed (starting anyway): ${(error as Error).message}`);
  }
}

// Run directly (`npm run dev` does), it prepares the database named by DATABASE_URL.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await prepareDatabase();
}
