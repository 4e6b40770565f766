-- Full-text search on PostgreSQL (issue 13): what SQLite's FTS5 tables hold (passage_fts, entity_fts,
-- passage_words_fts_vocab; see prisma/migrations/*_search and *_passage_fts_external), held in
-- tsvector columns with GIN indexes and kept in step by triggers, so that no write path can forget
-- them. lib/db/postgres/full-text.ts asks them. Every name here contains "_fts": the schema drift test
-- leaves such objects to this migration (Prisma's data model does not describe them).
--
-- This file holds dollar-quoted function bodies: it must run as one script (the simple query
-- protocol), never split at semicolons.

CREATE EXTENSION IF NOT EXISTS unaccent;

-- How text becomes words. SQLite's tokenizer (unicode61, remove_diacritics 2) keeps runs of letters,
-- digits and marks and splits at everything else; PostgreSQL's parser reads "covid-19" as "covid" and
-- the number -19, "U.S." as a file name, "jong-un" as the compound and its parts (one position more,
-- so the phrase "kim jong un" would not match). Turning ASCII punctuation into spaces first makes
-- both engines see the same words in the same positions (the query side's words, from
-- lib/search/query-parser.ts, never hold punctuation). Text is NFC first, as the query's words are.
-- Needs a UTF-8 database whose LC_CTYPE is a UTF-8 locale (C.UTF-8, en_US.UTF-8): under plain "C",
-- the parser takes every non-ASCII character for a letter, curly quotes and dashes included.
-- The 32 ASCII punctuation characters are four ranges (regexp_replace is many times faster here than
-- translate, which searches its list for every character of the text).
CREATE FUNCTION archive_fts_text(body text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN regexp_replace(normalize(body, NFC), '[!-/:-@[-`{-~]', ' ', 'g');

-- Stems without stop words: FTS5's porter tokenizer drops no word either, so a phrase with "the" in
-- it means the same on both engines, and lib/search decides itself which words carry no meaning.
CREATE TEXT SEARCH DICTIONARY archive_stem_fts (TEMPLATE = snowball, Language = english);

-- archive_fts: folded (unaccent: "Sánctions" → "sanctions"), lower case, stemmed (Snowball's English,
-- FTS5's is Porter's: close, not identical). Compound hyphenated tokens get no mapping, so they take no
-- position (none is left after archive_fts_text anyway; this keeps raw text in ts_headline in step).
CREATE TEXT SEARCH CONFIGURATION archive_fts (PARSER = default);
ALTER TEXT SEARCH CONFIGURATION archive_fts ADD MAPPING FOR asciiword, hword_asciipart WITH archive_stem_fts;
ALTER TEXT SEARCH CONFIGURATION archive_fts ADD MAPPING FOR word, hword_part WITH unaccent, archive_stem_fts;
ALTER TEXT SEARCH CONFIGURATION archive_fts ADD MAPPING FOR numword, hword_numpart WITH unaccent, simple;
ALTER TEXT SEARCH CONFIGURATION archive_fts ADD MAPPING FOR int, uint, float, sfloat, version, email, url, host, url_path, file WITH simple;

-- archive_words_fts: the words as written, folded and lower case, not stemmed: the vocabulary that
-- "did you mean" and prefixes read (SQLite's passage_words_fts).
CREATE TEXT SEARCH CONFIGURATION archive_words_fts (PARSER = default);
ALTER TEXT SEARCH CONFIGURATION archive_words_fts ADD MAPPING FOR asciiword, hword_asciipart WITH simple;
ALTER TEXT SEARCH CONFIGURATION archive_words_fts ADD MAPPING FOR word, hword_part, numword, hword_numpart WITH unaccent, simple;
ALTER TEXT SEARCH CONFIGURATION archive_words_fts ADD MAPPING FOR int, uint, float, sfloat, version, email, url, host, url_path, file WITH simple;

-- Passages --------------------------------------------------------------------------------------------

-- One row per passage: its text (weight A), its speaker's name (B) and its document's title (C), as
-- FTS5's three columns weighted 1.0, 0.5 and 0.2 at query time (ts_rank's weights, in full-text.ts).
-- The text itself stays in Passage: snippets read it from there.
CREATE TABLE passage_fts (
    id INTEGER PRIMARY KEY REFERENCES "Passage" ("id") ON DELETE CASCADE,
    document tsvector NOT NULL
);
CREATE INDEX passage_fts_document_idx ON passage_fts USING gin (document);

CREATE FUNCTION passage_fts_document(body text, speaker text, title text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN setweight(to_tsvector('archive_fts', archive_fts_text(COALESCE(body, ''))), 'A')
    || setweight(to_tsvector('archive_fts', archive_fts_text(COALESCE(speaker, ''))), 'B')
    || setweight(to_tsvector('archive_fts', archive_fts_text(COALESCE(title, ''))), 'C');

-- The words of passages' texts, each with the number of passages using it (FTS5's fts5vocab 'row'
-- table's `doc`). A table kept by the passage triggers rather than ts_stat() over every passage: that
-- reads the whole archive per call, and a refresh job could fall behind a write. Its collation is "C",
-- so `term >= 'a' AND term < 'b'` is a range of code points, as in SQLite, and a b-tree range scan.
CREATE TABLE passage_words_fts (
    term TEXT COLLATE "C" PRIMARY KEY,
    doc INTEGER NOT NULL
);
-- "Did you mean" also reads words by their second letter: an index, where SQLite scans.
CREATE INDEX passage_words_fts_second_idx ON passage_words_fts (substr(term, 2, 1));

CREATE FUNCTION passage_words_fts_of(body text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT unnest(tsvector_to_array(to_tsvector('archive_words_fts', archive_fts_text(body)))) $$;

-- Adds counts (negative: removes) to words; a word used by no passage any more leaves the list.
-- Rows are written in term order, so two writers can never wait on each other's words in a cycle.
CREATE FUNCTION passage_words_fts_add(terms text[], counts integer[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    emptied text[];
BEGIN
    WITH changed AS (
        INSERT INTO passage_words_fts AS w (term, doc)
        SELECT t.term, t.n FROM unnest(terms, counts) AS t (term, n) WHERE t.n <> 0 ORDER BY t.term
        ON CONFLICT (term) DO UPDATE SET doc = w.doc + excluded.doc
        RETURNING w.term, w.doc
    )
    SELECT array_agg(changed.term) INTO emptied FROM changed WHERE changed.doc <= 0;
    IF emptied IS NOT NULL THEN
        DELETE FROM passage_words_fts WHERE term = ANY (emptied) AND doc <= 0;
    END IF;
END $$;

-- Passages are indexed per statement, from the statement's rows (a bulk insert of 100,000 passages
-- is one pass and one update of the word counts, not 100,000). A cascade from Speaker (speakerId set
-- to NULL) or Document (passages deleted) is a statement on Passage too, and fires these.
CREATE FUNCTION passage_fts_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO passage_fts (id, document)
    SELECT n."id", passage_fts_document(n."text", s."name", d."title")
    FROM new_rows n JOIN "Document" d ON d."id" = n."documentId" LEFT JOIN "Speaker" s ON s."id" = n."speakerId";
    PERFORM passage_words_fts_add(array_agg(w.term), array_agg(w.n))
    FROM (SELECT term, count(*)::integer AS n FROM new_rows n, passage_words_fts_of(n."text") term GROUP BY term) w;
    RETURN NULL;
END $$;

CREATE FUNCTION passage_fts_after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE passage_fts f SET document = passage_fts_document(n."text", s."name", d."title")
    FROM new_rows n
    JOIN old_rows o ON o."id" = n."id"
    JOIN "Document" d ON d."id" = n."documentId"
    LEFT JOIN "Speaker" s ON s."id" = n."speakerId"
    WHERE f.id = n."id"
      AND (o."text" IS DISTINCT FROM n."text" OR o."speakerId" IS DISTINCT FROM n."speakerId" OR o."documentId" IS DISTINCT FROM n."documentId");
    PERFORM passage_words_fts_add(array_agg(w.term), array_agg(w.n))
    FROM (
        SELECT term, sum(n)::integer AS n FROM (
            SELECT term, 1 AS n FROM new_rows n JOIN old_rows o ON o."id" = n."id", passage_words_fts_of(n."text") term
            WHERE o."text" IS DISTINCT FROM n."text"
            UNION ALL
            SELECT term, -1 FROM new_rows n JOIN old_rows o ON o."id" = n."id", passage_words_fts_of(o."text") term
            WHERE o."text" IS DISTINCT FROM n."text"
        ) c
        GROUP BY term
    ) w;
    RETURN NULL;
END $$;

-- passage_fts forgets a deleted passage by its foreign key's cascade; the word counts need telling.
CREATE FUNCTION passage_fts_after_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM passage_words_fts_add(array_agg(w.term), array_agg(-w.n))
    FROM (SELECT term, count(*)::integer AS n FROM old_rows o, passage_words_fts_of(o."text") term GROUP BY term) w;
    RETURN NULL;
END $$;

CREATE TRIGGER passage_fts_after_insert AFTER INSERT ON "Passage"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION passage_fts_after_insert();
CREATE TRIGGER passage_fts_after_update AFTER UPDATE ON "Passage"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION passage_fts_after_update();
CREATE TRIGGER passage_fts_after_delete AFTER DELETE ON "Passage"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION passage_fts_after_delete();

-- A speaker renamed, a document retitled: their passages are indexed again.
CREATE FUNCTION passage_fts_speaker_renamed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE passage_fts f SET document = passage_fts_document(p."text", NEW."name", d."title")
    FROM "Passage" p JOIN "Document" d ON d."id" = p."documentId"
    WHERE p."speakerId" = NEW."id" AND f.id = p."id";
    RETURN NULL;
END $$;

CREATE FUNCTION passage_fts_document_retitled() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE passage_fts f SET document = passage_fts_document(p."text", s."name", NEW."title")
    FROM "Passage" p LEFT JOIN "Speaker" s ON s."id" = p."speakerId"
    WHERE p."documentId" = NEW."id" AND f.id = p."id";
    RETURN NULL;
END $$;

CREATE TRIGGER passage_fts_speaker_renamed AFTER UPDATE OF "name" ON "Speaker"
FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION passage_fts_speaker_renamed();
CREATE TRIGGER passage_fts_document_retitled AFTER UPDATE OF "title" ON "Document"
FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title") EXECUTE FUNCTION passage_fts_document_retitled();

-- Speakers, documents, topics, sections -----------------------------------------------------------------

-- One row per entity, its kind in its number as in SQLite's entity_fts rowid: speaker id*3, document
-- id*3+1, topic id*3+2, section -id. `name` (weight A: a speaker's name and aliases, a title, a topic's
-- name) and `detail` (B: the bio; subtitle, summary and publisher; a section's synopsis and keywords)
-- are kept as text too, for snippets. Whether a document is public is asked at query time.
CREATE TABLE entity_fts (
    entry BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    detail TEXT NOT NULL,
    document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('archive_fts', archive_fts_text(name)), 'A')
        || setweight(to_tsvector('archive_fts', archive_fts_text(detail)), 'B')
    ) STORED
);
CREATE INDEX entity_fts_document_idx ON entity_fts USING gin (document);

-- Each writes one entity's row again from the tables as they are now, or removes it when the entity
-- is gone (so a delete, a cascade and an alias change all take the same path).
CREATE FUNCTION entity_fts_speaker(speaker_id integer) RETURNS void
LANGUAGE sql BEGIN ATOMIC
    DELETE FROM entity_fts WHERE entry = speaker_id::bigint * 3;
    INSERT INTO entity_fts (entry, name, detail)
    SELECT s."id"::bigint * 3,
           s."name" || COALESCE((SELECT ' ' || string_agg(a."alias", ' ' ORDER BY a."id") FROM "SpeakerAlias" a WHERE a."speakerId" = s."id"), ''),
           COALESCE(s."bio", '')
    FROM "Speaker" s WHERE s."id" = speaker_id;
END;

CREATE FUNCTION entity_fts_document(document_id integer) RETURNS void
LANGUAGE sql BEGIN ATOMIC
    DELETE FROM entity_fts WHERE entry = document_id::bigint * 3 + 1;
    INSERT INTO entity_fts (entry, name, detail)
    SELECT d."id"::bigint * 3 + 1, d."title",
           COALESCE(d."subtitle", '') || chr(10) || COALESCE(d."summary", '') || chr(10) || COALESCE(d."publisher", '')
    FROM "Document" d WHERE d."id" = document_id;
END;

CREATE FUNCTION entity_fts_topic(topic_id integer) RETURNS void
LANGUAGE sql BEGIN ATOMIC
    DELETE FROM entity_fts WHERE entry = topic_id::bigint * 3 + 2;
    INSERT INTO entity_fts (entry, name, detail) SELECT t."id"::bigint * 3 + 2, t."name", '' FROM "Topic" t WHERE t."id" = topic_id;
END;

-- A section's keywords are a JSON array of strings (OHMS index points), written out as a list.
CREATE FUNCTION entity_fts_section(section_id integer) RETURNS void
LANGUAGE sql BEGIN ATOMIC
    DELETE FROM entity_fts WHERE entry = -section_id::bigint;
    INSERT INTO entity_fts (entry, name, detail)
    SELECT -ds."id"::bigint, ds."title",
           COALESCE(ds."synopsis", '') || chr(10) || COALESCE((SELECT string_agg(k, ', ') FROM json_array_elements_text(ds."keywords"::json) k), '')
    FROM "DocumentSection" ds WHERE ds."id" = section_id;
END;

CREATE FUNCTION entity_fts_speaker_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM entity_fts_speaker(CASE WHEN TG_OP = 'DELETE' THEN OLD."id" ELSE NEW."id" END);
    RETURN NULL;
END $$;

CREATE FUNCTION entity_fts_alias_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM entity_fts_speaker(OLD."speakerId"); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM entity_fts_speaker(NEW."speakerId"); END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION entity_fts_document_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM entity_fts_document(CASE WHEN TG_OP = 'DELETE' THEN OLD."id" ELSE NEW."id" END);
    RETURN NULL;
END $$;

CREATE FUNCTION entity_fts_topic_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM entity_fts_topic(CASE WHEN TG_OP = 'DELETE' THEN OLD."id" ELSE NEW."id" END);
    RETURN NULL;
END $$;

CREATE FUNCTION entity_fts_section_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM entity_fts_section(CASE WHEN TG_OP = 'DELETE' THEN OLD."id" ELSE NEW."id" END);
    RETURN NULL;
END $$;

CREATE TRIGGER entity_fts_speaker_changed AFTER INSERT OR DELETE OR UPDATE OF "name", "bio" ON "Speaker"
FOR EACH ROW EXECUTE FUNCTION entity_fts_speaker_changed();
CREATE TRIGGER entity_fts_alias_changed AFTER INSERT OR DELETE OR UPDATE ON "SpeakerAlias"
FOR EACH ROW EXECUTE FUNCTION entity_fts_alias_changed();
CREATE TRIGGER entity_fts_document_changed AFTER INSERT OR DELETE OR UPDATE OF "title", "subtitle", "summary", "publisher" ON "Document"
FOR EACH ROW EXECUTE FUNCTION entity_fts_document_changed();
CREATE TRIGGER entity_fts_topic_changed AFTER INSERT OR DELETE OR UPDATE OF "name" ON "Topic"
FOR EACH ROW EXECUTE FUNCTION entity_fts_topic_changed();
CREATE TRIGGER entity_fts_section_changed AFTER INSERT OR DELETE OR UPDATE OF "title", "synopsis", "keywords" ON "DocumentSection"
FOR EACH ROW EXECUTE FUNCTION entity_fts_section_changed();

-- TRUNCATE fires no row or delete triggers: each emptied table empties its part of the indexes
-- (passage_fts goes by its foreign key: a TRUNCATE of Passage must cascade to it).
CREATE FUNCTION archive_fts_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    CASE TG_TABLE_NAME
        WHEN 'Passage' THEN TRUNCATE passage_words_fts;
        WHEN 'Speaker' THEN DELETE FROM entity_fts WHERE entry >= 0 AND entry % 3 = 0;
        WHEN 'SpeakerAlias' THEN PERFORM entity_fts_speaker(s."id") FROM "Speaker" s;
        WHEN 'Document' THEN DELETE FROM entity_fts WHERE entry >= 0 AND entry % 3 = 1;
        WHEN 'Topic' THEN DELETE FROM entity_fts WHERE entry >= 0 AND entry % 3 = 2;
        WHEN 'DocumentSection' THEN DELETE FROM entity_fts WHERE entry < 0;
    END CASE;
    RETURN NULL;
END $$;

CREATE TRIGGER archive_fts_truncated AFTER TRUNCATE ON "Passage" FOR EACH STATEMENT EXECUTE FUNCTION archive_fts_truncated();
CREATE TRIGGER archive_fts_truncated AFTER TRUNCATE ON "Speaker" FOR EACH STATEMENT EXECUTE FUNCTION archive_fts_truncated();
CREATE TRIGGER archive_fts_truncated AFTER TRUNCATE ON "SpeakerAlias" FOR EACH STATEMENT EXECUTE FUNCTION archive_fts_truncated();
CREATE TRIGGER archive_fts_truncated AFTER TRUNCATE ON "Document" FOR EACH STATEMENT EXECUTE FUNCTION archive_fts_truncated();
CREATE TRIGGER archive_fts_truncated AFTER TRUNCATE ON "Topic" FOR EACH STATEMENT EXECUTE FUNCTION archive_fts_truncated();
CREATE TRIGGER archive_fts_truncated AFTER TRUNCATE ON "DocumentSection" FOR EACH STATEMENT EXECUTE FUNCTION archive_fts_truncated();

-- Index what is there already ------------------------------------------------------------------------

INSERT INTO passage_fts (id, document)
SELECT p."id", passage_fts_document(p."text", s."name", d."title")
FROM "Passage" p JOIN "Document" d ON d."id" = p."documentId" LEFT JOIN "Speaker" s ON s."id" = p."speakerId";

INSERT INTO passage_words_fts (term, doc)
SELECT term, count(*) FROM "Passage" p, passage_words_fts_of(p."text") term GROUP BY term;

SELECT entity_fts_speaker(s."id") FROM "Speaker" s;
SELECT entity_fts_document(d."id") FROM "Document" d;
SELECT entity_fts_topic(t."id") FROM "Topic" t;
SELECT entity_fts_section(ds."id") FROM "DocumentSection" ds;
