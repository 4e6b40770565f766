-- Stems as FTS5 stems them (issue 13): Porter's algorithm, which SQLite's tokenizer
-- ('porter unicode61 remove_diacritics 2') uses, in place of Snowball's English. The two mostly agree,
-- but Snowball's English keeps the plural s of a word with no vowel before it: "DVDs" stayed "dvds",
-- so a search for "DVD" missed a passage that only says "DVDs", which SQLite finds. PostgreSQL ships
-- Porter's algorithm among its Snowball stemmers, so the same words now meet on both engines.
ALTER TEXT SEARCH DICTIONARY archive_stem_fts (Language = porter);

-- Every stored tsvector was made with the old stems: made again. entity_fts.document is a stored
-- generated column, computed again by any update of its row.
UPDATE passage_fts f SET document = passage_fts_document(p."text", s."name", d."title")
FROM "Passage" p JOIN "Document" d ON d."id" = p."documentId" LEFT JOIN "Speaker" s ON s."id" = p."speakerId"
WHERE f.id = p."id";

UPDATE entity_fts SET name = name;
