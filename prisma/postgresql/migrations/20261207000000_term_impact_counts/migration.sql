-- The same tables and columns as SQLite's migration 20261207000000_term_impact_counts, so both engines
-- hold one schema. PostgreSQL's search ranks with its own index and never reads the ranking lists
-- (lib/db/postgres/copy-from-sqlite.ts: DERIVED_TABLES), so it needs none of SQLite's triggers.
ALTER TABLE "TermImpactList" ADD COLUMN "passages" INTEGER, ADD COLUMN "every" INTEGER;

-- CreateTable
CREATE TABLE "TermImpactSample" (
    "listId" INTEGER NOT NULL,
    "passageId" INTEGER NOT NULL,

    CONSTRAINT "TermImpactSample_pkey" PRIMARY KEY ("listId","passageId")
);

-- CreateTable
CREATE TABLE "TermImpactBefore" (
    "passageId" INTEGER NOT NULL,
    "indexed" INTEGER NOT NULL,
    "text" TEXT,
    "speaker" TEXT,
    "title" TEXT,

    CONSTRAINT "TermImpactBefore_pkey" PRIMARY KEY ("passageId")
);
