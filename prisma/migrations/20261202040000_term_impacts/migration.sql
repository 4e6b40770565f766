-- Ranking without scoring every match (issue 10): for each frequent word, its passages that score
-- best for that word alone, best first, so a one-word search reads the head of a list instead of
-- computing BM25 for every passage using the word (lib/search/top-k). Built by `npm run search:index`
-- (and at startup when missing); kept exact under edits: a passage whose text, speaker name or
-- document title changes is marked pending by the triggers below, and while anything is pending,
-- searches rank the old way; lib/search/top-k/refresh.ts rescores pending passages after each commit.

-- One row: the average passage length (tokens) the stored scores were computed with.
CREATE TABLE "TermImpactBuild" (
    "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
    "averageLength" REAL NOT NULL,
    "listSize" INTEGER NOT NULL,
    "minPassages" INTEGER NOT NULL,
    "builtAt" TEXT NOT NULL
);

-- One list per frequent word (as written; matched as the phrase "word"). `floor`: no passage outside
-- the list scores above it for the word (0: the list holds every passage using the word).
CREATE TABLE "TermImpactList" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "term" TEXT NOT NULL,
    "floor" REAL NOT NULL
);
CREATE UNIQUE INDEX "TermImpactList_term_key" ON "TermImpactList"("term");

-- A list's passages, best first by `score` (BM25's term-frequency part at the build's average length);
-- `weight` (the column-weighted count of the word) and `length` (the passage's tokens) let a search
-- compute the exact score at today's average length.
CREATE TABLE "TermImpact" (
    "listId" INTEGER NOT NULL,
    "score" REAL NOT NULL,
    "passageId" INTEGER NOT NULL,
    "weight" REAL NOT NULL,
    "length" INTEGER NOT NULL,
    PRIMARY KEY ("listId", "score", "passageId")
) WITHOUT ROWID;
CREATE INDEX "TermImpact_passageId_idx" ON "TermImpact"("passageId");

-- Passages whose scores may have changed since the lists were built or refreshed.
CREATE TABLE "TermImpactPending" (
    "passageId" INTEGER NOT NULL PRIMARY KEY
) WITHOUT ROWID;

-- Only once lists exist (a bulk load before the build pays nothing).
CREATE TRIGGER "term_impact_after_insert" AFTER INSERT ON "Passage"
WHEN EXISTS (SELECT 1 FROM "TermImpactBuild") BEGIN
    INSERT OR IGNORE INTO "TermImpactPending" ("passageId") VALUES (new."id");
END;

CREATE TRIGGER "term_impact_after_delete" AFTER DELETE ON "Passage"
WHEN EXISTS (SELECT 1 FROM "TermImpactBuild") BEGIN
    INSERT OR IGNORE INTO "TermImpactPending" ("passageId") VALUES (old."id");
END;

CREATE TRIGGER "term_impact_after_update" AFTER UPDATE OF "text", "speakerId", "documentId" ON "Passage"
WHEN EXISTS (SELECT 1 FROM "TermImpactBuild") BEGIN
    INSERT OR IGNORE INTO "TermImpactPending" ("passageId") VALUES (old."id");
    INSERT OR IGNORE INTO "TermImpactPending" ("passageId") VALUES (new."id");
END;

CREATE TRIGGER "term_impact_after_speaker_rename" AFTER UPDATE OF "name" ON "Speaker"
WHEN EXISTS (SELECT 1 FROM "TermImpactBuild") BEGIN
    INSERT OR IGNORE INTO "TermImpactPending" ("passageId") SELECT "id" FROM "Passage" WHERE "speakerId" = new."id";
END;

CREATE TRIGGER "term_impact_after_document_retitle" AFTER UPDATE OF "title" ON "Document"
WHEN EXISTS (SELECT 1 FROM "TermImpactBuild") BEGIN
    INSERT OR IGNORE INTO "TermImpactPending" ("passageId") SELECT "id" FROM "Passage" WHERE "documentId" = new."id";
END;
