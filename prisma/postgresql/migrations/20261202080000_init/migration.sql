-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('interview', 'essay', 'speech', 'testimony');

-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('draft', 'published');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'month', 'year');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('interviewer', 'interviewee', 'author', 'translator', 'editor');

-- CreateEnum
CREATE TYPE "PassageKind" AS ENUM ('question', 'answer', 'paragraph');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('editor', 'admin');

-- CreateTable
CREATE TABLE "Speaker" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "bio" TEXT,
    "bioSource" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Speaker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpeakerAlias" (
    "id" SERIAL NOT NULL,
    "speakerId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,

    CONSTRAINT "SpeakerAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "subtitle" TEXT,
    "summary" TEXT,
    "publisher" TEXT,
    "sourceUrl" TEXT,
    "publishedOn" TEXT NOT NULL,
    "publishedUntil" TEXT NOT NULL,
    "datePrecision" "DatePrecision" NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "caption" TEXT,
    "status" "DocumentStatus" NOT NULL DEFAULT 'draft',
    "deletedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "recordingUrl" TEXT,
    "recordingFile" TEXT,
    "recordingType" TEXT,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participant" (
    "documentId" INTEGER NOT NULL,
    "speakerId" INTEGER NOT NULL,
    "role" "ParticipantRole" NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Participant_pkey" PRIMARY KEY ("documentId","speakerId","role")
);

-- CreateTable
CREATE TABLE "Passage" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "anchor" INTEGER NOT NULL,
    "kind" "PassageKind" NOT NULL,
    "speakerId" INTEGER,
    "text" TEXT NOT NULL,
    "questionId" INTEGER,
    "startMs" INTEGER,
    "endMs" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Passage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PassageEmbedding" (
    "passageId" INTEGER NOT NULL,
    "chunk" INTEGER NOT NULL,
    "model" TEXT NOT NULL,
    "bits" BYTEA NOT NULL,
    "vector" BYTEA NOT NULL,

    CONSTRAINT "PassageEmbedding_pkey" PRIMARY KEY ("passageId","chunk")
);

-- CreateTable
CREATE TABLE "PassageEmbeddingChange" (
    "seq" SERIAL NOT NULL,
    "passageId" INTEGER NOT NULL,

    CONSTRAINT "PassageEmbeddingChange_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "PassageEmbeddingPending" (
    "passageId" INTEGER NOT NULL,

    CONSTRAINT "PassageEmbeddingPending_pkey" PRIMARY KEY ("passageId")
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "parentId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PassageTopic" (
    "passageId" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,

    CONSTRAINT "PassageTopic_pkey" PRIMARY KEY ("passageId","topicId")
);

-- CreateTable
CREATE TABLE "SearchSynonym" (
    "id" SERIAL NOT NULL,
    "term" TEXT NOT NULL,
    "group" INTEGER NOT NULL,

    CONSTRAINT "SearchSynonym_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "UserRole" NOT NULL DEFAULT 'editor',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SignInPairThrottle" (
    "email" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "unreported" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMP(3) NOT NULL,
    "retryAfter" TIMESTAMP(3),

    CONSTRAINT "SignInPairThrottle_pkey" PRIMARY KEY ("email","address")
);

-- CreateTable
CREATE TABLE "SignInAccountGuard" (
    "email" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "unreported" INTEGER NOT NULL DEFAULT 0,
    "lockedAt" TIMESTAMP(3),
    "noticeFailures" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SignInAccountGuard_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "SignInKnownAddress" (
    "userId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "lastSignInAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInKnownAddress_pkey" PRIMARY KEY ("userId","address")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" SERIAL NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "message" TEXT,
    "editorId" TEXT,
    "editorName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "summary" TEXT,
    "ipAddress" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TermImpactBuild" (
    "id" INTEGER NOT NULL,
    "averageLength" DOUBLE PRECISION NOT NULL,
    "listSize" INTEGER NOT NULL,
    "minPassages" INTEGER NOT NULL,
    "builtAt" TEXT NOT NULL,

    CONSTRAINT "TermImpactBuild_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TermImpactList" (
    "id" INTEGER NOT NULL,
    "term" TEXT NOT NULL,
    "floor" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "TermImpactList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TermImpact" (
    "listId" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "passageId" INTEGER NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "length" INTEGER NOT NULL,

    CONSTRAINT "TermImpact_pkey" PRIMARY KEY ("listId","score","passageId")
);

-- CreateTable
CREATE TABLE "TermImpactPending" (
    "passageId" INTEGER NOT NULL,

    CONSTRAINT "TermImpactPending_pkey" PRIMARY KEY ("passageId")
);

-- CreateTable
CREATE TABLE "DocumentSection" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "synopsis" TEXT,
    "keywords" TEXT NOT NULL DEFAULT '[]',
    "startAnchor" INTEGER NOT NULL,

    CONSTRAINT "DocumentSection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Speaker_slug_key" ON "Speaker"("slug");

-- CreateIndex
CREATE INDEX "SpeakerAlias_alias_idx" ON "SpeakerAlias"("alias");

-- CreateIndex
CREATE UNIQUE INDEX "SpeakerAlias_speakerId_alias_key" ON "SpeakerAlias"("speakerId", "alias");

-- CreateIndex
CREATE UNIQUE INDEX "Document_slug_key" ON "Document"("slug");

-- CreateIndex
CREATE INDEX "Document_status_publishedOn_idx" ON "Document"("status", "publishedOn");

-- CreateIndex
CREATE INDEX "Document_kind_idx" ON "Document"("kind");

-- CreateIndex
CREATE INDEX "Participant_speakerId_idx" ON "Participant"("speakerId");

-- CreateIndex
CREATE INDEX "Passage_speakerId_idx" ON "Passage"("speakerId");

-- CreateIndex
CREATE INDEX "Passage_questionId_idx" ON "Passage"("questionId");

-- CreateIndex
CREATE INDEX "Passage_kind_idx" ON "Passage"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "Passage_documentId_position_key" ON "Passage"("documentId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Passage_documentId_anchor_key" ON "Passage"("documentId", "anchor");

-- CreateIndex
CREATE INDEX "PassageEmbedding_model_bits_idx" ON "PassageEmbedding"("model", "bits");

-- CreateIndex
CREATE UNIQUE INDEX "Topic_slug_key" ON "Topic"("slug");

-- CreateIndex
CREATE INDEX "Topic_parentId_idx" ON "Topic"("parentId");

-- CreateIndex
CREATE INDEX "PassageTopic_topicId_idx" ON "PassageTopic"("topicId");

-- CreateIndex
CREATE UNIQUE INDEX "SearchSynonym_term_key" ON "SearchSynonym"("term");

-- CreateIndex
CREATE INDEX "SearchSynonym_group_idx" ON "SearchSynonym"("group");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_token_key" ON "Session"("token");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE INDEX "Verification_identifier_idx" ON "Verification"("identifier");

-- CreateIndex
CREATE INDEX "Revision_editorId_idx" ON "Revision"("editorId");

-- CreateIndex
CREATE UNIQUE INDEX "Revision_entityType_entityId_version_key" ON "Revision"("entityType", "entityId", "version");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "TermImpactList_term_key" ON "TermImpactList"("term");

-- CreateIndex
CREATE INDEX "TermImpact_passageId_idx" ON "TermImpact"("passageId");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentSection_documentId_position_key" ON "DocumentSection"("documentId", "position");

-- AddForeignKey
ALTER TABLE "SpeakerAlias" ADD CONSTRAINT "SpeakerAlias_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Passage" ADD CONSTRAINT "Passage_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Passage" ADD CONSTRAINT "Passage_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Passage" ADD CONSTRAINT "Passage_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Passage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassageEmbedding" ADD CONSTRAINT "PassageEmbedding_passageId_fkey" FOREIGN KEY ("passageId") REFERENCES "Passage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Topic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassageTopic" ADD CONSTRAINT "PassageTopic_passageId_fkey" FOREIGN KEY ("passageId") REFERENCES "Passage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassageTopic" ADD CONSTRAINT "PassageTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignInKnownAddress" ADD CONSTRAINT "SignInKnownAddress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentSection" ADD CONSTRAINT "DocumentSection_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What the app relies on beyond the models (Prisma cannot express it), ported from the SQLite
-- migrations: a CHECK and the triggers that keep the search bookkeeping tables exact on every
-- connection. Full-text search is the next migration (20261202080100_full_text). PostgreSQL's
-- triggers call functions, named here like the trigger they serve; a WHEN clause cannot hold a
-- subquery, so SQLite's `WHEN EXISTS (…)` is an IF in the function; INSERT OR IGNORE is ON CONFLICT
-- DO NOTHING. SQLite's "passage_embedding_after_delete" has no counterpart: foreign keys are always
-- enforced here, so the cascade of "PassageEmbedding_passageId_fkey" does its work.

-- TermImpactBuild holds one row (20261202040000_term_impacts).
ALTER TABLE "TermImpactBuild" ADD CONSTRAINT "TermImpactBuild_id_check" CHECK ("id" = 1);

-- A passage whose text changes loses its vectors in the same transaction as the edit
-- (20261202020000_passage_embeddings); it is embedded again after the commit.
CREATE FUNCTION "passage_embedding_after_text_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "PassageEmbedding" WHERE "passageId" = OLD."id";
    RETURN NULL;
END;
$$;
CREATE TRIGGER "passage_embedding_after_text_change" AFTER UPDATE OF "text" ON "Passage"
FOR EACH ROW WHEN (OLD."text" IS DISTINCT FROM NEW."text") EXECUTE FUNCTION "passage_embedding_after_text_change"();

-- Passages to rescore for the ranking lists, only once lists exist (20261202040000_term_impacts).
CREATE FUNCTION "term_impact_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "TermImpactBuild") THEN
        INSERT INTO "TermImpactPending" ("passageId") VALUES (NEW."id") ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "term_impact_after_insert" AFTER INSERT ON "Passage"
FOR EACH ROW EXECUTE FUNCTION "term_impact_after_insert"();

CREATE FUNCTION "term_impact_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "TermImpactBuild") THEN
        INSERT INTO "TermImpactPending" ("passageId") VALUES (OLD."id") ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "term_impact_after_delete" AFTER DELETE ON "Passage"
FOR EACH ROW EXECUTE FUNCTION "term_impact_after_delete"();

CREATE FUNCTION "term_impact_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "TermImpactBuild") THEN
        INSERT INTO "TermImpactPending" ("passageId") VALUES (OLD."id") ON CONFLICT DO NOTHING;
        INSERT INTO "TermImpactPending" ("passageId") VALUES (NEW."id") ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "term_impact_after_update" AFTER UPDATE OF "text", "speakerId", "documentId" ON "Passage"
FOR EACH ROW EXECUTE FUNCTION "term_impact_after_update"();

CREATE FUNCTION "term_impact_after_speaker_rename"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "TermImpactBuild") THEN
        INSERT INTO "TermImpactPending" ("passageId") SELECT "id" FROM "Passage" WHERE "speakerId" = NEW."id" ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "term_impact_after_speaker_rename" AFTER UPDATE OF "name" ON "Speaker"
FOR EACH ROW EXECUTE FUNCTION "term_impact_after_speaker_rename"();

CREATE FUNCTION "term_impact_after_document_retitle"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "TermImpactBuild") THEN
        INSERT INTO "TermImpactPending" ("passageId") SELECT "id" FROM "Passage" WHERE "documentId" = NEW."id" ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "term_impact_after_document_retitle" AFTER UPDATE OF "title" ON "Document"
FOR EACH ROW EXECUTE FUNCTION "term_impact_after_document_retitle"();

-- Every change to PassageEmbedding is logged, and the passages without vectors are marked
-- (20261202050000_passage_embedding_changes).
CREATE FUNCTION "passage_embedding_change_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "PassageEmbeddingChange" ("passageId") VALUES (NEW."passageId");
    DELETE FROM "PassageEmbeddingPending" WHERE "passageId" = NEW."passageId";
    RETURN NULL;
END;
$$;
CREATE TRIGGER "passage_embedding_change_after_insert" AFTER INSERT ON "PassageEmbedding"
FOR EACH ROW EXECUTE FUNCTION "passage_embedding_change_after_insert"();

-- A passage whose vectors go while it stays is pending again; one that is itself being deleted is
-- not (the cascade deletes its vectors after its row is gone).
CREATE FUNCTION "passage_embedding_change_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "PassageEmbeddingChange" ("passageId") VALUES (OLD."passageId");
    INSERT INTO "PassageEmbeddingPending" ("passageId")
        SELECT OLD."passageId" WHERE EXISTS (SELECT 1 FROM "Passage" WHERE "id" = OLD."passageId")
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "passage_embedding_change_after_delete" AFTER DELETE ON "PassageEmbedding"
FOR EACH ROW EXECUTE FUNCTION "passage_embedding_change_after_delete"();

-- The app never updates a vector in place (it deletes and inserts), but plain SQL may.
CREATE FUNCTION "passage_embedding_change_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "PassageEmbeddingChange" ("passageId") VALUES (OLD."passageId");
    IF NEW."passageId" IS DISTINCT FROM OLD."passageId" THEN
        INSERT INTO "PassageEmbeddingChange" ("passageId") VALUES (NEW."passageId");
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "passage_embedding_change_after_update" AFTER UPDATE ON "PassageEmbedding"
FOR EACH ROW EXECUTE FUNCTION "passage_embedding_change_after_update"();

-- The log keeps about the last 100,000 changes, pruned every 1,000.
CREATE FUNCTION "passage_embedding_change_prune"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "PassageEmbeddingChange" WHERE "seq" <= NEW."seq" - 100000;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "passage_embedding_change_prune" AFTER INSERT ON "PassageEmbeddingChange"
FOR EACH ROW WHEN (NEW."seq" % 1000 = 0) EXECUTE FUNCTION "passage_embedding_change_prune"();

CREATE FUNCTION "passage_embedding_pending_after_passage_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "PassageEmbeddingPending" ("passageId") VALUES (NEW."id") ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "passage_embedding_pending_after_passage_insert" AFTER INSERT ON "Passage"
FOR EACH ROW EXECUTE FUNCTION "passage_embedding_pending_after_passage_insert"();

CREATE FUNCTION "passage_embedding_pending_after_text_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "PassageEmbeddingPending" ("passageId") VALUES (NEW."id") ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "passage_embedding_pending_after_text_change" AFTER UPDATE OF "text" ON "Passage"
FOR EACH ROW WHEN (OLD."text" IS DISTINCT FROM NEW."text") EXECUTE FUNCTION "passage_embedding_pending_after_text_change"();

CREATE FUNCTION "passage_embedding_pending_after_passage_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "PassageEmbeddingPending" WHERE "passageId" = OLD."id";
    RETURN NULL;
END;
$$;
CREATE TRIGGER "passage_embedding_pending_after_passage_delete" AFTER DELETE ON "Passage"
FOR EACH ROW EXECUTE FUNCTION "passage_embedding_pending_after_passage_delete"();
