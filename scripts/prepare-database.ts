// Brings the database up to date: creates the file when missing, applies pending migrations and
// seeds it when it holds no documents. Safe to run at every start: existing data is kept.
import './load-env';
import { pathToFileURL } from 'node:url';
import { env } from '@/lib/env';
import {
  createPrismaClient,
  databaseLabel,
  databaseTarget,
  engineOf,
  migrateAt,
  indexesWorthMerging,
  mergePassageIndexes,
  openReadOnlyDatabase,
  openWriter,
  type IndexToMerge,
} from '@/lib/db';
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
  mergeCutUpIndexes(databaseTarget(databaseUrl));
}

/**
 * Merges each passage index that saves have cut up enough to slow searches (indexesWorthMerging,
 * lib/db/sqlite/index-segments.ts) into one segment, as `search:index -- --merge` does, before the
 * server reads it: one write transaction an index (4.5 s for the stemmed one at 1,000,000 passages
 * after 5,000 saves). A failure is reported and the start goes on: the index is whole, only slower.
 */
function mergeCutUpIndexes(file: string) {
  try {
    const reader = openReadOnlyDatabase(file);
    let cutUp: IndexToMerge[];
    try {
      cutUp = indexesWorthMerging(reader);
    } finally {
      reader.close();
    }
    if (cutUp.length === 0) return;
    for (const { table, shape } of cutUp)
      console.log(`Search index ${table}: ${describeShape(shape)} (saves add segments, and every search reads each); merging it into one…`);
    const writer = openWriter(file);
    try {
      // One index at a time, each said when done: a failure in the second leaves the first's merge told.
      for (const { table } of cutUp) {
        const [merged] = mergePassageIndexes(writer, [table]);
        console.log(`Search index ${table}: merged into one segment in ${merged!.seconds.toFixed(1)} s.`);
      }
    } finally {
      writer.close();
    }
  } catch (error) {
    console.error(
      `Checking or merging the search indexes failed (starting anyway; \`npm run search:index -- --merge\` tries again): ${(error as Error).message}`,
    );
  }
}

// Run directly (`npm run dev` does), it prepares the database named by DATABASE_URL.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await prepareDatabase();
}
