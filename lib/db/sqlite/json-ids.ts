// Ids bound as one value, a JSON array, read back by json_each as a subquery of one INTEGER column.
// One placeholder per id would give each count of ids a statement text of its own, prepared afresh
// (engine-statements.ts, idList); and an id bound as a JavaScript number is REAL, which FTS5 takes as
// a rowid constraint and then ignores (full-text.ts, snippets).
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';

export const jsonIds = (ids: readonly number[]): Prisma.Sql => Prisma.sql`SELECT value FROM json_each(${JSON.stringify(ids)})`;
