// Configuration for the Prisma CLI (generate; migrate where the native engine is available).
// The app itself applies migrations with lib/db/migrate.ts, so it runs where the engine cannot.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/archive.db' },
});
