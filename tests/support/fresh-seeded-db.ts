// A fresh copy of the seeded archive per call, for tests that change data: each gets its own file and
// Prisma client, all disconnected when the test file ends.
import { afterAll } from 'vitest';
import { createPrismaClient } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { copyTemplateUrl } from './per-file-database';

/** Call at the top level of a test file; returns the function that opens a fresh seeded database. */
export function freshSeededDatabases(): () => PrismaClient {
  const clients: PrismaClient[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
  });
  return () => {
    const client = createPrismaClient(copyTemplateUrl('seededTemplate'));
    clients.push(client);
    return client;
  };
}
