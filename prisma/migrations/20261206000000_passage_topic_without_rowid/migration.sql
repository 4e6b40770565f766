-- A passage's topics kept in their primary key's own b-tree (WITHOUT ROWID), not in a rowid table
-- beside it: every read of the table goes by that key or by the topic's index, so the rowid table
-- was a second copy of each pair. At 1,000,000 passages (1.9 million pairs) it took 31 MiB of the
-- 1,500 the database file may take (issue 10), room the ranking lists now use. Same columns, keys,
-- index and foreign keys as before (prisma/schema/topics.prisma); no trigger reads this table.
CREATE TABLE "PassageTopic_new" (
    "passageId" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,

    PRIMARY KEY ("passageId", "topicId"),
    CONSTRAINT "PassageTopic_passageId_fkey" FOREIGN KEY ("passageId") REFERENCES "Passage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PassageTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic" ("id") ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;
INSERT INTO "PassageTopic_new" ("passageId", "topicId") SELECT "passageId", "topicId" FROM "PassageTopic" ORDER BY "passageId", "topicId";
DROP TABLE "PassageTopic";
ALTER TABLE "PassageTopic_new" RENAME TO "PassageTopic";
CREATE INDEX "PassageTopic_topicId_idx" ON "PassageTopic"("topicId");
