// `npm run db:seed`: migrates the database, then seeds it when it holds no documents.
import { env } from '@/lib/env';
import { createPrismaClient, migrateAt } from '@/lib/db';
import { seedArchive } from './seed-archive';

await migrateAt(env.DATABASE_URL);
const prisma = createPrismaClient(env.DATABASE_URL);
try {
  const report = await seedArchive(prisma);
  if (report.skipped) console.log(`Seed skipped: ${report.skipped}.`);
  for (const doc of report.seeded) console.log(`Seeded ${doc.slug} (${doc.passages} passages).`);
} catch (error) {
  console.error(`Seeding failed, nothing was written: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
