-- Meaning-based search (issue 9): each passage's text embedded by a sentence encoder, one row per
-- chunk (a long passage is cut into overlapping runs of sentences; it scores by its best chunk).
-- `bits` are the vector's 512 signs (64 bytes), scanned first by Hamming distance through the index
-- below without touching the table; `vector` is the int8 vector that rescores those candidates by
-- cosine. `model` names the encoder, so vectors of another model are never compared with a query's.

-- CreateTable
CREATE TABLE "PassageEmbedding" (
    "passageId" INTEGER NOT NULL,
    "chunk" INTEGER NOT NULL,
    "model" TEXT NOT NULL,
    "bits" BLOB NOT NULL,
    "vector" BLOB NOT NULL,

    PRIMARY KEY ("passageId", "chunk"),
    CONSTRAINT "PassageEmbedding_passageId_fkey" FOREIGN KEY ("passageId") REFERENCES "Passage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PassageEmbedding_model_bits_idx" ON "PassageEmbedding"("model", "bits");

-- A passage whose text changes loses its vectors in the same transaction as the edit, on every
-- connection (Prisma's, the writer, plain SQL), so it can never be found by its old meaning; it is
-- embedded again after the commit (lib/search/vectors/embed-pending.ts).
CREATE TRIGGER "passage_embedding_after_text_change" AFTER UPDATE OF "text" ON "Passage"
WHEN old."text" IS NOT new."text" BEGIN
    DELETE FROM "PassageEmbedding" WHERE "passageId" = old."id";
END;

-- The foreign key's cascade does this where foreign keys are on; the trigger also where they are not.
CREATE TRIGGER "passage_embedding_after_delete" AFTER DELETE ON "Passage" BEGIN
    DELETE FROM "PassageEmbedding" WHERE "passageId" = old."id";
END;
