-- Time and media (issue 12): a document may have a recording (an external address or an uploaded
-- file), its passages may carry their start and end in it, and a long interview may have a table of
-- contents. Every column is optional: a text-only document (the seeds) reads exactly as before.

-- AlterTable
ALTER TABLE "Document" ADD COLUMN "recordingUrl" TEXT;
ALTER TABLE "Document" ADD COLUMN "recordingFile" TEXT;
ALTER TABLE "Document" ADD COLUMN "recordingType" TEXT;

-- AlterTable
ALTER TABLE "Passage" ADD COLUMN "startMs" INTEGER;
ALTER TABLE "Passage" ADD COLUMN "endMs" INTEGER;

-- CreateTable
CREATE TABLE "DocumentSection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "documentId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "synopsis" TEXT,
    "keywords" TEXT NOT NULL DEFAULT '[]',
    "startAnchor" INTEGER NOT NULL,
    CONSTRAINT "DocumentSection_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentSection_documentId_position_key" ON "DocumentSection"("documentId", "position");
