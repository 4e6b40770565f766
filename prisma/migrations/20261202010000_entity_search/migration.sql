-- Full-text search over the people, documents and topics themselves (Prisma cannot express this;
-- see README, "Search"), so that a word found only in a bio or a summary ("defector", "escapee")
-- finds the speaker or the document. One row per entity; its rowid encodes which:
-- speaker id*3, document id*3+1, topic id*3+2 (so a trigger can find the row without a lookup).
-- Columns: `name` (a speaker's name and aliases, a document's title, a topic's name) and `detail`
-- (the bio; the subtitle, summary and publisher), weighted at query time. Like passage_fts it keeps
-- its own copy of the text, for the same reason (see 20261122010000_passage_search).
-- Whether a document is published is asked at query time, from Document: publishing is then no
-- concern of the index, and a draft's words are never shown.
CREATE VIRTUAL TABLE "entity_fts" USING fts5(
    name,
    detail,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Speakers: the name with every alias, and the bio.
CREATE TRIGGER "entity_search_speaker_insert" AFTER INSERT ON "Speaker" BEGIN
    INSERT INTO "entity_fts" ("rowid", "name", "detail") VALUES (new."id" * 3, new."name", COALESCE(new."bio", ''));
END;

CREATE TRIGGER "entity_search_speaker_update" AFTER UPDATE OF "name", "bio" ON "Speaker" BEGIN
    DELETE FROM "entity_fts" WHERE "rowid" = old."id" * 3;
    INSERT INTO "entity_fts" ("rowid", "name", "detail") VALUES (
        new."id" * 3,
        new."name" || COALESCE((SELECT ' ' || group_concat("alias", ' ') FROM "SpeakerAlias" WHERE "speakerId" = new."id"), ''),
        COALESCE(new."bio", '')
    );
END;

CREATE TRIGGER "entity_search_speaker_delete" AFTER DELETE ON "Speaker" BEGIN
    DELETE FROM "entity_fts" WHERE "rowid" = old."id" * 3;
END;

-- An alias added, changed or removed rewrites its speaker's row (the speaker may be gone: a cascade).
CREATE TRIGGER "entity_search_alias_insert" AFTER INSERT ON "SpeakerAlias" BEGIN
    DELETE FROM "entity_fts" WHERE "rowid" = new."speakerId" * 3;
    INSERT INTO "entity_fts" ("rowid", "name", "detail")
    SELECT s."id" * 3, s."name" || COALESCE((SELECT ' ' || group_concat("alias", ' ') FROM "SpeakerAlias" WHERE "speakerId" = s."id"), ''), COALESCE(s."bio", '')
    FROM "Speaker" s WHERE s."id" = new."speakerId";
END;

CREATE TRIGGER "entity_search_alias_update" AFTER UPDATE ON "SpeakerAlias" BEGIN
    DELETE FROM "entity_fts" WHERE "rowid" IN (old."speakerId" * 3, new."speakerId" * 3);
    INSERT INTO "entity_fts" ("rowid", "name", "detail")
    SELECT s."id" * 3, s."name" || COALESCE((SELECT ' ' || group_concat("alias", ' ') FROM "SpeakerAlias" WHERE "speakerId" = s."id"), ''), COALESCE(s."bio", '')
    FROM "Speaker" s WHERE s."id" IN (old."speakerId", new."speakerId");
END;

CREATE TRIGGER "entity_search_alias_delete" AFTER DELETE ON "SpeakerAlias" BEGIN
    DELETE FROM "entity_fts" WHERE "rowid" = old."speakerId" * 3;
    INSERT INTO "entity_fts" ("rowid", "name", "detail")
    SELECT s."id" * 3, s."name" || COALESCE((SELECT ' ' || group_concat("alias", ' ') FROM "SpeakerAlias" WHERE "speakerId" = s."id"), ''), COALESCE(s."bio", '')
    FROM "Speaker" s WHERE s."id" = old."speakerId";
END;

-- Documents: the title, and the subtitle, summary and publisher.
CREATE TRIGGER "entity_search_document_insert" AFTER INSERT ON "Document" BEGIN
    INSERT INTO "entity_fts" ("rowid", "name", "detail") VALUES (
        new."id" * 3 + 1,
        new."title",
        COALESCE(new."subtitle", '') || char(10) || COALESCE(new."summary", '') || char(10) || COALESCE(new."publisher", '')
    );
END;

CREATE TRIGGER "entity_search_document_update" AFTER UPDATE OF "title", "subtitle", "summary", "publisher" ON "Document" BEGIN
    DELETE FROM "entity_fts" WHERE "rowid" = old."id" * 3 + 1;
    INSERT INTO "entity_fts" ("rowid", "name", "detail") VALUES (
        new."id" * 3 + 1,
        new."title",
        COALESCE(new."subtitle", '') || char(10) || COALESCE(new."summary", '') || char(10) || COALESCE(new."publisher", '')
    );
END;

CREATE TRIGGER "entity_search_document_delete" AFTER DELETE ON "Document" BEGIN
    DELETE FROM "entity_fts" WHERE "rowid" = old."id" * 3 + 1;
END;

-- Topics: the name.
CREATE TRIGGER "entity_search_topic_insert" AFTER INSERT ON "Topic" BEGIN
    INSERT INTO "entity_fts" ("rowid", "name", "detail") VALUES (new."id" * 3 + 2, new."name", '');
END;

CREATE TRIGGER "entity_search_topic_update" AFTER UPDATE OF "name" ON "Topic" BEGIN
    DELETE FROM "entity_fts" WHERE "rowid" = old."id" * 3 + 2;
    INSERT INTO "entity_fts" ("rowid", "name", "detail") VALUES (new."id" * 3 + 2, new."name", '');
END;

CREATE TRIGGER "entity_search_topic_delete" AFTER DELETE ON "Topic" BEGIN
    DELETE FROM "entity_fts" WHERE "rowid" = old."id" * 3 + 2;
END;

-- Index what is there already.
INSERT INTO "entity_fts" ("rowid", "name", "detail")
SELECT s."id" * 3, s."name" || COALESCE((SELECT ' ' || group_concat("alias", ' ') FROM "SpeakerAlias" WHERE "speakerId" = s."id"), ''), COALESCE(s."bio", '')
FROM "Speaker" s;

INSERT INTO "entity_fts" ("rowid", "name", "detail")
SELECT d."id" * 3 + 1, d."title", COALESCE(d."subtitle", '') || char(10) || COALESCE(d."summary", '') || char(10) || COALESCE(d."publisher", '') FROM "Document" d;

INSERT INTO "entity_fts" ("rowid", "name", "detail") SELECT t."id" * 3 + 2, t."name", '' FROM "Topic" t;
