// Seeding a migrated test database through the seed's own path: seedArchive with a Prisma client
// made for that database, as `npm run db:seed` does.
import { closeWriters, createPrismaClient } from '@/lib/db';
import { seedArchive } from '@/seed/seed-archive';

/** Seeds the database at this address, then closes every connection the seed opened (the Prisma client and the writer's). */
export async function seedDatabase(databaseUrl: string) {
  const prisma = createPrismaClient(databaseUrl);
  try {
    await seedArchive(prisma);
  } finally {
    await prisma.$disconnect();
    // The writer's connection too: PostgreSQL clones a template only when no one is connected to it.
    closeWriters();
  }
}
