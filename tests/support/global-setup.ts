// Builds the template databases once per test run: one migrated from nothing, one migrated and
// seeded through the real importer. Each test file then works on its own copy (see per-file-database.ts).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPrismaClient, migrateDatabase, openDatabase } from '@/lib/db';
import { seedArchive } from '@/seed/seed-archive';
import { installMissingDebianTools } from './debian-tools';

declare module 'vitest' {
  export interface ProvidedContext {
    migratedTemplate: string;
    seededTemplate: string;
  }
}

const testDataRoot = path.resolve(import.meta.dirname, '../.tmp');

/** Folds the write-ahead log into the file so that a plain copy of the file is the whole database. */
function checkpoint(file: string) {
  const db = openDatabase(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

export default async function setup(project: TestProject) {
  installMissingDebianTools();
  // A folder of its own for each run, so two runs at once never delete each other's databases.
  mkdirSync(testDataRoot, { recursive: true });
  const testDataDir = mkdtempSync(path.join(testDataRoot, 'run-'));

  const migrated = path.join(testDataDir, 'template-migrated.db');
  migrateDatabase(migrated);
  checkpoint(migrated);

  const seeded = path.join(testDataDir, 'template-seeded.db');
  copyFileSync(migrated, seeded);
  const prisma = createPrismaClient(`file:${seeded}`);
  try {
    await seedArchive(prisma);
  } finally {
    await prisma.$disconnect();
  }
  checkpoint(seeded);

  project.provide('migratedTemplate', migrated);
  project.provide('seededTemplate', seeded);
  return () => rmSync(testDataDir, { recursive: true, force: true });
}
