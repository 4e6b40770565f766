// The seed archive in a fresh SQLite file, built as the app builds it (migrations, then the real importer).
import path from 'node:path';
import { createPrismaClient, migrateDatabase, openDatabase } from '@/lib/db';
import { seedArchive } from '@/seed/seed-archive';

/** A fresh database with the seed archive, through the project's migrations and importer. */
export async function buildSeedDatabase(dir: string): Promise<string> {
  const file = path.join(dir, 'seed.db');
  migrateDatabase(file);
  const prisma = createPrismaClient(`file:${file}`);
  try {
    await seedArchive(prisma);
  } finally {
    await prisma.$disconnect();
  }
  const db = openDatabase(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}
