-- 0005: the circle's logbook and the earlier texts of corrected entries. Generated with 'schema-script', then reviewed.
CREATE TABLE "LogbookEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LogbookEntries" PRIMARY KEY,
    "CircleId" TEXT NOT NULL,
    "AuthorId" TEXT NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Wellbeing" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CorrectedAt" INTEGER NULL,
    CONSTRAINT "FK_LogbookEntries_AspNetUsers_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_LogbookEntries_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "LogbookCorrections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LogbookCorrections" PRIMARY KEY AUTOINCREMENT,
    "EntryId" TEXT NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Wellbeing" TEXT NULL,
    "WrittenAt" INTEGER NOT NULL,
    "ReplacedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_LogbookCorrections_LogbookEntries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "LogbookEntries" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_LogbookCorrections_EntryId" ON "LogbookCorrections" ("EntryId");

CREATE INDEX "IX_LogbookEntries_AuthorId" ON "LogbookEntries" ("AuthorId");

CREATE INDEX "IX_LogbookEntries_CircleId_OccurredOn_CreatedAt" ON "LogbookEntries" ("CircleId", "OccurredOn", "CreatedAt");
