// Builds the template databases once per test run: one migrated from nothing, one migrated and
// seeded through the real importer. Each test file then works on its own copy (see per-file-database.ts).
// On SQLite the templates are files; on PostgreSQL (the `postgresql` project) they are databases on a
// throwaway server started here, and the files' copies are CREATE DATABASE … TEMPLATE.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, migratePostgres, openDatabase } from '@/lib/db';
import { installMissingDebianTools } from './debian-tools';
import { startPostgres } from './postgres-server';
import { seedDatabase } from './seed-database';

declare module 'vitest' {
  export interface ProvidedContext {
    migratedTemplate: string;
    seededTemplate: string;
    /** The port of the PostgreSQL project's throwaway server (0 on SQLite). */
    postgresPort: number;
  }
}

const testDataRoot = path.resolve(import.meta.dirname, '../.tmp');

/** Folds the write-ahead log into the file so that a plain copy of the file is the whole database. */
function checkpoint(file: string) {
  const db = openDatabase(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

async function setupPostgres(project: TestProject) {
  const server = await startPostgres();
  server.admin('CREATE DATABASE template_migrated');
  await migratePostgres(server.url('template_migrated'));
  server.admin('CREATE DATABASE template_seeded TEMPLATE template_migrated');
  await seedDatabase(server.url('template_seeded'));
  project.provide('migratedTemplate', 'template_migrated');
  project.provide('seededTemplate', 'template_seeded');
  project.provide('postgresPort', server.port);
  return () => server.stop();
}

export default async function setup(project: TestProject) {
  installMissingDebianTools();
  if (project.name === 'postgresql') return setupPostgres(project);
  // A folder of its own for each run, so two runs at once never delete each other's databases.
  mkdirSync(testDataRoot, { recursive: true });
  const testDataDir = mkdtempSync(path.join(testDataRoot, 'run-'));

  const migrated = path.join(testDataDir, 'template-migrated.db');
  migrateDatabase(migrated);
  checkpoint(migrated);

  const seeded = path.join(testDataDir, 'template-seeded.db');
  copyFileSync(migrated, seeded);
  await seedDatabase(`file:${seeded}`);
  checkpoint(seeded);

  project.provide('migratedTemplate', migrated);
  project.provide('seededTemplate', seeded);
  project.provide('postgresPort', 0);
  return () => rmSync(testDataDir, { recursive: true, force: true });
}
