-- The app's two other bookkeeping tables on PostgreSQL, made here rather than at first use, so an app
-- server needs no CREATE rights at run time and a database is complete as soon as it is migrated.
-- Neither is a model of prisma/schema.prisma, so no Prisma query and no archive export reaches them;
-- their "archive_" names put them among the tables the drift test and the copies pass by
-- (lib/db/postgres/bookkeeping.ts). IF NOT EXISTS: databases that made them at first use before this
-- migration existed keep their rows (the sign-in secret above all).

-- SQLite's PRAGMA user_version, which PostgreSQL has not: the archive's version, one up per editorial
-- write, that every app server polls to renew its page caches (lib/cache/archive-version.ts).
CREATE TABLE IF NOT EXISTS archive_user_version (
  id integer PRIMARY KEY CHECK (id = 1),
  version integer NOT NULL
);

-- The key Better Auth signs session cookies with when BETTER_AUTH_SECRET is unset, shared by every
-- app server of the archive (lib/auth/secret.ts). Its row is made by the first server that needs it.
CREATE TABLE IF NOT EXISTS archive_auth_secret (
  id integer PRIMARY KEY CHECK (id = 1),
  secret text NOT NULL
);
