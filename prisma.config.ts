// Configuration for the Prisma CLI (generate; migrate where the native engine is available).
// The app itself applies migrations with lib/db/migrate.ts, so it runs where the engine cannot.
// The schema is a folder (Prisma's multi-file layout, one file per area of the model); with a folder,
// Prisma does not guess where the migrations are, so their path is given beside it.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/archive.db' },
});
