// What reading code asks of a connection: Prisma's `$queryRaw` shape (tagged templates or `sql`
// values, every value a bound parameter). The Prisma client answers it on any engine and lib/db's
// read-only reader answers it too, so code written against QueryDb never knows which one runs it.
import 'server-only';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';

export type QueryDb = Pick<PrismaClient, '$queryRaw'>;

/** A statement or fragment with bound values; `sql`, `join` and `empty` build them. */
export type Sql = Prisma.Sql;
export const sql = Prisma.sql;
export const join = Prisma.join;
export const empty = Prisma.empty;

/** Integers may arrive as bigint (SQLite through the driver adapter, PostgreSQL's COUNT); callers speak numbers. */
export const num = (value: number | bigint | null | undefined): number => Number(value ?? 0);
