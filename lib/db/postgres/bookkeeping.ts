// Tables of a PostgreSQL archive that hold no archive data: Prisma's migration records and the
// app's own bookkeeping (`archive_*`: the writer's user_version, the shared sign-in secret, the
// shared rate-limit counters). Copies, backups' "holds data" checks and the drift test pass them by.
export const isBookkeepingTable = (name: string): boolean => name === '_prisma_migrations' || name.startsWith('archive_');
