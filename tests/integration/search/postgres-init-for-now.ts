// TEMPORARY (until the PostgreSQL init migration is on main): the tables the full-text migration reads.
export const INIT_TABLES = `
CREATE TYPE "PassageKind" AS ENUM ('question','answer','paragraph');
CREATE TABLE "Speaker" ("id" SERIAL PRIMARY KEY, "slug" TEXT NOT NULL UNIQUE, "name" TEXT NOT NULL, "bio" TEXT, "bioSource" TEXT, "version" INTEGER NOT NULL DEFAULT 1, "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updatedAt" TIMESTAMP(3) NOT NULL);
CREATE TABLE "SpeakerAlias" ("id" SERIAL PRIMARY KEY, "speakerId" INTEGER NOT NULL REFERENCES "Speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE, "alias" TEXT NOT NULL);
CREATE TABLE "Document" ("id" SERIAL PRIMARY KEY, "slug" TEXT NOT NULL UNIQUE, "kind" TEXT NOT NULL, "title" TEXT NOT NULL, "subtitle" TEXT, "summary" TEXT, "publisher" TEXT, "publishedOn" TEXT NOT NULL, "publishedUntil" TEXT NOT NULL, "datePrecision" TEXT NOT NULL, "status" TEXT NOT NULL DEFAULT 'draft', "deletedAt" TIMESTAMP(3), "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updatedAt" TIMESTAMP(3) NOT NULL);
CREATE TABLE "Passage" ("id" SERIAL PRIMARY KEY, "documentId" INTEGER NOT NULL REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE, "position" INTEGER NOT NULL, "anchor" INTEGER NOT NULL, "kind" "PassageKind" NOT NULL, "speakerId" INTEGER REFERENCES "Speaker"("id") ON DELETE SET NULL ON UPDATE CASCADE, "text" TEXT NOT NULL, "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updatedAt" TIMESTAMP(3) NOT NULL);
CREATE TABLE "Topic" ("id" SERIAL PRIMARY KEY, "slug" TEXT NOT NULL UNIQUE, "name" TEXT NOT NULL, "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updatedAt" TIMESTAMP(3) NOT NULL);
CREATE TABLE "DocumentSection" ("id" SERIAL PRIMARY KEY, "documentId" INTEGER NOT NULL REFERENCES "Document"("id") ON DELETE CASCADE, "position" INTEGER NOT NULL, "title" TEXT NOT NULL, "synopsis" TEXT, "keywords" TEXT NOT NULL DEFAULT '[]', "startAnchor" INTEGER NOT NULL);
`;
