// The one thing search needs from the database layer: a Prisma client that can run raw SQL.
import type { PrismaClient } from '@/lib/generated/prisma/client';

export type SearchDb = Pick<PrismaClient, '$queryRaw'>;

/** SQLite integers may arrive as bigint through the driver adapter; the API speaks numbers. */
export const num = (value: number | bigint | null | undefined): number => Number(value ?? 0);
