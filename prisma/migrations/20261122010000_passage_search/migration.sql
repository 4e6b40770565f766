-- CreateTable
CREATE TABLE "SearchSynonym" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "term" TEXT NOT NULL,
    "group" INTEGER NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchSynonym_term_key" ON "SearchSynonym"("term");

-- CreateIndex
CREATE INDEX "SearchSynonym_group_idx" ON "SearchSynonym"("group");

-- Full-text search over passages (Prisma cannot express this; see README, "Search").
-- Columns: the passage text, the speaker's name and the document's title, weighted at query time.
-- The table keeps its own copy of the text rather than reading it from Passage ("external
-- content"): an external-content index must be told the OLD values of a row to forget it, which a
-- cascade (a speaker deleted, a passage's speaker set to NULL) no longer has, and a wrong guess
-- corrupts the index silently. A copy costs disk; a corrupt index costs readers' trust.
CREATE VIRTUAL TABLE "passage_fts" USING fts5(
    text,
    speaker,
    title,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- The words as written (not stemmed), for "did you mean": contentless and positions-free, so small.
CREATE VIRTUAL TABLE "passage_words_fts" USING fts5(
    text,
    content = '',
    contentless_delete = 1,
    detail = none,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Each distinct word with the number of passages it occurs in.
CREATE VIRTUAL TABLE "passage_words_fts_vocab" USING fts5vocab('passage_words_fts', 'row');

-- Each distinct stem, for "more like this".
CREATE VIRTUAL TABLE "passage_fts_vocab" USING fts5vocab('passage_fts', 'row');

-- Triggers keep both indexes in step with Passage, Speaker and Document, so no write path can forget them.
CREATE TRIGGER "passage_search_after_insert" AFTER INSERT ON "Passage" BEGIN
    INSERT INTO "passage_fts" ("rowid", "text", "speaker", "title") VALUES (
        new."id",
        new."text",
        COALESCE((SELECT "name" FROM "Speaker" WHERE "id" = new."speakerId"), ''),
        (SELECT "title" FROM "Document" WHERE "id" = new."documentId")
    );
    INSERT INTO "passage_words_fts" ("rowid", "text") VALUES (new."id", new."text");
END;

CREATE TRIGGER "passage_search_after_delete" AFTER DELETE ON "Passage" BEGIN
    DELETE FROM "passage_fts" WHERE "rowid" = old."id";
    DELETE FROM "passage_words_fts" WHERE "rowid" = old."id";
END;

CREATE TRIGGER "passage_search_after_update" AFTER UPDATE OF "text", "speakerId", "documentId" ON "Passage" BEGIN
    DELETE FROM "passage_fts" WHERE "rowid" = old."id";
    DELETE FROM "passage_words_fts" WHERE "rowid" = old."id";
    INSERT INTO "passage_fts" ("rowid", "text", "speaker", "title") VALUES (
        new."id",
        new."text",
        COALESCE((SELECT "name" FROM "Speaker" WHERE "id" = new."speakerId"), ''),
        (SELECT "title" FROM "Document" WHERE "id" = new."documentId")
    );
    INSERT INTO "passage_words_fts" ("rowid", "text") VALUES (new."id", new."text");
END;

CREATE TRIGGER "speaker_search_after_rename" AFTER UPDATE OF "name" ON "Speaker" BEGIN
    UPDATE "passage_fts" SET "speaker" = new."name"
    WHERE "rowid" IN (SELECT "id" FROM "Passage" WHERE "speakerId" = new."id");
END;

CREATE TRIGGER "document_search_after_retitle" AFTER UPDATE OF "title" ON "Document" BEGIN
    UPDATE "passage_fts" SET "title" = new."title"
    WHERE "rowid" IN (SELECT "id" FROM "Passage" WHERE "documentId" = new."id");
END;

-- Index what is there already.
INSERT INTO "passage_fts" ("rowid", "text", "speaker", "title")
SELECT p."id", p."text", COALESCE(s."name", ''), d."title"
FROM "Passage" p JOIN "Document" d ON d."id" = p."documentId" LEFT JOIN "Speaker" s ON s."id" = p."speakerId";

INSERT INTO "passage_words_fts" ("rowid", "text") SELECT "id", "text" FROM "Passage";
