-- The passage index stops keeping its own copy of the text (issue 10: at 1,000,000 passages the copy
-- was about half of a 2.4 GB file). passage_fts becomes an external-content FTS5 table: it reads the
-- text, the speaker's name and the document's title back from the view passage_fts_source when a
-- snippet or highlight needs them, and keeps only the inverted index.
--
-- The price (why 20261122010000 kept a copy): to forget a row, FTS5 must be told exactly the values it
-- indexed, and a cascade runs the child's triggers after the parent row is gone (a speaker deleted, its
-- passages' speakerId set to NULL; a document deleted, its passages deleted). So every change removes
-- the old entries in a BEFORE trigger, while the view still shows what was indexed, and puts the new
-- ones in an AFTER trigger, from the view:
--   * a passage inserted, updated or deleted: its own triggers;
--   * a speaker renamed, a document retitled: the parent's triggers, for all its passages;
--   * a document deleted: its BEFORE DELETE removes its passages' entries; the cascaded passage
--     deletes then find no row in the view (the document is gone) and remove nothing again;
--   * a speaker deleted: its BEFORE DELETE re-indexes its passages with no speaker; the cascaded
--     SET NULL updates then remove and add exactly that.
-- tests/integration/search/external-content.test.ts runs each of these and FTS5's content check
-- ('integrity-check' with rank 1), which compares the index with the view row by row.

DROP TRIGGER "passage_search_after_insert";
DROP TRIGGER "passage_search_after_delete";
DROP TRIGGER "passage_search_after_update";
DROP TRIGGER "speaker_search_after_rename";
DROP TRIGGER "document_search_after_retitle";
DROP TABLE "passage_fts_vocab";
DROP TABLE "passage_fts";

-- What passage_fts indexes, one row per passage: its id, text, speaker's name ('' for none), document title.
CREATE VIEW "passage_fts_source" AS
SELECT p."id" AS "id", p."text" AS "text", COALESCE(s."name", '') AS "speaker", d."title" AS "title"
FROM "Passage" p
JOIN "Document" d ON d."id" = p."documentId"
LEFT JOIN "Speaker" s ON s."id" = p."speakerId";

CREATE VIRTUAL TABLE "passage_fts" USING fts5(
    text,
    speaker,
    title,
    content = 'passage_fts_source',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE "passage_fts_vocab" USING fts5vocab('passage_fts', 'row');

-- Passages. passage_words_fts is contentless with contentless_delete: a delete by rowid needs no old values.
CREATE TRIGGER "passage_search_after_insert" AFTER INSERT ON "Passage" BEGIN
    INSERT INTO "passage_fts" ("rowid", "text", "speaker", "title")
    SELECT "id", "text", "speaker", "title" FROM "passage_fts_source" WHERE "id" = new."id";
    INSERT INTO "passage_words_fts" ("rowid", "text") VALUES (new."id", new."text");
END;

CREATE TRIGGER "passage_search_before_delete" BEFORE DELETE ON "Passage" BEGIN
    INSERT INTO "passage_fts" ("passage_fts", "rowid", "text", "speaker", "title")
    SELECT 'delete', "id", "text", "speaker", "title" FROM "passage_fts_source" WHERE "id" = old."id";
    DELETE FROM "passage_words_fts" WHERE "rowid" = old."id";
END;

CREATE TRIGGER "passage_search_before_update" BEFORE UPDATE OF "text", "speakerId", "documentId" ON "Passage" BEGIN
    INSERT INTO "passage_fts" ("passage_fts", "rowid", "text", "speaker", "title")
    SELECT 'delete', "id", "text", "speaker", "title" FROM "passage_fts_source" WHERE "id" = old."id";
    DELETE FROM "passage_words_fts" WHERE "rowid" = old."id";
END;

CREATE TRIGGER "passage_search_after_update" AFTER UPDATE OF "text", "speakerId", "documentId" ON "Passage" BEGIN
    INSERT INTO "passage_fts" ("rowid", "text", "speaker", "title")
    SELECT "id", "text", "speaker", "title" FROM "passage_fts_source" WHERE "id" = new."id";
    INSERT INTO "passage_words_fts" ("rowid", "text") VALUES (new."id", new."text");
END;

-- Speakers: a rename re-indexes the speaker's passages; a delete re-indexes them with no speaker
-- before the cascade sets their speakerId to NULL (see above).
CREATE TRIGGER "speaker_search_before_rename" BEFORE UPDATE OF "name" ON "Speaker" BEGIN
    INSERT INTO "passage_fts" ("passage_fts", "rowid", "text", "speaker", "title")
    SELECT 'delete', "id", "text", "speaker", "title" FROM "passage_fts_source"
    WHERE "id" IN (SELECT "id" FROM "Passage" WHERE "speakerId" = old."id");
END;

CREATE TRIGGER "speaker_search_after_rename" AFTER UPDATE OF "name" ON "Speaker" BEGIN
    INSERT INTO "passage_fts" ("rowid", "text", "speaker", "title")
    SELECT "id", "text", "speaker", "title" FROM "passage_fts_source"
    WHERE "id" IN (SELECT "id" FROM "Passage" WHERE "speakerId" = new."id");
END;

CREATE TRIGGER "speaker_search_before_delete" BEFORE DELETE ON "Speaker" BEGIN
    INSERT INTO "passage_fts" ("passage_fts", "rowid", "text", "speaker", "title")
    SELECT 'delete', "id", "text", "speaker", "title" FROM "passage_fts_source"
    WHERE "id" IN (SELECT "id" FROM "Passage" WHERE "speakerId" = old."id");
    INSERT INTO "passage_fts" ("rowid", "text", "speaker", "title")
    SELECT "id", "text", '', "title" FROM "passage_fts_source"
    WHERE "id" IN (SELECT "id" FROM "Passage" WHERE "speakerId" = old."id");
END;

-- Documents: a retitle re-indexes the document's passages; a delete forgets them before the cascade.
CREATE TRIGGER "document_search_before_retitle" BEFORE UPDATE OF "title" ON "Document" BEGIN
    INSERT INTO "passage_fts" ("passage_fts", "rowid", "text", "speaker", "title")
    SELECT 'delete', "id", "text", "speaker", "title" FROM "passage_fts_source"
    WHERE "id" IN (SELECT "id" FROM "Passage" WHERE "documentId" = old."id");
END;

CREATE TRIGGER "document_search_after_retitle" AFTER UPDATE OF "title" ON "Document" BEGIN
    INSERT INTO "passage_fts" ("rowid", "text", "speaker", "title")
    SELECT "id", "text", "speaker", "title" FROM "passage_fts_source"
    WHERE "id" IN (SELECT "id" FROM "Passage" WHERE "documentId" = new."id");
END;

CREATE TRIGGER "document_search_before_delete" BEFORE DELETE ON "Document" BEGIN
    INSERT INTO "passage_fts" ("passage_fts", "rowid", "text", "speaker", "title")
    SELECT 'delete', "id", "text", "speaker", "title" FROM "passage_fts_source"
    WHERE "id" IN (SELECT "id" FROM "Passage" WHERE "documentId" = old."id");
END;

-- Index what is there already, in one pass.
INSERT INTO "passage_fts" ("passage_fts") VALUES ('rebuild');
