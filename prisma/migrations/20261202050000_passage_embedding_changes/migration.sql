-- Meaning-based search at archive scale (issue 10): two small tables kept by triggers, so that nothing
-- has to scan every passage or every vector to learn what changed.
--
-- `PassageEmbeddingChange` logs every insert, update and delete of a PassageEmbedding row (the passage
-- it belongs to). A reader's in-process index of the sign bits (lib/db/sqlite/vector-index.ts) reads
-- the log past the last change it saw and reloads only those passages' chunks. The log keeps about the
-- last 100,000 changes (pruned every 1,000); an index further behind than that reloads everything.
--
-- `PassageEmbeddingPending` marks the passages that have no vectors: a new passage, an edited text, a
-- passage whose vectors were deleted (an edit's trigger, a rebuild). Storing a passage's vectors
-- clears its mark. The embedder (lib/search/vectors/embed-pending.ts) runs after every editorial
-- write; with the mark it looks at a few rows instead of every passage.

-- CreateTable
CREATE TABLE "PassageEmbeddingChange" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "passageId" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "PassageEmbeddingPending" (
    "passageId" INTEGER NOT NULL PRIMARY KEY
);

CREATE TRIGGER "passage_embedding_change_after_insert" AFTER INSERT ON "PassageEmbedding" BEGIN
    INSERT INTO "PassageEmbeddingChange" ("passageId") VALUES (new."passageId");
    DELETE FROM "PassageEmbeddingPending" WHERE "passageId" = new."passageId";
END;

-- A passage whose vectors go while it stays (its text changed, a rebuild) is pending again; one that
-- is itself being deleted is not (its row is already gone when the cascade deletes its vectors).
CREATE TRIGGER "passage_embedding_change_after_delete" AFTER DELETE ON "PassageEmbedding" BEGIN
    INSERT INTO "PassageEmbeddingChange" ("passageId") VALUES (old."passageId");
    INSERT OR IGNORE INTO "PassageEmbeddingPending" ("passageId")
        SELECT old."passageId" WHERE EXISTS (SELECT 1 FROM "Passage" WHERE "id" = old."passageId");
END;

-- The app never updates a vector in place (it deletes and inserts), but plain SQL may.
CREATE TRIGGER "passage_embedding_change_after_update" AFTER UPDATE ON "PassageEmbedding" BEGIN
    INSERT INTO "PassageEmbeddingChange" ("passageId") VALUES (old."passageId");
    INSERT INTO "PassageEmbeddingChange" ("passageId") SELECT new."passageId" WHERE new."passageId" IS NOT old."passageId";
END;

CREATE TRIGGER "passage_embedding_change_prune" AFTER INSERT ON "PassageEmbeddingChange"
WHEN new."seq" % 1000 = 0 BEGIN
    DELETE FROM "PassageEmbeddingChange" WHERE "seq" <= new."seq" - 100000;
END;

CREATE TRIGGER "passage_embedding_pending_after_passage_insert" AFTER INSERT ON "Passage" BEGIN
    INSERT OR IGNORE INTO "PassageEmbeddingPending" ("passageId") VALUES (new."id");
END;

CREATE TRIGGER "passage_embedding_pending_after_text_change" AFTER UPDATE OF "text" ON "Passage"
WHEN old."text" IS NOT new."text" BEGIN
    INSERT OR IGNORE INTO "PassageEmbeddingPending" ("passageId") VALUES (new."id");
END;

CREATE TRIGGER "passage_embedding_pending_after_passage_delete" AFTER DELETE ON "Passage" BEGIN
    DELETE FROM "PassageEmbeddingPending" WHERE "passageId" = old."id";
END;

-- What an existing archive has not embedded yet.
INSERT INTO "PassageEmbeddingPending" ("passageId")
    SELECT p."id" FROM "Passage" p WHERE NOT EXISTS (SELECT 1 FROM "PassageEmbedding" e WHERE e."passageId" = p."id");
