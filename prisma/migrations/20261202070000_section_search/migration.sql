-- A long interview's table of contents is searchable (issue 12): a section's title, synopsis and
-- keywords join the speakers-documents-topics index (entity_fts, 20261202010000_entity_search), so a
-- reader's words find the section and its link lands on the passage it starts at. Sections take the
-- negative rowids (-id): the positive ones encode speakers, documents and topics as id*3+k, and a
-- negative rowid can never collide with them. As for documents, whether the section's document is
-- public is asked at query time.
CREATE TRIGGER "entity_search_section_insert" AFTER INSERT ON "DocumentSection" BEGIN
    INSERT INTO "entity_fts" ("rowid", "name", "detail") VALUES (
        -new."id",
        new."title",
        COALESCE(new."synopsis", '') || char(10) || COALESCE((SELECT group_concat(value, ', ') FROM json_each(new."keywords")), '')
    );
END;

CREATE TRIGGER "entity_search_section_update" AFTER UPDATE OF "title", "synopsis", "keywords" ON "DocumentSection" BEGIN
    DELETE FROM "entity_fts" WHERE "rowid" = -old."id";
    INSERT INTO "entity_fts" ("rowid", "name", "detail") VALUES (
        -new."id",
        new."title",
        COALESCE(new."synopsis", '') || char(10) || COALESCE((SELECT group_concat(value, ', ') FROM json_each(new."keywords")), '')
    );
END;

CREATE TRIGGER "entity_search_section_delete" AFTER DELETE ON "DocumentSection" BEGIN
    DELETE FROM "entity_fts" WHERE "rowid" = -old."id";
END;
