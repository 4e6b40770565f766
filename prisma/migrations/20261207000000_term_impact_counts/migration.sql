-- Each ranking list's number of passages and its count's sample, stored and kept exact (issue 10). A
-- search of a listed word or phrase spent 90-97% of its time on one pass over every passage with the
-- term, for BM25's idf (how many passages have it) and for the sample behind the "about N" total and
-- the facets (every k-th match by id: lib/search/counting.ts). The build takes both in the pass it
-- reads each list with; the refresh after a write keeps them exact (lib/search/top-k/refresh.ts).

-- `passages`: how many rows of passage_fts match the list's term (NULL: not known, the search counts).
-- `every`: the stride of the stored sample (NULL: no sample; a term that few is counted whole).
ALTER TABLE "TermImpactList" ADD COLUMN "passages" INTEGER;
ALTER TABLE "TermImpactList" ADD COLUMN "every" INTEGER;

-- A list's sample: every passage matching its term whose id is a multiple of the list's `every`.
CREATE TABLE "TermImpactSample" (
    "listId" INTEGER NOT NULL,
    "passageId" INTEGER NOT NULL,
    PRIMARY KEY ("listId", "passageId")
) WITHOUT ROWID;

-- What passage_fts held for a passage before its first write since the lists were last built or
-- refreshed (`indexed` 0: nothing, it is new): the refresh reads which lists it matched then, to
-- adjust their counts by the difference. Only the first write is kept (NOT EXISTS): later ones would
-- capture a state the lists never counted. Not by INSERT OR IGNORE: a foreign key's action (a
-- speaker's delete setting its passages' speakerId to NULL) runs the triggers it fires with its own
-- conflict handling, which overrides theirs. Captured BEFORE the write, from the same view
-- passage_fts reads its rows from, by the same events that change passage_fts.
CREATE TABLE "TermImpactBefore" (
    "passageId" INTEGER NOT NULL PRIMARY KEY,
    "indexed" INTEGER NOT NULL,
    "text" TEXT,
    "speaker" TEXT,
    "title" TEXT
);

-- After the insert: before it, an id SQLite assigns is not known yet. Nothing to capture either way.
CREATE TRIGGER "term_impact_capture_insert" AFTER INSERT ON "Passage"
WHEN EXISTS (SELECT 1 FROM "TermImpactBuild") BEGIN
    INSERT INTO "TermImpactBefore" ("passageId", "indexed")
    SELECT new."id", 0 WHERE NOT EXISTS (SELECT 1 FROM "TermImpactBefore" WHERE "passageId" = new."id");
END;

CREATE TRIGGER "term_impact_before_delete" BEFORE DELETE ON "Passage"
WHEN EXISTS (SELECT 1 FROM "TermImpactBuild") BEGIN
    INSERT INTO "TermImpactBefore" ("passageId", "indexed", "text", "speaker", "title")
    SELECT "id", 1, "text", "speaker", "title" FROM "passage_fts_source"
    WHERE "id" = old."id" AND NOT EXISTS (SELECT 1 FROM "TermImpactBefore" WHERE "passageId" = old."id");
END;

CREATE TRIGGER "term_impact_before_update" BEFORE UPDATE OF "text", "speakerId", "documentId" ON "Passage"
WHEN EXISTS (SELECT 1 FROM "TermImpactBuild") BEGIN
    INSERT INTO "TermImpactBefore" ("passageId", "indexed", "text", "speaker", "title")
    SELECT "id", 1, "text", "speaker", "title" FROM "passage_fts_source"
    WHERE "id" = old."id" AND NOT EXISTS (SELECT 1 FROM "TermImpactBefore" WHERE "passageId" = old."id");
END;

CREATE TRIGGER "term_impact_before_speaker_rename" BEFORE UPDATE OF "name" ON "Speaker"
WHEN EXISTS (SELECT 1 FROM "TermImpactBuild") BEGIN
    INSERT INTO "TermImpactBefore" ("passageId", "indexed", "text", "speaker", "title")
    SELECT "id", 1, "text", "speaker", "title" FROM "passage_fts_source"
    WHERE "id" IN (SELECT "id" FROM "Passage" WHERE "speakerId" = old."id") AND "id" NOT IN (SELECT "passageId" FROM "TermImpactBefore");
END;

-- A speaker's delete re-indexes its passages with no speaker before the cascade clears their speakerId.
CREATE TRIGGER "term_impact_before_speaker_delete" BEFORE DELETE ON "Speaker"
WHEN EXISTS (SELECT 1 FROM "TermImpactBuild") BEGIN
    INSERT INTO "TermImpactBefore" ("passageId", "indexed", "text", "speaker", "title")
    SELECT "id", 1, "text", "speaker", "title" FROM "passage_fts_source"
    WHERE "id" IN (SELECT "id" FROM "Passage" WHERE "speakerId" = old."id") AND "id" NOT IN (SELECT "passageId" FROM "TermImpactBefore");
END;

CREATE TRIGGER "term_impact_before_document_retitle" BEFORE UPDATE OF "title" ON "Document"
WHEN EXISTS (SELECT 1 FROM "TermImpactBuild") BEGIN
    INSERT INTO "TermImpactBefore" ("passageId", "indexed", "text", "speaker", "title")
    SELECT "id", 1, "text", "speaker", "title" FROM "passage_fts_source"
    WHERE "id" IN (SELECT "id" FROM "Passage" WHERE "documentId" = old."id") AND "id" NOT IN (SELECT "passageId" FROM "TermImpactBefore");
END;

-- A document's delete forgets its passages in passage_fts before the cascade deletes them, and by
-- then the view no longer has them: captured here.
CREATE TRIGGER "term_impact_before_document_delete" BEFORE DELETE ON "Document"
WHEN EXISTS (SELECT 1 FROM "TermImpactBuild") BEGIN
    INSERT INTO "TermImpactBefore" ("passageId", "indexed", "text", "speaker", "title")
    SELECT "id", 1, "text", "speaker", "title" FROM "passage_fts_source"
    WHERE "id" IN (SELECT "id" FROM "Passage" WHERE "documentId" = old."id") AND "id" NOT IN (SELECT "passageId" FROM "TermImpactBefore");
END;

-- The marks of migration 20261202040000_term_impacts, made again without INSERT OR IGNORE for the
-- same reason: a speaker's delete with lists built failed on the second mark of one passage (its old
-- and new id are the same), as the cascade's own conflict handling overrode the trigger's IGNORE.
DROP TRIGGER "term_impact_after_delete";
CREATE TRIGGER "term_impact_after_delete" AFTER DELETE ON "Passage"
WHEN EXISTS (SELECT 1 FROM "TermImpactBuild") BEGIN
    INSERT INTO "TermImpactPending" ("passageId")
    SELECT old."id" WHERE NOT EXISTS (SELECT 1 FROM "TermImpactPending" WHERE "passageId" = old."id");
END;

DROP TRIGGER "term_impact_after_update";
CREATE TRIGGER "term_impact_after_update" AFTER UPDATE OF "text", "speakerId", "documentId" ON "Passage"
WHEN EXISTS (SELECT 1 FROM "TermImpactBuild") BEGIN
    INSERT INTO "TermImpactPending" ("passageId")
    SELECT old."id" WHERE NOT EXISTS (SELECT 1 FROM "TermImpactPending" WHERE "passageId" = old."id");
    INSERT INTO "TermImpactPending" ("passageId")
    SELECT new."id" WHERE NOT EXISTS (SELECT 1 FROM "TermImpactPending" WHERE "passageId" = new."id");
END;
