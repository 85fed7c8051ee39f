-- 0004: notes (shared pages of a circle) and every revision of them. Generated with 'schema-script', then reviewed.
CREATE TABLE "Notes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Notes" PRIMARY KEY,
    "CircleId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    "CreatedById" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ChangedById" TEXT NOT NULL,
    "ChangedByName" TEXT NOT NULL,
    "ChangedAt" INTEGER NOT NULL,
    "DeletedAt" INTEGER NULL,
    "DeletedById" TEXT NULL,
    CONSTRAINT "FK_Notes_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "NoteRevisions" (
    "NoteId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "AuthorId" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "SavedAt" INTEGER NOT NULL,
    "RestoredFrom" INTEGER NULL,
    CONSTRAINT "PK_NoteRevisions" PRIMARY KEY ("NoteId", "Number"),
    CONSTRAINT "FK_NoteRevisions_Notes_NoteId" FOREIGN KEY ("NoteId") REFERENCES "Notes" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Notes_CircleId_ChangedAt" ON "Notes" ("CircleId", "ChangedAt");
